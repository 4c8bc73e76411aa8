//! WEIGHT001: the first-level full marks (with the execution-rate item of a self-evaluation
//! form) against the standard's total, 100.

use crate::checks::arith::check_sum;
use crate::checks::tree::{children_rep, Measure, Rep};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::document::Span;
use crate::number::{format_plain, Num, Precision};

pub struct FullMarksTotal;

impl Check for FullMarksTotal {
    fn codes(&self) -> &'static [&'static str] {
        &["WEIGHT001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let expected_value = cx.profile.full_marks_total;
        for card in &cx.report.scorecards {
            let root = card.root();
            // Without a 合计/总分 row the table may stop short (an excerpt, a form cut off
            // before its last groups): only a table that closes with its total is held to it.
            if root.full.is_empty() && root.score.is_empty() {
                continue;
            }
            let Rep::Known(parts) = children_rep(card, 0, Measure::Full, None, None) else {
                continue;
            };
            let anchor = root.full.first().map_or(Span::default(), |s| s.num.span);
            let expected = Num::new(
                expected_value,
                Precision::Exact,
                anchor,
                format_plain(expected_value),
            );
            let nums: Vec<&Num> = parts.iter().map(|p| &p.num).collect();
            let Some(mut v) = check_sum(&nums, &expected, cx.profile.rounding) else {
                continue;
            };
            // The standard's total is not a cell of the report.
            v.constraint.subject = None;
            v.constraint.cells.remove(0);
            let mut f = Finding::new("WEIGHT001")
                .arg_same("computed", v.computed_text())
                .arg_same("expected", format_plain(expected_value))
                .arg_same(
                    "diff",
                    crate::number::format_signed(v.computed - expected_value, v.decimals),
                )
                .arg_same("arithmetic", v.arithmetic.clone())
                .arg(
                    "standard",
                    Text::new(cx.profile.title_zh.clone(), cx.profile.title_en.clone()),
                );
            if let Some(stated) = root.full.first() {
                f = f.label(
                    stated.num.span,
                    Text::new(
                        format!("合计满分 {}", stated.num.text),
                        format!("total full marks {}", stated.num.text),
                    ),
                );
            }
            for p in &parts {
                f = f.label(p.num.span, Text::default());
            }
            out.push(f.constraint(v.constraint));
        }
    }
}

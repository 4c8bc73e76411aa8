//! RATE005: in an evaluation report, the score of the 预算执行率 indicator against the report's
//! execution rate under the profile's formula. Third-party frameworks score this item in
//! several ways, so a mismatch is a warning that shows the arithmetic of every formula the
//! profile knows; choose the matching profile (`--standard`) to silence it.

use super::{formula_arithmetic, formula_scores, score_fits};
use crate::checks::tree::{node_name, pick};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::{Interval, Num};
use crate::report::{AmountTableKind, NodeKind, Origin, RateKind, RowKind, ScorecardKind};
use crate::text::compact;
use rust_decimal::Decimal;

pub struct IndicatorExecutionScore;

impl Check for IndicatorExecutionScore {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE005"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((rate_num, rates)) = report_rate(cx) else {
            return;
        };
        for card in &cx.report.scorecards {
            if card.kind != ScorecardKind::Evaluation {
                continue;
            }
            for (id, node) in card.nodes.iter().enumerate() {
                if node.kind != NodeKind::Indicator || !node.children.is_empty() {
                    continue;
                }
                let Some(label) = &node.label else {
                    continue;
                };
                if !compact(&label.name).ends_with("预算执行率") {
                    continue;
                }
                let (Some(full), Some(score)) = (
                    pick(&node.full, Some(Origin::Detail)),
                    pick(&node.score, Some(Origin::Detail)),
                ) else {
                    continue;
                };
                let expected = formula_scores(&cx.profile.execution_score, full.num.value, &rates);
                if score_fits(&score.num, &expected, cx.profile.rounding) {
                    continue;
                }
                let rate_text = format!("{}%", rate_num.text.trim_end_matches('%'));
                out.push(
                    Finding::new("RATE005")
                        .arg("node", node_name(card, id))
                        .arg_same("stated", score.num.text.clone())
                        .arg_same("weight", full.num.text.clone())
                        .arg_same("rate", rate_text.clone())
                        .arg(
                            "arithmetic",
                            formula_arithmetic(&full.num, &rate_text, &expected),
                        )
                        .arg(
                            "standard",
                            Text::new(cx.profile.title_zh.clone(), cx.profile.title_en.clone()),
                        )
                        .label(score.num.span, Text::new("得分", "score"))
                        .label(rate_num.span, Text::new("预算执行率", "execution rate")),
                );
            }
        }
    }
}

/// The report's overall execution rate: the total row of its budget execution table.
fn report_rate<'r>(cx: &Context<'r>) -> Option<(&'r Num, Vec<Interval>)> {
    for table in &cx.report.amount_tables {
        if table.kind != AmountTableKind::Table {
            continue;
        }
        let Some(link) = table.rates.iter().find(|l| l.kind == RateKind::Execution) else {
            continue;
        };
        let Some(total) = table.rows.iter().find(|r| r.kind == RowKind::Total) else {
            continue;
        };
        let Some(rate) = total.values[link.rate].as_ref() else {
            continue;
        };
        let mut rates: Vec<Interval> = cx
            .profile
            .rounding
            .modes()
            .iter()
            .map(|&m| rate.interval(m))
            .collect();
        if let (Some(spent), Some(budget)) = (
            &total.values[link.numerator],
            &total.values[link.denominator],
        ) {
            for &m in cx.profile.rounding.modes() {
                if let Some(q) = spent.interval(m).div(&budget.interval(m)) {
                    rates.push(q.scale(Decimal::ONE_HUNDRED));
                }
            }
        }
        return Some((rate, rates));
    }
    None
}

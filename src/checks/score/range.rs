//! SCORE001: a score below zero or above the indicator's full marks.

use crate::checks::tree::{pick, rep, Measure, Rep};
use crate::checks::{Check, Context};
use crate::diagnostic::{Constraint, Finding, Implied, Text};
use crate::number::{format_plain, Interval};
use rust_decimal::Decimal;

pub struct ScoreRange;

impl Check for ScoreRange {
    fn codes(&self) -> &'static [&'static str] {
        &["SCORE001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let policy = cx.profile.rounding;
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                for score in &node.score {
                    let full_values = match pick(&node.full, Some(score.origin)) {
                        Some(f) => vec![f],
                        None => match rep(card, id, Measure::Full, Some(score.origin), None) {
                            Rep::Known(parts) => parts,
                            _ => continue,
                        },
                    };
                    let full: Decimal =
                        crate::number::total(full_values.iter().map(|f| f.num.value));
                    let below = score.num.value < Decimal::ZERO;
                    let above = policy.modes().iter().all(|&m| {
                        let full_hi: Decimal =
                            crate::number::total(full_values.iter().map(|f| f.num.interval(m).hi));
                        score.num.interval(m).lo > full_hi
                    });
                    if !below && !above {
                        continue;
                    }
                    let full_text = format_plain(full);
                    let (zh, en) = if below {
                        (
                            format!("得分 {} < 0", score.num.text),
                            format!("score {} < 0", score.num.text),
                        )
                    } else {
                        (
                            format!("得分 {} > 满分 {}", score.num.text, full_text),
                            format!("score {} > full marks {}", score.num.text, full_text),
                        )
                    };
                    let mut f = Finding::new("SCORE001")
                        .arg("node", crate::checks::tree::node_name(card, id))
                        .arg_same("stated", score.num.text.clone())
                        .arg_same("full", full_text.clone())
                        .arg("source", crate::checks::tree::origin_name(score.origin))
                        .label(score.num.span, Text::new(zh, en))
                        .constraint(Constraint {
                            subject: Some(score.num.span),
                            cells: vec![Implied {
                                span: score.num.span,
                                // A negative 分值 is no range at all: the score can only be 0.
                                value: Interval::new(Decimal::ZERO, full.max(Decimal::ZERO)),
                                point: score
                                    .num
                                    .value
                                    .clamp(Decimal::ZERO, full.max(Decimal::ZERO)),
                                decimals: score.num.display_decimals(),
                            }],
                        });
                    if full_values.len() == 1 {
                        f = f.label(full_values[0].num.span, Text::new("满分", "full marks"));
                    }
                    out.push(f);
                }
            }
        }
    }
}

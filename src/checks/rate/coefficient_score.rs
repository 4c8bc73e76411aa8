//! RATE010: a score printed beside its 得分系数 (a 部门整体 form's `得分系数 | 权重 | 得分`) is
//! the coefficient times the weight, rounded once at the score's decimals; a whole-number score
//! means that whole number.

use rust_decimal::Decimal;

use super::score_as_printed;
use crate::checks::arith::possible;
use crate::checks::tree::{node_name, row_figures};
use crate::checks::{Check, Context};
use crate::diagnostic::{Constraint, Finding, Implied, Text};
use crate::number::format_decimal;

pub struct CoefficientScore;

impl Check for CoefficientScore {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE010"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let policy = cx.profile.rounding;
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                let (Some(coefficient), Some((full, score))) =
                    (&node.coefficient, row_figures(node))
                else {
                    continue;
                };
                let expected = possible(&coefficient.num, policy).scale(full.num.value);
                let score = score_as_printed(&score.num, cx.profile);
                let fits = policy
                    .modes()
                    .iter()
                    .any(|&m| score.interval(m).overlaps(&expected));
                if fits {
                    continue;
                }
                let decimals = score.display_decimals();
                let point: Decimal = coefficient.num.value * full.num.value;
                let right = format_decimal(point, decimals);
                out.push(
                    Finding::new("RATE010")
                        .arg("node", node_name(card, id))
                        .arg_same("stated", score.text.clone())
                        .arg_same("coefficient", coefficient.num.text.clone())
                        .arg_same("weight", full.num.text.clone())
                        .arg_same("expected", right.clone())
                        .arg_same(
                            "arithmetic",
                            format!(
                                "{} × {} = {}",
                                coefficient.num.text,
                                full.num.text,
                                format_decimal(point, decimals + 2)
                            ),
                        )
                        .label(
                            score.span,
                            Text::new(format!("应为 {right}"), format!("should be {right}")),
                        )
                        .label(coefficient.num.span, Text::new("得分系数", "coefficient"))
                        .label(full.num.span, Text::new("权重", "weight"))
                        .constraint(Constraint {
                            subject: Some(score.span),
                            cells: vec![Implied {
                                span: score.span,
                                value: expected,
                                point,
                                decimals,
                            }],
                        }),
                );
            }
        }
    }
}

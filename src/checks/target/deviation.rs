//! TARGET003: an indicator that lost points has no explanation in its 偏差原因分析 cell (the
//! cell is empty, or says 无, / or —).

use crate::checks::tree::{node_name, pick};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::{NodeKind, Origin};

pub struct MissingDeviation;

impl Check for MissingDeviation {
    fn codes(&self) -> &'static [&'static str] {
        &["TARGET003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                // The execution item's score follows from its rate: RATE004 judges it.
                if node.kind == NodeKind::ExecutionRate {
                    continue;
                }
                let Some(deviation) = &node.deviation else {
                    continue;
                };
                if !deviation.blank {
                    continue;
                }
                let (Some(full), Some(score)) = (
                    pick(&node.full, Some(Origin::Detail)),
                    pick(&node.score, Some(Origin::Detail)),
                ) else {
                    continue;
                };
                if score.num.value >= full.num.value {
                    continue;
                }
                let lost = crate::number::format_plain(full.num.value - score.num.value);
                out.push(
                    Finding::new("TARGET003")
                        .arg("node", node_name(card, id))
                        .arg_same("score", score.num.text.clone())
                        .arg_same("full", full.num.text.clone())
                        .arg_same("lost", lost)
                        .label(
                            deviation.span,
                            Text::new("偏差原因分析为空", "no explanation"),
                        )
                        .label(
                            score.num.span,
                            Text::new(
                                format!("得分 {}/{}", score.num.text, full.num.text),
                                format!("score {}/{}", score.num.text, full.num.text),
                            ),
                        ),
                );
            }
        }
    }
}

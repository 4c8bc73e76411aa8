//! TARGET002: an indicator whose actual value meets its target but lost points, or misses it
//! and kept full points. Scoring rules may allow either (partial credit, other criteria), so
//! this is a warning.

use super::missed;
use crate::checks::tree::{node_name, row_figures};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::NodeKind;

pub struct MetVsPoints;

impl Check for MetVsPoints {
    fn codes(&self) -> &'static [&'static str] {
        &["TARGET002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                // The execution item's score follows from its rate: RATE004 judges it.
                if node.kind == NodeKind::ExecutionRate {
                    continue;
                }
                // An impossible actual value is TARGET004's: nothing follows from it.
                if super::impossible_actual(node).is_some() {
                    continue;
                }
                let (Some(target_cell), Some(actual_cell)) = (&node.target, &node.actual) else {
                    continue;
                };
                let Some(met) = missed(target_cell, actual_cell).map(|m| !m) else {
                    continue;
                };
                let Some((full, score)) = row_figures(node) else {
                    continue;
                };
                let lost = score.num.value < full.num.value;
                let (zh, en) = match (met, lost) {
                    (true, true) => ("达到目标却被扣分", "met its target but lost points"),
                    (false, false) => (
                        "未达到目标却得满分",
                        "missed its target but kept full points",
                    ),
                    _ => continue,
                };
                out.push(
                    Finding::new("TARGET002")
                        .arg("node", node_name(card, id))
                        .arg("verdict", Text::new(zh, en))
                        .arg_same("target", target_cell.text.clone())
                        .arg_same("actual", actual_cell.text.clone())
                        .arg_same("score", score.num.text.clone())
                        .arg_same("full", full.num.text.clone())
                        .label(
                            score.num.span,
                            Text::new(
                                format!("得分 {}/{}", score.num.text, full.num.text),
                                format!("score {}/{}", score.num.text, full.num.text),
                            ),
                        )
                        .label(target_cell.span, Text::new("目标", "target"))
                        .label(actual_cell.span, Text::new("实际", "actual")),
                );
            }
        }
    }
}

//! TARGET003: an indicator that missed its target or lost points has no explanation in its
//! 偏差原因分析 cell (the cell is empty, or says 无, / or —). A target is missed by its
//! direction: a ≥ target by a lower actual value, a ≤ target by a higher one, an exact target
//! by any other.

use super::missed;
use crate::checks::tree::{node_name, row_figures};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::NodeKind;

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
                let Some(deviation) = node.deviation.as_ref().filter(|d| d.blank) else {
                    continue;
                };
                let lost =
                    row_figures(node).filter(|(full, score)| score.num.value < full.num.value);
                let missed = match (&node.target, &node.actual) {
                    (Some(t), Some(a)) => missed(t, a).filter(|m| *m).map(|_| (t, a)),
                    _ => None,
                };
                let mut reasons = Vec::new();
                let mut f = Finding::new("TARGET003")
                    .arg("node", node_name(card, id))
                    .label(
                        deviation.span,
                        Text::new("偏差原因分析为空", "no explanation"),
                    );
                if let Some((target, actual)) = missed {
                    reasons.push(Text::new(
                        format!("未达到目标（目标 {}，实际 {}）", target.text, actual.text),
                        format!(
                            "missed its target ({} against {})",
                            actual.text, target.text
                        ),
                    ));
                    f = f
                        .label(actual.span, Text::new("实际", "actual"))
                        .label(target.span, Text::new("目标", "target"));
                }
                if let Some((full, score)) = lost {
                    let points = crate::number::format_plain(full.num.value - score.num.value);
                    reasons.push(Text::new(
                        format!(
                            "得分 {}（满分 {}，扣 {points} 分）",
                            score.num.text, full.num.text
                        ),
                        format!(
                            "scores {} of {} ({points} lost)",
                            score.num.text, full.num.text
                        ),
                    ));
                    f = f.label(
                        score.num.span,
                        Text::new(
                            format!("得分 {}/{}", score.num.text, full.num.text),
                            format!("score {}/{}", score.num.text, full.num.text),
                        ),
                    );
                }
                if reasons.is_empty() {
                    continue;
                }
                let why = Text::new(
                    reasons
                        .iter()
                        .map(|r| r.zh.as_str())
                        .collect::<Vec<_>>()
                        .join("、"),
                    reasons
                        .iter()
                        .map(|r| r.en.as_str())
                        .collect::<Vec<_>>()
                        .join(" and "),
                );
                out.push(f.arg("why", why));
            }
        }
    }
}

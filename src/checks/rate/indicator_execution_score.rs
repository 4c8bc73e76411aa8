//! RATE005: in an evaluation report, the score of the 预算执行率 indicator against the report's
//! execution rate under the profile's formula. Third-party frameworks score this item in
//! several ways, so a mismatch is a warning that shows the arithmetic of every formula the
//! profile knows; choose the matching profile (`--standard`) to silence it.

use super::{formula_arithmetic, formula_scores, report_rate, score_as_printed, score_fits};
use crate::checks::tree::{node_name, row_figures};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::{NodeKind, ScorecardKind};

pub struct IndicatorExecutionScore;

impl Check for IndicatorExecutionScore {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE005"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((rate_num, rate)) = report_rate(cx) else {
            return;
        };
        for card in &cx.report.scorecards {
            if card.kind != ScorecardKind::Evaluation {
                continue;
            }
            for (id, node) in card.nodes.iter().enumerate() {
                if node.kind != NodeKind::ExecutionRate || !node.children.is_empty() {
                    continue;
                }
                let Some((full, score)) = row_figures(node) else {
                    continue;
                };
                let expected =
                    formula_scores(&cx.profile.execution_score, full.num.value, rate.interval);
                let score = score_as_printed(&score.num, cx.profile);
                if score_fits(&score, &expected, cx.profile.rounding) {
                    continue;
                }
                out.push(
                    Finding::new("RATE005")
                        .arg("node", node_name(card, id))
                        .arg_same("stated", score.text.clone())
                        .arg_same("weight", full.num.text.clone())
                        .arg_same("rate", rate.shown.clone())
                        .arg(
                            "arithmetic",
                            formula_arithmetic(
                                &cx.profile.execution_score,
                                &full.num,
                                &rate,
                                score.display_decimals(),
                                cx.profile.rounding,
                            ),
                        )
                        .arg(
                            "standard",
                            Text::new(cx.profile.title_zh.clone(), cx.profile.title_en.clone()),
                        )
                        .label(score.span, Text::new("得分", "score"))
                        .label(rate_num.span, Text::new("预算执行率", "execution rate")),
                );
            }
        }
    }
}

//! RATE002: a 得分率 against 得分 / 满分 of its row.

use crate::checks::arith::{check_ratio, RatioCheck};
use crate::checks::tree::{node_name, pick};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct ScoreRates;

impl Check for ScoreRates {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                for rate in &node.rate {
                    let (Some(score), Some(full)) = (
                        pick(&node.score, Some(rate.origin)),
                        pick(&node.full, Some(rate.origin)),
                    ) else {
                        continue;
                    };
                    let RatioCheck::Violated(v) =
                        check_ratio(&score.num, &full.num, &rate.num, cx.profile.rounding)
                    else {
                        continue;
                    };
                    let computed = v.computed_text();
                    out.push(
                        Finding::new("RATE002")
                            .arg("node", node_name(card, id))
                            .arg_same("stated", rate.num.text.clone())
                            .arg_same("computed", format!("{computed}%"))
                            .arg_same("diff", v.diff_text(&rate.num))
                            .arg_same(
                                "arithmetic",
                                format!("{} ÷ {} = {computed}%", score.num.text, full.num.text),
                            )
                            .label(
                                rate.num.span,
                                Text::new(
                                    format!("应为 {computed}%"),
                                    format!("should be {computed}%"),
                                ),
                            )
                            .label(score.num.span, Text::new("得分", "score"))
                            .label(full.num.span, Text::new("满分", "full marks"))
                            .constraint(v.constraint),
                    );
                }
            }
        }
    }
}

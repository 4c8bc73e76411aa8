//! TARGET004: an actual value above 100% for an indicator that cannot exceed it — a
//! satisfaction, pass, awareness or coverage rate. Usually a typing slip (960% for 96%), or a
//! count written with %; a warning, since some forms score such rates against a base that
//! can be exceeded.

use super::impossible_actual;
use crate::checks::tree::node_name;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct ActualOverHundred;

impl Check for ActualOverHundred {
    fn codes(&self) -> &'static [&'static str] {
        &["TARGET004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                let (Some(word), Some(label), Some(actual)) =
                    (impossible_actual(node), &node.label, &node.actual)
                else {
                    continue;
                };
                out.push(
                    Finding::new("TARGET004")
                        .arg("node", node_name(card, id))
                        .arg_same("actual", actual.text.clone())
                        .arg_same("word", word.to_string())
                        .label(actual.span, Text::new("超过 100%", "above 100%"))
                        .label(label.span, Text::default()),
                );
            }
        }
    }
}

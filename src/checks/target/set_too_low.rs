//! TARGET005 (off unless the standard sets `target_slack`): an actual value that beats its
//! target by the profile's share or more (30% in one provincial manual) suggests the target
//! was set too low. Information for whoever sets next year's targets, not a defect.

use rust_decimal::Decimal;

use crate::checks::tree::node_name;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::format_decimal;
use crate::report::prose::scan::Bound;

pub struct SetTooLow;

impl Check for SetTooLow {
    fn codes(&self) -> &'static [&'static str] {
        &["TARGET005"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(slack) = cx.profile.target_slack else {
            return;
        };
        let hundred = Decimal::ONE_HUNDRED;
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                // An impossible actual value is TARGET004's: nothing follows from it.
                if super::impossible_actual(node).is_some() {
                    continue;
                }
                let (Some(target), Some(actual)) = (&node.target, &node.actual) else {
                    continue;
                };
                let (Some(t), Some(a)) = (&target.quantity, &actual.quantity) else {
                    continue;
                };
                if t.unit != a.unit || a.bound != Bound::Exact || t.value <= Decimal::ZERO {
                    continue;
                }
                let beyond = match t.bound {
                    Bound::AtLeast => (a.value - t.value) / t.value * hundred,
                    Bound::AtMost => (t.value - a.value) / t.value * hundred,
                    _ => continue,
                };
                if beyond < slack {
                    continue;
                }
                out.push(
                    Finding::new("TARGET005")
                        .arg("node", node_name(card, id))
                        .arg_same("target", target.text.clone())
                        .arg_same("actual", actual.text.clone())
                        .arg_same("beyond", format!("{}%", format_decimal(beyond, 0)))
                        .arg_same("slack", format!("{}%", format_decimal(slack, 0)))
                        .label(actual.span, Text::new("实际", "actual"))
                        .label(target.span, Text::new("目标", "target")),
                );
            }
        }
    }
}

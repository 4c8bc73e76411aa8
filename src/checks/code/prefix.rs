//! CODE002: a code that does not extend its parent's code (`B12` under `A1`).

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct CodePrefix;

impl Check for CodePrefix {
    fn codes(&self) -> &'static [&'static str] {
        &["CODE002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for node in &card.nodes {
                let Some(code) = node.label.as_ref().and_then(|l| l.code.as_ref()) else {
                    continue;
                };
                let Some(parent) = node.parent.map(|p| &card.nodes[p]) else {
                    continue;
                };
                let Some(parent_code) = parent.label.as_ref().and_then(|l| l.code.as_ref()) else {
                    continue;
                };
                if parent_code.is_prefix_of(code) {
                    continue;
                }
                out.push(
                    Finding::new("CODE002")
                        .arg_same("code", code.text.clone())
                        .arg_same("parent", parent_code.text.clone())
                        .arg_same("name", node.title())
                        .arg_same("parent_name", parent.title())
                        .label(
                            code.span,
                            Text::new(
                                format!("应以 {} 开头", parent_code.text),
                                format!("should start with {}", parent_code.text),
                            ),
                        )
                        .label(parent_code.span, Text::new("上级指标", "parent indicator")),
                );
            }
        }
    }
}

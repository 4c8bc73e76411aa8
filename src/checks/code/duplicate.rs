//! CODE001: two indicators of one table with the same code (one real report has two rows
//! coded C23). Parents printed again beside their children are one node, not duplicates; the
//! same sub-item number under different parents is not a code.

use std::collections::HashMap;

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

/// The most rows a message names; the count says how many there are.
const MAX_ROWS_NAMED: usize = 10;

pub struct DuplicateCodes;

impl Check for DuplicateCodes {
    fn codes(&self) -> &'static [&'static str] {
        &["CODE001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            // Codes in the order they first appear, and the nodes using each.
            let mut order: Vec<(Option<usize>, &str)> = Vec::new();
            let mut uses: HashMap<(Option<usize>, &str), Vec<usize>> = HashMap::new();
            for (id, node) in card.nodes.iter().enumerate() {
                let Some(code) = node.label.as_ref().and_then(|l| l.code.as_ref()) else {
                    continue;
                };
                let key = (node.table, code.text.as_str());
                let ids = uses.entry(key).or_default();
                if ids.is_empty() {
                    order.push(key);
                }
                ids.push(id);
            }
            for key in order {
                let ids = &uses[&key];
                if ids.len() < 2 {
                    continue;
                }
                let mut names: Vec<String> = ids
                    .iter()
                    .take(MAX_ROWS_NAMED)
                    .map(|&i| card.nodes[i].title())
                    .collect();
                if ids.len() > MAX_ROWS_NAMED {
                    names.push(format!("…（共 {} 行）", ids.len()));
                }
                let mut f = Finding::new("CODE001")
                    .arg_same("code", key.1.to_string())
                    .arg_same("count", ids.len().to_string())
                    .arg_same("rows", names.join("；"));
                for (k, &i) in ids.iter().enumerate() {
                    let label = card.nodes[i]
                        .label
                        .as_ref()
                        .expect("coded nodes have labels");
                    let span = label.code.as_ref().map_or(label.span, |c| c.span);
                    let text = if k == 0 {
                        Text::new("首次出现", "first use")
                    } else {
                        Text::new("重复", "used again")
                    };
                    f = f.label(span, text);
                }
                out.push(f);
            }
        }
    }
}

//! CODE001: two indicators of one table with the same code (one real report has two rows
//! coded C23). Parents printed again beside their children are one node, not duplicates; the
//! same sub-item number under different parents is not a code.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct DuplicateCodes;

impl Check for DuplicateCodes {
    fn codes(&self) -> &'static [&'static str] {
        &["CODE001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            let mut seen: Vec<(Option<usize>, &str, Vec<usize>)> = Vec::new();
            for (id, node) in card.nodes.iter().enumerate() {
                let Some(code) = node.label.as_ref().and_then(|l| l.code.as_ref()) else {
                    continue;
                };
                match seen
                    .iter_mut()
                    .find(|(t, c, _)| *t == node.table && *c == code.text)
                {
                    Some((_, _, ids)) => ids.push(id),
                    None => seen.push((node.table, &code.text, vec![id])),
                }
            }
            for (_, code, ids) in seen.into_iter().filter(|(_, _, ids)| ids.len() > 1) {
                let names: Vec<String> = ids.iter().map(|&i| card.nodes[i].title()).collect();
                let mut f = Finding::new("CODE001")
                    .arg_same("code", code.to_string())
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

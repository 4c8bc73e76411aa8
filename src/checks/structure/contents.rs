//! STRUCT002: a 目录 entry that no heading of the report matches (number and title; page
//! numbers are not checked).

use super::written;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::text::compact;

pub struct Contents;

/// A title for comparison: no spaces, no punctuation, folded width.
fn key(title: &str) -> String {
    compact(title)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

impl Check for Contents {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let s = &cx.report.structure;
        // Each title's key once: every entry is compared with every heading.
        let headings: Vec<_> = s
            .outline
            .iter()
            .filter(|i| i.heading)
            .map(|h| (h, key(&h.title)))
            .collect();
        for entry in &s.toc {
            let entry_key = key(&entry.title);
            let matches = headings.iter().any(|(h, k)| {
                *k == entry_key
                    && match (entry.number, h.number) {
                        (Some(a), Some(b)) => a.style == b.style && a.value == b.value,
                        (None, _) => true,
                        (Some(_), None) => false,
                    }
            });
            if matches {
                continue;
            }
            let written_entry = format!(
                "{}{}",
                entry.number.as_ref().map_or(String::new(), written),
                entry.title
            );
            // The heading with the same title, if only the number differs.
            let near_heading = headings
                .iter()
                .find(|(_, k)| *k == entry_key)
                .map(|(h, _)| *h);
            let near = near_heading.map(|h| {
                format!(
                    "{}{}",
                    h.number.as_ref().map_or(String::new(), written),
                    h.title
                )
            });
            let (hint_zh, hint_en) = match &near {
                Some(h) => (format!("正文中为“{h}”"), format!("the text has «{h}»")),
                None => (
                    "正文中没有该标题".to_string(),
                    "no heading has this title".to_string(),
                ),
            };
            let mut f = Finding::new("STRUCT002")
                .arg_same("entry", written_entry)
                .arg("hint", Text::new(hint_zh, hint_en))
                .label(entry.span, Text::new("目录条目", "contents entry"));
            if let Some(h) = near_heading {
                f = f.label(h.span, Text::new("正文标题", "heading"));
            }
            out.push(f);
        }
    }
}

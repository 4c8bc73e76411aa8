//! STRUCT007: tracked changes that were neither accepted nor rejected, and comments, left in a
//! Word document. jxlint reads such a document as if every change were accepted; the report a
//! reader opens may show something else. One finding for the document, labelling every
//! paragraph or cell that holds one.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::document::RevisionKind;

pub struct Revisions;

impl Check for Revisions {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT007"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let revisions = &cx.report.revisions;
        if revisions.is_empty() {
            return;
        }
        let changes = revisions
            .iter()
            .filter(|r| r.kind != RevisionKind::Comment)
            .count();
        let comments = revisions.len() - changes;
        let mut f = Finding::new("STRUCT007")
            .arg_same("changes", changes.to_string())
            .arg_same("comments", comments.to_string());
        // One label per paragraph or cell, naming everything in it.
        let mut places: Vec<(crate::document::Span, Vec<&crate::document::Revision>)> = Vec::new();
        for r in revisions {
            match places.iter_mut().find(|(s, _)| *s == r.span) {
                Some((_, list)) => list.push(r),
                None => places.push((r.span, vec![r])),
            }
        }
        for (span, list) in places {
            let (zh, en): (Vec<String>, Vec<String>) = list
                .iter()
                .map(|r| match r.kind {
                    RevisionKind::Insertion => (
                        format!("修订：插入“{}”", short(&r.text)),
                        format!("tracked insertion “{}”", short(&r.text)),
                    ),
                    RevisionKind::Deletion => (
                        format!("修订：删除“{}”", short(&r.text)),
                        format!("tracked deletion “{}”", short(&r.text)),
                    ),
                    RevisionKind::Comment => (
                        format!("批注：{}", short(&r.text)),
                        format!("comment: {}", short(&r.text)),
                    ),
                })
                .unzip();
            f.push_label(span, Text::new(zh.join("；"), en.join("; ")));
        }
        out.push(f);
    }
}

/// At most 20 characters of a revision's text.
fn short(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() > 20 {
        format!("{}…", t.chars().take(20).collect::<String>())
    } else {
        t.to_string()
    }
}

//! `jxlint extract FILE`: what was read from a file, so that a user can see why a rule did or
//! did not fire. As text: every block with the line of the text view it is on (the line that
//! findings name), tables drawn as grids with their place in the original file. As JSON: the
//! document model — blocks, cells with their places and typed values, what was not read, and
//! the revisions found.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::describe_place;
use crate::diagnostic::Lang;
use crate::document::{Block, Document, RevisionKind, Span};
use crate::report::describe_unread;
use crate::source::SourceFile;

/// Display width of a text: CJK and full-width characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// A cell's text cut to `max` display columns.
fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out) + width(&c.to_string()) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The widest a column is drawn.
const MAX_COLUMN: usize = 24;

pub fn text(source: &SourceFile, document: &Document, lang: Lang) -> String {
    let mut out = String::new();
    let line = |span: Span| source.position(span.start).line;
    let _ = writeln!(
        out,
        "# {} ({})",
        crate::lint::display_path(source.path()),
        source.encoding()
    );
    for block in &document.blocks {
        match block {
            Block::Heading(h) => {
                let _ = writeln!(out, "{:>5} │ {}", line(h.span), source.slice(h.span).trim());
            }
            Block::Paragraph(p) => {
                let _ = writeln!(out, "{:>5} │ {}", line(p.span), p.text.trim());
            }
            Block::Table(t) => {
                let columns = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                let mut widths = vec![1; columns];
                for row in &t.rows {
                    for (i, c) in row.cells.iter().enumerate() {
                        widths[i] = widths[i].max(width(&cut(&c.text, MAX_COLUMN)));
                    }
                }
                let place = source
                    .locate(t.rows.first().map_or(t.span, |r| r.span))
                    .map(|p| describe_place(&p, lang))
                    .unwrap_or_default();
                let _ = writeln!(out, "      ┌ {place}");
                for row in &t.rows {
                    let mut cells = Vec::new();
                    for (i, w) in widths.iter().enumerate() {
                        let text = row
                            .cell(i)
                            .map_or(String::new(), |c| cut(&c.text, MAX_COLUMN));
                        let pad = w.saturating_sub(width(&text));
                        cells.push(format!("{text}{}", " ".repeat(pad)));
                    }
                    let _ = writeln!(out, "{:>5} │ {}", line(row.span), cells.join(" │ "));
                }
                let _ = writeln!(out, "      └");
            }
        }
    }
    for u in &document.unread {
        let _ = writeln!(
            out,
            "{:>5} ! {}",
            line(u.span),
            describe_unread(&u.what).get(lang)
        );
    }
    for r in &document.revisions {
        let kind = match (r.kind, lang) {
            (RevisionKind::Insertion, Lang::Zh) => "修订（插入）",
            (RevisionKind::Deletion, Lang::Zh) => "修订（删除）",
            (RevisionKind::Comment, Lang::Zh) => "批注",
            (RevisionKind::Insertion, Lang::En) => "tracked insertion",
            (RevisionKind::Deletion, Lang::En) => "tracked deletion",
            (RevisionKind::Comment, Lang::En) => "comment",
        };
        let _ = writeln!(out, "{:>5} ! {kind}: {}", line(r.span), r.text);
    }
    out
}

/// The document model as JSON.
pub fn json(source: &SourceFile, document: &Document) -> Value {
    let at = |span: Span| {
        let (start, end) = source.range(span);
        let mut v = json!({
            "line": start.line,
            "column": start.column,
            "end_line": end.line,
            "end_column": end.column,
        });
        if let Some(place) = source.locate(span) {
            v["location"] = serde_json::to_value(place).unwrap_or(Value::Null);
        }
        v
    };
    let blocks: Vec<Value> = document
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading(h) => json!({
                "kind": "heading",
                "level": h.markup_level,
                "number": h.number.map(|n| source.slice(n.span).to_string()),
                "text": h.text,
                "at": at(h.span),
            }),
            Block::Paragraph(p) => json!({
                "kind": "paragraph",
                "text": p.text,
                "at": at(p.span),
            }),
            Block::Table(t) => json!({
                "kind": "table",
                "at": at(t.span),
                "rows": t.rows.iter().map(|r| r.cells.iter().map(|c| {
                    let mut v = json!({ "text": c.text, "at": at(c.span) });
                    if let Some(value) = &c.value {
                        v["value"] = json!({
                            "number": value.number.to_string(),
                            "decimals": value.decimals,
                            "percent": value.percent,
                            "format": value.format,
                        });
                    }
                    v
                }).collect::<Vec<_>>()).collect::<Vec<_>>(),
            }),
        })
        .collect();
    let unread: Vec<Value> = document
        .unread
        .iter()
        .map(|u| json!({ "what": describe_unread(&u.what).get(Lang::En), "at": at(u.span) }))
        .collect();
    let revisions: Vec<Value> = document
        .revisions
        .iter()
        .map(|r| {
            json!({
                "kind": match r.kind {
                    RevisionKind::Insertion => "insertion",
                    RevisionKind::Deletion => "deletion",
                    RevisionKind::Comment => "comment",
                },
                "text": r.text,
                "author": r.author,
                "at": at(r.span),
            })
        })
        .collect();
    json!({
        "path": crate::lint::display_path(source.path()),
        "encoding": source.encoding(),
        "blocks": blocks,
        "unread": unread,
        "revisions": revisions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("合计"), 4);
        assert_eq!(width("100.00"), 6);
        assert_eq!(cut("一二三四五", 6), "一二…");
    }
}

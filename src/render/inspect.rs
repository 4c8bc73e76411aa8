//! `jxlint inspect FILE`: how a report was read and what was recognised in it, for finding out
//! why a table or a sentence was (or was not) checked.

use std::fmt::Write as _;

use crate::document::{Block, Document};
use crate::report::{Node, Report, Scorecard, Stated};
use crate::source::SourceFile;

pub fn render(source: &SourceFile, document: &Document, report: &Report) -> String {
    let mut out = String::new();
    let line = |span: crate::document::Span| source.position(span.start).line;
    let _ = writeln!(
        out,
        "{} (read as {})",
        source.path().display(),
        source.encoding()
    );
    let _ = writeln!(out, "\n== document");
    for block in &document.blocks {
        match block {
            Block::Heading(h) => {
                let number = h
                    .number
                    .map_or(String::new(), |n| format!("{:?} {} ", n.style, n.value));
                let _ = writeln!(out, "{:>5}  heading    {number}{}", line(h.span), h.text);
            }
            Block::Paragraph(p) => {
                let text: String = p.text.chars().filter(|c| *c != '\n').take(40).collect();
                let _ = writeln!(out, "{:>5}  paragraph  {text}", line(p.span));
            }
            Block::Table(t) => {
                let cols = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                let _ = writeln!(
                    out,
                    "{:>5}  table      {} rows × {cols} cells",
                    line(t.span),
                    t.rows.len()
                );
            }
        }
    }
    let _ = writeln!(out, "\n== scorecards");
    for card in &report.scorecards {
        let _ = writeln!(
            out,
            "{:>5}  {:?}{}",
            line(card.span),
            card.kind,
            card.title
                .as_deref()
                .map_or(String::new(), |t| format!(" {t}"))
        );
        tree(&mut out, card, 0, 1);
        for g in &card.grades {
            let _ = writeln!(
                out,
                "{:>5}    grade {} ({:?})",
                line(g.span),
                g.text,
                g.origin
            );
        }
    }
    let _ = writeln!(out, "\n== amount tables");
    for t in &report.amount_tables {
        let columns: Vec<String> = t
            .columns
            .iter()
            .map(|c| format!("{}={:?}", c.header, c.role))
            .collect();
        let _ = writeln!(
            out,
            "{:>5}  {:?} [{}]",
            line(t.span),
            t.kind,
            columns.join(", ")
        );
        for row in &t.rows {
            let values: Vec<String> = row
                .values
                .iter()
                .map(|v| v.as_ref().map_or("·".to_string(), |n| n.text.clone()))
                .collect();
            let parent = row.parent.map_or(String::new(), |p| format!(" ⊂{p}"));
            let _ = writeln!(
                out,
                "{:>5}    {:?}{parent} {} | {}",
                line(row.span),
                row.kind,
                row.label,
                values.join(" | ")
            );
        }
    }
    let _ = writeln!(
        out,
        "\n== claims in prose (what each figure was taken to measure)"
    );
    for (i, c) in report.claims.iter().enumerate() {
        let measures = match c.role {
            crate::report::prose::claims::ClaimRole::Other => {
                "nothing by its words: linked only by the words before it".to_string()
            }
            ref role => {
                let (zh, en) = role.name();
                format!("{en} ({zh})")
            }
        };
        let part = if report.breakdowns.iter().any(|b| b.parts.contains(&i)) {
            " [a part of a list]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:>5}  {}{} → {measures}{part}; {:?}, words before «{}»{}",
            line(c.quantity.span),
            c.quantity.text,
            c.quantity.unit,
            c.region,
            c.lead,
            c.year.map_or(String::new(), |y| format!(", of {y}"))
        );
    }
    let _ = writeln!(out, "\n== totals and their parts in prose");
    for b in &report.breakdowns {
        let total = &report.claims[b.total].quantity;
        let parts: Vec<String> = b
            .parts
            .iter()
            .map(|&p| {
                let q = &report.claims[p].quantity;
                format!("{}{}", q.text, q.unit)
            })
            .collect();
        let _ = writeln!(
            out,
            "{:>5}  {}{} = {} ({:?}{}{})",
            line(b.marker),
            total.text,
            total.unit,
            parts.join(" + "),
            b.kind,
            if b.open { ", open: 等/主要" } else { "" },
            b.first_run
                .map_or(String::new(), |k| format!(", separator changes after {k}"))
        );
    }
    let _ = writeln!(out, "\n== weights stated in words");
    for w in &report.weight_statements {
        let items: Vec<String> = w
            .items
            .iter()
            .map(|i| format!("{} {}", i.name, i.points.text))
            .collect();
        let _ = writeln!(out, "{:>5}  {}", line(w.span), items.join("、"));
    }
    let f = &report.facts;
    let (kind_zh, kind_en) = f.kind.name();
    let _ = writeln!(out, "\n== facts\n       kind {kind_en} ({kind_zh})");
    match f.fragment {
        Some(crate::report::facts::Fragment::EndsMidSentence(span)) => {
            let _ = writeln!(
                out,
                "{:>5}  an excerpt: the text stops mid-sentence",
                line(span)
            );
        }
        Some(crate::report::facts::Fragment::EndsMidTable(span)) => {
            let _ = writeln!(
                out,
                "{:>5}  an excerpt: it ends inside a score table without its total row",
                line(span)
            );
        }
        None => {}
    }
    if let Some((y, span)) = f.fiscal_year {
        let _ = writeln!(out, "{:>5}  fiscal year {y}", line(span));
    }
    for (name, d) in [
        ("evaluation start", f.evaluation_start),
        ("report date", f.report_date),
        ("project start", f.project_start),
        ("project end", f.project_end),
    ] {
        if let Some(d) = d {
            let _ = writeln!(
                out,
                "{:>5}  {name} {}–{}",
                line(d.span),
                d.range.first,
                d.range.last
            );
        }
    }
    for a in &f.activities {
        let _ = writeln!(
            out,
            "{:>5}  activity {} {}–{} ({:?})",
            line(a.span),
            a.what,
            a.range.first,
            a.range.last,
            a.source
        );
    }
    for g in &report.goal_rows {
        let _ = writeln!(
            out,
            "{:>5}  goal {} = {}",
            line(g.row),
            g.name,
            g.target.text
        );
    }
    let _ = writeln!(out, "\n== not recognised");
    for s in &report.skipped {
        let _ = writeln!(out, "{:>5}  {}", line(s.span), s.what);
    }
    out
}

fn tree(out: &mut String, card: &Scorecard, id: usize, depth: usize) {
    let node: &Node = &card.nodes[id];
    let values = |v: &[Stated]| {
        v.iter()
            .map(|s| format!("{}({:?})", s.num.text, s.origin))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let missing = if node.missing_score.is_some() {
        " [score missing]"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "       {}{} full: {} score: {}{missing}",
        "  ".repeat(depth),
        node.title(),
        values(&node.full),
        values(&node.score)
    );
    for &child in &node.children {
        tree(out, card, child, depth + 1);
    }
}

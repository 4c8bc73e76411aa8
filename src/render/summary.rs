//! `--summary`: one line per file with its stated total, grade and finding counts, for
//! supervisors screening a folder of incoming reports.

use super::Tally;
use crate::diagnostic::Lang;
use crate::report::facts::DocumentKind;
use crate::report::Report;

/// The total and grade a report states, for the summary table.
pub fn headline(report: &Report) -> (String, String) {
    let card = report.scorecards.first();
    let total = card
        .and_then(|c| c.stated_total())
        .map_or_else(|| "—".to_string(), |s| s.text.clone());
    let grade = card
        .and_then(|c| c.grades.first())
        .map_or_else(|| "—".to_string(), |g| g.text.clone());
    (total, grade)
}

pub struct SummaryRow {
    pub path: String,
    /// What the document is; `None` when it could not be read.
    pub kind: Option<DocumentKind>,
    pub total: String,
    pub grade: String,
    pub tally: Tally,
    pub failed: Option<String>,
}

pub fn render(rows: &[SummaryRow], lang: Lang) -> String {
    let (h_path, h_kind, h_total, h_grade, h_err, h_warn) = match lang {
        Lang::Zh => ("文件", "类型", "总分", "等级", "错误", "警告"),
        Lang::En => ("file", "kind", "total", "grade", "errors", "warnings"),
    };
    let kind_name = |k: &Option<DocumentKind>| {
        k.map_or("", |k| match lang {
            Lang::Zh => k.name().0,
            Lang::En => k.name().1,
        })
    };
    let kind_width = rows
        .iter()
        .map(|r| display_width(kind_name(&r.kind)))
        .chain(std::iter::once(display_width(h_kind)))
        .max()
        .unwrap_or(4);
    let width = rows
        .iter()
        .map(|r| display_width(&r.path))
        .chain(std::iter::once(display_width(h_path)))
        .max()
        .unwrap_or(4);
    let mut out = String::new();
    out.push_str(&format!(
        "{}  {}  {:>8}  {:>4}  {:>6}  {:>8}\n",
        pad(h_path, width),
        pad(h_kind, kind_width),
        h_total,
        h_grade,
        h_err,
        h_warn
    ));
    for r in rows {
        match &r.failed {
            Some(reason) => out.push_str(&format!("{}  {reason}\n", pad(&r.path, width))),
            None => out.push_str(&format!(
                "{}  {}  {:>8}  {:>4}  {:>6}  {:>8}\n",
                pad(&r.path, width),
                pad(kind_name(&r.kind), kind_width),
                r.total,
                r.grade,
                r.tally.errors,
                r.tally.warnings
            )),
        }
    }
    out
}

/// Width in terminal columns: CJK characters take two.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

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

#[derive(Debug, Clone)]
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
    // Figures right-aligned under their headers, by display width (a Chinese header is two
    // columns a character), so that the columns line up in a terminal.
    let column = |header: &str, values: &mut dyn Iterator<Item = String>, least: usize| {
        values
            .map(|v| display_width(&v))
            .chain([display_width(header), least])
            .max()
            .unwrap_or(least)
    };
    let ok = || rows.iter().filter(|r| r.failed.is_none());
    let w_total = column(h_total, &mut ok().map(|r| r.total.clone()), 5);
    let w_grade = column(h_grade, &mut ok().map(|r| r.grade.clone()), 2);
    let w_err = column(h_err, &mut ok().map(|r| r.tally.errors.to_string()), 1);
    let w_warn = column(h_warn, &mut ok().map(|r| r.tally.warnings.to_string()), 1);
    let line = |cells: [&str; 6]| {
        format!(
            "{}  {}  {}  {}  {}  {}\n",
            pad(cells[0], width),
            pad(cells[1], kind_width),
            rpad(cells[2], w_total),
            rpad(cells[3], w_grade),
            rpad(cells[4], w_err),
            rpad(cells[5], w_warn)
        )
    };
    let mut out = line([h_path, h_kind, h_total, h_grade, h_err, h_warn]);
    for r in rows {
        match &r.failed {
            Some(reason) => out.push_str(&format!("{}  {reason}\n", pad(&r.path, width))),
            None => out.push_str(&line([
                &r.path,
                kind_name(&r.kind),
                &r.total,
                &r.grade,
                &r.tally.errors.to_string(),
                &r.tally.warnings.to_string(),
            ])),
        }
    }
    out
}

/// Width in terminal columns: Chinese characters and full-width forms take two.
fn display_width(s: &str) -> usize {
    crate::text::display_width(s, 2)
}

/// `s` padded on the right to `width` columns.
fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `s` padded on the left to `width` columns: right-aligned.
fn rpad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_columns_line_up() {
        let row = |path: &str, total: &str, grade: &str, errors: usize| SummaryRow {
            path: path.to_string(),
            kind: Some(DocumentKind::EvaluationReport),
            total: total.to_string(),
            grade: grade.to_string(),
            tally: Tally {
                errors,
                warnings: 0,
                infos: 0,
            },
            failed: None,
        };
        let out = render(
            &[
                row("报告甲.txt", "92.50", "优", 12),
                row("b.txt", "—", "—", 0),
            ],
            Lang::Zh,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        // Every line ends at the same column, and so does each figure under its header.
        let widths: Vec<usize> = lines.iter().map(|l| display_width(l)).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{out}");
        let end_of =
            |line: &str, cell: &str| display_width(&line[..line.find(cell).unwrap() + cell.len()]);
        assert_eq!(end_of(lines[0], "总分"), end_of(lines[1], "92.50"), "{out}");
        assert_eq!(end_of(lines[0], "等级"), end_of(lines[1], "优"), "{out}");
    }
}

/// A summary row as `--summary --format json` and `jsonl` print it.
#[derive(Debug, serde::Serialize)]
pub struct JsonRow<'a> {
    pub path: &'a str,
    /// `report`, `department report`, `forms` or `unknown`; absent when the file could not
    /// be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// The total and grade as the report states them; absent when it states none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<&'a str>,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Why the file could not be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<&'a str>,
}

impl SummaryRow {
    pub fn json(&self) -> JsonRow<'_> {
        fn stated(s: &str) -> Option<&str> {
            (s != "—" && !s.is_empty()).then_some(s)
        }
        JsonRow {
            path: &self.path,
            kind: self.kind.map(|k| k.name().1),
            total: stated(&self.total),
            grade: stated(&self.grade),
            errors: self.tally.errors,
            warnings: self.tally.warnings,
            notes: self.tally.infos,
            failed: self.failed.as_deref(),
        }
    }
}

/// The header of `--summary --format csv`.
pub fn csv_header(lang: Lang) -> String {
    super::csv_line(&match lang {
        Lang::Zh => [
            "文件",
            "类型",
            "总分",
            "等级",
            "错误",
            "警告",
            "提示",
            "无法检查的原因",
        ],
        Lang::En => [
            "file",
            "kind",
            "total",
            "grade",
            "errors",
            "warnings",
            "notes",
            "not checked",
        ],
    })
}

/// One report's row of `--summary --format csv`: a spreadsheet's row, figures as numbers.
pub fn csv_row(row: &SummaryRow, lang: Lang) -> String {
    let j = row.json();
    let kind = row.kind.map_or("", |k| match lang {
        Lang::Zh => k.name().0,
        Lang::En => k.name().1,
    });
    let (errors, warnings, notes) = (
        j.errors.to_string(),
        j.warnings.to_string(),
        j.notes.to_string(),
    );
    let counts: [&str; 3] = if row.failed.is_some() {
        ["", "", ""]
    } else {
        [&errors, &warnings, &notes]
    };
    super::csv_line(&[
        j.path,
        kind,
        j.total.unwrap_or(""),
        j.grade.unwrap_or(""),
        counts[0],
        counts[1],
        counts[2],
        j.failed.unwrap_or(""),
    ])
}

//! Turning findings into output: miette's graphical diagnostics for people, a stable JSON
//! array for scripts (see `docs/json.md`), the formats of other tools (`machine`: concise
//! lines, JSON lines, GitHub annotations, GitLab Code Quality, JUnit, SARIF), and a per-file summary
//! table for screening folders.

pub mod extract;
pub mod html;
pub mod human;
pub mod inspect;
pub mod json;
pub mod machine;
pub mod stream;
pub mod summary;

use crate::diagnostic::{Finding, Lang, Severity};
use crate::document::Place;

/// A place as a person looks for it in Word, a spreadsheet or a browser: 表 3 第 5 行 第 4 列,
/// 工作表「自评表」F12, 第 12 段.
pub fn describe_place(place: &Place, lang: Lang) -> String {
    match (place, lang) {
        (
            Place::TableCell {
                table,
                row,
                column: Some(column),
                ..
            },
            Lang::Zh,
        ) => format!("表 {table} 第 {row} 行 第 {column} 列"),
        (Place::TableCell { table, row, .. }, Lang::Zh) => format!("表 {table} 第 {row} 行"),
        (
            Place::TableCell {
                table,
                row,
                column: Some(column),
                ..
            },
            Lang::En,
        ) => format!("table {table}, row {row}, column {column}"),
        (Place::TableCell { table, row, .. }, Lang::En) => format!("table {table}, row {row}"),
        (Place::SheetCell { sheet, cell, .. }, Lang::Zh) => format!("工作表「{sheet}」{cell}"),
        (Place::SheetCell { sheet, cell, .. }, Lang::En) => format!("sheet “{sheet}” {cell}"),
        (Place::Paragraph { paragraph }, Lang::Zh) => format!("第 {paragraph} 段"),
        (Place::Paragraph { paragraph }, Lang::En) => format!("paragraph {paragraph}"),
        (Place::PageLine { page, line }, Lang::Zh) => format!("第 {page} 页 第 {line} 行"),
        (Place::PageLine { page, line }, Lang::En) => format!("page {page}, line {line}"),
        (Place::Line { line }, Lang::Zh) => format!("第 {line} 行"),
        (Place::Line { line }, Lang::En) => format!("line {line}"),
    }
}

/// Counts of findings by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn of(findings: &[Finding]) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            match f.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
            }
        }
        t
    }

    pub fn add(&mut self, other: Tally) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// One line of CSV (RFC 4180, CRLF-terminated as spreadsheets write it): a field holding a
/// comma, quote or line break is quoted, and a field a spreadsheet would take for a formula
/// (`=`, `+`, `@`) is led by an apostrophe so that it stays text.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        let guarded;
        let field = if field.starts_with(['=', '+', '@']) {
            guarded = format!("'{field}");
            &guarded
        } else {
            field
        };
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
    out
}

/// Excel takes a CSV file as UTF-8 (not the system's code page) only when it starts with a
/// byte order mark.
pub const CSV_BOM: &str = "\u{FEFF}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_kept_as_text() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\"", "x\ny"]),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"
        );
        assert_eq!(
            csv_line(&["=SUM(A1)", "+1", "@x", "-0.20"]),
            "'=SUM(A1),'+1,'@x,-0.20\r\n"
        );
        assert_eq!(csv_line::<&str>(&[]), "\r\n");
    }
}

//! JSON output: one array, one object per finding. This is an interface people script
//! against; `docs/json.md` documents it and changes to it must stay backwards compatible.

use serde::Serialize;

use crate::diagnostic::{Finding, Lang};
use crate::source::SourceFile;

#[derive(Debug, Serialize)]
pub struct JsonFinding {
    pub path: String,
    pub code: String,
    pub name: String,
    pub severity: &'static str,
    pub message: String,
    pub help: String,
    pub labels: Vec<JsonLabel>,
}

/// Lines and columns are 1-based; columns count characters; `end_column` is one past the last
/// character of the label (so an empty label has `end_column == column`).
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
}

pub fn findings(
    path: &str,
    source: &SourceFile,
    findings: &[Finding],
    lang: Lang,
) -> Vec<JsonFinding> {
    findings
        .iter()
        .map(|f| JsonFinding {
            path: path.to_string(),
            code: f.code().to_string(),
            name: f.rule.name.clone(),
            severity: f.severity.as_str(),
            message: f.message(lang),
            help: f.help(lang),
            labels: f
                .labels
                .iter()
                .map(|l| {
                    let (start, end) = source.range(l.span);
                    JsonLabel {
                        line: start.line,
                        column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                        message: l.text.get(lang).to_string(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The whole output: a pretty-printed array and a final newline.
pub fn to_string(all: &[JsonFinding]) -> String {
    let mut s = serde_json::to_string_pretty(all).expect("findings serialise");
    s.push('\n');
    s
}

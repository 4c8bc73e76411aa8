//! Output for other tools: one line per finding for editors and grep (`concise`), one JSON
//! object per line (`jsonl`), GitHub Actions workflow commands (`github`), a GitLab Code
//! Quality report (`gitlab`), JUnit XML (`junit`) and SARIF 2.1.0 (`sarif`).
//!
//! Every format is rendered from the findings as `json` describes them ([`JsonFinding`]), so
//! all of them say the same thing. Positions are the file's line and column where the file is
//! text; for Word, spreadsheets, PDF and web pages, whose lines those tools cannot show, the
//! place a person finds (表 3 第 5 行, 第 3 页 第 12 行) is added to the message.

use std::fmt::Write as _;

use serde::Serialize;

use super::describe_place;
use super::json::JsonFinding;
use crate::diagnostic::Lang;
use crate::document::Place;

/// Where a finding is, as line-based tools take it: 1-based lines and columns of its first
/// label (end column one past the last character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The position of a finding in its file. In text laid out again from spaces the labels'
/// lines are those of the rebuilt view, so the file's own line (its `location`) is used, from
/// the first column.
pub fn position(f: &JsonFinding) -> Position {
    let Some(label) = f.labels.first() else {
        return Position {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        };
    };
    match &f.location {
        Some(Place::Line { line }) => Position {
            line: *line,
            column: 1,
            end_line: *line,
            end_column: 1,
        },
        _ => Position {
            line: label.line,
            column: label.column,
            end_line: label.end_line,
            end_column: label.end_column,
        },
    }
}

/// The message with the place a person finds where line numbers do not show it (Word,
/// spreadsheets, PDF, web pages): `… (表 3 第 5 行)`.
pub fn message_with_place(f: &JsonFinding, lang: Lang) -> String {
    match &f.location {
        Some(Place::Line { .. }) | None => f.message.clone(),
        Some(place) => format!("{} ({})", f.message, describe_place(place, lang)),
    }
}

/// `path:line:col: CODE message`, one line per finding.
pub fn concise(findings: &[JsonFinding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let p = position(f);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {}",
            f.path,
            p.line,
            p.column,
            f.code,
            one_line(&message_with_place(f, lang))
        );
    }
    out
}

/// The header of `--format csv`.
pub fn csv_header(lang: Lang) -> String {
    super::csv_line(&match lang {
        Lang::Zh => [
            "文件",
            "行",
            "列",
            "规则",
            "级别",
            "规则名",
            "问题",
            "位置",
            "说明",
        ],
        Lang::En => [
            "file", "line", "column", "code", "severity", "rule", "message", "place", "help",
        ],
    })
}

/// One CSV row per finding, for reading in a spreadsheet.
pub fn csv(findings: &[JsonFinding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let p = position(f);
        let place = f
            .location
            .as_ref()
            .map(|place| describe_place(place, lang))
            .unwrap_or_default();
        out.push_str(&super::csv_line(&[
            f.path.as_str(),
            &p.line.to_string(),
            &p.column.to_string(),
            &f.code,
            f.severity,
            &f.name,
            &f.message,
            &place,
            &f.help,
        ]));
    }
    out
}

/// One JSON object per line, as `json` prints them in its array.
pub fn jsonl(findings: &[JsonFinding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&serde_json::to_string(f).expect("findings serialise"));
        out.push('\n');
    }
    out
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,
/// title=…::message`, which the runner shows as annotations on the file.
pub fn github(findings: &[JsonFinding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let p = position(f);
        let command = match f.severity {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        let title = format!("{} {}", f.code, f.name);
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&f.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            escape_property(&title),
            escape_data(&format!("{}\n{}", message_with_place(f, lang), f.help)),
        );
    }
    out
}

/// A workflow command's message: `%`, CR and LF escaped.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,` too.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One entry of a GitLab Code Quality report.
#[derive(Debug, Serialize)]
struct CodeQuality<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: CodeQualityLocation<'a>,
}

#[derive(Debug, Serialize)]
struct CodeQualityLocation<'a> {
    path: &'a str,
    lines: CodeQualityLines,
}

#[derive(Debug, Serialize)]
struct CodeQualityLines {
    begin: usize,
}

/// The entries of a GitLab Code Quality report (a JSON array of issues) for some findings.
/// Each has a fingerprint that stays the same while the finding does (its file, rule, message
/// and labels, not its line), and tells two identical findings in one file apart by their
/// order; so a file's entries may be made on their own.
pub fn gitlab_entries(findings: &[JsonFinding], lang: Lang) -> Vec<impl Serialize + '_> {
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let base = finding_hash(f);
            let n = seen.entry(base).or_insert(0);
            *n += 1;
            let fingerprint = format!(
                "{:016x}{:016x}",
                base,
                crate::text::stable_hash(&n.to_le_bytes())
            );
            CodeQuality {
                description: format!("{} {}", f.code, message_with_place(f, lang)),
                check_name: &f.code,
                fingerprint,
                severity: match f.severity {
                    "error" => "major",
                    "warning" => "minor",
                    _ => "info",
                },
                location: CodeQualityLocation {
                    path: &f.path,
                    lines: CodeQualityLines {
                        begin: position(f).line,
                    },
                },
            }
        })
        .collect()
}

/// A checked file for the JUnit report: its path, its findings, and why it could not be
/// checked if it could not.
pub struct JunitFile<'a> {
    pub path: &'a str,
    pub findings: &'a [JsonFinding],
    pub failed: Option<&'a str>,
}

/// The opening of a JUnit XML report (one test case per file, one failure per finding, an
/// error for a file that could not be checked), with its counts of files, findings and
/// unread files.
pub fn junit_open(tests: usize, failures: usize, errors: usize) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"jxlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"jxlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    );
    out
}

/// The closing of the JUnit report.
pub const JUNIT_CLOSE: &str = "  </testsuite>\n</testsuites>\n";

/// One file's test case.
pub fn junit_case(file: &JunitFile<'_>, lang: Lang) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"jxlint\"",
        xml(file.path)
    );
    if file.findings.is_empty() && file.failed.is_none() {
        out.push_str("/>\n");
        return out;
    }
    out.push_str(">\n");
    if let Some(why) = file.failed {
        let _ = writeln!(
            out,
            "      <error message=\"{}\" type=\"unreadable\"/>",
            xml(why)
        );
    }
    for f in file.findings {
        let p = position(f);
        let message = message_with_place(f, lang);
        let _ = writeln!(
            out,
            "      <failure message=\"{}: {}\" type=\"{}\">{}:{}:{}: {} {}\n{}</failure>",
            xml(&f.code),
            xml(&one_line(&message)),
            xml(&f.code),
            xml(&f.path),
            p.line,
            p.column,
            xml(&f.code),
            xml(&message),
            xml(&f.help)
        );
    }
    out.push_str("    </testcase>\n");
    out
}

/// Text escaped for XML attributes and content; characters XML 1.0 cannot hold are dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// A message on one line: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Count of findings per rule as text, `count  CODE  name` a line, from (code, name, count)
/// rows in the order they are to be printed (most first).
pub fn statistics(rows: &[(&str, &str, usize)]) -> String {
    let width = rows
        .iter()
        .map(|r| r.2.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for (code, name, n) in rows {
        let _ = writeln!(out, "{n:>width$}  {code}  {name}");
    }
    out
}

/// SARIF 2.1.0 as GitHub code scanning takes it: the rule catalogue as `tool.driver.rules`,
/// and each finding as a result with its rule, level, message (with the place a person finds
/// for Word, spreadsheets, PDF and web pages), a repository-relative location with its region,
/// and a fingerprint that does not depend on the line.
///
/// This is the log around its results, as the text before and after the results array, so that the
/// results can be written file by file between them: the array's own indentation is the last
/// line's of the text before.
pub fn sarif_frame(lang: Lang) -> (String, String) {
    use serde_json::json;
    let rules = &crate::catalog::catalog().rules;
    let descriptors: Vec<serde_json::Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary.get(lang) },
                "fullDescription": { "text": r.explanation.get(lang).trim() },
                "help": {
                    "text": format!(
                        "{}\n\n{}: {}\n{}: {}",
                        r.explanation.get(lang).trim(),
                        if lang == Lang::Zh { "错误示例" } else { "Wrong" },
                        r.example_wrong.trim(),
                        if lang == Lang::Zh { "正确示例" } else { "Right" },
                        r.example_right.trim()
                    )
                },
                "defaultConfiguration": { "level": sarif_level(r.severity.as_str()) },
                "properties": { "tags": [r.family] },
            })
        })
        .collect();
    const HOLE: &str = "\u{0}results\u{0}";
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "jxlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": HOLE,
        }]
    });
    let text = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    let hole = serde_json::to_string(HOLE).expect("a string serialises");
    let (before, after) = text.split_once(&hole).expect("the results' place");
    (before.to_string(), format!("{after}\n"))
}

fn sarif_level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// The SARIF results of some findings (fingerprints count identical findings within a file,
/// so a file's results may be made on their own).
pub fn sarif_results(findings: &[JsonFinding], lang: Lang) -> Vec<serde_json::Value> {
    use serde_json::json;
    let rules = &crate::catalog::catalog().rules;
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let p = position(f);
            let index = rules.iter().position(|r| r.code == f.code);
            let base = finding_hash(f);
            let n = seen.entry(base).or_insert(0);
            *n += 1;
            let mut result = json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": { "text": format!("{}\n{}", message_with_place(f, lang), f.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": repository_uri(&f.path) },
                        "region": {
                            "startLine": p.line,
                            "startColumn": p.column,
                            "endLine": p.end_line,
                            "endColumn": p.end_column.max(p.column),
                        }
                    }
                }],
                "partialFingerprints": {
                    "jxlint/v1": format!("{:016x}:{}", base, n),
                },
            });
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            result
        })
        .collect()
}

/// A finding's identity for fingerprints: its file, rule, message and labels, never its line.
fn finding_hash(f: &JsonFinding) -> u64 {
    let mut key = format!("{}\u{0}{}\u{0}{}", f.path, f.code, f.message);
    for label in &f.labels {
        key.push('\u{0}');
        key.push_str(&label.message);
    }
    crate::text::stable_hash(key.as_bytes())
}

/// A path as a URI relative to the repository (the current folder): `/` separators, no
/// leading `./`, an absolute path under the current folder made relative, and the characters
/// a URI cannot hold percent-encoded.
fn repository_uri(path: &str) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            std::path::Path::new(path)
                .strip_prefix(&cwd)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .unwrap_or_else(|| path.to_string());
    let mut out = String::new();
    for b in relative.trim_start_matches("./").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_their_messages_and_properties() {
        assert_eq!(escape_data("50%\r\nok"), "50%25%0D%0Aok");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn fingerprints_hash_the_same_everywhere() {
        assert_eq!(crate::text::stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(crate::text::stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}

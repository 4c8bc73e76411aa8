//! Printing a batch file by file, in path order, as the files are checked.
//!
//! Every format is written as its files arrive, so that nothing of a file is kept once it is
//! printed: the JSON arrays (JSON, GitLab, SARIF's results) are opened before the first file
//! and closed after the last. What a format cannot write before the end is kept as small as it
//! can be: counts per rule for `--statistics`, a test case's XML per file for JUnit (whose
//! opening holds the totals), a section per report for HTML (whose table is sorted worst
//! first; a page for people reads its findings, so it is as large as they are).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::json::JsonFinding;
use super::summary::{self, SummaryRow};
use super::{csv_line, html, machine, CSV_BOM};
use crate::diagnostic::Lang;

/// The output formats of `jxlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Jsonl,
    Csv,
    Github,
    Gitlab,
    Junit,
    Sarif,
    Html,
}

/// What is printed: each finding, one row per report (`--summary`), or counts per rule
/// (`--statistics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Findings,
    Summary,
    Statistics,
}

impl Format {
    /// Whether the format can print `mode`; if not, why, for the command line to refuse it.
    pub fn supports(self, mode: Mode) -> Result<(), String> {
        let name = format!("{self:?}").to_lowercase();
        match (mode, self) {
            (Mode::Findings, _) => Ok(()),
            (_, Format::Html) => Err(
                "the HTML report has its own summary and counts per rule: leave out --summary and --statistics".into(),
            ),
            (_, Format::Human | Format::Json | Format::Jsonl | Format::Csv) => Ok(()),
            (Mode::Statistics, Format::Concise) => Ok(()),
            (Mode::Summary, _) => Err(format!(
                "--summary prints one row per report in human, json, jsonl or csv format, not {name} (which lists findings)"
            )),
            (Mode::Statistics, _) => Err(format!(
                "--statistics prints counts per rule in human, json, jsonl or csv format, not {name} (which lists findings)"
            )),
        }
    }
}

/// One checked file as the printer takes it.
pub struct FileOutput<'a> {
    /// Its path, kind, stated total and grade, counts, and why it could not be checked if it
    /// could not.
    pub row: SummaryRow,
    /// Human output: the file's annotated findings; HTML: its section of findings. Empty for
    /// other formats.
    pub rendered: &'a str,
    /// The findings as JSON describes them, for the formats made from them (and the HTML
    /// report's counts).
    pub findings: &'a [JsonFinding],
}

/// Writes a format file by file.
pub struct Printer<W: Write> {
    out: W,
    lang: Lang,
    kind: Kind,
}

enum Kind {
    Human,
    Html(Box<html::Page>),
    Concise,
    Jsonl,
    Csv,
    Github,
    Json(JsonArray),
    Gitlab(JsonArray),
    Sarif(JsonArray, String),
    Junit {
        cases: String,
        files: usize,
        failures: usize,
        errors: usize,
    },
    SummaryTable(Vec<SummaryRow>),
    SummaryJson(JsonArray),
    SummaryJsonl,
    SummaryCsv,
    Statistics(Format, BTreeMap<(String, String), usize>),
}

/// A rule's count, as `--statistics --format json` prints it.
#[derive(Serialize)]
struct RuleCount<'a> {
    code: &'a str,
    name: &'a str,
    count: usize,
}

impl<W: Write> Printer<W> {
    /// A printer of `mode` in `format` (which must support it), its opening written.
    pub fn new(mut out: W, format: Format, mode: Mode, lang: Lang) -> io::Result<Self> {
        let kind = match mode {
            Mode::Statistics => Kind::Statistics(format, BTreeMap::new()),
            Mode::Summary => match format {
                Format::Json => Kind::SummaryJson(JsonArray::new("")),
                Format::Jsonl => Kind::SummaryJsonl,
                Format::Csv => {
                    out.write_all(CSV_BOM.as_bytes())?;
                    out.write_all(summary::csv_header(lang).as_bytes())?;
                    Kind::SummaryCsv
                }
                _ => Kind::SummaryTable(Vec::new()),
            },
            Mode::Findings => match format {
                Format::Human => Kind::Human,
                Format::Html => Kind::Html(Box::new(html::Page::new(lang))),
                Format::Concise => Kind::Concise,
                Format::Jsonl => Kind::Jsonl,
                Format::Csv => {
                    out.write_all(CSV_BOM.as_bytes())?;
                    out.write_all(machine::csv_header(lang).as_bytes())?;
                    Kind::Csv
                }
                Format::Github => Kind::Github,
                Format::Json => Kind::Json(JsonArray::new("")),
                Format::Gitlab => Kind::Gitlab(JsonArray::new("")),
                Format::Sarif => {
                    let (before, after) = machine::sarif_frame(lang);
                    out.write_all(before.as_bytes())?;
                    let indent = before.rsplit('\n').next().unwrap_or("");
                    let indent = &indent[..indent.len() - indent.trim_start().len()];
                    Kind::Sarif(JsonArray::new(indent), after)
                }
                Format::Junit => Kind::Junit {
                    cases: String::new(),
                    files: 0,
                    failures: 0,
                    errors: 0,
                },
            },
        };
        Ok(Printer { out, lang, kind })
    }

    /// Print one file's output.
    pub fn file(&mut self, file: FileOutput<'_>) -> io::Result<()> {
        let lang = self.lang;
        let out = &mut self.out;
        match &mut self.kind {
            Kind::Human => out.write_all(file.rendered.as_bytes()),
            Kind::Html(page) => {
                page.add(file.row, file.rendered, file.findings);
                Ok(())
            }
            Kind::Concise => out.write_all(machine::concise(file.findings, lang).as_bytes()),
            Kind::Jsonl => out.write_all(machine::jsonl(file.findings).as_bytes()),
            Kind::Csv => out.write_all(machine::csv(file.findings, lang).as_bytes()),
            Kind::Github => out.write_all(machine::github(file.findings, lang).as_bytes()),
            Kind::Json(array) => file.findings.iter().try_for_each(|f| array.item(out, f)),
            Kind::Gitlab(array) => machine::gitlab_entries(file.findings, lang)
                .iter()
                .try_for_each(|e| array.item(out, e)),
            Kind::Sarif(array, _) => machine::sarif_results(file.findings, lang)
                .iter()
                .try_for_each(|r| array.item(out, r)),
            Kind::Junit {
                cases,
                files,
                failures,
                errors,
            } => {
                *files += 1;
                *failures += file.findings.len();
                *errors += usize::from(file.row.failed.is_some());
                let case = machine::JunitFile {
                    path: &file.row.path,
                    findings: file.findings,
                    failed: file.row.failed.as_deref(),
                };
                cases.push_str(&machine::junit_case(&case, lang));
                Ok(())
            }
            Kind::SummaryTable(rows) => {
                rows.push(file.row);
                Ok(())
            }
            Kind::SummaryJson(array) => array.item(out, &file.row.json()),
            Kind::SummaryJsonl => {
                let line = serde_json::to_string(&file.row.json()).map_err(io::Error::other)?;
                writeln!(out, "{line}")
            }
            Kind::SummaryCsv => out.write_all(summary::csv_row(&file.row, lang).as_bytes()),
            Kind::Statistics(_, counts) => {
                for f in file.findings {
                    *counts.entry((f.code.clone(), f.name.clone())).or_default() += 1;
                }
                Ok(())
            }
        }
    }

    /// Write the closing (and what could only be written at the end), then `trailer`, and hand
    /// back the writer, flushed.
    pub fn finish(mut self, trailer: &str) -> io::Result<W> {
        let lang = self.lang;
        let out = &mut self.out;
        match &mut self.kind {
            Kind::Html(page) => {
                let page = std::mem::replace(page.as_mut(), html::Page::new(lang));
                out.write_all(page.finish().as_bytes())?;
            }
            Kind::Human
            | Kind::Concise
            | Kind::Jsonl
            | Kind::Csv
            | Kind::Github
            | Kind::SummaryJsonl
            | Kind::SummaryCsv => {}
            Kind::Json(array) | Kind::Gitlab(array) | Kind::SummaryJson(array) => {
                array.close(out)?;
                out.write_all(b"\n")?;
            }
            Kind::Sarif(array, after) => {
                array.close(out)?;
                out.write_all(after.as_bytes())?;
            }
            Kind::Junit {
                cases,
                files,
                failures,
                errors,
            } => {
                out.write_all(machine::junit_open(*files, *failures, *errors).as_bytes())?;
                out.write_all(cases.as_bytes())?;
                out.write_all(machine::JUNIT_CLOSE.as_bytes())?;
            }
            Kind::SummaryTable(rows) => out.write_all(summary::render(rows, lang).as_bytes())?,
            Kind::Statistics(format, counts) => {
                let mut rows: Vec<RuleCount<'_>> = counts
                    .iter()
                    .map(|((code, name), &count)| RuleCount { code, name, count })
                    .collect();
                // Most first; a rule's code names it, so ties go by code.
                rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
                match format {
                    Format::Json => {
                        let mut array = JsonArray::new("");
                        rows.iter().try_for_each(|r| array.item(out, r))?;
                        array.close(out)?;
                        out.write_all(b"\n")?;
                    }
                    Format::Jsonl => {
                        for r in &rows {
                            let line = serde_json::to_string(r).map_err(io::Error::other)?;
                            writeln!(out, "{line}")?;
                        }
                    }
                    Format::Csv => {
                        out.write_all(CSV_BOM.as_bytes())?;
                        let header = match lang {
                            Lang::Zh => ["规则", "规则名", "条数"],
                            Lang::En => ["code", "rule", "count"],
                        };
                        out.write_all(csv_line(&header).as_bytes())?;
                        for r in &rows {
                            let n = r.count.to_string();
                            out.write_all(csv_line(&[r.code, r.name, &n]).as_bytes())?;
                        }
                    }
                    _ => {
                        let rows: Vec<(&str, &str, usize)> =
                            rows.iter().map(|r| (r.code, r.name, r.count)).collect();
                        out.write_all(machine::statistics(&rows).as_bytes())?
                    }
                }
            }
        }
        out.write_all(trailer.as_bytes())?;
        out.flush()?;
        Ok(self.out)
    }
}

/// A JSON array written an item at a time, as `serde_json::to_string_pretty` prints the whole
/// array at the indentation of the line it starts on: `[]` when empty.
struct JsonArray {
    indent: String,
    items: usize,
}

impl JsonArray {
    fn new(indent: &str) -> JsonArray {
        JsonArray {
            indent: indent.to_string(),
            items: 0,
        }
    }

    fn item(&mut self, out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        out.write_all(if self.items == 0 { b"[" } else { b"," })?;
        // A pretty-printed JSON value breaks lines only between its tokens (a string's line
        // breaks are escaped), so each of its lines is indented one level more.
        for line in text.split('\n') {
            write!(out, "\n{}  {line}", self.indent)?;
        }
        self.items += 1;
        Ok(())
    }

    fn close(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.items == 0 {
            out.write_all(b"[]")
        } else {
            write!(out, "\n{}]", self.indent)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_array_written_item_by_item_is_serde_jsons_pretty_array() {
        #[derive(Serialize)]
        struct Item {
            a: u32,
            b: Vec<&'static str>,
            c: &'static str,
        }
        let items = [
            Item {
                a: 1,
                b: vec![],
                c: "x\ny",
            },
            Item {
                a: 2,
                b: vec!["p", "q"],
                c: "",
            },
        ];
        for n in 0..=items.len() {
            let mut out = Vec::new();
            let mut array = JsonArray::new("");
            for item in &items[..n] {
                array.item(&mut out, item).unwrap();
            }
            array.close(&mut out).unwrap();
            let expected = serde_json::to_string_pretty(&items[..n]).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}

//! `--format html`: one self-contained page for people who read rather than grep — a
//! supervisor's batch at a glance, then every report's findings with their cells and
//! sentences marked.
//!
//! The page needs nothing from the network: its style and script are inline, its charts are
//! SVG drawn here. Each report's section is made as the report is checked ([`section`], in a
//! worker, from the report's source); the page around the sections is put together once the
//! batch is done ([`Page`]), since its table lists the reports worst first. The page holds no
//! date, so that the same batch gives the same page.
//!
//! Filters are read from and written to the address's fragment (`#severity=error&family=SUM
//! &q=…`), so that a filtered view can be linked to.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::json::JsonFinding;
use super::summary::SummaryRow;
use super::{describe_place, Tally};
use crate::diagnostic::{Finding, Lang};
use crate::source::SourceFile;

/// Lines of a report shown for one finding at most.
const MAX_LINES: usize = 8;
/// A line longer than this (characters) is cut to the parts around its marks.
const LONG_LINE: usize = 160;
/// Characters kept either side of a mark in a long line.
const CONTEXT: usize = 40;
/// Rules drawn in the chart of findings by rule at most.
const MAX_RULES: usize = 20;

/// Text escaped for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A report's findings as HTML articles: severity, code and name, where it is, the message,
/// the lines of the report with the labelled characters marked, the labels, and the help line
/// with its arithmetic.
pub fn section(source: &SourceFile, findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        finding(&mut out, source, f, lang);
    }
    out
}

fn finding(out: &mut String, source: &SourceFile, f: &Finding, lang: Lang) {
    let severity = f.severity.as_str();
    let _ = write!(
        out,
        "<article class=\"finding {severity}\" data-severity=\"{severity}\" data-family=\"{}\" data-code=\"{}\">\
         <header><span class=\"badge {severity}\">{}</span> <code>{}</code> <span class=\"rule\">{}</span>",
        escape(&f.rule.family),
        escape(f.code()),
        severity_name(severity, lang),
        escape(f.code()),
        escape(&f.rule.name),
    );
    if let Some(span) = f.primary_span() {
        // Word, a spreadsheet or a web page: the cell or paragraph a person finds there; the
        // lines of the text made from it are only the snippet's.
        let place = source.locate(span).map_or_else(
            || {
                let line = source.position(span.start).line;
                describe_place(&crate::document::Place::Line { line }, lang)
            },
            |p| describe_place(&p, lang),
        );
        let _ = write!(out, " <span class=\"place\">{}</span>", escape(&place));
    }
    let _ = write!(
        out,
        "</header><p class=\"message\">{}</p>",
        escape(&f.message(lang))
    );
    snippet(out, source, f, lang);
    let help = f.help(lang);
    if !help.is_empty() {
        let _ = write!(out, "<pre class=\"help\">{}</pre>", escape(&help));
    }
    out.push_str("</article>\n");
}

/// The lines a finding's labels are on, the labelled characters marked, then the labels.
fn snippet(out: &mut String, source: &SourceFile, f: &Finding, lang: Lang) {
    // Marks per line: (line, start, end, label) with byte offsets into the line.
    let mut marks: BTreeMap<usize, Vec<(usize, usize, usize)>> = BTreeMap::new();
    for (i, label) in f.labels.iter().enumerate() {
        let (first, last) = (
            source.position(label.span.start).line,
            source
                .position(label.span.end.max(label.span.start + 1) - 1)
                .line,
        );
        for line in first..=last {
            let lspan = source.line_span(line);
            let start = label.span.start.clamp(lspan.start, lspan.end) - lspan.start;
            let end = label.span.end.clamp(lspan.start, lspan.end) - lspan.start;
            marks.entry(line).or_default().push((start, end, i));
            if marks.len() > MAX_LINES {
                break;
            }
        }
    }
    if marks.is_empty() {
        return;
    }
    out.push_str("<pre class=\"snippet\">");
    let width = marks.keys().last().map_or(1, |l| l.to_string().len());
    let mut previous = None;
    for (&line, line_marks) in marks.iter().take(MAX_LINES) {
        if previous.is_some_and(|p| p + 1 < line) {
            let _ = writeln!(out, "<span class=\"ln\">{:>width$}</span>", "⋮");
        }
        previous = Some(line);
        let text = source.slice(source.line_span(line));
        let _ = writeln!(
            out,
            "<span class=\"ln\">{line:>width$}</span> {}",
            line_html(text, line_marks, f, lang)
        );
    }
    if marks.len() > MAX_LINES {
        let more = marks.len() - MAX_LINES;
        let _ = writeln!(
            out,
            "<span class=\"ln\">{:>width$}</span> {}",
            "⋮",
            match lang {
                Lang::Zh => format!("（另有 {more} 行）"),
                Lang::En => format!("({more} more lines)"),
            }
        );
    }
    out.push_str("</pre><ol class=\"labels\">");
    for label in &f.labels {
        let text = source.slice(label.span);
        let _ = write!(
            out,
            "<li><mark>{}</mark> {}</li>",
            escape(&shorten(text, 60)),
            escape(label.text.get(lang))
        );
    }
    out.push_str("</ol>");
}

/// A line with its marks, tabs shown as cell borders; a long line keeps only the parts
/// around its marks.
fn line_html(text: &str, marks: &[(usize, usize, usize)], f: &Finding, lang: Lang) -> String {
    // Character boundaries where marks open and close.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let long = chars.len() > LONG_LINE;
    let char_at = |byte: usize| chars.partition_point(|&(b, _)| b < byte);
    let kept = |i: usize| {
        !long
            || marks.iter().any(|&(s, e, _)| {
                let (s, e) = (char_at(s), char_at(e));
                i + CONTEXT >= s && i < e + CONTEXT
            })
    };
    let mut out = String::new();
    let mut skipping = false;
    for (i, &(byte, c)) in chars.iter().enumerate() {
        for &(s, e, label) in marks {
            if s == byte && e > s {
                let _ = write!(
                    out,
                    "<mark title=\"{}\">",
                    escape(f.labels[label].text.get(lang))
                );
            }
        }
        if kept(i) {
            skipping = false;
            match c {
                '\t' => out.push_str("<span class=\"tab\"> │ </span>"),
                c => out.push_str(&escape(c.encode_utf8(&mut [0; 4]))),
            }
        } else if !skipping {
            skipping = true;
            out.push('…');
        }
        let next = chars.get(i + 1).map_or(text.len(), |&(b, _)| b);
        for &(s, e, _) in marks {
            if e == next && e > s {
                out.push_str("</mark>");
            }
        }
    }
    out
}

/// Text cut to `max` characters.
fn shorten(text: &str, max: usize) -> String {
    let text = text.replace(['\t', '\n'], " ");
    if text.chars().count() <= max {
        text
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}

fn severity_name(severity: &str, lang: Lang) -> &'static str {
    match (severity, lang) {
        ("error", Lang::Zh) => "错误",
        ("warning", Lang::Zh) => "警告",
        (_, Lang::Zh) => "提示",
        ("error", Lang::En) => "error",
        ("warning", Lang::En) => "warning",
        (_, Lang::En) => "note",
    }
}

/// A report as the page lists it.
struct Entry {
    row: SummaryRow,
    section: String,
    /// Severities and families of its findings, for the filters.
    severities: Vec<&'static str>,
    families: Vec<String>,
}

/// The page, gathered report by report.
pub struct Page {
    lang: Lang,
    entries: Vec<Entry>,
    /// Findings by family and rule: counts by severity.
    by_family: BTreeMap<String, Tally>,
    by_rule: BTreeMap<String, Tally>,
    grades: BTreeMap<String, usize>,
}

impl Page {
    pub fn new(lang: Lang) -> Page {
        Page {
            lang,
            entries: Vec::new(),
            by_family: BTreeMap::new(),
            by_rule: BTreeMap::new(),
            grades: BTreeMap::new(),
        }
    }

    /// Add a report: its summary row, its section (from [`section`]) and its findings.
    pub fn add(&mut self, row: SummaryRow, section: &str, findings: &[JsonFinding]) {
        let catalog = crate::catalog::catalog();
        let mut severities = Vec::new();
        let mut families = Vec::new();
        for f in findings {
            let family = catalog
                .get(&f.code)
                .map_or_else(|| f.code.clone(), |r| r.family.clone());
            for tally in [
                self.by_family.entry(family.clone()).or_default(),
                self.by_rule.entry(f.code.clone()).or_default(),
            ] {
                match f.severity {
                    "error" => tally.errors += 1,
                    "warning" => tally.warnings += 1,
                    _ => tally.infos += 1,
                }
            }
            if !severities.contains(&f.severity) {
                severities.push(f.severity);
            }
            if !families.contains(&family) {
                families.push(family);
            }
        }
        if let Some(grade) = row.json().grade {
            *self.grades.entry(grade.to_string()).or_default() += 1;
        }
        self.entries.push(Entry {
            row,
            section: section.to_string(),
            severities,
            families,
        });
    }

    /// The whole page.
    pub fn finish(mut self) -> String {
        let lang = self.lang;
        let t = Words::of(lang);
        // Worst first: files that could not be checked, then by errors, warnings, notes.
        self.entries.sort_by(|a, b| {
            let key = |e: &Entry| {
                (
                    e.row.failed.is_none(),
                    std::cmp::Reverse(e.row.tally.errors),
                    std::cmp::Reverse(e.row.tally.warnings),
                    std::cmp::Reverse(e.row.tally.infos),
                )
            };
            key(a)
                .cmp(&key(b))
                .then_with(|| a.row.path.cmp(&b.row.path))
        });
        let mut total = Tally::default();
        for e in &self.entries {
            total.add(e.row.tally);
        }
        let reports = self.entries.len();
        let with_errors = self
            .entries
            .iter()
            .filter(|e| e.row.tally.errors > 0)
            .count();
        let failed = self
            .entries
            .iter()
            .filter(|e| e.row.failed.is_some())
            .count();

        let mut out = String::with_capacity(64 * 1024 + self.entries.len() * 512);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"jxlint {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            t.html_lang,
            env!("CARGO_PKG_VERSION"),
            t.title
        );
        let _ = write!(
            out,
            "<header class=\"top\"><h1>{}</h1><p class=\"meta\">jxlint {}</p></header>\n<main>\n",
            t.title,
            env!("CARGO_PKG_VERSION")
        );

        // Overview.
        out.push_str("<section id=\"overview\">\n");
        let _ = write!(out, "<h2>{}</h2>\n<div class=\"cards\">", t.overview);
        for (id, n, what, class) in [
            ("n-reports", reports, t.reports_checked, ""),
            ("n-with-errors", with_errors, t.with_errors, "error"),
            ("n-errors", total.errors, t.errors, "error"),
            ("n-warnings", total.warnings, t.warnings, "warning"),
            ("n-notes", total.infos, t.notes, "info"),
            ("n-failed", failed, t.failed, ""),
        ] {
            let _ = write!(
                out,
                "<div class=\"card {class}\"><b id=\"{id}\">{n}</b><span>{what}</span></div>"
            );
        }
        out.push_str("</div>\n");
        let catalog = crate::catalog::catalog();
        if !self.by_family.is_empty() {
            let bars: Vec<(String, String, Tally)> = self
                .by_family
                .iter()
                .map(|(family, tally)| {
                    let name = catalog
                        .family(family)
                        .map_or(String::new(), |f| f.name.get(lang).to_string());
                    (family.clone(), name, *tally)
                })
                .collect();
            let _ = writeln!(out, "<h3>{}</h3>", t.by_family);
            chart(&mut out, "chart-family", &bars, lang);
            let mut rules: Vec<(String, String, Tally)> = self
                .by_rule
                .iter()
                .map(|(code, tally)| {
                    let name = catalog.get(code).map_or(String::new(), |r| r.name.clone());
                    (code.clone(), name, *tally)
                })
                .collect();
            rules.sort_by(|a, b| b.2.total().cmp(&a.2.total()).then(a.0.cmp(&b.0)));
            let shown = rules.len().min(MAX_RULES);
            let _ = writeln!(out, "<h3>{}</h3>", t.by_rule);
            chart(&mut out, "chart-rule", &rules[..shown], lang);
            if rules.len() > shown {
                let _ = writeln!(
                    out,
                    "<p class=\"meta\">{}</p>",
                    t.more_rules
                        .replace("{n}", &(rules.len() - shown).to_string())
                );
            }
        } else {
            let _ = writeln!(out, "<p class=\"clean\">{}</p>", t.no_findings);
        }
        if !self.grades.is_empty() {
            let stated = self
                .entries
                .iter()
                .filter(|e| e.row.json().total.is_some())
                .count();
            let _ = write!(
                out,
                "<h3>{}</h3>\n<p class=\"meta\">{}</p>\n<table class=\"grades\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
                t.grades,
                t.stated_totals.replace("{n}", &stated.to_string()),
                t.grade,
                t.reports
            );
            let mut grades: Vec<(&String, &usize)> = self.grades.iter().collect();
            grades.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (grade, n) in grades {
                let _ = write!(out, "<tr><td>{}</td><td>{n}</td></tr>", escape(grade));
            }
            out.push_str("</tbody></table>\n");
        }
        out.push_str("</section>\n");

        // The table of reports, with its filters.
        let _ = write!(
            out,
            "<section id=\"reports\">\n<h2>{}</h2>\n<form class=\"filters\" onsubmit=\"return false\">\
             <label>{} <select id=\"f-severity\"><option value=\"\">{}</option>",
            t.report_table, t.severity, t.all
        );
        for sev in ["error", "warning", "info"] {
            let _ = write!(
                out,
                "<option value=\"{sev}\">{}</option>",
                severity_name(sev, lang)
            );
        }
        let _ = write!(
            out,
            "</select></label> <label>{} <select id=\"f-family\"><option value=\"\">{}</option>",
            t.family, t.all
        );
        for family in &catalog.families {
            let _ = write!(
                out,
                "<option value=\"{}\">{} {}</option>",
                escape(&family.prefix),
                escape(&family.prefix),
                escape(family.name.get(lang))
            );
        }
        let _ = write!(
            out,
            "</select></label> <label>{} <input id=\"f-text\" type=\"search\" placeholder=\"{}\"></label></form>\n\
             <p id=\"shown\" class=\"meta\"></p>\n<div class=\"scroll\"><table id=\"report-table\"><thead><tr>",
            t.search, t.search_hint
        );
        for (i, (head, kind)) in [
            (t.file, "text"),
            (t.kind, "text"),
            (t.total, "num"),
            (t.grade, "text"),
            (t.errors, "num"),
            (t.warnings, "num"),
        ]
        .iter()
        .enumerate()
        {
            let _ = write!(
                out,
                "<th class=\"c{i}\" data-sort=\"{kind}\" tabindex=\"0\">{head}</th>"
            );
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (i, e) in self.entries.iter().enumerate() {
            let id = format!("r{}", i + 1);
            let r = &e.row;
            let _ = write!(
                out,
                "<tr data-report=\"{id}\" data-path=\"{}\" data-severities=\"{}\" data-families=\"{}\"{}>",
                escape(&r.path),
                e.severities.join(" "),
                escape(&e.families.join(" ")),
                if r.failed.is_some() { " class=\"failed\"" } else { "" }
            );
            let link = if e.section.is_empty() && r.failed.is_none() {
                escape(&r.path)
            } else {
                format!("<a href=\"#{id}\">{}</a>", escape(&r.path))
            };
            match &r.failed {
                Some(why) => {
                    let _ = writeln!(
                        out,
                        "<td class=\"c0\">{link}</td><td class=\"c1\" colspan=\"5\">{}: {}</td></tr>",
                        t.failed,
                        escape(why)
                    );
                }
                None => {
                    let kind = r.kind.map_or("", |k| match lang {
                        Lang::Zh => k.name().0,
                        Lang::En => k.name().1,
                    });
                    let _ = writeln!(
                        out,
                        "<td class=\"c0\">{link}</td><td class=\"c1\">{}</td><td class=\"c2 n\">{}</td><td class=\"c3\">{}</td>\
                         <td class=\"c4 n{}\">{}</td><td class=\"c5 n{}\">{}</td></tr>",
                        kind,
                        escape(&r.total),
                        escape(&r.grade),
                        if r.tally.errors > 0 { " error" } else { "" },
                        r.tally.errors,
                        if r.tally.warnings > 0 { " warning" } else { "" },
                        r.tally.warnings
                    );
                }
            }
        }
        out.push_str("</tbody></table></div>\n</section>\n");

        // Each report's findings.
        let _ = write!(out, "<section id=\"findings\">\n<h2>{}</h2>\n", t.findings);
        for (i, e) in self.entries.iter().enumerate() {
            if e.section.is_empty() && e.row.failed.is_none() {
                continue;
            }
            let r = &e.row;
            let _ = write!(
                out,
                "<section class=\"report\" id=\"r{}\" data-path=\"{}\"><h3>{}</h3><a class=\"back\" href=\"#reports\">↑ {}</a>",
                i + 1,
                escape(&r.path),
                escape(&r.path),
                t.back
            );
            match &r.failed {
                Some(why) => {
                    let _ = write!(out, "<p class=\"failed\">{}: {}</p>", t.failed, escape(why));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "<p class=\"meta\">{} {} · {} {} · {} {}</p>",
                        t.total,
                        escape(&r.total),
                        t.grade,
                        escape(&r.grade),
                        r.tally.total(),
                        if r.tally.total() == 1 {
                            t.finding_unit
                        } else {
                            t.findings_unit
                        }
                    );
                }
            }
            out.push_str(&e.section);
            out.push_str("</section>\n");
        }
        let _ = write!(
            out,
            "</section>\n</main>\n<script>const WORDS={{shown:\"{}\"}};\n{SCRIPT}</script>\n</body>\n</html>\n",
            t.shown
        );
        out
    }
}

/// A horizontal bar chart in SVG, one bar per item stacked by severity, with its count.
fn chart(out: &mut String, id: &str, bars: &[(String, String, Tally)], lang: Lang) {
    const ROW: usize = 26;
    const LABEL: usize = 280;
    const WIDTH: usize = 720;
    const BAR_MAX: usize = WIDTH - LABEL - 60;
    let most = bars.iter().map(|b| b.2.total()).max().unwrap_or(1).max(1);
    let height = bars.len() * ROW + 8;
    let _ = write!(
        out,
        "<svg id=\"{id}\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (i, (key, name, tally)) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let label = if name.is_empty() {
            key.clone()
        } else {
            format!("{key} {}", shorten(name, 18))
        };
        let _ = write!(
            out,
            "<g class=\"bar\" data-key=\"{}\"><title>{}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            escape(key),
            escape(&format!(
                "{key} {name}: {} {} · {} {} · {} {}",
                tally.errors,
                severity_name("error", lang),
                tally.warnings,
                severity_name("warning", lang),
                tally.infos,
                severity_name("info", lang)
            )),
            LABEL - 8,
            y + 16,
            escape(&label)
        );
        let mut x = LABEL;
        for (n, class) in [
            (tally.errors, "error"),
            (tally.warnings, "warning"),
            (tally.infos, "info"),
        ] {
            if n == 0 {
                continue;
            }
            let w = (n * BAR_MAX).div_ceil(most).max(2);
            let _ = write!(
                out,
                "<rect class=\"{class}\" x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\"/>",
                y + 3,
                ROW - 8
            );
            x += w;
        }
        let _ = write!(
            out,
            "<text class=\"count\" x=\"{}\" y=\"{}\">{}</text></g>",
            x + 6,
            y + 16,
            tally.total()
        );
    }
    out.push_str("</svg>\n");
}

/// The page's words in its language.
struct Words {
    html_lang: &'static str,
    title: &'static str,
    overview: &'static str,
    reports_checked: &'static str,
    with_errors: &'static str,
    errors: &'static str,
    warnings: &'static str,
    notes: &'static str,
    failed: &'static str,
    by_family: &'static str,
    by_rule: &'static str,
    more_rules: &'static str,
    no_findings: &'static str,
    grades: &'static str,
    stated_totals: &'static str,
    grade: &'static str,
    reports: &'static str,
    report_table: &'static str,
    severity: &'static str,
    family: &'static str,
    all: &'static str,
    search: &'static str,
    search_hint: &'static str,
    file: &'static str,
    kind: &'static str,
    total: &'static str,
    findings: &'static str,
    finding_unit: &'static str,
    findings_unit: &'static str,
    shown: &'static str,
    back: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Zh => Words {
                html_lang: "zh-CN",
                title: "jxlint 绩效评价报告检查结果",
                overview: "概览",
                reports_checked: "份报告已检查",
                with_errors: "份有错误",
                errors: "错误",
                warnings: "警告",
                notes: "提示",
                failed: "无法检查",
                by_family: "按规则族统计",
                by_rule: "按规则统计",
                more_rules: "另有 {n} 条规则未画出",
                no_findings: "未发现问题。",
                grades: "报告所述等级",
                stated_totals: "{n} 份报告写明了总分",
                grade: "等级",
                reports: "报告数",
                report_table: "报告一览（问题多者在前）",
                severity: "级别",
                family: "规则族",
                all: "全部",
                search: "搜索",
                search_hint: "文件名或问题内容",
                file: "文件",
                kind: "类型",
                total: "总分",
                findings: "各报告的问题",
                finding_unit: "个问题",
                findings_unit: "个问题",
                shown: "显示 {n} / {all} 份报告",
                back: "回到报告一览",
            },
            Lang::En => Words {
                html_lang: "en",
                title: "jxlint: performance evaluation reports checked",
                overview: "Overview",
                reports_checked: "reports checked",
                with_errors: "with errors",
                errors: "errors",
                warnings: "warnings",
                notes: "notes",
                failed: "not checked",
                by_family: "Findings by family",
                by_rule: "Findings by rule",
                more_rules: "{n} more rules not drawn",
                no_findings: "No findings.",
                grades: "Grades as the reports state them",
                stated_totals: "{n} reports state a total",
                grade: "grade",
                reports: "reports",
                report_table: "Reports, worst first",
                severity: "Severity",
                family: "Family",
                all: "all",
                search: "Search",
                search_hint: "file name or finding",
                file: "file",
                kind: "kind",
                total: "total",
                findings: "Findings by report",
                finding_unit: "finding",
                findings_unit: "findings",
                shown: "showing {n} of {all} reports",
                back: "back to the reports",
            },
        }
    }
}

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/script.js");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Text;
    use crate::document::Span;

    fn source(text: &str) -> SourceFile {
        SourceFile::new("a.txt", text.to_string(), "UTF-8")
    }

    fn at(text: &str, what: &str) -> Span {
        let start = text.find(what).expect("in the text");
        Span::new(start, start + what.len())
    }

    #[test]
    fn labels_are_marked_and_the_text_escaped() {
        let text = "合计\t<b>\t12.80\n其中：拨款\t12.60\n";
        let f = Finding::new("SUM004")
            .label(at(text, "12.80"), Text::same("年初预算数 12.80"))
            .label(at(text, "12.60"), Text::same("12.60"));
        let html = section(&source(text), &[f], Lang::Zh);
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("<mark title=\"年初预算数 12.80\">12.80</mark>"),
            "{html}"
        );
        assert!(html.contains(">12.60</mark>"), "{html}");
        assert!(html.contains("data-code=\"SUM004\""));
        // Both lines, numbered, with tabs shown as cell borders.
        assert!(html.contains("<span class=\"ln\">1</span>"), "{html}");
        assert!(html.contains("<span class=\"ln\">2</span>"), "{html}");
        assert!(html.contains(" │ "), "{html}");
    }

    #[test]
    fn a_label_over_a_line_break_or_at_the_end_is_marked_on_each_line() {
        let text = "甲乙\n丙丁";
        let f = Finding::new("SUM004").label(Span::new(3, text.len()), Text::same("x"));
        let html = section(&source(text), &[f], Lang::En);
        assert!(html.contains(">乙</mark>"), "{html}");
        assert!(html.contains(">丙丁</mark>"), "{html}");
        // An empty label at the very end marks nothing and breaks nothing.
        let f = Finding::new("SUM004").label(Span::new(text.len(), text.len()), Text::same("y"));
        let html = section(&source(text), &[f], Lang::En);
        assert!(!html.contains("<mark title"), "{html}");
    }

    #[test]
    fn a_long_line_is_cut_around_its_marks() {
        let text = format!("{}合计 99.88{}", "前".repeat(300), "后".repeat(300));
        let f = Finding::new("SUM004").label(at(&text, "99.88"), Text::same("z"));
        let html = section(&source(&text), &[f], Lang::Zh);
        let snippet = &html[html.find("<pre class=\"snippet\">").unwrap()..];
        let snippet = &snippet[..snippet.find("</pre>").unwrap()];
        assert!(snippet.contains(">99.88</mark>"), "{snippet}");
        assert_eq!(snippet.matches('…').count(), 2, "{snippet}");
        assert!(snippet.chars().filter(|&c| c == '前').count() <= CONTEXT + 1);
    }

    #[test]
    fn an_empty_batch_is_a_whole_page() {
        let page = Page::new(Lang::En).finish();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.trim_end().ends_with("</html>"));
        assert!(page.contains("No findings."));
        assert!(page.contains("<b id=\"n-reports\">0</b>"));
    }
}

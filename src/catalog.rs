//! The rule catalogue: every rule's code, name, family, default severity, message templates,
//! explanation and examples, read from `rules/catalog.toml` embedded at build time.
//!
//! The catalogue is the single source of the user documentation (`jxlint rules`,
//! `jxlint explain`, `docs/rules.md`), so the docs cannot drift from what the binary reports.

use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::diagnostic::{Lang, Severity, Text};

/// `rules/catalog.toml` as JSON, converted by `build.rs`: the catalogue is read at every
/// start, and reading 80 KB of TOML took a fifth of checking a small report, process start
/// included. JSON of the same values reads through the same `Deserialize` types.
const SOURCE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::from_json(SOURCE_JSON).unwrap_or_else(|e| panic!("rules/catalog.toml is invalid: {e}"))
});

/// The catalogue embedded in the binary.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

#[derive(Debug)]
pub struct Catalog {
    pub families: Vec<Family>,
    pub rules: Vec<Rule>,
}

#[derive(Debug)]
pub struct Family {
    pub prefix: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug)]
pub struct Rule {
    pub code: String,
    pub name: String,
    pub family: String,
    pub severity: Severity,
    pub summary: Text,
    pub message: Text,
    pub help: Text,
    pub explanation: Text,
    pub example_wrong: String,
    pub example_right: String,
}

impl Catalog {
    /// The catalogue in `source`, TOML as `rules/catalog.toml` is written.
    pub fn parse(source: &str) -> Result<Catalog, String> {
        Catalog::from_raw(toml::from_str(source).map_err(|e| e.to_string())?)
    }

    /// The catalogue in `source`, the JSON `build.rs` makes of `rules/catalog.toml`.
    fn from_json(source: &str) -> Result<Catalog, String> {
        Catalog::from_raw(serde_json::from_str(source).map_err(|e| e.to_string())?)
    }

    fn from_raw(raw: RawCatalog) -> Result<Catalog, String> {
        let families = raw
            .family
            .into_iter()
            .map(|f| Family {
                prefix: f.prefix,
                name: Text::new(f.name_zh, f.name_en),
                description: Text::new(f.description_zh.trim(), f.description_en.trim()),
            })
            .collect::<Vec<_>>();
        let mut rules = Vec::new();
        for r in raw.rule {
            if !families.iter().any(|f| f.prefix == r.family) {
                return Err(format!("{}: unknown family {}", r.code, r.family));
            }
            if !r.code.starts_with(&r.family) {
                return Err(format!(
                    "{}: code must start with its family {}",
                    r.code, r.family
                ));
            }
            if rules.iter().any(|x: &Rule| x.code == r.code) {
                return Err(format!("{}: listed twice", r.code));
            }
            rules.push(Rule {
                code: r.code,
                name: r.name,
                family: r.family,
                severity: r.severity,
                summary: Text::new(r.summary_zh, r.summary_en),
                message: Text::new(r.message_zh, r.message_en),
                help: Text::new(r.help_zh, r.help_en),
                explanation: Text::new(r.explanation_zh.trim(), r.explanation_en.trim()),
                example_wrong: r.example_wrong.trim_matches('\n').to_string(),
                example_right: r.example_right.trim_matches('\n').to_string(),
            });
        }
        Ok(Catalog { families, rules })
    }

    pub fn get(&self, code: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code))
    }

    pub fn family(&self, prefix: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.prefix == prefix)
    }

    /// `docs/rules.md`: the user reference, generated from the catalogue.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        out.push_str("<!-- Generated from rules/catalog.toml by `jxlint rules --format markdown`. Do not edit. -->\n\n");
        out.push_str("# jxlint rules / 规则\n\n");
        out.push_str("| Code | Name | Severity | 说明 | Summary |\n|---|---|---|---|---|\n");
        for r in &self.rules {
            let _ = writeln!(
                out,
                "| [{code}](#{anchor}) | `{name}` | {sev} | {zh} | {en} |",
                code = r.code,
                anchor = r.code.to_lowercase(),
                name = r.name,
                sev = r.severity.as_str(),
                zh = r.summary.zh,
                en = r.summary.en
            );
        }
        for f in &self.families {
            let _ = write!(
                out,
                "\n## {prefix} — {zh} / {en}\n\n{dzh}\n\n{den}\n",
                prefix = f.prefix,
                zh = f.name.zh,
                en = f.name.en,
                dzh = f.description.zh,
                den = f.description.en
            );
            for r in self.rules.iter().filter(|r| r.family == f.prefix) {
                let _ = write!(
                    out,
                    "\n### {code}\n\n`{name}` · default severity **{sev}**\n\n{szh}  \n{sen}\n\n{ezh}\n\n{een}\n\nWrong / 错误：\n\n```text\n{wrong}\n```\n\nRight / 正确：\n\n```text\n{right}\n```\n\n{silence_zh}  \n{silence_en}\n",
                    code = r.code,
                    name = r.name,
                    sev = r.severity.as_str(),
                    szh = r.summary.zh,
                    sen = r.summary.en,
                    ezh = r.explanation.zh,
                    een = r.explanation.en,
                    wrong = r.example_wrong,
                    right = r.example_right,
                    silence_zh = silencing(&r.code, Lang::Zh),
                    silence_en = silencing(&r.code, Lang::En),
                );
            }
        }
        out
    }

    /// `jxlint explain CODE`.
    pub fn explain(&self, rule: &Rule, lang: Lang) -> String {
        let family = self.family(&rule.family).map_or("", |f| f.name.get(lang));
        let (wrong, right) = match lang {
            Lang::Zh => ("错误示例", "正确示例"),
            Lang::En => ("Wrong", "Right"),
        };
        format!(
            "{code} {name} ({family}, {sev})\n{summary}\n\n{explanation}\n\n{wrong}:\n{ex_wrong}\n\n{right}:\n{ex_right}\n\n{silence}\n",
            code = rule.code,
            name = rule.name,
            sev = rule.severity.as_str(),
            summary = rule.summary.get(lang),
            explanation = rule.explanation.get(lang),
            ex_wrong = indent(&rule.example_wrong),
            ex_right = indent(&rule.example_right),
            silence = silencing(&rule.code, lang),
        )
    }
}

/// How to silence a rule, the same for every rule (`suppress.rs` does it).
fn silencing(code: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "关闭：确认无误的某一处，在其所在行或上一行写 `jxlint:ignore {code}`；整次检查不报告此规则用 `--ignore {code}`。"
        ),
        Lang::En => format!(
            "Silencing: for one place you have checked, write `jxlint:ignore {code}` on its line or the line before; for a whole run, `--ignore {code}`."
        ),
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    family: Vec<RawFamily>,
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFamily {
    prefix: String,
    name_zh: String,
    name_en: String,
    description_zh: String,
    description_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    code: String,
    name: String,
    family: String,
    severity: Severity,
    summary_zh: String,
    summary_en: String,
    message_zh: String,
    message_en: String,
    help_zh: String,
    help_en: String,
    explanation_zh: String,
    explanation_en: String,
    example_wrong: String,
    example_right: String,
}

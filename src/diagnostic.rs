//! Findings: what a rule reports, in both languages, with labelled spans.
//!
//! A finding carries the rule (for its code, name and message templates), named arguments that
//! fill the templates, labels on the exact spans involved, and, for arithmetic findings, the
//! value each involved cell would need to make the arithmetic hold — which lets the engine see
//! that two broken totals point at the same wrong cell and report it once.

use serde::{Deserialize, Serialize};

use crate::catalog::{catalog, Rule};
use crate::document::Span;
use crate::number::{format_decimal, Interval};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A piece of text in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Text that reads the same in both languages: figures, quoted report text.
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            zh: s.clone(),
            en: s,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: Text,
}

/// The value a cell would need for a violated relation to hold, all other cells as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Implied {
    pub span: Span,
    /// Every value that would make the relation hold, allowing for rounding.
    pub value: Interval,
    /// The value computed from the other figures exactly as printed, for messages.
    pub point: rust_decimal::Decimal,
    /// Decimals to print the implied value with.
    pub decimals: u32,
}

/// The arithmetic behind a finding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Constraint {
    /// The figure the rule checked (a total, a rate, a grade), if it is a cell.
    pub subject: Option<Span>,
    pub cells: Vec<Implied>,
}

/// The most places one finding labels.
pub const MAX_LABELS: usize = 24;

#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub args: Vec<(&'static str, Text)>,
    /// The first label is the primary one.
    pub labels: Vec<Label>,
    /// Further help lines: other arithmetic that points at the same place.
    pub notes: Vec<Text>,
    /// Places beyond [`MAX_LABELS`] that were not labelled (10,000 rows sharing one code).
    pub omitted_labels: usize,
    pub constraint: Option<Constraint>,
}

impl Finding {
    /// A finding of rule `code` at its catalogue severity.
    ///
    /// # Panics
    /// If `code` has no catalogue entry; a test checks that every code a check emits has one.
    pub fn new(code: &str) -> Finding {
        let rule = catalog()
            .get(code)
            .unwrap_or_else(|| panic!("rule {code} is missing from rules/catalog.toml"));
        Finding {
            rule,
            severity: rule.severity,
            args: Vec::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            omitted_labels: 0,
            constraint: None,
        }
    }

    pub fn code(&self) -> &str {
        &self.rule.code
    }

    pub fn arg(mut self, name: &'static str, value: Text) -> Self {
        self.args.push((name, value));
        self
    }

    pub fn arg_same(self, name: &'static str, value: impl Into<String>) -> Self {
        self.arg(name, Text::same(value))
    }

    pub fn label(mut self, span: Span, text: Text) -> Self {
        self.push_label(span, text);
        self
    }

    /// Label one more place, unless it is labelled already; past [`MAX_LABELS`] the place is
    /// only counted, and the help says how many more there are.
    pub fn push_label(&mut self, span: Span, text: Text) {
        if self.labels.iter().any(|l| l.span == span) {
            return;
        }
        if self.labels.len() >= MAX_LABELS {
            self.omitted_labels += 1;
            return;
        }
        self.labels.push(Label { span, text });
    }

    pub fn note(mut self, text: Text) -> Self {
        self.notes.push(text);
        self
    }

    pub fn constraint(mut self, constraint: Constraint) -> Self {
        self.constraint = Some(constraint);
        self
    }

    pub fn primary_span(&self) -> Option<Span> {
        self.labels.first().map(|l| l.span)
    }

    pub fn message(&self, lang: Lang) -> String {
        fill(self.rule.message.get(lang), &self.args, lang)
    }

    /// The help line, with any notes on following lines.
    pub fn help(&self, lang: Lang) -> String {
        let mut help = fill(self.rule.help.get(lang), &self.args, lang);
        for note in &self.notes {
            help.push('\n');
            help.push_str(note.get(lang));
        }
        if self.omitted_labels > 0 {
            help.push('\n');
            help.push_str(&match lang {
                Lang::Zh => format!("另有 {} 处未在此标出", self.omitted_labels),
                Lang::En => format!("{} more places are not shown", self.omitted_labels),
            });
        }
        help
    }
}

/// Replace `{name}` placeholders with the named arguments.
fn fill(template: &str, args: &[(&'static str, Text)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value.get(lang)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// An implied value for messages: a single figure when the interval is narrow at the given
/// decimals, else a range.
pub fn format_interval(value: &Interval, decimals: u32) -> String {
    let lo = format_decimal(value.lo, decimals);
    let hi = format_decimal(value.hi, decimals);
    if lo == hi {
        lo
    } else {
        let mid = format_decimal(value.midpoint(), decimals);
        if value.hi - value.lo <= rust_decimal::Decimal::new(1, decimals) {
            mid
        } else {
            format!("{lo}–{hi}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_per_language() {
        let args = vec![
            ("stated", Text::same("9.5")),
            ("what", Text::new("得分", "score")),
        ];
        assert_eq!(fill("{what} {stated}", &args, Lang::Zh), "得分 9.5");
        assert_eq!(fill("{what} {stated}", &args, Lang::En), "score 9.5");
        assert_eq!(fill("{missing} x", &args, Lang::En), "{missing} x");
        assert_eq!(fill("unclosed {", &args, Lang::En), "unclosed {");
    }
}

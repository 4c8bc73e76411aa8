//! Indicator labels: `A 项目决策 10%`, `A1.1 战略目标适应性 2%`, `C1. 项目产出 28%`,
//! `B32 实施管理执行情况`, `（1）数量指标`, or a bare name.

use crate::document::{parse_section_number, Cell, SectionNumber, Span};
use crate::number::{parse_number, Printed};

/// An indicator code as written, normalised without its trailing dot (`C1.` → `C1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub text: String,
    pub span: Span,
}

impl Code {
    /// Whether `self` is an ancestor of `other` by code: `A` of `A1`, `A1` of `A11` and of
    /// `A1.1`, `B1.1` of `B1.1.2` (but not of `B1.12`).
    pub fn is_prefix_of(&self, other: &Code) -> bool {
        let (p, c) = (self.text.as_str(), other.text.as_str());
        if c.len() <= p.len() || !c.starts_with(p) {
            return false;
        }
        let next = c[p.len()..].chars().next().expect("longer");
        if p.contains('.') {
            next == '.'
        } else {
            next == '.' || next.is_ascii_digit()
        }
    }

    /// The level the code itself implies: `A` 1, `A1` 2, `A11` 3, `A1.1` 3, `1.1` 2.
    pub fn depth(&self) -> usize {
        let t = self.text.as_str();
        let first = t.chars().next().expect("codes are not empty");
        if first.is_ascii_uppercase() {
            let rest = &t[1..];
            if rest.is_empty() {
                1
            } else if rest.contains('.') {
                1 + rest.split('.').count()
            } else {
                1 + rest.len()
            }
        } else {
            t.split('.').count()
        }
    }
}

/// A label cell taken apart.
#[derive(Debug, Clone)]
pub struct LabelParts {
    pub code: Option<Code>,
    /// A list number such as `（1）` or `1、` leading the name.
    pub item: Option<SectionNumber>,
    pub name: String,
    /// A weight written in the name: `10%` or `（10分）`.
    pub weight: Option<(Printed, Span)>,
}

pub fn parse_label(cell: &Cell) -> LabelParts {
    let text = cell.text.as_str();
    let mut rest_start = 0;
    let mut code = None;
    let mut item = None;
    if let Some(len) = code_len(text) {
        let raw = &text[..len];
        let normalized = raw.trim_end_matches('.');
        code = Some(Code {
            text: normalized.to_string(),
            span: cell.span.sub(0, normalized.len()),
        });
        rest_start = len;
    } else if let Some((mut number, len)) = parse_section_number(text, 0) {
        number.span = cell.sub_span(number.span.start, number.span.end);
        item = Some(number);
        rest_start = len;
    }
    let rest = &text[rest_start..];
    let rest_trimmed_start =
        rest_start + (rest.len() - rest.trim_start_matches([' ', '、', ':', '：']).len());
    let body = &text[rest_trimmed_start..];
    let (name, weight) = split_weight(body, rest_trimmed_start);
    let weight = weight.map(|(printed, span)| (printed, cell.sub_span(span.start, span.end)));
    LabelParts {
        code,
        item,
        name: name.trim().to_string(),
        weight,
    }
}

/// Length in bytes of an indicator code at the start of `text`, including a trailing dot.
/// A code is followed by a space, a Chinese character, a separator or the end: `AP 设备` and
/// `A级` are not codes... but `A项目决策` is.
fn code_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    let mut i;
    if first.is_ascii_uppercase() {
        i = 1;
        // A letter followed by digits with optional dotted segments: A, A1, A11, A1.1, C1.
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
    } else if first.is_ascii_digit() {
        // Dotted numbers with at least two segments: 1.1, 2.3.1
        i = 0;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        let core = text[..i].trim_end_matches('.');
        if !core.contains('.') {
            return None;
        }
    } else {
        return None;
    }
    let core = text[..i].trim_end_matches('.');
    if core.contains("..")
        || core.ends_with('.')
        || core[1..].starts_with('.') && first.is_ascii_uppercase()
    {
        return None;
    }
    if first.is_ascii_digit() && core.split('.').any(|s| s.is_empty() || s.len() > 2) {
        return None;
    }
    match text[i..].chars().next() {
        None => Some(i),
        Some(c) if c.is_whitespace() || matches!(c, '、' | ':' | '：' | '．') => Some(i),
        Some(c) if is_han(c) && c != '级' => Some(i),
        _ => None,
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Split a trailing weight off a name: `项目决策 10%` → (`项目决策`, 10%), `项目决策（20分）`
/// → (`项目决策`, 20).
fn split_weight(body: &str, offset: usize) -> (&str, Option<(Printed, Span)>) {
    let trimmed = body.trim_end();
    // `… 10%`: the weight follows a space so that names such as `80%以上` stay names.
    if let Some(space) = trimmed.rfind(char::is_whitespace) {
        let candidate = &trimmed[space..].trim_start();
        let start = trimmed.len() - candidate.len();
        if let Some(p) = parse_number(candidate) {
            if p.percent && start > 0 {
                let span = Span::new(offset + start, offset + trimmed.len());
                return (&trimmed[..start], Some((p, span)));
            }
        }
    }
    // `…（20分）`
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = trimmed.strip_suffix(close) {
            if let Some(pos) = inner.rfind(open) {
                let candidate = &inner[pos + open.len_utf8()..];
                if let Some(p) = parse_number(candidate) {
                    if candidate.trim_end().ends_with('分') && pos > 0 {
                        let start = pos + open.len_utf8();
                        let span = Span::new(offset + start, offset + start + candidate.len());
                        return (&trimmed[..pos], Some((p, span)));
                    }
                }
            }
        }
    }
    (body, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn label(text: &str) -> LabelParts {
        parse_label(&Cell::verbatim(text.to_string(), Span::new(0, text.len())))
    }

    fn code(text: &str) -> Code {
        Code {
            text: text.into(),
            span: Span::default(),
        }
    }

    #[test]
    fn codes_names_and_weights() {
        let l = label("A 项目决策 10%");
        assert_eq!(l.code.unwrap().text, "A");
        assert_eq!(l.name, "项目决策");
        assert_eq!(l.weight.unwrap().0.value, dec!(10));

        let l = label("A1.1 战略目标适应性 2%");
        assert_eq!(l.code.unwrap().text, "A1.1");
        assert_eq!(l.name, "战略目标适应性");

        let l = label("C1. 项目产出 28%");
        assert_eq!(l.code.as_ref().unwrap().text, "C1");
        assert_eq!(l.code.unwrap().span, Span::new(0, 2));

        let l = label("B32 实施管理执行情况");
        assert_eq!(l.code.unwrap().text, "B32");
        assert!(l.weight.is_none());

        let l = label("A项目决策");
        assert_eq!(l.code.unwrap().text, "A");

        let l = label("1.2 项目目标");
        assert_eq!(l.code.unwrap().text, "1.2");

        let l = label("项目决策（20分）");
        assert_eq!(l.name, "项目决策");
        assert_eq!(l.weight.unwrap().0.value, dec!(20));
    }

    #[test]
    fn not_codes() {
        assert!(label("AP 设备采购").code.is_none());
        assert!(label("产出指标").code.is_none());
        assert!(label("80%以上的服务需求").weight.is_none());
        assert!(label("2018 年").code.is_none());
        let l = label("（1）数量指标");
        assert!(l.code.is_none());
        assert_eq!(l.item.unwrap().value, 1);
        assert_eq!(l.name, "数量指标");
    }

    #[test]
    fn code_prefixes_and_depth() {
        assert!(code("A").is_prefix_of(&code("A1")));
        assert!(code("A1").is_prefix_of(&code("A11")));
        assert!(code("A1").is_prefix_of(&code("A1.1")));
        assert!(code("B1.1").is_prefix_of(&code("B1.1.2")));
        assert!(!code("B1.1").is_prefix_of(&code("B1.12")));
        assert!(!code("A1").is_prefix_of(&code("B11")));
        assert!(!code("C23").is_prefix_of(&code("C23")));
        assert_eq!(code("A").depth(), 1);
        assert_eq!(code("A11").depth(), 3);
        assert_eq!(code("C1.2.1").depth(), 4);
        assert_eq!(code("1.1").depth(), 2);
    }
}

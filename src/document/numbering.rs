//! Section and list numbers as Chinese reports write them: 一、 （一） 1、 1. (1) ①.

use super::Span;
use crate::text::chinese_numeral_value;

/// How a number is written; numbering sequences are checked per style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NumberStyle {
    /// 一、 二、
    ChineseEnumeration,
    /// （一） (二)
    ChineseParenthesised,
    /// 1、 1. 1．
    ArabicEnumeration,
    /// (1) （1）
    ArabicParenthesised,
    /// ① ②
    Circled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionNumber {
    pub style: NumberStyle,
    pub value: u32,
    /// The span of the number including its punctuation.
    pub span: Span,
}

/// Parse a number at the start of `text` (which begins at byte `offset` of the source).
/// Returns the number and the byte length it occupies, including following spaces.
pub fn parse_section_number(text: &str, offset: usize) -> Option<(SectionNumber, usize)> {
    let (style, value, len) = parse_prefix(text)?;
    let spaces: usize = text[len..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    Some((
        SectionNumber {
            style,
            value,
            span: Span::new(offset, offset + len),
        },
        len + spaces,
    ))
}

fn parse_prefix(text: &str) -> Option<(NumberStyle, u32, usize)> {
    let first = text.chars().next()?;
    if let Some(value) = circled_value(first) {
        return Some((NumberStyle::Circled, value, first.len_utf8()));
    }
    if first == '(' || first == '（' {
        let inner_start = first.len_utf8();
        let rest = &text[inner_start..];
        let close = rest.find([')', '）'])?;
        let inner = rest[..close].trim();
        let close_len = rest[close..].chars().next()?.len_utf8();
        let len = inner_start + close + close_len;
        if let Some(value) = arabic_value(inner) {
            return Some((NumberStyle::ArabicParenthesised, value, len));
        }
        if let Some(value) = chinese_numeral_value(inner) {
            return Some((NumberStyle::ChineseParenthesised, value, len));
        }
        return None;
    }
    let digits: usize = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if digits > 3 {
            return None; // a year or an amount, not a list number
        }
        let rest = &text[digits..];
        let sep = rest.chars().next()?;
        let after = rest[sep.len_utf8()..].chars().next();
        let is_separator = match sep {
            '、' | '．' => true,
            // "1.5 万元" is a number, "1.项目" and "1. 项目" are list numbers.
            '.' => !after.is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        if !is_separator {
            return None;
        }
        let value = text[..digits].parse().ok()?;
        return Some((
            NumberStyle::ArabicEnumeration,
            value,
            digits + sep.len_utf8(),
        ));
    }
    let numeral_len: usize = text
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if numeral_len > 0 {
        let rest = &text[numeral_len..];
        let sep = rest.chars().next()?;
        if sep == '、' || sep == '．' {
            let value = chinese_numeral_value(&text[..numeral_len])?;
            return Some((
                NumberStyle::ChineseEnumeration,
                value,
                numeral_len + sep.len_utf8(),
            ));
        }
    }
    None
}

fn arabic_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn circled_value(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(NumberStyle, u32, usize)> {
        parse_section_number(s, 0).map(|(n, len)| (n.style, n.value, len))
    }

    #[test]
    fn recognises_every_style() {
        assert_eq!(
            parse("一、基本情况"),
            Some((NumberStyle::ChineseEnumeration, 1, 6))
        );
        assert_eq!(
            parse("（三）项目组织"),
            Some((NumberStyle::ChineseParenthesised, 3, 9))
        );
        assert_eq!(
            parse("(二) 预算"),
            Some((NumberStyle::ChineseParenthesised, 2, 6))
        );
        assert_eq!(
            parse("12、立项"),
            Some((NumberStyle::ArabicEnumeration, 12, 5))
        );
        assert_eq!(
            parse("2.项目背景"),
            Some((NumberStyle::ArabicEnumeration, 2, 2))
        );
        assert_eq!(
            parse("(1) 总目标"),
            Some((NumberStyle::ArabicParenthesised, 1, 4))
        );
        assert_eq!(parse("③项目实施"), Some((NumberStyle::Circled, 3, 3)));
        assert_eq!(
            parse("十一、附件"),
            Some((NumberStyle::ChineseEnumeration, 11, 9))
        );
    }

    #[test]
    fn numbers_that_are_not_section_numbers() {
        assert_eq!(parse("2018 年信息化项目"), None);
        assert_eq!(parse("1.5 万元"), None);
        assert_eq!(parse("一级指标"), None);
        assert_eq!(parse("(以下简称“市工商联”)"), None);
    }
}

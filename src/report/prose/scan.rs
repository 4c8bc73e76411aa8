//! Finding the figures in a piece of prose: quantities with their units and bounds, dates and
//! years. Document numbers (`沪财绩〔2014〕22号`), ordinals (`第8次`) and codes (`A11`) are not
//! quantities.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::date::{chinese_year, DateRange};
use crate::document::Span;
use crate::text::chinese_numeral_value;
use crate::text::cursor::{is_digit, Cursor};

/// How a quantity bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// 约, 近, 左右
    About,
    /// ≥, 以上, 不低于, 不少于, 超过, 达到
    AtLeast,
    /// ≤, 以下, 以内, 内, 不超过, 不足
    AtMost,
    /// 余 / 多: more than the value, below the next round number (50余 → 50–60).
    Over,
}

/// A number with its unit, as stated in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    /// Decimals printed (0 for Chinese numerals).
    pub decimals: u32,
    /// The unit or measure word after the number (`万元`, `%`, `次`, `个`), `""` if none.
    pub unit: String,
    pub bound: Bound,
    /// The number as printed.
    pub text: String,
    /// The digits.
    pub number: Span,
    /// Number, unit and bound words.
    pub span: Span,
}

impl Quantity {
    /// The factor to 元 of a money quantity; `None` for anything else.
    pub fn yuan_factor(&self) -> Option<Decimal> {
        crate::number::Unit::named(&self.unit).and_then(|u| u.yuan_factor())
    }

    pub fn is_money(&self) -> bool {
        self.yuan_factor().is_some()
    }

    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }

    /// The highest value a `余`/`多` quantity can mean: below the next round number.
    pub fn over_limit(&self) -> Decimal {
        let v = self.value.trunc();
        let mut step = Decimal::ONE;
        let mut x = v;
        while !x.is_zero() && (x % Decimal::TEN).is_zero() {
            step *= Decimal::TEN;
            x /= Decimal::TEN;
        }
        v + step
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Quantity(Quantity),
    /// A date with a year.
    Date(DateRange, Span),
    /// A year alone: `2018 年`, `2018年度`.
    Year(i32, Span),
    /// A figure too large or too precise to judge.
    Unjudged(Span),
}

impl Token {
    pub fn span(&self) -> Span {
        match self {
            Token::Quantity(q) => q.span,
            Token::Date(_, s) | Token::Year(_, s) | Token::Unjudged(s) => *s,
        }
    }
}

/// Units and measure words, longest first so that `万人次` wins over `人`.
const UNITS: &[&str] = &[
    "个百分点",
    "万人次",
    "平方米",
    "万元",
    "亿元",
    "人次",
    "万次",
    "万份",
    "万人",
    "万册",
    "小时",
    "分钟",
    "课时",
    "学时",
    "公里",
    "千米",
    "%",
    "％",
    "元",
    "分",
    "个",
    "项",
    "次",
    "人",
    "家",
    "场",
    "篇",
    "份",
    "所",
    "户",
    "台",
    "套",
    "条",
    "件",
    "期",
    "批",
    "名",
    "天",
    "处",
    "座",
    "辆",
    "本",
    "册",
    "张",
    "部",
    "门",
    "节",
    "米",
    "吨",
    "周",
    "倍",
    "起",
    "间",
    "栋",
    "棵",
    "株",
    "头",
    "只",
];

/// Words before a number that bound it.
const BOUND_BEFORE: &[(&str, Bound)] = &[
    ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast),
    ("不超过", Bound::AtMost),
    ("不高于", Bound::AtMost),
    ("不多于", Bound::AtMost),
    ("至少", Bound::AtLeast),
    ("超过", Bound::AtLeast),
    ("大于", Bound::AtLeast),
    ("高于", Bound::AtLeast),
    ("达到", Bound::AtLeast),
    ("达", Bound::AtLeast),
    ("不足", Bound::AtMost),
    ("不到", Bound::AtMost),
    ("低于", Bound::AtMost),
    ("小于", Bound::AtMost),
    ("最多", Bound::AtMost),
    ("≥", Bound::AtLeast),
    (">=", Bound::AtLeast),
    (">", Bound::AtLeast),
    ("≤", Bound::AtMost),
    ("<=", Bound::AtMost),
    ("<", Bound::AtMost),
    ("约", Bound::About),
    ("近", Bound::About),
    ("逾", Bound::AtLeast),
];

/// Words after a quantity (and its unit) that bound it.
const BOUND_AFTER: &[(&str, Bound)] = &[
    ("以上", Bound::AtLeast),
    ("以下", Bound::AtMost),
    ("以内", Bound::AtMost),
    ("左右", Bound::About),
    ("内", Bound::AtMost),
];

/// `2023-06-30`, `2023.6.30`, `2023/6/30`: year, month, day and the bytes taken.
fn dashed_date(rest: &str) -> Option<(&str, &str, &str, usize)> {
    let mut c = Cursor::new(rest, 0);
    let separator = |c: char| matches!(c, '-' | '.' | '/');
    let year = c.digits(4, 4)?;
    c.eat_char(separator)?;
    let month = c.digits(1, 2)?;
    c.eat_char(separator)?;
    let day = c.digits(1, 2)?;
    Some((year, month, day, c.at()))
}

/// A date in Arabic digits with 年, 月 and 日: `2023年`, `2023 年度`, `2023年6月`,
/// `2023年6月30日`, `2023年6月上旬`, `2023年6月底`.
struct ArabicDate<'a> {
    year: &'a str,
    month: Option<&'a str>,
    day: Option<&'a str>,
    /// `上旬`, `中旬`, `下旬`, `初`, `底` or `末`.
    part: Option<&'a str>,
    /// The bytes taken, white space after 年 or 月 included.
    end: usize,
}

fn arabic_date(rest: &str) -> Option<ArabicDate<'_>> {
    let mut c = Cursor::new(rest, 0);
    let year = c.digits(4, 4)?;
    c.spaces();
    if !c.eat("年") {
        return None;
    }
    c.spaces();
    let mut fiscal = c;
    if fiscal.eat("度") {
        fiscal.spaces();
        c = fiscal;
    }
    let mut date = ArabicDate {
        year,
        month: None,
        day: None,
        part: None,
        end: 0,
    };
    let mut m = c;
    if let Some(month) = m.digits(1, 2) {
        m.spaces();
        if m.eat("月") {
            m.spaces();
            date.month = Some(month);
            date.day = day_of_month(&mut m);
            if date.day.is_none() {
                date.part = part_of_month(&mut m);
            }
            c = m;
        }
    }
    date.end = c.at();
    Some(date)
}

/// `30日` after a month: the day's digits.
fn day_of_month<'a>(c: &mut Cursor<'a>) -> Option<&'a str> {
    let mut d = *c;
    let day = d.digits(1, 2)?;
    d.spaces();
    if !d.eat("日") {
        return None;
    }
    *c = d;
    Some(day)
}

/// `上旬`, `中旬`, `下旬`, `初`, `底`, `末` after a month.
fn part_of_month<'a>(c: &mut Cursor<'a>) -> Option<&'a str> {
    let start = c.at();
    let mut ten_days = *c;
    if ten_days
        .eat_char(|c| matches!(c, '上' | '中' | '下'))
        .is_some()
        && ten_days.eat("旬")
    {
        *c = ten_days;
        return Some(c.since(start));
    }
    c.eat_first(&["初", "底", "末"])
}

/// `6月`, `6 月 30 日`, `6月上旬`: a month or day without a year. The bytes taken.
fn month_only(rest: &str) -> Option<usize> {
    let mut c = Cursor::new(rest, 0);
    c.digits(1, 2)?;
    c.spaces();
    if !c.eat("月") {
        return None;
    }
    c.spaces();
    if day_of_month(&mut c).is_none() {
        part_of_month(&mut c);
    }
    Some(c.at())
}

/// A date in Chinese numerals: `二〇一九年`, `二〇一九年六月`, `二〇一九年六月三十日`.
struct ChineseDate<'a> {
    year: &'a str,
    month: Option<&'a str>,
    day: Option<&'a str>,
    end: usize,
}

fn chinese_date(rest: &str) -> Option<ChineseDate<'_>> {
    let year_digit = |c: char| "〇零一二三四五六七八九".contains(c);
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut c = Cursor::new(rest, 0);
    let year = c.eat_run(4, 4, year_digit)?;
    c.spaces();
    if !c.eat("年") {
        return None;
    }
    c.spaces();
    let mut date = ChineseDate {
        year,
        month: None,
        day: None,
        end: 0,
    };
    let mut m = c;
    if let Some(month) = m.eat_run(1, 2, numeral) {
        m.spaces();
        if m.eat("月") {
            m.spaces();
            date.month = Some(month);
            let mut d = m;
            if let Some(day) = d.eat_run(1, 3, numeral) {
                d.spaces();
                if d.eat("日") {
                    date.day = Some(day);
                    m = d;
                }
            }
            c = m;
        }
    }
    date.end = c.at();
    Some(date)
}

/// `1,234.5`, `1234.5`, `１２３`: the bytes a figure takes. A thousands separator counts only
/// after one to three leading digits and before groups of three.
fn number_len(rest: &str) -> Option<usize> {
    let mut c = Cursor::new(rest, 0);
    let lead = c.digits(1, usize::MAX)?;
    if lead.chars().count() <= 3 {
        loop {
            let mut group = c;
            if group.eat_char(|c| matches!(c, ',' | '，')).is_none() || group.digits(3, 3).is_none()
            {
                break;
            }
            c = group;
        }
    }
    c.fraction();
    Some(c.at())
}

/// `〔2023〕5号`, `（2023）第 5 号`: the bytes a document number takes.
fn document_number_len(rest: &str) -> Option<usize> {
    let mut c = Cursor::new(rest, 0);
    c.eat_char(opens_document_number)?;
    c.spaces();
    c.digits(4, 4)?;
    c.spaces();
    c.eat_char(|c| matches!(c, '〕' | ']' | '］' | ')' | '）'))?;
    c.spaces();
    c.eat("第");
    c.spaces();
    c.digits(1, usize::MAX)?;
    c.spaces();
    c.eat("号").then_some(c.at())
}

/// A character of a number written in Chinese (`三`, `两千`, `一万五千`). A match, not a search
/// of a string of them: it is asked of every character of the prose.
fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// A bracket a document number may open with (`〔2023〕5号`, `（2023）第5号`).
fn opens_document_number(c: char) -> bool {
    matches!(c, '〔' | '[' | '［' | '(' | '（')
}

/// Scan `text` (which starts at byte `base` of the source) for figures, in order.
pub fn scan(text: &str, base: usize) -> Vec<Token> {
    scan_at_most(text, base, usize::MAX)
}

/// The first `limit` figures of `text` (a few more when the last step finds several).
pub fn scan_at_most(text: &str, base: usize, limit: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let may_start =
        |c: char| c.is_ascii_digit() || opens_document_number(c) || is_chinese_numeral(c);
    while i < text.len() && out.len() < limit {
        // Straight to the next character a figure may start with: most characters of prose
        // start none.
        let Some((skipped, c)) = text[i..].char_indices().find(|&(_, c)| may_start(c)) else {
            break;
        };
        i += skipped;
        let rest = &text[i..];
        let consumed = if c.is_ascii_digit() {
            scan_arabic(text, i, base, &mut out)
        } else if is_chinese_numeral(c) {
            scan_chinese(text, i, base, &mut out)
        } else {
            // `may_start` left only a bracket that may open a document number.
            document_number_len(rest)
        };
        i += consumed.unwrap_or(c.len_utf8()).max(1);
        while !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// Digits at `i`: a date, a year, or a quantity. Returns the bytes consumed.
fn scan_arabic(text: &str, i: usize, base: usize, out: &mut Vec<Token>) -> Option<usize> {
    let rest = &text[i..];
    let before = text[..i].chars().next_back();
    // Part of a code (A11), of a decimal already scanned, of an ordinal (第8次), of a caption
    // (表 1, 图 2) or a list number (1、, （1）).
    let skip = number_len(rest);
    if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == '.' || b == '第' || b == '*') {
        return skip;
    }
    let word_before = text[..i].trim_end();
    if word_before.ends_with(['表', '图'])
        || word_before.ends_with("附件")
        || word_before.ends_with("附表")
    {
        return skip;
    }
    if let Some(len) = skip {
        let after = text[i + len..].chars().next();
        let opened = matches!(before, Some('(' | '（'));
        if after == Some('、') || (opened && matches!(after, Some(')' | '）'))) {
            return skip;
        }
    }
    if let Some((y, m, d, end)) = dashed_date(rest) {
        if let Some(range) = DateRange::day(num(y) as i32, num(m), num(d)) {
            out.push(Token::Date(range, Span::new(base + i, base + i + end)));
            return Some(end);
        }
    }
    if let Some(date) = arabic_date(rest) {
        let end = date.end;
        let year = num(date.year) as i32;
        let span = Span::new(base + i, base + i + end);
        let token = match (date.month, date.day, date.part) {
            (Some(m), Some(d), _) => {
                DateRange::day(year, num(m), num(d)).map(|r| Token::Date(r, span))
            }
            (Some(m), None, Some(part)) => {
                DateRange::part_of_month(year, num(m), part).map(|r| Token::Date(r, span))
            }
            (Some(m), None, None) => DateRange::month(year, num(m)).map(|r| Token::Date(r, span)),
            (None, _, _) => Some(Token::Year(year, span)),
        };
        if let Some(t) = token {
            out.push(t);
            return Some(end);
        }
    }
    if let Some(end) = month_only(rest) {
        // A month or day without a year: a date, not a quantity.
        return Some(end);
    }
    let len = number_len(rest)?;
    let digits = &rest[..len];
    let (int_part, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let integer_digits = int_part.chars().filter(char::is_ascii_digit).count();
    if !crate::number::within_limits(integer_digits, frac.len() as u32) {
        out.push(Token::Unjudged(Span::new(base + i, base + i + len)));
        return Some(len);
    }
    let value = Decimal::from_str(&digits.replace([',', '，'], "")).ok()?;
    let decimals = frac.len() as u32;
    out.push(Token::Quantity(quantity(
        text,
        i,
        i + len,
        value,
        decimals,
        base,
    )));
    let Some(Token::Quantity(q)) = out.last() else {
        unreachable!("just pushed")
    };
    Some(q.span.end - base - i)
}

/// Chinese numerals at `i`: a date (二〇一九年六月) or a counted quantity (三家公司, 十余次).
fn scan_chinese(text: &str, i: usize, base: usize, out: &mut Vec<Token>) -> Option<usize> {
    let rest = &text[i..];
    if let Some(date) = chinese_date(rest) {
        let year = chinese_year(date.year)?;
        let span = Span::new(base + i, base + i + date.end);
        let month = date.month.and_then(chinese_numeral_value);
        let day = date.day.and_then(chinese_numeral_value);
        let token = match (month, day) {
            (Some(m), Some(d)) => DateRange::day(year, m, d).map(|r| Token::Date(r, span)),
            (Some(m), None) => DateRange::month(year, m).map(|r| Token::Date(r, span)),
            _ => Some(Token::Year(year, span)),
        };
        if let Some(t) = token {
            out.push(t);
        }
        return Some(date.end);
    }
    let numeral_len: usize = rest
        .chars()
        .take_while(|c| is_chinese_numeral(*c))
        .map(char::len_utf8)
        .sum();
    let numeral = &rest[..numeral_len];
    // 百, 千 and 万 alone are not counts (`万元` is a unit).
    if numeral.starts_with(['百', '千', '万']) {
        return Some(numeral_len);
    }
    let after = &rest[numeral_len..];
    let over = after.starts_with(['余', '多']);
    let unit_at = if over { &after[3..] } else { after };
    let unit = UNITS
        .iter()
        .find(|u| unit_at.starts_with(**u) && !matches!(**u, "%" | "％" | "分"))?;
    let before = text[..i].chars().next_back();
    if before == Some('第') {
        return Some(numeral_len);
    }
    let value = chinese_count(numeral)?;
    let end = i + numeral_len + if over { 3 } else { 0 } + unit.len();
    out.push(Token::Quantity(Quantity {
        value: Decimal::from(value),
        decimals: 0,
        unit: unit.to_string(),
        bound: if over {
            Bound::Over
        } else {
            bound_before(text, i)
        },
        text: numeral.to_string(),
        number: Span::new(base + i, base + i + numeral_len),
        span: Span::new(base + i, base + end),
    }));
    Some(end - i)
}

/// A quantity whose digits are `text[start..end]`: reads the bound words and the unit around
/// it.
fn quantity(
    text: &str,
    start: usize,
    end: usize,
    value: Decimal,
    decimals: u32,
    base: usize,
) -> Quantity {
    let mut pos = end;
    let skip_spaces =
        |p: usize| p + text[p..].len() - text[p..].trim_start_matches([' ', '\u{3000}']).len();
    pos = skip_spaces(pos);
    let mut bound = bound_before(text, start);
    if text[pos..].starts_with(['余', '多'])
        && UNITS
            .iter()
            .any(|u| text[pos + 3..].trim_start().starts_with(u))
    {
        bound = Bound::Over;
        pos = skip_spaces(pos + 3);
    }
    // `95\%` from converters that write LaTeX.
    if text[pos..].starts_with("\\%") {
        pos += 1;
    }
    let unit = UNITS.iter().find(|u| text[pos..].starts_with(**u)).copied();
    let mut unit_text = unit.unwrap_or("").to_string();
    // 分 followed by 值/数/析/类/别… is a word, not a unit of score.
    if unit == Some("分")
        && text[pos + 3..].starts_with(['值', '数', '析', '类', '别', '配', '布', '项', '为'])
    {
        unit_text.clear();
    }
    if unit_text == "％" {
        unit_text = "%".to_string();
    }
    let mut span_end = if unit_text.is_empty() {
        end
    } else {
        pos + unit.expect("unit").len()
    };
    if !unit_text.is_empty() {
        let after = &text[span_end..];
        if after.starts_with('余') {
            bound = Bound::Over;
            span_end += 3;
        } else if let Some((w, b)) = BOUND_AFTER
            .iter()
            .find(|(w, _)| after.trim_start().starts_with(w))
        {
            bound = *b;
            span_end += after.len() - after.trim_start().len() + w.len();
        }
    }
    Quantity {
        value,
        decimals,
        unit: unit_text,
        bound,
        text: text[start..end].to_string(),
        number: Span::new(base + start, base + end),
        span: Span::new(base + start, base + span_end),
    }
}

fn bound_before(text: &str, start: usize) -> Bound {
    let before = text[..start].trim_end_matches([' ', '\u{3000}', '$']);
    if before.ends_with("\\geq") || before.ends_with("\\ge") {
        return Bound::AtLeast;
    }
    if before.ends_with("\\leq") || before.ends_with("\\le") {
        return Bound::AtMost;
    }
    BOUND_BEFORE
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .map_or(Bound::Exact, |(_, b)| *b)
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

/// 三 → 3, 十二 → 12, 两 → 2, 一百二十 → 120, 三千 → 3000.
fn chinese_count(s: &str) -> Option<u64> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u64)
            .or(match c {
                '零' => Some(0),
                '两' => Some(2),
                _ => None,
            })
    };
    let mut total = 0u64;
    let mut section = 0u64;
    let mut current = 0u64;
    let mut any = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            current = d;
            any = true;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                section = (section + current) * 10_000;
                total += section;
                section = 0;
                current = 0;
                any = true;
                continue;
            }
            _ => return None,
        };
        section += current.max(1) * unit;
        current = 0;
        any = true;
    }
    any.then_some(total + section + current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::prose::date::Day;
    use rust_decimal_macros::dec;

    fn quantities(text: &str) -> Vec<(Decimal, String, Bound)> {
        scan(text, 0)
            .into_iter()
            .filter_map(|t| match t {
                Token::Quantity(q) => Some((q.value, q.unit, q.bound)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn money_rates_and_counts() {
        assert_eq!(
            quantities(
                "该项目预算金额共计 153.04 万元，共使用经费 152.49 万元，预算执行率为 99.64%。"
            ),
            vec![
                (dec!(153.04), "万元".into(), Bound::Exact),
                (dec!(152.49), "万元".into(), Bound::Exact),
                (dec!(99.64), "%".into(), Bound::Exact),
            ]
        );
        assert_eq!(
            quantities("实际支出19.000万元"),
            vec![(dec!(19.000), "万元".into(), Bound::Exact)]
        );
        assert_eq!(
            quantities("合计 1,234,567.89 元"),
            vec![(dec!(1234567.89), "元".into(), Bound::Exact)]
        );
        assert_eq!(
            quantities("对 441 个项目进行评估"),
            vec![(dec!(441), "个".into(), Bound::Exact)]
        );
        assert_eq!(
            quantities("三家公司参与了比选"),
            vec![(dec!(3), "家".into(), Bound::Exact)]
        );
        assert_eq!(
            quantities("出具一份运维报告"),
            vec![(dec!(1), "份".into(), Bound::Exact)]
        );
    }

    #[test]
    fn bounds() {
        assert_eq!(
            quantities("服务等50余次"),
            vec![(dec!(50), "次".into(), Bound::Over)]
        );
        assert_eq!(
            quantities("十余次"),
            vec![(dec!(10), "次".into(), Bound::Over)]
        );
        assert_eq!(
            quantities("满意度 85% 以上"),
            vec![(dec!(85), "%".into(), Bound::AtLeast)]
        );
        assert_eq!(
            quantities("≥90.00%"),
            vec![(dec!(90.00), "%".into(), Bound::AtLeast)]
        );
        assert_eq!(
            quantities("2 小时内响应"),
            vec![(dec!(2), "小时".into(), Bound::AtMost)]
        );
        assert_eq!(
            quantities("约 30 人"),
            vec![(dec!(30), "人".into(), Bound::About)]
        );
        let q = match &scan("50余次", 0)[0] {
            Token::Quantity(q) => q.clone(),
            _ => panic!(),
        };
        assert_eq!(q.over_limit(), dec!(60));
    }

    #[test]
    fn dates_years_and_document_numbers_are_not_quantities() {
        let tokens = scan(
            "于 2019 年 4 月开始，针对 2018 年项目，依据沪财绩〔2014〕22号，第8次党组会，A11 指标",
            0,
        );
        assert!(matches!(tokens[0], Token::Date(r, _) if r.first == Day::new(2019, 4, 1)));
        assert!(matches!(tokens[1], Token::Year(2018, _)));
        assert_eq!(tokens.len(), 2, "{tokens:?}");
        let tokens = scan("二〇一九年六月", 0);
        assert!(matches!(tokens[0], Token::Date(r, _) if r.first == Day::new(2019, 6, 1)));
        let tokens = scan("2017年5月下旬", 0);
        assert!(
            matches!(tokens[0], Token::Date(r, _) if r.last == Day::new(2017, 5, 31) && r.first.day == 21)
        );
        let tokens = scan("项目开始时间：2023年4月26日", 0);
        assert!(matches!(tokens[0], Token::Date(r, _) if r.first == Day::new(2023, 4, 26)));
        assert!(quantities("12 月底前完成").is_empty());
    }

    #[test]
    fn list_numbers_captions_and_latex() {
        assert!(quantities("1、不断优化服务系统").is_empty());
        assert!(quantities("（1）《全国工商联办公厅关于加强工商联信息化建设的意见》").is_empty());
        assert!(quantities("表 5：项目绩效评价指标得分情况").is_empty());
        assert!(quantities("单位：万元").is_empty());
        assert_eq!(
            quantities("用户访问成功率 $\\geq 95\\%$ ；"),
            vec![(dec!(95), "%".into(), Bound::AtLeast)]
        );
    }

    #[test]
    fn words_that_only_look_like_counts() {
        assert!(quantities("分值为 10 分值")
            .iter()
            .all(|(_, u, _)| u.is_empty()));
        assert!(quantities("一体化").is_empty());
        assert_eq!(chinese_count("一百二十"), Some(120));
        assert_eq!(chinese_count("两"), Some(2));
        assert_eq!(chinese_count("三万"), Some(30_000));
    }

    #[test]
    fn spans_cover_number_and_unit() {
        let text = "共 225 次。";
        let Token::Quantity(q) = &scan(text, 10)[0] else {
            panic!()
        };
        assert_eq!(&text[q.number.start - 10..q.number.end - 10], "225");
        assert_eq!(&text[q.span.start - 10..q.span.end - 10], "225 次");
    }
}

/// `411.00(个)` → `411.00个`, `≥90.00(%)` → `≥90.00%`: the units forms print in brackets
/// after a figure, taken out of their brackets (`([0-9０-９])\s*[（(]\s*([%％]|\p{Han}{1,2})\s*[)）]`
/// replaced by the digit and the unit).
fn unwrap_units(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut done = 0;
    for (i, digit) in text.char_indices() {
        if i < done || !is_digit(digit) {
            continue;
        }
        let mut c = Cursor::new(text, i + digit.len_utf8());
        c.spaces();
        if c.eat_char(|c| matches!(c, '（' | '(')).is_none() {
            continue;
        }
        c.spaces();
        let unit_start = c.at();
        if c.eat_char(|c| matches!(c, '%' | '％')).is_none()
            && c.eat_run(1, 2, crate::text::is_han).is_none()
        {
            continue;
        }
        let unit = c.since(unit_start);
        c.spaces();
        if c.eat_char(|c| matches!(c, ')' | '）')).is_none() {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[done..i]);
        out.push(digit);
        out.push_str(unit);
        done = c.at();
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[done..]);
            std::borrow::Cow::Owned(out)
        }
    }
}

/// The first quantity of a table cell, reading units that forms print in brackets
/// (`411.00(个)`, `≥90.00(%)`).
pub fn cell_quantity(text: &str, base: usize) -> Option<Quantity> {
    let unwrapped = unwrap_units(text);
    scan(&unwrapped, base).into_iter().find_map(|t| match t {
        // Offsets are only exact when nothing was unwrapped before the figure.
        Token::Quantity(mut q) => {
            if unwrapped.len() != text.len() {
                let start = base + text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                q.number = Span::new(start, start + q.text.len().min(text.len() - (start - base)));
                q.span = Span::new(base, base + text.len());
            }
            Some(q)
        }
        _ => None,
    })
}

#[cfg(test)]
mod cell_tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn bracketed_units() {
        let q = cell_quantity("411.00(个)", 0).unwrap();
        assert_eq!((q.value, q.unit.as_str()), (dec!(411.00), "个"));
        let q = cell_quantity("≥90.00(%)", 0).unwrap();
        assert_eq!(
            (q.value, q.unit.as_str(), q.bound),
            (dec!(90.00), "%", Bound::AtLeast)
        );
        assert!(cell_quantity("达成指标", 0).is_none());
    }
}

/// The phrases read by hand read as the regular expressions they replaced.
#[cfg(test)]
mod as_regex {
    use super::*;
    use crate::text::cursor::testing::phrase_text;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    fn re(pattern: &str) -> Regex {
        Regex::new(pattern).expect("valid regex")
    }

    static DASHED_DATE: LazyLock<Regex> =
        LazyLock::new(|| re(r"^([0-9０-９]{4})[-./]([0-9０-９]{1,2})[-./]([0-9０-９]{1,2})"));
    static ARABIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^([0-9０-９]{4})\s*年\s*(?:度\s*)?(?:([0-9０-９]{1,2})\s*月\s*(?:([0-9０-９]{1,2})\s*日|([上中下]旬)|(初|底|末))?)?",
        )
    });
    static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^([0-9０-９]{1,2})\s*月\s*(?:([0-9０-９]{1,2})\s*日|[上中下]旬|初|底|末)?")
    });
    static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^([〇零一二三四五六七八九]{4})\s*年\s*(?:([一二三四五六七八九十]{1,2})\s*月\s*(?:([一二三四五六七八九十]{1,3})\s*日)?)?",
        )
    });
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:\.[0-9０-９]+)?")
    });
    static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^[〔\[［(（]\s*[0-9０-９]{4}\s*[〕\]］)）]\s*第?\s*[0-9０-９]+\s*号")
    });
    static WRAPPED_UNIT: LazyLock<Regex> =
        LazyLock::new(|| re(r"([0-9０-９])\s*[（(]\s*([%％]|\p{Han}{1,2})\s*[)）]"));

    fn group<'a>(c: &regex::Captures<'a>, i: usize) -> Option<&'a str> {
        c.get(i).map(|m| m.as_str())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn dates_figures_and_document_numbers(text in phrase_text()) {
            // Every suffix: the phrases are read where a figure may start.
            for (i, _) in text.char_indices() {
                let rest = &text[i..];
                let expected = DASHED_DATE.captures(rest).map(|c| {
                    (group(&c, 1).unwrap(), group(&c, 2).unwrap(), group(&c, 3).unwrap(), c[0].len())
                });
                prop_assert_eq!(dashed_date(rest), expected);
                let expected = ARABIC_DATE.captures(rest).map(|c| {
                    (group(&c, 1), group(&c, 2), group(&c, 3), group(&c, 4).or(group(&c, 5)), c[0].len())
                });
                let found = arabic_date(rest).map(|d| (Some(d.year), d.month, d.day, d.part, d.end));
                prop_assert_eq!(found, expected);
                prop_assert_eq!(month_only(rest), MONTH_ONLY.find(rest).map(|m| m.end()));
                let expected = CHINESE_DATE
                    .captures(rest)
                    .map(|c| (group(&c, 1), group(&c, 2), group(&c, 3), c[0].len()));
                let found = chinese_date(rest).map(|d| (Some(d.year), d.month, d.day, d.end));
                prop_assert_eq!(found, expected);
                prop_assert_eq!(number_len(rest), NUMBER.find(rest).map(|m| m.end()));
                prop_assert_eq!(document_number_len(rest), DOC_NUMBER.find(rest).map(|m| m.end()));
            }
            let expected = WRAPPED_UNIT.replace_all(&text, "$1$2");
            let found = unwrap_units(&text);
            prop_assert_eq!(found.as_ref(), expected.as_ref());
        }
    }
}

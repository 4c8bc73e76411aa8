//! Printed numbers and the intervals they stand for.
//!
//! A report prints `98.52` for an execution rate that may be 98.5294… truncated or 98.515…
//! rounded; it prints `14.20` 万元 for an amount that may have been rounded from 元. A printed
//! value therefore stands for an interval of true values, and two figures contradict each other
//! only when their intervals cannot meet (the XBRL Calculations 1.1 rule). All arithmetic is in
//! `rust_decimal`: binary floating point cannot represent 0.01 and would invent differences.

use std::fmt;

use rust_decimal::Decimal;

use crate::document::Span;
use crate::text::fold_char;

/// A unit printed after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Yuan,
    WanYuan,
    YiYuan,
    /// 分 (points of a score)
    Points,
}

impl Unit {
    /// The unit a word names: `万元`, `元`, `亿元`, `分`.
    pub fn named(word: &str) -> Option<Unit> {
        match word {
            "元" => Some(Unit::Yuan),
            "万元" => Some(Unit::WanYuan),
            "亿元" => Some(Unit::YiYuan),
            "分" => Some(Unit::Points),
            _ => None,
        }
    }

    /// The unit as written.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
            Unit::Points => "分",
        }
    }

    /// The factor converting this unit to 元, for money units.
    pub fn yuan_factor(self) -> Option<Decimal> {
        match self {
            Unit::Yuan => Some(Decimal::ONE),
            Unit::WanYuan => Some(Decimal::from(10_000)),
            Unit::YiYuan => Some(Decimal::from(100_000_000)),
            Unit::Points => None,
        }
    }
}

/// The most integer digits a printed figure may have to be judged: 10^13 元 is far beyond any
/// budget a report evaluates, and bounding inputs keeps every sum and product of them inside
/// what `rust_decimal` represents.
pub const MAX_INTEGER_DIGITS: usize = 13;

/// The most decimals a printed figure may have to be judged.
pub const MAX_DECIMALS: u32 = 10;

/// Whether a figure with this many integer digits and decimals can be judged.
pub fn within_limits(integer_digits: usize, decimals: u32) -> bool {
    integer_digits <= MAX_INTEGER_DIGITS && decimals <= MAX_DECIMALS
}

/// Whether a cell or token is a plain number that is too large or too precise to judge
/// (`1234567890123456789`, `0.12345678901234`): it is left unjudged and listed, never guessed.
pub fn too_large_to_judge(text: &str) -> bool {
    // Most texts asked are words or short figures: a figure of at most ten bytes has at most
    // ten digits and ten decimals, and a text whose first character past its sign is no
    // digit or separator is no plain number.
    let trimmed = text.trim();
    if trimmed.len() <= 10
        || !trimmed
            .chars()
            .map(fold_char)
            .find(|c| !matches!(c, '-' | '−' | '+'))
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '，'))
    {
        return false;
    }
    let folded: String = trimmed.chars().map(fold_char).collect();
    let body = folded
        .trim_start_matches(['-', '−', '+'])
        .trim_end_matches(['%', '元', '万', '亿', '分']);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '，'))
    {
        return false;
    }
    let (int_part, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = int_part.chars().filter(char::is_ascii_digit).count();
    digits > 0 && !within_limits(digits, frac.len() as u32)
}

/// A number as printed: its value, how many decimals were shown, whether it carried `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    pub value: Decimal,
    pub decimals: u32,
    pub percent: bool,
    pub unit: Option<Unit>,
}

/// Parse a cell or a token that is entirely a number: `14.20`, `1,234.5`, `95%`, `99.66(%)`,
/// `−3`, `153.04万元`, `9.5分`. Full-width digits are accepted. Returns `None` for anything
/// else, including targets such as `≥90%` and counts such as `411.00(个)`.
pub fn parse_number(text: &str) -> Option<Printed> {
    // Most cells and words are not numbers: their first character says so before anything is
    // folded into a new string.
    let first = text.chars().map(fold_char).find(|c| !c.is_whitespace())?;
    if !(first.is_ascii_digit() || matches!(first, '.' | ',' | '，' | '-' | '−' | '+')) {
        return None;
    }
    // Cells are nearly always ASCII, which folding leaves as it is.
    let trimmed = text.trim();
    let folded: String;
    let s = if trimmed.is_ascii() {
        trimmed
    } else {
        folded = trimmed.chars().map(fold_char).collect();
        folded.trim()
    };
    let (negative, s) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let body_len = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '，')
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    let (body, suffix) = s.split_at(body_len);
    let (value, decimals) = parse_body(body)?;
    let suffix = suffix.trim();
    let (percent, unit) = match suffix {
        "" => (false, None),
        "%" | "(%)" => (true, None),
        word => (false, Some(Unit::named(word)?)),
    };
    Some(Printed {
        value: if negative { -value } else { value },
        decimals,
        percent,
        unit,
    })
}

/// Digits with optional thousands separators (in groups of three) and an optional fraction.
fn parse_body(body: &str) -> Option<(Decimal, u32)> {
    // Read into an integer and a scale rather than through strings: every cell of every table
    // passes here, some several times.
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int_part.is_empty() {
        return None;
    }
    let mut mantissa: i128 = 0;
    let mut digits = 0usize;
    let mut groups = 0usize;
    let mut first_len = 0usize;
    let mut later_not_three = false;
    for group in int_part.split([',', '，']) {
        if !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if groups == 0 {
            first_len = group.len();
        } else if group.len() != 3 {
            later_not_three = true;
        }
        groups += 1;
        digits += group.len();
        if digits > MAX_INTEGER_DIGITS {
            return None;
        }
        for b in group.bytes() {
            mantissa = mantissa * 10 + i128::from(b - b'0');
        }
    }
    if groups > 1 && (first_len == 0 || first_len > 3 || later_not_three) {
        return None;
    }
    let decimals = match frac_part {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => f.len() as u32,
        Some(_) => return None,
        None => 0,
    };
    if !within_limits(digits, decimals) {
        return None;
    }
    for b in frac_part.unwrap_or("").bytes() {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    Some((Decimal::from_i128_with_scale(mantissa, decimals), decimals))
}

/// Whether a cell's text is a number (in any of the printed forms [`parse_number`] accepts).
pub fn looks_numeric(text: &str) -> bool {
    parse_number(text).is_some()
}

/// How precisely a value is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Set by definition, not measured: full marks, weights.
    Exact,
    /// Printed with this many decimals (the column's display precision).
    Decimals(u32),
    /// Printed to the nearest multiple of this step: a figure converted from another unit
    /// (153.04 万元 read in 元 is known to the nearest 100 元).
    Step(Decimal),
}

/// How printed values were produced from true values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Half-up rounding: the true value is within half a unit of the last digit.
    Round,
    /// Truncation: the true value is at or above the printed one, by less than a unit.
    Truncate,
}

/// A value read from the report: what was printed, where, and how precise it is. Percentages
/// keep their percent value (`98.52` for 98.52%).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num {
    pub value: Decimal,
    pub precision: Precision,
    pub span: Span,
    /// The printed text, quoted in messages.
    pub text: String,
}

impl Num {
    pub fn new(value: Decimal, precision: Precision, span: Span, text: impl Into<String>) -> Self {
        Num {
            value,
            precision,
            span,
            text: text.into(),
        }
    }

    /// The interval of true values this printed value stands for under `mode`.
    pub fn interval(&self, mode: Rounding) -> Interval {
        let unit = match self.precision {
            Precision::Exact => return Interval::exact(self.value),
            Precision::Decimals(d) => Decimal::new(1, d.min(MAX_DECIMALS)),
            Precision::Step(step) => step,
        };
        let v = self.value;
        match mode {
            Rounding::Round => {
                let half = unit / Decimal::TWO;
                Interval::new(v.saturating_sub(half), v.saturating_add(half))
            }
            // Truncation is half-open: the true value is strictly below the next printed one.
            Rounding::Truncate if v.is_sign_negative() && !v.is_zero() => {
                Interval::new(v.saturating_sub(unit) + OPEN_END, v)
            }
            Rounding::Truncate => Interval::new(v, v.saturating_add(unit) - OPEN_END),
        }
    }

    /// The number of decimals used when printing values computed from this one.
    pub fn display_decimals(&self) -> u32 {
        match self.precision {
            Precision::Exact => self.value.scale(),
            Precision::Decimals(d) => d,
            Precision::Step(step) => step.normalize().scale(),
        }
    }

    /// The last printed unit: 0.01 for `14.20`; `None` for exact values.
    pub fn step(&self) -> Option<Decimal> {
        match self.precision {
            Precision::Exact => None,
            Precision::Decimals(d) => Some(Decimal::new(1, d)),
            Precision::Step(step) => Some(step),
        }
    }

    /// The same figure in a unit `factor` times smaller (万元 → 元: factor 10,000).
    pub fn scaled(&self, factor: Decimal) -> Num {
        if factor == Decimal::ONE {
            return self.clone();
        }
        let precision = match self.precision {
            Precision::Exact => Precision::Exact,
            Precision::Decimals(d) => {
                Precision::Step(Decimal::new(1, d.min(MAX_DECIMALS)).saturating_mul(factor))
            }
            Precision::Step(step) => Precision::Step(step.saturating_mul(factor)),
        };
        Num::new(
            self.value.saturating_mul(factor),
            precision,
            self.span,
            self.text.clone(),
        )
    }
}

/// How far below the next printed value a truncated value's interval ends: truncation's
/// intervals are half-open, `[v, v + unit)`, and this keeps them so in closed arithmetic.
/// Rounding intervals stay closed at both ends, which covers every tie-breaking convention.
const OPEN_END: Decimal = Decimal::from_parts(1, 0, 0, false, 20);

/// A closed interval of decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    pub fn new(lo: Decimal, hi: Decimal) -> Self {
        debug_assert!(lo <= hi);
        Interval { lo, hi }
    }

    pub fn exact(v: Decimal) -> Self {
        Interval { lo: v, hi: v }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }

    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let lo = self.lo.max(other.lo);
        let hi = self.hi.min(other.hi);
        (lo <= hi).then_some(Interval { lo, hi })
    }

    pub fn hull(&self, other: &Interval) -> Interval {
        Interval::new(self.lo.min(other.lo), self.hi.max(other.hi))
    }

    pub fn midpoint(&self) -> Decimal {
        self.lo / Decimal::TWO + self.hi / Decimal::TWO
    }

    // Arithmetic saturates rather than overflow: figures are bounded when read (see
    // `MAX_INTEGER_DIGITS`), so only absurd chains of them reach the limits, and a saturated
    // interval is wide enough never to contradict anything.

    pub fn add(&self, other: &Interval) -> Interval {
        Interval::new(
            self.lo.saturating_add(other.lo),
            self.hi.saturating_add(other.hi),
        )
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        Interval::new(
            self.lo.saturating_sub(other.hi),
            self.hi.saturating_sub(other.lo),
        )
    }

    pub fn scale(&self, k: Decimal) -> Interval {
        let (a, b) = (self.lo.saturating_mul(k), self.hi.saturating_mul(k));
        Interval::new(a.min(b), a.max(b))
    }

    pub fn mul(&self, other: &Interval) -> Interval {
        let corners = [
            self.lo.saturating_mul(other.lo),
            self.lo.saturating_mul(other.hi),
            self.hi.saturating_mul(other.lo),
            self.hi.saturating_mul(other.hi),
        ];
        Interval::new(
            *corners.iter().min().expect("four corners"),
            *corners.iter().max().expect("four corners"),
        )
    }

    /// `self / other`, or `None` when `other` may be zero (the quotient is unbounded).
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.lo <= Decimal::ZERO && other.hi >= Decimal::ZERO {
            return None;
        }
        let corners = [
            self.lo.checked_div(other.lo)?,
            self.lo.checked_div(other.hi)?,
            self.hi.checked_div(other.lo)?,
            self.hi.checked_div(other.hi)?,
        ];
        Some(Interval::new(
            *corners.iter().min().expect("four corners"),
            *corners.iter().max().expect("four corners"),
        ))
    }

    /// Clamp both ends to at most `cap` (for `min(rate, 100%)`).
    pub fn min_with(&self, cap: Decimal) -> Interval {
        Interval::new(self.lo.min(cap), self.hi.min(cap))
    }
}

/// The sum of decimals, saturating at the limits rather than overflowing.
pub fn total(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, |acc, v| acc.saturating_add(v))
}

/// A decimal printed with exactly `decimals` places, rounding half away from zero; `-0.00`
/// prints as `0.00`.
pub fn format_decimal(value: Decimal, decimals: u32) -> String {
    let mut v = value.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    if v.is_zero() {
        v = Decimal::ZERO;
    }
    v.rescale(decimals);
    v.to_string()
}

/// A decimal with trailing zeros removed (`2.50` → `2.5`, `3.00` → `3`).
pub fn format_plain(value: Decimal) -> String {
    let v = value.normalize();
    if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// A signed difference for messages: `+0.50`, `-1.00`.
pub fn format_signed(value: Decimal, decimals: u32) -> String {
    let s = format_decimal(value, decimals);
    if s.starts_with('-') {
        s
    } else {
        format!("+{s}")
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_figure_keeps_the_scale_it_was_printed_with() {
        use std::str::FromStr;
        // The value is built from digits and a scale, as Decimal would parse the figure.
        for (text, expected, decimals) in [
            ("1,234.50", "1234.50", 2),
            ("1，234", "1234", 0),
            ("007", "7", 0),
            ("0.00", "0.00", 2),
            ("-0.5", "-0.5", 1),
            ("9999999999999.9999999999", "9999999999999.9999999999", 10),
        ] {
            let p = parse_number(text).unwrap_or_else(|| panic!("{text} parses"));
            let want = Decimal::from_str(expected).expect("a decimal");
            assert_eq!(p.value, want, "{text}");
            assert_eq!(p.value.scale(), want.scale(), "{text}");
            assert_eq!(p.decimals, decimals, "{text}");
        }
        for text in [
            "12,34",
            ",123",
            "1234,567",
            "12.",
            "12345678901234",
            "0.12345678901",
            "1.2.3",
        ] {
            assert!(parse_number(text).is_none(), "{text}");
        }
    }

    #[test]
    fn parses_printed_forms() {
        let p = parse_number("14.20").unwrap();
        assert_eq!((p.value, p.decimals, p.percent), (dec!(14.20), 2, false));
        let p = parse_number("95%").unwrap();
        assert_eq!((p.value, p.decimals, p.percent), (dec!(95), 0, true));
        assert!(parse_number("99.66(%)").unwrap().percent);
        assert!(parse_number("99.66（％）").unwrap().percent);
        assert_eq!(parse_number("1,234.50").unwrap().value, dec!(1234.50));
        assert_eq!(parse_number("１２．５").unwrap().value, dec!(12.5));
        assert_eq!(parse_number("-3").unwrap().value, dec!(-3));
        assert_eq!(
            parse_number("153.04万元").unwrap().unit,
            Some(Unit::WanYuan)
        );
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for s in [
            "",
            "-",
            "≥90.00(%)",
            "411.00(个)",
            "1,23",
            "12a",
            "A11",
            "2 小时内",
            "1.2.3",
            ".5",
        ] {
            assert!(parse_number(s).is_none(), "{s}");
        }
    }

    #[test]
    fn intervals_of_printed_values() {
        let n = Num::new(
            dec!(98.52),
            Precision::Decimals(2),
            Span::default(),
            "98.52",
        );
        assert_eq!(
            n.interval(Rounding::Round),
            Interval::new(dec!(98.515), dec!(98.525))
        );
        let t = n.interval(Rounding::Truncate);
        assert_eq!(t.lo, dec!(98.52));
        assert!(t.hi < dec!(98.53) && t.hi > dec!(98.5299999));
        let exact = Num::new(dec!(10), Precision::Exact, Span::default(), "10");
        assert_eq!(exact.interval(Rounding::Round), Interval::exact(dec!(10)));
    }

    #[test]
    fn division_by_an_interval_containing_zero_is_undefined() {
        let a = Interval::new(dec!(1), dec!(2));
        assert!(a.div(&Interval::new(dec!(-0.005), dec!(0.005))).is_none());
        let q = a.div(&Interval::new(dec!(2), dec!(4))).unwrap();
        assert_eq!(q, Interval::new(dec!(0.25), dec!(1)));
    }

    #[test]
    fn formatting() {
        assert_eq!(format_decimal(dec!(3.9856), 2), "3.99");
        assert_eq!(format_decimal(dec!(-0.001), 2), "0.00");
        assert_eq!(format_decimal(dec!(5), 2), "5.00");
        assert_eq!(format_plain(dec!(2.50)), "2.5");
        assert_eq!(format_signed(dec!(0.5), 2), "+0.50");
    }
}

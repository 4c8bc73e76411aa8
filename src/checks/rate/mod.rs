//! RATE: rates that do not follow from the figures they divide, and scores that do not follow
//! from the execution rate.

pub mod coefficient_score;
pub mod execution_cap;
pub mod execution_rate;
pub mod execution_score;
pub mod indicator_execution_score;
pub mod named_rate;
pub mod over_budget;
pub mod prose_rate;
pub mod score_rate;
pub mod undefined_rate;

use rust_decimal::Decimal;

use super::arith::{check_ratio, possible, RatioCheck};
use super::sum::total_in_doubt;
use super::Context;
use crate::diagnostic::{Finding, Text};
use crate::document::Span;
use crate::number::{format_decimal, Interval, Num, Precision};
use crate::profile::{Formula, Profile, RoundingPolicy};
use crate::report::{AmountRow, AmountTable, AmountTableKind, RateKind, RateLink, RowKind};

/// A row's stated rate with the numerator and denominator it divides.
pub struct RowRate<'t> {
    pub table: &'t AmountTable,
    pub row: &'t AmountRow,
    pub link: RateLink,
    pub rate: &'t Num,
    pub numerator: &'t Num,
    pub denominator: &'t Num,
}

/// Every row of every amount table that states a rate of `kind` with both operands.
pub fn row_rates<'r>(cx: &Context<'r>, kind: RateKind) -> Vec<RowRate<'r>> {
    let mut out = Vec::new();
    for table in &cx.report.amount_tables {
        for link in table.rates.iter().filter(|l| l.kind == kind) {
            for row in &table.rows {
                if let (Some(rate), Some(numerator), Some(denominator)) = (
                    &row.values[link.rate],
                    &row.values[link.numerator],
                    &row.values[link.denominator],
                ) {
                    out.push(RowRate {
                        table,
                        row,
                        link: *link,
                        rate,
                        numerator,
                        denominator,
                    });
                }
            }
        }
    }
    out
}

/// RATE001 and RATE003: a stated rate against numerator / denominator.
pub fn report_ratios(cx: &Context<'_>, kind: RateKind, code: &str, out: &mut Vec<Finding>) {
    for r in row_rates(cx, kind) {
        let RatioCheck::Violated(v) =
            check_ratio(r.numerator, r.denominator, r.rate, cx.profile.rounding)
        else {
            continue;
        };
        let columns = &r.table.columns;
        let computed = v.computed_text();
        out.push(
            Finding::new(code)
                .arg_same("diff", v.diff_text(r.rate))
                .arg_same("row", r.row.label.clone())
                .arg_same("rate_name", columns[r.link.rate].header.clone())
                .arg_same("stated", r.rate.text.clone())
                .arg_same("computed", format!("{computed}%"))
                .arg_same("numerator", columns[r.link.numerator].header.clone())
                .arg_same("denominator", columns[r.link.denominator].header.clone())
                .arg_same(
                    "arithmetic",
                    format!(
                        "{} ÷ {} = {computed}%",
                        r.numerator.text, r.denominator.text
                    ),
                )
                .label(
                    r.rate.span,
                    Text::new(
                        format!("应为 {computed}%"),
                        format!("should be {computed}%"),
                    ),
                )
                .label(
                    r.numerator.span,
                    Text::same(columns[r.link.numerator].header.clone()),
                )
                .label(
                    r.denominator.span,
                    Text::same(columns[r.link.denominator].header.clone()),
                )
                .constraint(v.constraint),
        );
    }
}

/// What a form or table knows of an execution rate, in percent.
///
/// Where the amounts are printed, the rate is their quotient, widened only by the amounts' own
/// rounding; a printed rate that agrees with them narrows it to where both meet. A printed rate
/// that disagrees is RATE001's finding and is not used: a wrong rate never hides a wrong
/// score — unless an amount is itself in doubt (its total breaks against its rows), when
/// either may be right and the score is held to neither alone. Without amounts, the printed
/// rate is all there is.
#[derive(Debug, Clone)]
pub struct KnownRate {
    pub interval: Interval,
    /// The rate worked out from the figures exactly as printed.
    pub point: Decimal,
    /// How it was known, for messages: `31.69 ÷ 32.40 = 97.81%`, `97.81%`.
    pub shown: String,
}

pub fn known_rate(
    printed: Option<&Num>,
    operands: Option<(&Num, &Num)>,
    amounts_in_doubt: bool,
    policy: RoundingPolicy,
) -> Option<KnownRate> {
    let hundred = Decimal::ONE_HUNDRED;
    let from_printed = |r: &Num| KnownRate {
        interval: possible(r, policy),
        point: r.value,
        shown: format!("{}%", r.text.trim_end_matches(['%', '％'])),
    };
    let Some((spent, budget)) = operands else {
        return printed.map(from_printed);
    };
    if budget.value.is_zero() {
        return None; // undefined: RATE007
    }
    let quotient = policy
        .modes()
        .iter()
        .filter_map(|&m| spent.interval(m).div(&budget.interval(m)))
        .map(|q| q.scale(hundred))
        .reduce(|a, b| a.hull(&b));
    let Some(quotient) = quotient else {
        return printed.map(from_printed);
    };
    let point = spent.value.checked_div(budget.value)? * hundred;
    let computed = format!(
        "{} ÷ {} = {}%",
        spent.text,
        budget.text,
        format_decimal(point, 2)
    );
    let interval = match printed.map(|r| possible(r, policy)) {
        Some(stated) => match stated.intersect(&quotient) {
            Some(both) => both,
            None if amounts_in_doubt => stated.hull(&quotient),
            None => quotient,
        },
        None => quotient,
    };
    Some(KnownRate {
        interval,
        point,
        shown: computed,
    })
}

/// What a fund block's total row knows of the execution rate, and where its printed rate is.
pub fn fund_block_rate(
    table: &AmountTable,
    policy: crate::profile::RoundingPolicy,
) -> Option<(KnownRate, Option<Span>)> {
    let total = table.rows.iter().find(|r| r.kind == RowKind::Total)?;
    let link = table.rates.iter().find(|l| l.kind == RateKind::Execution);
    let printed = link.and_then(|l| total.values[l.rate].as_ref());
    let operands = link.and_then(|l| {
        Some((
            total.values[l.numerator].as_ref()?,
            total.values[l.denominator].as_ref()?,
        ))
    });
    let doubt = link.is_some_and(|l| {
        total_in_doubt(table, l.numerator, policy) || total_in_doubt(table, l.denominator, policy)
    });
    Some((
        known_rate(printed, operands, doubt, policy)?,
        printed.map(|p| p.span),
    ))
}

/// The report's overall execution rate: what the total row of its budget execution table
/// knows of it, and the cell to point at.
pub fn report_rate<'r>(cx: &Context<'r>) -> Option<(&'r Num, KnownRate)> {
    for table in &cx.report.amount_tables {
        if table.kind != AmountTableKind::Table {
            continue;
        }
        let Some(link) = table.rates.iter().find(|l| l.kind == RateKind::Execution) else {
            continue;
        };
        let Some(total) = table.rows.iter().find(|r| r.kind == RowKind::Total) else {
            continue;
        };
        let Some(rate) = total.values[link.rate].as_ref() else {
            continue;
        };
        let operands = total.values[link.numerator]
            .as_ref()
            .zip(total.values[link.denominator].as_ref());
        let policy = cx.profile.rounding;
        let doubt = total_in_doubt(table, link.numerator, policy)
            || total_in_doubt(table, link.denominator, policy);
        return Some((rate, known_rate(Some(rate), operands, doubt, policy)?));
    }
    None
}

/// A score as the result of a formula is judged: rounded once at the decimals it is printed
/// with. A whole number means that whole number (to the profile's score decimals, 2 unless the
/// standard scores in whole points): `9` is not 9.78 truncated.
pub fn score_as_printed(score: &Num, profile: &Profile) -> Num {
    let printed = match score.precision {
        Precision::Exact => score.value.normalize().scale(),
        Precision::Decimals(d) => d,
        Precision::Step(_) => return score.clone(),
    };
    let decimals = if printed == 0 {
        profile.score_decimals
    } else {
        printed
    };
    Num {
        precision: Precision::Decimals(decimals),
        ..score.clone()
    }
}

/// The score each formula of the profile gives for a weight and a known rate.
pub fn formula_scores(
    formulas: &[Formula],
    weight: Decimal,
    rate: Interval,
) -> Vec<(Formula, Interval)> {
    formulas
        .iter()
        .map(|f| (f.clone(), f.apply(weight, rate)))
        .collect()
}

/// Whether a stated score is one rounding (or truncation) of a formula's result.
pub fn score_fits(score: &Num, expected: &[(Formula, Interval)], policy: RoundingPolicy) -> bool {
    expected.iter().any(|(_, e)| {
        policy
            .modes()
            .iter()
            .any(|&m| score.interval(m).overlaps(e))
    })
}

/// The score the first formula gives for the rate as printed, at the score's decimals.
pub fn should_be(formulas: &[Formula], weight: Decimal, rate: &KnownRate, decimals: u32) -> String {
    let value = formulas
        .first()
        .map(|f| f.apply(weight, Interval::exact(rate.point)).lo)
        .unwrap_or_default();
    format_decimal(value, decimals)
}

/// Each formula's arithmetic on the rate as printed, and the score it rounds to at the score's
/// decimals: `分值 × min(执行率, 100%)：10 × 97.8086% = 9.7809 → 9.78`.
pub fn formula_arithmetic(
    formulas: &[Formula],
    weight: &Num,
    rate: &KnownRate,
    decimals: u32,
    policy: RoundingPolicy,
) -> Text {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let rate_text = format_decimal(rate.point, 4);
    for f in formulas {
        let value = f.apply(weight.value, Interval::exact(rate.point)).lo;
        let exact = format_decimal(value, decimals + 2);
        let rounded = format_decimal(value, decimals);
        let mut cut = value.trunc_with_scale(decimals);
        cut.rescale(decimals);
        let truncated = cut.to_string();
        let (dz, de) = f.describe();
        let (rz, re) = if truncated != rounded && policy == RoundingPolicy::Either {
            (
                format!("{rounded}（截尾为 {truncated}）"),
                format!("{rounded} (truncated: {truncated})"),
            )
        } else if policy == RoundingPolicy::Truncate {
            (truncated.clone(), truncated)
        } else {
            (rounded.clone(), rounded)
        };
        zh.push(format!(
            "{dz}：{} × {rate_text}% = {exact} → {rz}",
            weight.text
        ));
        en.push(format!(
            "{de}: {} × {rate_text}% = {exact} → {re}",
            weight.text
        ));
    }
    Text::new(zh.join("；"), en.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use rust_decimal_macros::dec;

    fn num(text: &str) -> Num {
        let p = crate::number::parse_number(text).unwrap();
        Num::new(
            p.value,
            Precision::Decimals(p.decimals),
            Span::default(),
            text,
        )
    }

    fn national() -> Profile {
        Profile::load("national-2020").unwrap()
    }

    /// Whether `score` fits weight × the rate known from the printed figures.
    fn fits(
        weight: Decimal,
        score: &str,
        rate: Option<&str>,
        amounts: Option<(&str, &str)>,
    ) -> bool {
        let p = national();
        let rate = rate.map(num);
        let amounts = amounts.map(|(s, b)| (num(s), num(b)));
        let known = known_rate(
            rate.as_ref(),
            amounts.as_ref().map(|(s, b)| (s, b)),
            false,
            p.rounding,
        )
        .unwrap();
        let expected = formula_scores(&p.execution_score, weight, known.interval);
        score_fits(&score_as_printed(&num(score), &p), &expected, p.rounding)
    }

    #[test]
    fn a_whole_number_score_means_that_whole_number() {
        // 10 × 31.69 / 32.40 = 9.78, 10 × 37.24 / 43.20 = 8.62: neither is 9.
        assert!(!fits(
            dec!(10),
            "9",
            Some("97.81%"),
            Some(("31.69", "32.40"))
        ));
        assert!(!fits(
            dec!(10),
            "9",
            Some("86.20%"),
            Some(("37.24", "43.20"))
        ));
        assert!(fits(
            dec!(10),
            "9.78",
            Some("97.81%"),
            Some(("31.69", "32.40"))
        ));
        // Equal amounts are 100%: 10, not 9.
        assert!(!fits(dec!(10), "9", Some("100%"), Some(("64.8", "64.8"))));
        assert!(fits(dec!(10), "10", Some("100%"), Some(("64.8", "64.8"))));
    }

    #[test]
    fn a_profile_may_score_in_whole_points() {
        let mut p = national();
        p.score_decimals = 0;
        let known = known_rate(Some(&num("97.81%")), None, false, p.rounding).unwrap();
        let expected = formula_scores(&p.execution_score, dec!(10), known.interval);
        assert!(score_fits(
            &score_as_printed(&num("10"), &p),
            &expected,
            p.rounding
        ));
        assert!(!score_fits(
            &score_as_printed(&num("8"), &p),
            &expected,
            p.rounding
        ));
    }

    #[test]
    fn the_rate_is_never_rounded_before_multiplying() {
        // 30 / 278.4449 = 10.7741%; 20 × that = 2.1548 → 2.15. Printed 10.77% widened would
        // reach 2.155 and let 2.16 through.
        let mut spent = num("30");
        spent.precision = Precision::Decimals(4); // the table prints amounts to 4 decimals
        let budget = num("278.4449");
        let p = national();
        let known = known_rate(
            Some(&num("10.77%")),
            Some((&spent, &budget)),
            false,
            p.rounding,
        )
        .unwrap();
        let expected = formula_scores(&p.execution_score, dec!(20), known.interval);
        assert!(!score_fits(
            &score_as_printed(&num("2.16"), &p),
            &expected,
            p.rounding
        ));
        assert!(score_fits(
            &score_as_printed(&num("2.15"), &p),
            &expected,
            p.rounding
        ));
    }

    #[test]
    fn a_wrong_printed_rate_does_not_hide_a_wrong_score() {
        // 3824.26 / 4753.66 = 80.45%, printed 100%: the score 10 follows the wrong rate.
        assert!(!fits(
            dec!(10),
            "10",
            Some("100%"),
            Some(("3824.26", "4753.66"))
        ));
        assert!(fits(
            dec!(10),
            "8.04",
            Some("100%"),
            Some(("3824.26", "4753.66"))
        ));
    }

    #[test]
    fn with_an_amount_in_doubt_either_rate_may_be_right() {
        let p = national();
        let (spent, budget, rate) = (num("24.80"), num("25.00"), num("97.20%"));
        let doubt = known_rate(Some(&rate), Some((&spent, &budget)), true, p.rounding).unwrap();
        let expected = formula_scores(&p.execution_score, dec!(5), doubt.interval);
        assert!(score_fits(
            &score_as_printed(&num("4.86"), &p),
            &expected,
            p.rounding
        ));
        let trusted = known_rate(Some(&rate), Some((&spent, &budget)), false, p.rounding).unwrap();
        let expected = formula_scores(&p.execution_score, dec!(5), trusted.interval);
        assert!(!score_fits(
            &score_as_printed(&num("4.86"), &p),
            &expected,
            p.rounding
        ));
    }

    #[test]
    fn a_zero_budget_leaves_the_rate_unknown() {
        let p = national();
        assert!(known_rate(None, Some((&num("0"), &num("0"))), false, p.rounding).is_none());
    }
}

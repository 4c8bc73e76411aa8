//! RATE: rates that do not follow from the figures they divide, and scores that do not follow
//! from the execution rate.

pub mod execution_rate;
pub mod execution_score;
pub mod indicator_execution_score;
pub mod named_rate;
pub mod over_budget;
pub mod prose_rate;
pub mod score_rate;
pub mod undefined_rate;

use rust_decimal::Decimal;

use super::arith::{check_ratio, RatioCheck};
use super::Context;
use crate::diagnostic::{Finding, Text};
use crate::number::{Interval, Num};
use crate::profile::{Formula, RoundingPolicy};
use crate::report::{AmountRow, AmountTable, RateKind, RateLink};

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

/// The score interval each formula of the profile gives, hulled over rounding modes of the rate.
pub fn formula_scores(
    formulas: &[Formula],
    weight: Decimal,
    rate: &[Interval],
) -> Vec<(Formula, Interval)> {
    formulas
        .iter()
        .map(|f| {
            let v = rate
                .iter()
                .map(|r| f.apply(weight, *r))
                .reduce(|a, b| a.hull(&b))
                .expect("at least one rate interval");
            (f.clone(), v)
        })
        .collect()
}

/// Whether a stated score matches any of the formula intervals under the rounding policy.
pub fn score_fits(score: &Num, expected: &[(Formula, Interval)], policy: RoundingPolicy) -> bool {
    expected.iter().any(|(_, e)| {
        policy
            .modes()
            .iter()
            .any(|&m| score.interval(m).overlaps(e))
    })
}

/// `10.00 × min(98.52%, 100%) = 9.852`, for each formula.
pub fn formula_arithmetic(weight: &Num, rate: &str, expected: &[(Formula, Interval)]) -> Text {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (f, v) in expected {
        let value = crate::diagnostic::format_interval(v, 3);
        let (dz, de) = f.describe();
        zh.push(format!("{dz}：{} 分、执行率 {rate} → {value}", weight.text));
        en.push(format!(
            "{de}: weight {}, rate {rate} → {value}",
            weight.text
        ));
    }
    Text::new(zh.join("；"), en.join("; "))
}

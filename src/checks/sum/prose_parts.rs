//! SUM005, SUM006 and SUM008 share this: a total stated in prose with its parts, added up in
//! the total's unit, and read both ways when the list changes its separator.

use rust_decimal::Decimal;

use crate::checks::arith::possible;
use crate::checks::Context;
use crate::number::{format_decimal, format_plain, Num, Precision};
use crate::report::prose::claims::{Breakdown, Claim, ListKind};
use crate::report::prose::scan::{Bound, Quantity};

pub struct PartsSum<'r> {
    pub breakdown: &'r Breakdown,
    pub total: &'r Claim,
    pub parts: Vec<&'r Claim>,
}

/// How a reading of the parts stands against the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Fits,
    /// The parts add up to more than the total can be.
    Exceeds,
    /// A complete list of an exact total adds up to less.
    Short,
}

pub fn sums<'r>(cx: &Context<'r>) -> Vec<PartsSum<'r>> {
    cx.report
        .breakdowns
        .iter()
        .map(|b| PartsSum {
            breakdown: b,
            total: &cx.report.claims[b.total],
            parts: b.parts.iter().map(|&i| &cx.report.claims[i]).collect(),
        })
        // Parts that are themselves bounded (约, 以上) do not add up to anything exact.
        .filter(|s| s.parts.iter().all(|p| p.quantity.bound == Bound::Exact))
        .collect()
}

/// How many of one quantity's units make one of the total's (万元 parts of a 元 total: 10,000).
fn factor(part: &Quantity, total: &Quantity) -> Decimal {
    match (part.yuan_factor(), total.yuan_factor()) {
        (Some(p), Some(t)) => p / t,
        _ => Decimal::ONE,
    }
}

impl PartsSum<'_> {
    /// The sum of the first `n` parts as printed, in the total's unit.
    pub fn sum(&self, n: usize) -> Decimal {
        let total = &self.total.quantity;
        crate::number::total(
            self.parts
                .iter()
                .take(n)
                .map(|p| p.quantity.value.saturating_mul(factor(&p.quantity, total))),
        )
    }

    /// Decimals to show the sum of the parts with, in the total's unit.
    fn decimals(&self) -> u32 {
        let total = &self.total.quantity;
        self.parts
            .iter()
            .map(|p| {
                let step = Decimal::new(1, p.quantity.decimals) * factor(&p.quantity, total);
                step.normalize().scale()
            })
            .max()
            .unwrap_or(0)
    }

    /// The sum of the first `n` parts, with the total's unit: `89.99万元`.
    pub fn sum_text(&self, n: usize) -> String {
        format!(
            "{}{}",
            format_decimal(self.sum(n), self.decimals()),
            self.total.quantity.unit
        )
    }

    /// `30 + 30 + 29.99 = 89.99` for the first `n` parts; a part in another unit than the
    /// total's shows its own.
    pub fn arithmetic(&self, n: usize) -> String {
        let unit = &self.total.quantity.unit;
        let texts: Vec<String> = self
            .parts
            .iter()
            .take(n)
            .map(|p| {
                let q = &p.quantity;
                if &q.unit == unit {
                    q.text.clone()
                } else {
                    format!("{}{}", q.text, q.unit)
                }
            })
            .collect();
        format!(
            "{} = {}",
            texts.join(" + "),
            format_decimal(self.sum(n), self.decimals())
        )
    }

    /// The total as stated: `50余次`, `89.97万元`.
    pub fn total_text(&self) -> String {
        let q = &self.total.quantity;
        match q.bound {
            Bound::Over => format!("{}余{}", q.text, q.unit),
            _ => format!("{}{}", q.text, q.unit),
        }
    }

    /// How the first `n` parts stand against the total.
    pub fn verdict(&self, n: usize, cx: &Context<'_>) -> Verdict {
        let q = &self.total.quantity;
        let sum = self.sum(n);
        let total = Num::new(
            q.value,
            Precision::Decimals(q.decimals),
            q.number,
            q.text.clone(),
        );
        let range = possible(&total, cx.profile.rounding);
        let exceeds = match q.bound {
            Bound::Exact => sum > range.hi,
            Bound::AtMost => sum > q.value,
            // 50余: more than 50, below 60.
            Bound::Over => sum >= q.over_limit(),
            Bound::AtLeast | Bound::About => false,
        };
        if exceeds {
            return Verdict::Exceeds;
        }
        let complete = !self.breakdown.open && self.breakdown.kind != ListKind::Sources;
        if q.bound == Bound::Exact && complete && n >= 2 && sum < range.lo {
            return Verdict::Short;
        }
        Verdict::Fits
    }

    /// The reading to report, if any: the whole list when it does not fit, unless the list
    /// changes its separator and the parts before the change fit (two readings: SUM008).
    pub fn judged(&self, cx: &Context<'_>) -> Judged {
        let all = self.parts.len();
        let whole = self.verdict(all, cx);
        if whole == Verdict::Fits {
            return Judged::Fits;
        }
        match self.breakdown.first_run {
            Some(k) if k < all && self.verdict(k, cx) == Verdict::Fits => {
                Judged::TwoReadings { first: k, whole }
            }
            _ => Judged::Broken(whole),
        }
    }

    /// The total minus the first `n` parts, in the total's unit.
    pub fn missing_text(&self, n: usize) -> String {
        format!(
            "{}{}",
            format_plain(self.total.quantity.value - self.sum(n)),
            self.total.quantity.unit
        )
    }
}

pub enum Judged {
    Fits,
    Broken(Verdict),
    /// The parts before the separator changes fit; with the rest they do not.
    TwoReadings {
        first: usize,
        whole: Verdict,
    },
}

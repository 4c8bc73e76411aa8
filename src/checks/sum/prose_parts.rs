//! SUM005 and SUM006 share this: a total stated in a sentence with its 其中 parts.

use rust_decimal::Decimal;

use crate::checks::xref::claim_figure;
use crate::checks::Context;
use crate::report::prose::claims::{Breakdown, Claim};
use crate::report::prose::scan::Bound;

pub struct PartsSum<'r> {
    pub breakdown: &'r Breakdown,
    pub total: &'r Claim,
    pub parts: Vec<&'r Claim>,
    /// The exact sum of the parts as printed.
    pub sum: Decimal,
}

pub fn sums<'r>(cx: &Context<'r>) -> Vec<PartsSum<'r>> {
    cx.report
        .breakdowns
        .iter()
        .map(|b| {
            let parts: Vec<&Claim> = b.parts.iter().map(|&i| &cx.report.claims[i]).collect();
            let sum = parts.iter().map(|p| claim_figure(p).num.value).sum();
            PartsSum {
                breakdown: b,
                total: &cx.report.claims[b.total],
                parts,
                sum,
            }
        })
        // Parts that are themselves bounded (约, 以上) do not add up to anything exact.
        .filter(|s| s.parts.iter().all(|p| p.quantity.bound == Bound::Exact))
        .collect()
}

/// `17 + 12 + 24 + 12 = 65`
pub fn arithmetic(s: &PartsSum<'_>) -> String {
    let texts: Vec<&str> = s.parts.iter().map(|p| p.quantity.text.as_str()).collect();
    format!(
        "{} = {}",
        texts.join(" + "),
        crate::number::format_plain(s.sum)
    )
}

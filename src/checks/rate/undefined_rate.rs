//! RATE007: a rate stated over a zero denominator (a 0 budget): the rate is undefined and the
//! printed value is a guess. `0.00` spent of a `0.00` budget printed as `0.00%` is the usual
//! convention for an unused fund line and is not reported.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::RateKind;

pub struct UndefinedRate;

impl Check for UndefinedRate {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE007"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for kind in [RateKind::Execution, RateKind::Named] {
            for r in super::row_rates(cx, kind) {
                if !r.denominator.value.is_zero() {
                    continue;
                }
                if r.numerator.value.is_zero() && r.rate.value.is_zero() {
                    continue;
                }
                let columns = &r.table.columns;
                out.push(
                    Finding::new("RATE007")
                        .arg_same("row", r.row.label.clone())
                        .arg_same("rate_name", columns[r.link.rate].header.clone())
                        .arg_same("stated", r.rate.text.clone())
                        .arg_same("numerator", r.numerator.text.clone())
                        .arg_same(
                            "denominator_name",
                            columns[r.link.denominator].header.clone(),
                        )
                        .label(r.rate.span, Text::new("无法计算", "undefined"))
                        .label(r.denominator.span, Text::same("0")),
                );
            }
        }
    }
}

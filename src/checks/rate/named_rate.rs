//! RATE003: another rate column (样本回收率, 完成率) whose numerator and denominator columns are
//! named in the table's header.

use crate::checks::{Check, Context};
use crate::diagnostic::Finding;
use crate::report::RateKind;

pub struct NamedRates;

impl Check for NamedRates {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        super::report_ratios(cx, RateKind::Named, "RATE003", out);
    }
}

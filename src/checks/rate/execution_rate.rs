//! RATE001: a budget execution rate (预算执行率, 执行率) against 实际支出 / 预算金额, or in a
//! self-evaluation form 全年执行数 / 全年预算数 — per row and on the total row.

use crate::checks::{Check, Context};
use crate::diagnostic::Finding;
use crate::report::RateKind;

pub struct ExecutionRates;

impl Check for ExecutionRates {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        super::report_ratios(cx, RateKind::Execution, "RATE001", out);
    }
}

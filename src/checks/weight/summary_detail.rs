//! WEIGHT003: full marks in the score summary table against the detailed indicator table.

use crate::checks::levels::{self, cross_table};
use crate::checks::tree::Measure;
use crate::checks::{Check, Context};
use crate::diagnostic::Finding;

pub struct SummaryFullMarks;

impl Check for SummaryFullMarks {
    fn codes(&self) -> &'static [&'static str] {
        &["WEIGHT003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        levels::report(cx, Measure::Full, cross_table, "WEIGHT003", out);
    }
}

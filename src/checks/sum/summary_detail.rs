//! SUM003: the score summary table (项目绩效得分情况表) against the group totals of the detailed
//! indicator table.

use crate::checks::levels::{self, cross_table};
use crate::checks::tree::Measure;
use crate::checks::{Check, Context};
use crate::diagnostic::Finding;

pub struct SummaryScores;

impl Check for SummaryScores {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        levels::report(cx, Measure::Score, cross_table, "SUM003", out);
    }
}

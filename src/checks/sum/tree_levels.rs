//! SUM002: an indicator's score, or a 合计/总分 row, against the scores of the indicators
//! below it, level by level.

use crate::checks::levels::{self, cross_table};
use crate::checks::tree::Measure;
use crate::checks::{Check, Context};
use crate::diagnostic::Finding;
use crate::report::Origin;

pub struct LevelScores;

impl Check for LevelScores {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        levels::report(
            cx,
            Measure::Score,
            |stated: Origin, others: &[Origin]| !cross_table(stated, others),
            "SUM002",
            out,
        );
    }
}

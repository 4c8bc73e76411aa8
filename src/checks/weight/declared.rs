//! WEIGHT002: a declared weight or full mark (a parent's row, `A1 项目立项 6%`, the 合计 row)
//! against the full marks of the indicators below it.

use crate::checks::levels::{self, cross_table};
use crate::checks::tree::Measure;
use crate::checks::{Check, Context};
use crate::diagnostic::Finding;
use crate::report::Origin;

pub struct DeclaredWeights;

impl Check for DeclaredWeights {
    fn codes(&self) -> &'static [&'static str] {
        &["WEIGHT002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        levels::report(
            cx,
            Measure::Full,
            |stated: Origin, others: &[Origin]| !cross_table(stated, others),
            "WEIGHT002",
            out,
        );
    }
}

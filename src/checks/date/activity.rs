//! DATE001 and DATE002: an evaluation activity (访谈, 调研, 问卷, 现场核查) dated before the
//! evaluation started (as the abstract or preface says) or after the report's date (on the
//! cover). Dates in a table of interviews or visits are read as they are (DATE001, an error);
//! dates read from a sentence are reported as warnings (DATE002).

use super::{of_source, outside, show};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::facts::ActivitySource;

pub struct ActivityInTable;
pub struct ActivityInProse;

impl Check for ActivityInTable {
    fn codes(&self) -> &'static [&'static str] {
        &["DATE001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        report(cx, ActivitySource::Table, "DATE001", out);
    }
}

impl Check for ActivityInProse {
    fn codes(&self) -> &'static [&'static str] {
        &["DATE002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        report(cx, ActivitySource::Prose, "DATE002", out);
    }
}

fn report(cx: &Context<'_>, source: ActivitySource, code: &str, out: &mut Vec<Finding>) {
    let facts = &cx.report.facts;
    for activity in of_source(facts, source) {
        let Some((when, bound, bound_span)) = outside(facts, activity) else {
            continue;
        };
        let period = match (facts.evaluation_start, facts.report_date) {
            (Some(s), Some(e)) => format!("{} — {}", show(&s.range), show(&e.range)),
            (Some(s), None) => format!("{} —", show(&s.range)),
            (None, Some(e)) => format!("— {}", show(&e.range)),
            (None, None) => String::new(),
        };
        out.push(
            Finding::new(code)
                .arg_same("activity", activity.what.clone())
                .arg_same("date", activity.text.clone())
                .arg("when", when)
                .arg_same("period", period)
                .label(
                    activity.span,
                    Text::new(
                        format!("{}日期", activity.what),
                        format!("{} date", activity.what),
                    ),
                )
                .label(bound_span, Text::same(show(&bound))),
        );
    }
}

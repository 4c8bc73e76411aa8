//! DATE: evaluation activities outside the evaluation, project dates outside the year
//! evaluated, and ends before starts.

pub mod activity;
pub mod order;
pub mod project_year;

use crate::diagnostic::Text;
use crate::report::facts::{Activity, ActivitySource, Facts};
use crate::report::prose::date::DateRange;

/// `2019年4月`, `2017年5月21日–31日`
pub fn show(range: &DateRange) -> String {
    let (a, b) = (range.first, range.last);
    match range.precision {
        crate::report::prose::date::Precision::Year => format!("{}年", a.year),
        crate::report::prose::date::Precision::Month => format!("{}年{}月", a.year, a.month),
        crate::report::prose::date::Precision::Day => {
            format!("{}年{}月{}日", a.year, a.month, a.day)
        }
        crate::report::prose::date::Precision::PartOfMonth => {
            format!("{}年{}月{}日–{}日", a.year, a.month, a.day, b.day)
        }
    }
}

/// Whether an activity falls outside the evaluation, and how: before it started, or after the
/// report is dated.
pub fn outside(
    facts: &Facts,
    activity: &Activity,
) -> Option<(Text, DateRange, crate::document::Span)> {
    if let Some(start) = facts.evaluation_start {
        if activity.range.before(&start.range) {
            return Some((
                Text::new("评价开始之前", "before the evaluation started"),
                start.range,
                start.span,
            ));
        }
    }
    if let Some(end) = facts.report_date {
        if end.range.before(&activity.range) {
            return Some((
                Text::new("报告日期之后", "after the report's date"),
                end.range,
                end.span,
            ));
        }
    }
    None
}

pub fn of_source(facts: &Facts, source: ActivitySource) -> impl Iterator<Item = &Activity> {
    facts.activities.iter().filter(move |a| a.source == source)
}

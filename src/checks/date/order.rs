//! DATE004: an end before its start — the project finishing before it began, or the evaluation
//! starting after the date of its own report.

use super::show;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::facts::Dated;

pub struct EndBeforeStart;

impl Check for EndBeforeStart {
    fn codes(&self) -> &'static [&'static str] {
        &["DATE004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let facts = &cx.report.facts;
        let pairs: [(Option<Dated>, Option<Dated>, Text, Text); 2] = [
            (
                facts.project_start,
                facts.project_end,
                Text::new("项目开始时间", "the project's start"),
                Text::new("项目完成时间", "the project's end"),
            ),
            (
                facts.evaluation_start,
                facts.report_date,
                Text::new("评价开始时间", "the evaluation's start"),
                Text::new("报告日期", "the report's date"),
            ),
        ];
        for (start, end, start_name, end_name) in pairs {
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            if !end.range.before(&start.range) {
                continue;
            }
            out.push(
                Finding::new("DATE004")
                    .arg("start_name", start_name.clone())
                    .arg_same("start", show(&start.range))
                    .arg("end_name", end_name.clone())
                    .arg_same("end", show(&end.range))
                    .label(end.span, end_name)
                    .label(start.span, start_name),
            );
        }
    }
}

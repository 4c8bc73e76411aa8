//! DATE003: a project date (项目开始时间, 项目完成时间) outside the fiscal year the report
//! evaluates. Projects that continue from earlier years exist, so this is a warning.

use super::show;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct ProjectYear;

impl Check for ProjectYear {
    fn codes(&self) -> &'static [&'static str] {
        &["DATE003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let facts = &cx.report.facts;
        let Some((year, year_span)) = facts.fiscal_year else {
            return;
        };
        for (what_zh, what_en, date) in [
            ("项目开始时间", "the project's start", facts.project_start),
            ("项目完成时间", "the project's end", facts.project_end),
        ] {
            let Some(date) = date else {
                continue;
            };
            if date.range.first.year <= year && year <= date.range.last.year {
                continue;
            }
            out.push(
                Finding::new("DATE003")
                    .arg("what", Text::new(what_zh, what_en))
                    .arg_same("date", show(&date.range))
                    .arg_same("year", year.to_string())
                    .label(date.span, Text::new(what_zh, what_en))
                    .label(
                        year_span,
                        Text::new(
                            format!("评价年度 {year}"),
                            format!("year evaluated: {year}"),
                        ),
                    ),
            );
        }
    }
}

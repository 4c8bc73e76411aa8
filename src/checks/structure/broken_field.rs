//! STRUCT003: a field Word could not update, left in the text as 错误！未定义书签。 or
//! 错误！未找到引用源。

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct BrokenField;

impl Check for BrokenField {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for span in &cx.report.structure.broken_fields {
            out.push(Finding::new("STRUCT003").label(*span, Text::new("失效的域", "broken field")));
        }
    }
}

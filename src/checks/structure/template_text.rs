//! STRUCT006: a form's template text left in the document: instructions for whoever fills it
//! in (`（100字以内）`, `此处填写`, `对照年度目标，说明…`) and placeholders (`XX区`, `20××年`).
//! One finding for the document, labelling every place.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct TemplateText;

impl Check for TemplateText {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT006"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let places = &cx.report.structure.template_text;
        if places.is_empty() {
            return;
        }
        let mut f = Finding::new("STRUCT006").arg_same("count", places.len().to_string());
        for span in places {
            f = f.label(*span, Text::new("模板文字", "template text"));
        }
        out.push(f);
    }
}

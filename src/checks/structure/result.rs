//! STRUCT005: an evaluation report that states no total score, or no grade.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::facts::DocumentKind;

pub struct StatesResult;

impl Check for StatesResult {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT005"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        if report.facts.kind != DocumentKind::EvaluationReport {
            return;
        }
        let total = report.scorecards.iter().any(|c| c.stated_total().is_some());
        let grade = report.scorecards.iter().any(|c| !c.grades.is_empty());
        let missing = match (total, grade) {
            (true, true) => return,
            (false, false) => Text::new("总分和评价等级", "a total score or a grade"),
            (false, true) => Text::new("总分", "a total score"),
            (true, false) => Text::new("评价等级", "a grade"),
        };
        let mut finding = Finding::new("STRUCT005").arg("missing", missing);
        // The conclusion is where the total and the grade belong; without one, the title.
        let conclusion = report
            .structure
            .top_level()
            .find(|i| CONCLUSION_WORDS.iter().any(|w| i.title.contains(w)));
        if let Some(section) = conclusion {
            finding = finding.label(section.span, Text::new("评价结论", "the conclusion"));
            if let Some(lead) = section.lead {
                finding = finding.label(lead, Text::new("此处未写明", "not stated here"));
            }
        } else {
            let anchor = report
                .structure
                .title
                .as_ref()
                .map(|(_, span)| *span)
                .or_else(|| report.structure.outline.first().map(|i| i.span))
                .unwrap_or_default();
            finding = finding.label(anchor, Text::new("评价报告", "evaluation report"));
        }
        out.push(finding);
    }
}

/// Words in the title of the section that states a report's result.
const CONCLUSION_WORDS: &[&str] = &["评价结论", "综合评价", "评价结果", "总体评价"];

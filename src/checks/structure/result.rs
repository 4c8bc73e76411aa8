//! STRUCT005: an evaluation report that states no total score, or no grade.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::facts::DocumentKind;
use crate::report::Report;

pub struct StatesResult;

impl Check for StatesResult {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT005"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        let Some(missing) = missing_result(report) else {
            return;
        };
        // Without the conclusion section, STRUCT004 reports the section, and says this.
        if super::outline::outline_match(cx).is_some_and(|m| m.misses_conclusion()) {
            return;
        }
        let mut finding = Finding::new("STRUCT005").arg("missing", missing);
        // The conclusion is where the total and the grade belong; without one, the title.
        let conclusion = report
            .structure
            .top_level()
            .find(|i| super::CONCLUSION_WORDS.iter().any(|w| i.title.contains(w)));
        if let Some(section) = conclusion {
            finding = finding.label(section.span, Text::new("评价结论", "the conclusion"));
            if let Some(lead) = section.lead {
                finding = finding.label(lead, Text::new("此处未写明", "not stated here"));
            }
        } else {
            let anchor = report.structure.anchor().unwrap_or_default();
            finding = finding.label(anchor, Text::new("评价报告", "evaluation report"));
        }
        out.push(finding);
    }
}

/// Words of the sections that come with or after a report's result: a text that has none
/// of them stops before its conclusion, and is not held to stating it.
const RESULT_AREA_WORDS: &[&str] = &[
    "指标分析",
    "绩效分析",
    "存在的问题",
    "存在问题",
    "经验",
    "建议",
    "附件",
];

/// What an evaluation report fails to state of its result (a total, a grade or both). Only a
/// whole report is asked: not an excerpt, and not a text that stops before its conclusion.
pub fn missing_result(report: &Report) -> Option<Text> {
    if report.facts.kind != DocumentKind::EvaluationReport || report.facts.fragment.is_some() {
        return None;
    }
    let reaches_result = report.structure.top_level().any(|i| {
        super::CONCLUSION_WORDS
            .iter()
            .chain(RESULT_AREA_WORDS)
            .any(|w| i.title.contains(w))
    });
    if !reaches_result {
        return None;
    }
    let total = report.scorecards.iter().any(|c| c.stated_total().is_some());
    let grade = report.scorecards.iter().any(|c| !c.grades.is_empty());
    match (total, grade) {
        (true, true) => None,
        (false, false) => Some(Text::new("总分和评价等级", "a total score or a grade")),
        (false, true) => Some(Text::new("总分", "a total score")),
        (true, false) => Some(Text::new("评价等级", "a grade")),
    }
}

//! STRUCT004: a section the report's outline requires is missing (the 2020 national outline's
//! 综合评价情况及评价结论, say). The report is matched to the outline of the standard profile
//! whose sections its top-level headings name best; a report that follows no outline closely
//! (three required sections and two thirds of them) is not judged.

use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::document::Span;
use crate::profile::Outline;
use crate::report::facts::DocumentKind;
use crate::text::compact;

pub struct RequiredSections;

impl Check for RequiredSections {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(m) = outline_match(cx) else {
            return;
        };
        let misses_conclusion = m.misses_conclusion();
        let OutlineMatch {
            outline,
            found,
            missing,
        } = m;
        // Sections missing only after the last one found: the text stops before them (an
        // excerpt), which says nothing of the report it was taken from.
        let last_found = found.iter().rposition(Option::is_some);
        if missing.is_empty() || missing.iter().all(|&i| Some(i) > last_found) {
            return;
        }
        // The result stated nowhere else is the same omission, said here and not again.
        let consequence = match super::result::missing_result(cx.report) {
            Some(what) if misses_conclusion => Text::new(
                format!("；报告其他部分也没有给出{}", what.zh),
                format!("; nor does the report give {} elsewhere", what.en),
            ),
            _ => Text::same(""),
        };
        let headings: Vec<String> = cx
            .report
            .structure
            .top_level()
            .filter(|i| i.number.is_some())
            .map(|i| {
                format!(
                    "{}{}",
                    i.number.as_ref().map(super::written).unwrap_or_default(),
                    i.title
                )
            })
            .collect();
        let mut finding = Finding::new("STRUCT004")
            .arg_same(
                "missing",
                missing
                    .iter()
                    .map(|&i| outline.sections[i].name.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
            )
            .arg(
                "outline",
                Text::new(outline.title_zh.clone(), outline.title_en.clone()),
            )
            .arg_same("headings", headings.join("；"))
            .arg("consequence", consequence);
        // Each missing section is labelled where it belongs: before the next section of the
        // outline the report has, or after the last one it has.
        for &i in &missing {
            let name = &outline.sections[i].name;
            let next = found[i + 1..].iter().flatten().next();
            let previous = found[..i].iter().rev().flatten().next();
            let (span, zh, en) = match (next, previous) {
                (Some(span), _) => (*span, "应在此标题之前", "belongs before this heading"),
                (None, Some(span)) => (*span, "应在此标题之后", "belongs after this heading"),
                (None, None) => match cx.report.structure.anchor() {
                    Some(span) => (span, "本报告缺少此章节", "is missing from this report"),
                    None => continue,
                },
            };
            finding = finding.label(
                span,
                Text::new(format!("「{name}」{zh}"), format!("「{name}」 {en}")),
            );
        }
        out.push(finding);
    }
}

/// How a report follows the outline of its standard it follows best.
pub struct OutlineMatch<'a> {
    pub outline: &'a Outline,
    /// For each section of the outline, the first top-level heading that names it.
    pub found: Vec<Option<Span>>,
    /// The required sections no heading names, as indices into the outline's sections.
    pub missing: Vec<usize>,
}

impl OutlineMatch<'_> {
    /// Whether the section that states the result (评价结论) is among the missing.
    pub fn misses_conclusion(&self) -> bool {
        self.missing.iter().any(|&i| {
            super::CONCLUSION_WORDS
                .iter()
                .any(|w| self.outline.sections[i].name.contains(w))
        })
    }
}

/// The outline of the profile whose required sections the report's top-level headings name
/// best; `None` for a report that is not an evaluation report or follows no outline closely.
pub fn outline_match<'a>(cx: &Context<'a>) -> Option<OutlineMatch<'a>> {
    // Only a whole report is held to an outline: an excerpt lacks what it never reached.
    if cx.report.facts.kind != DocumentKind::EvaluationReport || cx.report.facts.fragment.is_some()
    {
        return None;
    }
    let items: Vec<(String, Span)> = cx
        .report
        .structure
        .top_level()
        .map(|i| (compact(&i.title), i.span))
        .collect();
    let located = |o: &Outline| {
        o.sections
            .iter()
            .map(|s| {
                items
                    .iter()
                    .find(|(t, _)| s.keywords.iter().any(|k| t.contains(k.as_str())))
                    .map(|(_, span)| *span)
            })
            .collect::<Vec<Option<Span>>>()
    };
    let (outline, found, hits, share) = cx
        .profile
        .outlines
        .iter()
        .map(|o| {
            let found = located(o);
            let required = o.sections.iter().filter(|s| s.required).count().max(1);
            let hits = o
                .sections
                .iter()
                .zip(&found)
                .filter(|(s, f)| s.required && f.is_some())
                .count();
            (o, found, hits, hits * 1000 / required)
        })
        .max_by_key(|(_, _, _, share)| *share)?;
    // Only a report that clearly follows the outline is held to it.
    if hits < 3 || share < 667 {
        return None;
    }
    let missing = outline
        .sections
        .iter()
        .zip(&found)
        .enumerate()
        .filter(|(_, (s, f))| s.required && f.is_none())
        .map(|(i, _)| i)
        .collect();
    Some(OutlineMatch {
        outline,
        found,
        missing,
    })
}

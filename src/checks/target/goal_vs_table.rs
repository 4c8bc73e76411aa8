//! TARGET001: a target stated in the goal text (a form's 年度总体目标, the report's goal table
//! or goal sentences) differs from the target the indicator table sets for the same indicator
//! (满意度达 85% against 受众满意度 ≥90.00(%)). The link is made by the indicator's name, so
//! this is a warning that names the words.

use super::{quantity_of, same_target, targets};
use crate::checks::words::{shared_words, strongest};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::document::Span;
use crate::report::prose::claims::{ClaimRole, Region};
use crate::report::prose::scan::{Bound, Quantity};

pub struct GoalVsTable;

impl Check for GoalVsTable {
    fn codes(&self) -> &'static [&'static str] {
        &["TARGET001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // A form's goal text against the form's indicator targets.
        for claim in cx
            .report
            .claims
            .iter()
            .filter(|c| c.region == Region::FormGoal && c.role == ClaimRole::Other)
        {
            let Some(card) = claim.scope.and_then(|s| cx.report.scorecards.get(s)) else {
                continue;
            };
            let candidates = targets(&card.nodes).filter_map(|(node, target)| {
                let name = &node.label.as_ref()?.name;
                let words = shared_words(&claim.clause, name)?;
                covers(&words, name).then(|| (words, name.clone(), target))
            });
            if let Some((words, name, target)) = best(candidates, &claim.quantity) {
                report(
                    out,
                    &claim.quantity,
                    "年度总体目标",
                    "the annual goal",
                    &target,
                    &name,
                    &words,
                );
            }
        }
        // The goal table against goal sentences and the indicator table. Sentences are looked
        // for among the prose figures nearest the row: a report states a few hundred, and a
        // file of many reports must not cost rows × figures.
        let prose: Vec<&crate::report::prose::claims::Claim> = cx
            .report
            .claims
            .iter()
            .filter(|c| {
                matches!(c.region, Region::Abstract | Region::Preface | Region::Body)
                    && c.role == ClaimRole::Other
            })
            .collect();
        for row in &cx.report.goal_rows {
            let Some(goal) = quantity_of(&row.target) else {
                continue;
            };
            // The sentence that names this goal best, if it states a target (bounded, or in a
            // sentence about 目标) rather than a result.
            let named = nearest(&prose, row.row.start)
                .iter()
                .filter(|c| c.quantity.unit == goal.unit)
                .filter_map(|c| {
                    let words = shared_words(&c.clause, &row.name)?;
                    covers(&words, &row.name).then_some((words, c))
                })
                .max_by_key(|(w, _)| w.chars().count());
            if let Some((words, claim)) = named {
                let is_target = claim.quantity.bound != Bound::Exact || claim.names_goal;
                if is_target && !same_target(&claim.quantity, &goal) {
                    report(
                        out,
                        &claim.quantity,
                        "正文",
                        "the text",
                        &goal,
                        &row.name,
                        &words,
                    );
                }
            }
            for card in &cx.report.scorecards {
                let candidates = targets(&card.nodes).filter_map(|(node, target)| {
                    let name = &node.label.as_ref()?.name;
                    let words = shared_words(&row.name, name)?;
                    Some((words, name.clone(), target))
                });
                if let Some((words, name, target)) = best(candidates, &goal) {
                    report(
                        out,
                        &goal,
                        "目标表",
                        "the goal table",
                        &target,
                        &name,
                        &words,
                    );
                }
            }
        }
    }
}

/// How many prose figures around a goal row are searched for the sentence naming it.
const REACH: usize = 1024;

/// The figures nearest a place, at most [`REACH`]: all of them in a report of usual size.
/// `claims` are in the order of the text.
fn nearest<'a, 'c>(
    claims: &'a [&'c crate::report::prose::claims::Claim],
    at: usize,
) -> &'a [&'c crate::report::prose::claims::Claim] {
    if claims.len() <= REACH {
        return claims;
    }
    let i = claims.partition_point(|c| c.quantity.span.start < at);
    let start = i.saturating_sub(REACH / 2).min(claims.len() - REACH);
    &claims[start..start + REACH]
}

/// Whether shared words make up at least half of a name: `满意度` of `受众满意度`, but not
/// `成功率` of `办公文件流转成功率`.
fn covers(words: &str, name: &str) -> bool {
    let name_len = crate::text::compact(name).chars().count().max(1);
    words.chars().count() * 2 >= name_len
}

/// The candidate sharing the most words, if it is the only one that strong and it has the
/// same unit; returned only when its target differs from `q`.
fn best(
    candidates: impl Iterator<Item = (String, String, Quantity)>,
    q: &Quantity,
) -> Option<(String, String, Quantity)> {
    let same_unit = candidates
        .filter(|(_, _, t)| t.unit == q.unit)
        .map(|(words, name, t)| (words, (name, t)));
    let (words, (name, target)) = strongest(same_unit)?;
    (!same_target(q, &target)).then_some((words, name, target))
}

fn shown(q: &Quantity) -> String {
    let bound = match q.bound {
        Bound::AtLeast => "≥",
        Bound::AtMost => "≤",
        _ => "",
    };
    format!("{bound}{}{}", q.text, q.unit)
}

fn report(
    out: &mut Vec<Finding>,
    stated: &Quantity,
    place_zh: &str,
    place_en: &str,
    target: &Quantity,
    name: &str,
    words: &str,
) {
    let span_of = |q: &Quantity| {
        if q.number.is_empty() {
            q.span
        } else {
            Span::new(q.number.start, q.span.end)
        }
    };
    out.push(
        Finding::new("TARGET001")
            .arg("place", Text::new(place_zh, place_en))
            .arg_same("stated", shown(stated))
            .arg_same("indicator", name.to_string())
            .arg_same("target", shown(target))
            .arg_same("words", words.to_string())
            .label(
                span_of(stated),
                Text::new(
                    format!("{place_zh}：{}", shown(stated)),
                    format!("{place_en}: {}", shown(stated)),
                ),
            )
            .label(
                span_of(target),
                Text::new(
                    format!("指标目标：{}", shown(target)),
                    format!("indicator target: {}", shown(target)),
                ),
            ),
    );
}

//! XREF003: two places that state a figure with the same words disagree — a sentence restated
//! in the abstract and the body with different numbers, or a count in the text and the
//! indicator row it names (441 个项目 in the results against 411.00(个) in the 咨询评估 row). The
//! link is made by words, so the finding is a warning and says which words made it.

use super::{claim_figure, disagreement, Figure};
use crate::checks::words::{shared_words, strongest};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::{Num, Precision};
use crate::report::prose::claims::{Claim, ClaimRole, Region};

pub struct SameWords;

impl Check for SameWords {
    fn codes(&self) -> &'static [&'static str] {
        &["XREF003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        restated(cx, out);
        counts_against_indicators(cx, out);
    }
}

/// The same words before a figure in two paragraphs: the same statement, restated.
fn restated(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let others: Vec<&Claim> = cx
        .report
        .claims
        .iter()
        .filter(|c| c.role == ClaimRole::Other && c.lead.chars().count() >= 4)
        .filter(|c| {
            !matches!(
                c.region,
                Region::FormGoal | Region::Cover | Region::Contents
            )
        })
        .collect();
    type Signature = (String, String, Option<i32>, Option<usize>);
    let signature =
        |c: &Claim| -> Signature { (c.lead.clone(), c.quantity.unit.clone(), c.year, c.scope) };
    // The k-th statement of a paragraph pairs with the k-th of another: its place among the
    // claims of its paragraph with its signature, and how many there are.
    let mut per_block: std::collections::HashMap<(usize, Signature), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, c) in others.iter().enumerate() {
        per_block
            .entry((c.block, signature(c)))
            .or_default()
            .push(i);
    }
    let mut occurrence = vec![(0, 0); others.len()];
    for members in per_block.values() {
        for (k, &i) in members.iter().enumerate() {
            occurrence[i] = (k, members.len());
        }
    }
    // Statements with one signature and occurrence, in order; each is held to the first one
    // of another paragraph, so that a statement restated many times costs no more than once
    // per restatement.
    let mut groups: std::collections::HashMap<(Signature, (usize, usize)), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, c) in others.iter().enumerate() {
        groups
            .entry((signature(c), occurrence[i]))
            .or_default()
            .push(i);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in groups.values() {
        let first = members[0];
        for &b in &members[1..] {
            if others[b].block != others[first].block {
                pairs.push((first, b));
            }
        }
    }
    pairs.sort_unstable();
    for (a, b) in pairs {
        let (a, b) = (others[a], others[b]);
        let (fa, fb) = (claim_figure(a), claim_figure(b));
        if fa.agrees(&fb, cx) {
            continue;
        }
        let link = Text::same(a.lead_shown.clone());
        out.push(disagreement(
            "XREF003",
            Text::new("该数", "the figure"),
            &fb,
            &fa,
            link,
            cx,
        ));
    }
}

/// A count in the text (or a form's results) against the 实际完成值 of the indicator it names.
fn counts_against_indicators(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for claim in &cx.report.claims {
        let q = &claim.quantity;
        if claim.role != ClaimRole::Other
            || q.unit.is_empty()
            || q.is_money()
            || q.is_percent()
            || matches!(q.unit.as_str(), "分" | "小时" | "分钟" | "天")
            || matches!(
                claim.region,
                Region::FormGoal | Region::Cover | Region::Contents
            )
        {
            continue;
        }
        let Some(card) = claim.scope.and_then(|s| cx.report.scorecards.get(s)) else {
            continue;
        };
        // The indicator whose name shares the most telling words with the sentence.
        let candidates = card
            .nodes
            .iter()
            .filter(|n| n.children.is_empty())
            .filter_map(|node| {
                let (label, actual) = (node.label.as_ref()?, node.actual.as_ref()?);
                let value = actual.quantity.clone()?;
                if value.unit != q.unit {
                    return None;
                }
                Some((shared_words(&claim.clause, &label.name)?, value))
            });
        let Some((words, value)) = strongest(candidates) else {
            continue;
        };
        let prose = claim_figure(claim);
        let table = Figure {
            num: Num::new(
                value.value,
                Precision::Decimals(value.decimals),
                value.number,
                format!("{}{}", value.text, value.unit),
            ),
            alternative: None,
            place: Text::new("指标表实际完成值", "the indicator's actual value"),
            cell: true,
            factor: rust_decimal::Decimal::ONE,
            unit: value.unit.clone(),
        };
        if prose.agrees(&table, cx) {
            continue;
        }
        let link = Text::new(
            format!("{words}”和单位“{}", q.unit),
            format!("{words}» and the unit «{}", q.unit),
        );
        out.push(disagreement(
            "XREF003",
            Text::new("该数", "the figure"),
            &prose,
            &table,
            link,
            cx,
        ));
    }
}

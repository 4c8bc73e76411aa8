//! One root cause, one finding.
//!
//! When one figure is wrong, every relation it takes part in breaks: a group score in the
//! summary table breaks the group's sum, the 合计 row and the 得分率 of its row. Each broken
//! relation says what every one of its cells would need to be for it to hold. Cells that every
//! member of a set of broken relations shares, with a common needed value, explain them all:
//!
//! - if exactly one cell does, it is the culprit: the findings fold into one that points at it
//!   and says what the other figures imply it should be;
//! - if several do (each leaf of a group explains the group's sum and the grand total equally),
//!   the findings still fold into one, which names no culprit.

use rust_decimal::Decimal;

use crate::diagnostic::{Finding, Implied, Label, Lang, Text};
use crate::document::Span;
use crate::number::{format_decimal, Interval};

/// Fold findings whose arithmetic has a common explanation. Findings keep their order.
pub fn fold(findings: Vec<Finding>) -> Vec<Finding> {
    let mut findings: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    while let Some(group) = best_group(&findings) {
        let culprit = match group.cells.as_slice() {
            [(span, _, point, decimals)] => Some((*span, *point, *decimals)),
            _ => None,
        };
        let lead_index = lead(&findings, &group.members, culprit.map(|(span, _, _)| span));
        let mut lead = findings[lead_index].take().expect("member is present");
        for &i in &group.members {
            if i == lead_index {
                continue;
            }
            let other = findings[i].take().expect("member is present");
            lead.severity = lead.severity.max(other.severity);
            // The other finding's own place; its text ("should be …") assumed the culprit was
            // right, so it is labelled with the check instead.
            if let Some(label) = other.labels.first() {
                lead.push_label(label.span, Text::same(other.code().to_string()));
            }
            let note = Text::new(
                format!("另见 {}：{}", other.code(), other.message(Lang::Zh)),
                format!("also {}: {}", other.code(), other.message(Lang::En)),
            );
            let repeats_lead = other.message(Lang::Zh) == lead.message(Lang::Zh);
            if !repeats_lead && !lead.notes.contains(&note) {
                lead.notes.push(note);
            }
        }
        let n = group.members.len();
        match culprit {
            Some((span, point, decimals)) => {
                let should = format_decimal(point, decimals);
                lead.labels.retain(|l| l.span != span);
                lead.labels.insert(
                    0,
                    Label {
                        span,
                        text: Text::new(format!("应为 {should}"), format!("should be {should}")),
                    },
                );
                lead.notes.push(Text::new(
                    format!("以上 {n} 项核对都指向同一处：该数应为 {should}"),
                    format!("all {n} checks point at the same figure: it should be {should}"),
                ));
            }
            None => {
                for (span, _, _, _) in &group.cells {
                    lead.push_label(*span, Text::default());
                }
                lead.notes.push(Text::new(
                    format!("以上 {n} 项核对由同一处差错引起，但无法确定是哪一项"),
                    format!(
                        "these {n} checks break because of one figure, which cannot be pinned down"
                    ),
                ));
            }
        }
        // The folded finding no longer takes part in further folding.
        lead.constraint = None;
        findings[lead_index] = Some(lead);
    }
    findings.into_iter().flatten().collect()
}

/// The finding that speaks for a group: one that checked the culprit itself (in registry
/// order), else the most specific one (fewest cells involved).
fn lead(findings: &[Option<Finding>], members: &[usize], culprit: Option<Span>) -> usize {
    let constraint = |i: usize| findings[i].as_ref().and_then(|f| f.constraint.as_ref());
    culprit
        .and_then(|span| {
            members
                .iter()
                .copied()
                .find(|&i| constraint(i).is_some_and(|c| c.subject == Some(span)))
        })
        .unwrap_or_else(|| {
            *members
                .iter()
                .min_by_key(|&&i| constraint(i).map_or(usize::MAX, |c| c.cells.len()))
                .expect("groups have members")
        })
}

struct Group {
    /// Indices of the findings explained.
    members: Vec<usize>,
    /// The cells that explain all of them, with the value each would need.
    cells: Vec<(Span, Interval, Decimal, u32)>,
}

/// The largest set (two or more) of findings that some cell explains.
fn best_group(findings: &[Option<Finding>]) -> Option<Group> {
    // For every cell: the findings it takes part in and what each says it would need to be.
    let mut cells: Vec<(Span, Vec<(usize, &Implied)>)> = Vec::new();
    let mut index: std::collections::HashMap<Span, usize> = std::collections::HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        let Some(constraint) = f.as_ref().and_then(|f| f.constraint.as_ref()) else {
            continue;
        };
        for implied in &constraint.cells {
            match index.get(&implied.span) {
                Some(&k) => {
                    let list = &mut cells[k].1;
                    if !list.iter().any(|(j, _)| *j == i) {
                        list.push((i, implied));
                    }
                }
                None => {
                    index.insert(implied.span, cells.len());
                    cells.push((implied.span, vec![(i, implied)]));
                }
            }
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    for (span, list) in cells {
        if list.len() < 2 {
            continue;
        }
        let mut common = Some(list[0].1.value);
        for (_, implied) in &list[1..] {
            common = common.and_then(|c| c.intersect(&implied.value));
        }
        let Some(common) = common else {
            continue;
        };
        // The figure to print: the first exact value that all the intervals allow.
        let point = list
            .iter()
            .map(|(_, implied)| implied.point)
            .find(|p| common.contains(*p))
            .unwrap_or_else(|| common.midpoint());
        let members: Vec<usize> = list.iter().map(|(i, _)| *i).collect();
        let decimals = list
            .iter()
            .map(|(_, implied)| implied.decimals)
            .max()
            .unwrap_or(2);
        match groups.iter_mut().find(|g| g.members == members) {
            Some(g) => g.cells.push((span, common, point, decimals)),
            None => groups.push(Group {
                members,
                cells: vec![(span, common, point, decimals)],
            }),
        }
    }
    // Most findings explained first; among equals, a single culprit before an ambiguous group,
    // then the earliest.
    groups.into_iter().max_by(|a, b| {
        a.members
            .len()
            .cmp(&b.members.len())
            .then((a.cells.len() == 1).cmp(&(b.cells.len() == 1)))
            .then(b.cells[0].0.start.cmp(&a.cells[0].0.start))
    })
}

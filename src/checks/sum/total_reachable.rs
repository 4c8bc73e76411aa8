//! SUM007: a stated total the scores cannot reach. When a score cell is missing (SCORE002) the
//! sum above it is unknown, but not unbounded: the known scores plus the full marks of the
//! indicators without one are the most it can be, and the known scores the least.

use rust_decimal::Decimal;

use crate::checks::arith::possible;
use crate::checks::tree::{children_rep, node_name, origin_name, pick, Measure, Rep};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::document::Span;
use crate::number::{format_decimal, Interval, Num};
use crate::profile::RoundingPolicy;
use crate::report::{NodeId, Origin, Scorecard};

pub struct TotalReachable;

impl Check for TotalReachable {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM007"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let policy = cx.profile.rounding;
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                let mut stated: Vec<(&Num, Origin)> = node
                    .score
                    .iter()
                    .filter(|s| matches!(s.origin, Origin::Detail | Origin::Summary))
                    .map(|s| (&s.num, s.origin))
                    .collect();
                if id == 0 {
                    stated.extend(card.prose_totals.iter().map(|t| (t, Origin::Prose)));
                }
                for (total, origin) in stated {
                    let prefer = (origin != Origin::Prose).then_some(origin);
                    if !matches!(
                        children_rep(card, id, Measure::Score, prefer, None),
                        Rep::Missing(_)
                    ) {
                        continue;
                    }
                    let Some(reach) = reach(card, id, policy) else {
                        continue;
                    };
                    let range = possible(total, policy);
                    if range.overlaps(&reach.range) {
                        continue;
                    }
                    out.push(finding(
                        card,
                        id,
                        total,
                        origin,
                        &reach,
                        range.lo > reach.range.hi,
                    ));
                }
            }
        }
    }
}

/// What the indicators below a node can add up to.
struct Reach {
    range: Interval,
    /// The scores stated below it.
    known: Vec<Num>,
    /// The full marks of the indicators without a score, and where their score belongs.
    open: Vec<(Num, Span)>,
}

fn reach(card: &Scorecard, id: NodeId, policy: RoundingPolicy) -> Option<Reach> {
    let mut r = Reach {
        range: Interval::exact(Decimal::ZERO),
        known: Vec::new(),
        open: Vec::new(),
    };
    for &child in &card.nodes[id].children {
        add(card, child, policy, &mut r)?;
    }
    Some(r)
}

fn add(card: &Scorecard, id: NodeId, policy: RoundingPolicy, r: &mut Reach) -> Option<()> {
    let node = &card.nodes[id];
    // A row that could not be read has no known bounds.
    if node.unread {
        return None;
    }
    if let Some(s) = pick(&node.score, Some(Origin::Detail)) {
        r.range = r.range.add(&possible(&s.num, policy));
        r.known.push(s.num.clone());
        return Some(());
    }
    if let Some(missing) = node.missing_score {
        let full = pick(&node.full, Some(Origin::Detail))?;
        r.range = r.range.add(&Interval::new(
            Decimal::ZERO,
            full.num.value.max(Decimal::ZERO),
        ));
        r.open.push((full.num.clone(), missing.at));
        return Some(());
    }
    for &child in &node.children {
        add(card, child, policy, r)?;
    }
    Some(())
}

fn finding(
    card: &Scorecard,
    id: NodeId,
    total: &Num,
    origin: Origin,
    reach: &Reach,
    above: bool,
) -> Finding {
    let decimals = reach
        .known
        .iter()
        .chain(std::iter::once(total))
        .map(Num::display_decimals)
        .max()
        .unwrap_or(2);
    let known_sum: Decimal = crate::number::total(reach.known.iter().map(|n| n.value));
    let open_sum: Decimal = crate::number::total(reach.open.iter().map(|(n, _)| n.value));
    let join = |nums: &mut dyn Iterator<Item = &Num>| {
        nums.map(|n| n.text.clone()).collect::<Vec<_>>().join(" + ")
    };
    let known_text = join(&mut reach.known.iter());
    let open_text = join(&mut reach.open.iter().map(|(n, _)| n));
    let (bound_zh, bound_en, limit) = if above {
        ("最多", "at most", known_sum + open_sum)
    } else {
        ("至少", "at least", known_sum)
    };
    let limit = format_decimal(limit, decimals);
    let arithmetic = Text::new(
        format!(
            "已填得分 {known_text} = {}；未填得分的指标满分 {open_text} = {}；合计{bound_zh} {limit}",
            format_decimal(known_sum, decimals),
            format_decimal(open_sum, decimals)
        ),
        format!(
            "scores given {known_text} = {}; full marks of the indicators without a score {open_text} = {}; so {bound_en} {limit}",
            format_decimal(known_sum, decimals),
            format_decimal(open_sum, decimals)
        ),
    );
    let mut f = Finding::new("SUM007")
        .arg("node", node_name(card, id))
        .arg_same("stated", total.text.clone())
        .arg("source", origin_name(origin))
        .arg("bound", Text::new(bound_zh, bound_en))
        .arg_same("limit", limit)
        .arg("arithmetic", arithmetic)
        .label(
            total.span,
            Text::new(
                format!("得分 {}", total.text),
                format!("score {}", total.text),
            ),
        );
    for (_, at) in &reach.open {
        f = f.label(*at, Text::new("未填得分", "no score"));
    }
    f
}

//! Reading an indicator tree level by level: which figure stands for each node, and which
//! relations between a node and its children can be checked.
//!
//! A node's figure is the one stated for it (its row, the summary table, a weight in its name),
//! or else the sum of its children's figures. A node whose score cell is lost makes every sum
//! above it unknown rather than wrong; those sums are skipped and the lost cell is reported once
//! (SCORE002) with the value the nearest stated total implies.

use crate::report::{Node, NodeId, Origin, Scorecard, Stated};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Full,
    Score,
}

pub fn stated(node: &Node, measure: Measure) -> &[Stated] {
    match measure {
        Measure::Full => &node.full,
        Measure::Score => &node.score,
    }
}

/// Which stated value stands for a node when the caller has no preference: a table row before
/// a weight in a name before the summary table before prose.
const PRIORITY: [Origin; 5] = [
    Origin::Detail,
    Origin::FundBlock,
    Origin::NameWeight,
    Origin::Summary,
    Origin::Prose,
];

pub fn pick(values: &[Stated], prefer: Option<Origin>) -> Option<&Stated> {
    prefer
        .and_then(|o| values.iter().find(|v| v.origin == o))
        .or_else(|| {
            PRIORITY
                .iter()
                .find_map(|o| values.iter().find(|v| v.origin == *o))
        })
}

/// The full marks and the score a node's own row prints, preferring them to figures stated for
/// it elsewhere: what rules about one row (its targets, its formula) judge.
pub fn row_figures(node: &Node) -> Option<(&Stated, &Stated)> {
    Some((
        pick(&node.full, Some(Origin::Detail))?,
        pick(&node.score, Some(Origin::Detail))?,
    ))
}

/// What a node's figure is made of.
#[derive(Debug, Clone)]
pub enum Rep<'c> {
    /// These stated values add up to it.
    Known(Vec<&'c Stated>),
    /// It depends on lost cells (these nodes').
    Missing(Vec<NodeId>),
    /// Nothing stated at or below it (a placeholder row).
    Empty,
}

/// The figure of node `id`, treating `exclude` as absent.
pub fn rep<'c>(
    card: &'c Scorecard,
    id: NodeId,
    measure: Measure,
    prefer: Option<Origin>,
    exclude: Option<NodeId>,
) -> Rep<'c> {
    if Some(id) == exclude {
        return Rep::Empty;
    }
    let node = &card.nodes[id];
    if node.unread {
        return Rep::Missing(vec![id]);
    }
    let values = stated(node, measure);
    // A figure from a table row is compared with figures of the same table: where that table
    // has no row for a group, its children stand for it (the detailed 合计 row is the sum of
    // the detailed rows, not of the summary table's).
    let same_table = matches!(prefer, Some(Origin::Detail | Origin::NameWeight));
    let own = match prefer {
        Some(o) if same_table => values.iter().find(|v| v.origin == o),
        _ => pick(values, prefer),
    };
    if let Some(v) = own {
        return Rep::Known(vec![v]);
    }
    let lost = match measure {
        Measure::Score => node.missing_score.is_some(),
        Measure::Full => node.missing_full.is_some(),
    };
    if lost {
        return Rep::Missing(vec![id]);
    }
    match children_rep(card, id, measure, prefer, exclude) {
        Rep::Empty if same_table => pick(values, None).map_or(Rep::Empty, |v| Rep::Known(vec![v])),
        other => other,
    }
}

/// The sum of a node's children's figures.
pub fn children_rep<'c>(
    card: &'c Scorecard,
    id: NodeId,
    measure: Measure,
    prefer: Option<Origin>,
    exclude: Option<NodeId>,
) -> Rep<'c> {
    let mut known = Vec::new();
    let mut missing = Vec::new();
    for &child in &card.nodes[id].children {
        match rep(card, child, measure, prefer, exclude) {
            Rep::Known(v) => known.extend(v),
            Rep::Missing(m) => missing.extend(m),
            Rep::Empty => {}
        }
    }
    if !missing.is_empty() {
        Rep::Missing(missing)
    } else if known.is_empty() {
        Rep::Empty
    } else {
        Rep::Known(known)
    }
}

/// A stated value of a node and the children's figures it should equal.
pub struct LevelSum<'c> {
    pub node: NodeId,
    pub stated: &'c Stated,
    pub parts: Vec<&'c Stated>,
}

/// Every checkable "parent = sum of children" relation of a scorecard for one measure.
///
/// A stated figure is compared with its children as its own table gives them, and also with
/// the figures that stand for the children anywhere (a detailed 合计 row with the detailed rows,
/// and with the summary table's group rows): a lost cell in one table then does not hide a
/// wrong total, and one wrong cell breaking both is folded into one finding by the blame pass.
pub fn level_sums(card: &Scorecard, measure: Measure) -> Vec<LevelSum<'_>> {
    let mut out = Vec::new();
    for (id, node) in card.nodes.iter().enumerate() {
        if node.children.is_empty() {
            continue;
        }
        for value in stated(node, measure) {
            let mut seen: Vec<Vec<crate::document::Span>> = Vec::new();
            for prefer in [Some(value.origin), None] {
                if let Rep::Known(parts) = children_rep(card, id, measure, prefer, None) {
                    let spans: Vec<_> = parts.iter().map(|p| p.num.span).collect();
                    if seen.contains(&spans) {
                        continue;
                    }
                    seen.push(spans);
                    out.push(LevelSum {
                        node: id,
                        stated: value,
                        parts,
                    });
                }
            }
        }
    }
    out
}

/// Pairs of values stated for the same leaf in different places (its row and the summary
/// table; its row and the weight in its name): the first is the one that stands for the node.
pub fn leaf_pairs(card: &Scorecard, measure: Measure) -> Vec<(NodeId, &Stated, &Stated)> {
    let mut out = Vec::new();
    for (id, node) in card.nodes.iter().enumerate() {
        let has_children_values =
            !matches!(children_rep(card, id, measure, None, None), Rep::Empty);
        if has_children_values {
            continue;
        }
        let values = stated(node, measure);
        let Some(main) = pick(values, None) else {
            continue;
        };
        for other in values {
            if !std::ptr::eq(other, main) {
                out.push((id, main, other));
            }
        }
    }
    out
}

/// The first-level indicator a group's name names: by equal name (with or without a trailing
/// 指标 / 类指标), else by a name containing the other (项目决策 / 决策) when only one does; the
/// execution-rate item for any name of it (预算资金执行率, 资金执行率).
pub fn first_level_named(card: &Scorecard, group: &str) -> Option<NodeId> {
    let bare = |s: &str| {
        let c = crate::text::compact(s);
        c.trim_end_matches("指标")
            .trim_end_matches('类')
            .to_string()
    };
    let name = bare(group);
    let first_level = &card.root().children;
    if name.ends_with("执行率") {
        let exec: Vec<&NodeId> = first_level
            .iter()
            .filter(|id| card.nodes[**id].kind == crate::report::NodeKind::ExecutionRate)
            .collect();
        return (exec.len() == 1).then(|| *exec[0]);
    }
    let label = |id: &NodeId| {
        card.nodes[*id]
            .label
            .as_ref()
            .map(|l| bare(&l.name))
            .unwrap_or_default()
    };
    if let Some(id) = first_level.iter().find(|id| label(id) == name) {
        return Some(*id);
    }
    let containing: Vec<&NodeId> = first_level
        .iter()
        .filter(|id| {
            let l = label(id);
            l.chars().count() >= 2 && (l.contains(&name) || name.contains(&l))
        })
        .collect();
    (containing.len() == 1).then(|| *containing[0])
}

/// A node's name for messages: `B12 预算编制情况`, or 合计 / the total for the root.
pub fn node_name(card: &Scorecard, id: NodeId) -> crate::diagnostic::Text {
    let node = &card.nodes[id];
    match node.kind {
        crate::report::NodeKind::Root if node.label.is_none() => {
            crate::diagnostic::Text::new("合计", "the total")
        }
        _ => crate::diagnostic::Text::same(node.title()),
    }
}

/// Where a value was stated, for messages.
pub fn origin_name(origin: Origin) -> crate::diagnostic::Text {
    use crate::diagnostic::Text;
    match origin {
        Origin::Detail => Text::new("评分表", "the score table"),
        Origin::Summary => Text::new("得分汇总表", "the score summary table"),
        Origin::NameWeight => Text::new("指标名称中的权重", "the weight in the indicator name"),
        Origin::FundBlock => Text::new("资金执行情况栏", "the fund block"),
        Origin::Prose => Text::new("正文", "the text"),
    }
}

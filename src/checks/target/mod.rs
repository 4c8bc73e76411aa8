//! TARGET: targets set in one place and another, and points given against targets met.

pub mod deviation;
pub mod goal_vs_table;
pub mod met_vs_points;
pub mod over_hundred;
pub mod set_too_low;

use crate::report::prose::scan::{Bound, Quantity};
use crate::report::{CellText, Node};

/// The figure of a target or actual cell.
pub fn quantity_of(cell: &CellText) -> Option<Quantity> {
    cell.quantity.clone()
}

/// Whether two statements of a target set the same one: the same value, and bounds that do
/// not contradict (`85%以上` and `85%` are the same target; `≥85%` and `≥90%` are not).
pub fn same_target(a: &Quantity, b: &Quantity) -> bool {
    if a.unit != b.unit {
        return true; // not comparable: say nothing
    }
    let compatible = matches!(
        (a.bound, b.bound),
        (Bound::Exact | Bound::AtLeast, Bound::Exact | Bound::AtLeast)
            | (Bound::Exact | Bound::AtMost, Bound::Exact | Bound::AtMost)
    );
    !compatible || a.value == b.value
}

/// Whether an actual value misses its target, by the target's direction: a ≥ target by a lower
/// value, a ≤ target by a higher one, a target written `=` by any other. A bare target says no
/// direction, except 100% (nothing above it) and 0 (nothing below it). `None` when the two
/// cannot be compared (no figure, other units, an approximate or undirected target).
pub fn missed(target: &CellText, actual: &CellText) -> Option<bool> {
    let (t, a) = (target.quantity.as_ref()?, actual.quantity.as_ref()?);
    if t.unit != a.unit || a.bound != Bound::Exact {
        return None;
    }
    match t.bound {
        Bound::AtLeast => Some(a.value < t.value),
        Bound::AtMost => Some(a.value > t.value),
        Bound::Exact if target.equals => Some(a.value != t.value),
        Bound::Exact if t.unit == "%" && t.value == rust_decimal::Decimal::ONE_HUNDRED => {
            Some(a.value < t.value)
        }
        Bound::Exact if t.value.is_zero() => Some(a.value > t.value),
        Bound::Exact | Bound::About | Bound::Over => None,
    }
}

/// Words naming a share of a whole, which cannot pass 100%.
const BOUNDED_RATES: &[&str] = &[
    "满意度",
    "满意率",
    "合格率",
    "知晓率",
    "达标率",
    "覆盖率",
    "完好率",
    "准确率",
    "正确率",
    "通过率",
    "及格率",
    "优良率",
    "回收率",
    "到位率",
    "入学率",
];

/// The word that makes a node's actual value impossible: a share of a whole (满意度, 合格率…)
/// printed above 100%.
pub fn impossible_actual(node: &Node) -> Option<&'static str> {
    let (label, actual) = (node.label.as_ref()?, node.actual.as_ref()?);
    let q = actual.quantity.as_ref().filter(|q| q.is_percent())?;
    if q.value <= rust_decimal::Decimal::ONE_HUNDRED {
        return None;
    }
    let name = crate::text::compact(&label.name);
    BOUNDED_RATES.iter().copied().find(|w| name.contains(w))
}

/// The leaves of a scorecard that have a target cell with a figure in it.
pub fn targets(nodes: &[Node]) -> impl Iterator<Item = (&Node, Quantity)> {
    nodes.iter().filter_map(|n| {
        let q = n.target.as_ref().and_then(quantity_of)?;
        Some((n, q))
    })
}

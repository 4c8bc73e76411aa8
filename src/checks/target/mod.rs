//! TARGET: targets set in one place and another, and points given against targets met.

pub mod deviation;
pub mod goal_vs_table;
pub mod met_vs_points;

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

/// The leaves of a scorecard that have a target cell with a figure in it.
pub fn targets(nodes: &[Node]) -> impl Iterator<Item = (&Node, Quantity)> {
    nodes.iter().filter_map(|n| {
        let q = n.target.as_ref().and_then(quantity_of)?;
        Some((n, q))
    })
}

//! Putting the cells of a damaged row back under their header columns.
//!
//! Extraction from PDF loses empty cells of merged ranges and shifts the rest left
//! (`B32 实施管理执行情况⇥⇥8⇥6.5⇥`), adds a leading empty cell (`⇥⇥⇥C1.2 …⇥C1.2.1 …⇥5`), or
//! squeezes a total row (`⇥总分⇥100.00⇥99.96⇥`). Values are found by shape rather than by
//! position: the row is matched against the header at every shift, and the shift that puts the
//! most values under value columns, and the fewest words under them, wins; ties go to the
//! smallest shift.

use super::columns::Role;
use crate::document::{Cell, Row};
use crate::number::{parse_number, Printed, Unit};
use crate::text::is_placeholder;

/// What a cell holds, read as the column it sits under.
#[derive(Debug, Clone, Copy)]
pub enum Value<'r> {
    Number(Printed, &'r Cell),
    /// `-`, `/`, `—`: the form says there is no value here.
    Placeholder(&'r Cell),
    /// No cell, or an empty one.
    Missing(Option<&'r Cell>),
    /// Words where a value belongs.
    Text(&'r Cell),
}

/// Read `cell` as a value of a column with `role`.
pub fn value_of(role: Role, cell: Option<&Cell>) -> Value<'_> {
    let Some(cell) = cell else {
        return Value::Missing(None);
    };
    if cell.is_empty() {
        return Value::Missing(Some(cell));
    }
    if is_placeholder(&cell.text) {
        return Value::Placeholder(cell);
    }
    match parse_number(&cell.text) {
        Some(p) if fits(role, &p) => Value::Number(p, cell),
        _ => Value::Text(cell),
    }
}

/// Whether a printed number can be a value of a column with this role: a score is not a
/// percentage, an amount is not a score.
fn fits(role: Role, p: &Printed) -> bool {
    match role {
        // A 分值 is points; a 权重 column may print its weights as shares of the total (`10%`).
        Role::FullMarks => !p.percent && matches!(p.unit, None | Some(Unit::Points)),
        Role::Weight => matches!(p.unit, None | Some(Unit::Points)),
        Role::Score => !p.percent && matches!(p.unit, None | Some(Unit::Points)),
        Role::ScoreRate | Role::ExecutionRate | Role::Rate => p.unit.is_none(),
        Role::InitialBudget | Role::Budget | Role::Spent | Role::Amount => {
            !p.percent && p.unit != Some(Unit::Points)
        }
        Role::Count => !p.percent && p.unit.is_none(),
        Role::Coefficient => !p.percent && p.unit.is_none(),
        _ => false,
    }
}

/// The cell of `row` under header column `col` when the row is shifted by `shift`.
pub fn cell_at(row: &Row, col: usize, shift: isize) -> Option<&Cell> {
    let index = col as isize + shift;
    if index < 0 {
        return None;
    }
    row.cell(index as usize)
}

/// The shift that best puts the row's values under the header's value columns.
pub fn best_shift(roles: &[Role], row: &Row) -> isize {
    let value_cols: Vec<(usize, Role)> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_value())
        .map(|(i, r)| (i, *r))
        .collect();
    if value_cols.is_empty() {
        return 0;
    }
    // Target and actual columns hold text or numbers (`≥95%`, `达成`, `120`): a number there
    // is where it belongs, so a row whose 分值 cell is empty is not shifted to put its targets
    // under 分值 and 得分.
    let figure_cols: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Role::Target | Role::Actual))
        .map(|(i, _)| i)
        .collect();
    // Each cell is read once; every shift then looks its cells up.
    let cells: Vec<Shape> = row.cells.iter().map(Shape::of).collect();
    let at = |col: usize, shift: isize| {
        let index = col as isize + shift;
        (index >= 0)
            .then(|| cells.get(index as usize))
            .flatten()
            .unwrap_or(&Shape::Empty)
    };
    let n = row.cells.len() as isize;
    let m = roles.len() as isize;
    let mut best: Option<((usize, usize, isize), isize)> = None;
    for shift in -m..=n {
        // A number under a value column is the strongest sign the row sits right; a figure
        // under a target column half as strong; a placeholder (`—`, `无`, which a 偏差原因
        // cell may also say) weakest.
        let mut weight = 0usize;
        let mut conflicts = 0usize;
        for &(col, role) in &value_cols {
            match at(col, shift) {
                Shape::Number(p) if fits(role, p) => weight += 4,
                Shape::Placeholder => weight += 1,
                Shape::Number(_) | Shape::Text => conflicts += 1,
                Shape::Empty => {}
            }
        }
        if weight == 0 {
            continue;
        }
        for &col in &figure_cols {
            if matches!(at(col, shift), Shape::Number(_)) {
                weight += 2;
            }
        }
        // Higher is better: more values, fewer words under value columns, smaller shift.
        let key = (weight, usize::MAX - conflicts, -shift.abs());
        if best.is_none_or(|(k, _)| key > k) {
            best = Some((key, shift));
        }
    }
    best.map_or(0, |(_, s)| s)
}

/// What a cell holds, before it is read as any column.
enum Shape {
    Empty,
    Placeholder,
    Number(Printed),
    Text,
}

impl Shape {
    fn of(cell: &Cell) -> Shape {
        if cell.is_empty() {
            Shape::Empty
        } else if is_placeholder(&cell.text) {
            Shape::Placeholder
        } else {
            parse_number(&cell.text).map_or(Shape::Text, Shape::Number)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    fn row(cells: &[&str]) -> Row {
        Row {
            cells: cells
                .iter()
                .map(|t| Cell::verbatim(t.to_string(), Span::default()))
                .collect(),
            span: Span::default(),
        }
    }

    const DETAIL: [Role; 5] = [
        Role::Level(1),
        Role::Level(2),
        Role::Level(3),
        Role::FullMarks,
        Role::Score,
    ];

    #[test]
    fn regular_row_needs_no_shift() {
        assert_eq!(
            best_shift(&DETAIL, &row(&["", "", "A12 立项", "2", "2"])),
            0
        );
    }

    #[test]
    fn cells_shifted_left() {
        assert_eq!(
            best_shift(&DETAIL, &row(&["B32 实施管理执行情况", "", "8", "6.5", ""])),
            -1
        );
    }

    #[test]
    fn leading_empty_cell_and_lost_score() {
        let roles = [
            Role::Level(1),
            Role::Level(2),
            Role::Level(3),
            Role::Level(4),
            Role::FullMarks,
            Role::Score,
        ];
        let r = row(&[
            "",
            "",
            "",
            "C1.2 质量目标 10%",
            "C1.2.1 故障重复发生率",
            "5",
        ]);
        assert_eq!(best_shift(&roles, &r), 1);
    }

    #[test]
    fn lost_score_in_a_regular_row_stays_put() {
        assert_eq!(best_shift(&DETAIL, &row(&["", "", "A12 立项", "2", ""])), 0);
        assert_eq!(best_shift(&DETAIL, &row(&["", "", "A12 立项", "", "2"])), 0);
    }

    #[test]
    fn squeezed_total_row() {
        let roles = [
            Role::Level(1),
            Role::Level(2),
            Role::Level(3),
            Role::Target,
            Role::Actual,
            Role::FullMarks,
            Role::Score,
            Role::Deviation,
        ];
        assert_eq!(
            best_shift(&roles, &row(&["", "总分", "100.00", "99.96", ""])),
            -3
        );
    }

    #[test]
    fn percentages_are_not_scores() {
        let cell = Cell::verbatim("100%", Span::default());
        assert!(matches!(value_of(Role::Score, Some(&cell)), Value::Text(_)));
        assert!(matches!(
            value_of(Role::ScoreRate, Some(&cell)),
            Value::Number(..)
        ));
    }
}

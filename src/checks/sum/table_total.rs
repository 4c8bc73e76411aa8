//! SUM001: a 合计/小计 row of a budget or other amount table against the rows it totals, per
//! column.

use crate::checks::arith::check_sum;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::Num;
use crate::report::{AmountTable, AmountTableKind, RowKind};

pub struct TableTotals;

impl Check for TableTotals {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for table in &cx.report.amount_tables {
            if table.kind != AmountTableKind::Table {
                continue;
            }
            for (col, column) in table.columns.iter().enumerate() {
                if !column.role.is_summable() {
                    continue;
                }
                for total in column_totals(table, col) {
                    let Some(v) = check_sum(&total.parts, total.stated, cx.profile.rounding) else {
                        continue;
                    };
                    let mut f = Finding::new("SUM001")
                        .arg_same("row", total.label.to_string())
                        .arg_same("column", column.header.clone())
                        .arg_same("stated", total.stated.text.clone())
                        .arg_same("computed", v.computed_text())
                        .arg_same("diff", v.diff_text())
                        .arg_same("arithmetic", v.arithmetic.clone())
                        .arg_same("tolerance", v.tolerance_text())
                        .label(
                            total.stated.span,
                            Text::new(
                                format!("{} {}", total.label, total.stated.text),
                                format!("{} {}", total.label, total.stated.text),
                            ),
                        )
                        .constraint(v.constraint);
                    for part in &total.parts {
                        f = f.label(part.span, Text::default());
                    }
                    out.push(f);
                }
            }
        }
    }
}

/// A stated total of one column and the values it should be the sum of.
pub struct ColumnTotal<'t> {
    pub label: &'t str,
    pub stated: &'t Num,
    pub parts: Vec<&'t Num>,
}

/// What a row contributes to a column total.
enum Contribution<'t> {
    /// These printed values add up to it.
    Values(Vec<&'t Num>),
    /// A cell it depends on is empty while other rows fill the column.
    Lost,
    Nothing,
}

/// An item row's contribution: its own value, else the sum of its outline items.
fn contribution<'t>(table: &'t AmountTable, row: usize, col: usize) -> Contribution<'t> {
    let r = &table.rows[row];
    if let Some(v) = &r.values[col] {
        return Contribution::Values(vec![v]);
    }
    let items = outline_items(table, row);
    if items.is_empty() {
        return if r.missing.contains(&col) {
            Contribution::Lost
        } else {
            Contribution::Nothing
        };
    }
    let mut values = Vec::new();
    for &item in items {
        match contribution(table, item, col) {
            Contribution::Values(v) => values.extend(v),
            Contribution::Lost => return Contribution::Lost,
            Contribution::Nothing => {}
        }
    }
    if values.is_empty() {
        Contribution::Nothing
    } else {
        Contribution::Values(values)
    }
}

/// The numbered items of an outline group (`1、服务器` under `一、设备购置`).
pub fn outline_items(table: &AmountTable, row: usize) -> &[usize] {
    &table.rows[row].items
}

/// The checkable totals of a column:
///
/// - each outline group row (`一、设备购置 50`) over its numbered items;
/// - each 小计 over the top-level rows since the previous one;
/// - each 合计 over the 小计 rows (and any rows after the last), else over the top-level rows.
///
/// 其中 rows are parts of the row above them and never of a total. A total over a row whose
/// cell is empty is skipped: the lost cell is the defect, not the total.
pub fn column_totals(table: &AmountTable, col: usize) -> Vec<ColumnTotal<'_>> {
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let (Some(stated), false) = (&row.values[col], outline_items(table, i).is_empty()) else {
            continue;
        };
        let mut parts = Vec::new();
        let mut lost = false;
        for &item in outline_items(table, i) {
            match contribution(table, item, col) {
                Contribution::Values(v) => parts.extend(v),
                Contribution::Lost => lost = true,
                Contribution::Nothing => {}
            }
        }
        if !parts.is_empty() && !lost {
            out.push(ColumnTotal {
                label: &row.label,
                stated,
                parts,
            });
        }
    }

    let mut items: Vec<&Num> = Vec::new();
    let mut group_start = 0;
    let mut subtotals: Vec<&Num> = Vec::new();
    let mut lost = false;
    let mut lost_in_group = false;
    for (i, row) in table.rows.iter().enumerate() {
        match row.kind {
            RowKind::Part => {}
            RowKind::Item if row.parent.is_some() => {}
            RowKind::Item => match contribution(table, i, col) {
                Contribution::Values(v) => items.extend(v),
                Contribution::Lost => {
                    lost = true;
                    lost_in_group = true;
                }
                Contribution::Nothing => {}
            },
            RowKind::Subtotal => {
                if let Some(stated) = &row.values[col] {
                    let group = &items[group_start..];
                    if !group.is_empty() && !lost_in_group {
                        out.push(ColumnTotal {
                            label: &row.label,
                            stated,
                            parts: group.to_vec(),
                        });
                    }
                    subtotals.push(stated);
                }
                group_start = items.len();
                lost_in_group = false;
            }
            RowKind::Total => {
                if let Some(stated) = &row.values[col] {
                    let (parts, uncertain) = if subtotals.is_empty() {
                        (items.clone(), lost)
                    } else {
                        let mut parts = subtotals.clone();
                        parts.extend_from_slice(&items[group_start..]);
                        (parts, lost_in_group)
                    };
                    if !parts.is_empty() && !uncertain {
                        out.push(ColumnTotal {
                            label: &row.label,
                            stated,
                            parts,
                        });
                    }
                }
                items.clear();
                subtotals.clear();
                group_start = 0;
                lost = false;
                lost_in_group = false;
            }
        }
    }
    out
}

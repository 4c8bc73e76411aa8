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

/// The checkable totals of a column: each 小计 over the item rows since the previous one, and
/// each 合计 over the 小计 rows (and any items after the last), else over the item rows. 其中
/// rows are parts of the row above them and never of a total. A total over a row whose cell is
/// empty is skipped: the lost cell is the defect, not the total.
pub fn column_totals(table: &AmountTable, col: usize) -> Vec<ColumnTotal<'_>> {
    let mut out = Vec::new();
    let mut items: Vec<&Num> = Vec::new();
    let mut group_start = 0;
    let mut subtotals: Vec<&Num> = Vec::new();
    let mut lost = false;
    let mut lost_in_group = false;
    for row in &table.rows {
        match row.kind {
            RowKind::Part => {}
            RowKind::Item => match &row.values[col] {
                Some(v) => items.push(v),
                None if row.missing.contains(&col) => {
                    lost = true;
                    lost_in_group = true;
                }
                None => {}
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

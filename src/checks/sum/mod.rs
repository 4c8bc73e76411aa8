//! SUM: totals that do not add up.

pub mod fund_total;
mod prose_parts;
pub mod prose_parts_exceed;
pub mod prose_parts_readings;
pub mod prose_parts_short;
pub mod summary_detail;
pub mod table_total;
pub mod total_reachable;
pub mod tree_levels;

use crate::checks::arith::check_sum;
use crate::number::Num;
use crate::profile::RoundingPolicy;
use crate::report::{AmountTable, AmountTableKind, RowKind};

/// Whether the total row's value in column `col` is contradicted by the rows it adds up (a
/// 合计 against its rows, a 年度资金总额 against its 其中 rows): then that figure is in doubt,
/// and other relations should not take it on trust.
pub fn total_in_doubt(table: &AmountTable, col: usize, policy: RoundingPolicy) -> bool {
    let Some(total) = table.rows.iter().find(|r| r.kind == RowKind::Total) else {
        return false;
    };
    let Some(stated) = &total.values[col] else {
        return false;
    };
    match table.kind {
        AmountTableKind::Table => table_total::column_totals(table, col)
            .iter()
            .filter(|t| std::ptr::eq(t.stated, stated))
            .any(|t| check_sum(&t.parts, t.stated, policy).is_some()),
        AmountTableKind::FundBlock => {
            let parts: Vec<&Num> = fund_total::fund_parts(table, col);
            !parts.is_empty() && check_sum(&parts, stated, policy).is_some()
        }
    }
}

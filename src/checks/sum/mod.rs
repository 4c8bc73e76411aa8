//! SUM: totals that do not add up.

pub mod fund_total;
pub mod summary_detail;
pub mod table_total;
pub mod tree_levels;

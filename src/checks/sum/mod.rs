//! SUM: totals that do not add up.

pub mod fund_total;
mod prose_parts;
pub mod prose_parts_exceed;
pub mod prose_parts_short;
pub mod summary_detail;
pub mod table_total;
pub mod tree_levels;

//! WEIGHT: full marks and weights that do not add up.

pub mod declared;
pub mod stated;
pub mod summary_detail;
pub mod total;

//! Figures stated in prose: quantities with their units and bounds, dates, and the claims
//! they make (a budget, a total score, a group's score, a count, a target).

pub mod claims;
pub mod date;
pub mod lists;
pub mod reach;
pub mod scan;
pub mod statements;
pub mod weights;

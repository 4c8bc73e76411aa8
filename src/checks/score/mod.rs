//! SCORE: scores outside their range, and scores that are missing.

pub mod missing;
pub mod range;

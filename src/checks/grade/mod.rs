//! GRADE: grades that do not match the total.

pub mod band;

//! CODE: indicator codes.

pub mod duplicate;
pub mod prefix;

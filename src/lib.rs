//! jxlint: a consistency linter for Chinese fiscal performance evaluation reports
//! (财政项目支出绩效评价报告) and self-evaluation forms (绩效自评表).
//!
//! Data flows one way (see `docs/architecture.md`):
//!
//! 1. [`read`] a file's bytes — text and Markdown [`decode`]d first; Word, spreadsheets and web
//!    pages rendered as a text view — into a [`source::SourceFile`] (the text, its positions and
//!    the places in the original file) and a format-neutral [`document::Document`];
//! 2. fold traditional characters and look-alike symbols for matching;
//! 3. [`report::recognise`] its parts: indicator trees, summaries, budget and fund tables,
//!    self-evaluation forms, totals and grades in prose;
//! 4. run the [`checks`] against a standard [`profile`], folding findings that share a cause;
//! 5. [`render`] the [`diagnostic::Finding`]s.

pub mod baseline;
pub mod batch;
pub mod catalog;
pub mod checks;
pub mod cli;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod document;
pub mod lint;
pub mod number;
pub mod profile;
pub mod progress;
pub mod read;
pub mod render;
pub mod report;
pub mod source;
pub mod suppress;
pub mod text;
pub mod walk;

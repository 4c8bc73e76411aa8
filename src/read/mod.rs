//! Readers: from a decoded file to a [`Document`].
//!
//! A reader knows the file format and nothing about reports; it never judges. The only repair
//! it does is structural: joining table rows that PDF extraction split over two lines, so that
//! a cell is one cell again.

mod lines;

use std::path::Path;

use crate::document::Document;
use crate::source::SourceFile;

/// The input formats jxlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, typically extracted from PDF: tab-separated table rows.
    Text,
    /// Markdown: `#` headings, pipe tables (tab-separated rows are accepted too).
    Markdown,
}

impl Format {
    /// The format of a file by its extension; `None` for files jxlint does not read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// Build the document for a source file.
pub fn read(source: &SourceFile, format: Format) -> Document {
    lines::read_lines(source.text(), format)
}

/// The first table of a plain-text snippet, for tests of the stages above the reader.
#[cfg(test)]
pub(crate) fn first_table(text: &str) -> crate::document::Table {
    let source = SourceFile::new("t.txt", text.to_string(), "UTF-8");
    read(&source, Format::Text)
        .blocks
        .into_iter()
        .find_map(|b| match b {
            crate::document::Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("the snippet has a table")
}

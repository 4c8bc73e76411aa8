//! A decoded input file and the mapping from byte offsets to lines and columns.
//!
//! Everything above the reader refers to places in a file by [`Span`]s, which are byte ranges in
//! the decoded text. Only the renderers turn them into line/column pairs, so the mapping lives
//! here, next to the text it describes.

use std::path::{Path, PathBuf};

use crate::document::{Place, Places, Span};

/// The decoded text of one input file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    /// Byte offset of the first character of every line.
    line_starts: Vec<usize>,
    encoding: &'static str,
    /// For a text view rendered from Word, a spreadsheet or a web page: where each span came
    /// from. Empty for text files, whose places are their lines.
    places: Places,
}

/// A 1-based line and a 1-based column counted in characters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String, encoding: &'static str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            encoding,
            places: Places::default(),
        }
    }

    /// The same text with a map from its spans to places in the original file.
    pub fn with_places(mut self, places: Places) -> Self {
        self.places = places;
        self
    }

    pub fn places(&self) -> &Places {
        &self.places
    }

    /// The place in the original file of a span, for formats that have places beyond lines.
    pub fn locate(&self, span: Span) -> Option<Place> {
        self.places.locate(span)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The name of the encoding the bytes were decoded from.
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// The text covered by `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The position of a byte offset. Offsets past the end map to the end of the text.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        // A span computed from text that is not a verbatim slice (a cell joined across lines)
        // may land inside a character; its place is that character's.
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_index];
        let column = self.text[line_start..offset].chars().count() + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// The span of a 1-based line, without its line break. A line past the end is empty, at
    /// the end of the text.
    pub fn line_span(&self, line: usize) -> Span {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return Span::new(self.text.len(), self.text.len());
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        Span::new(start, end)
    }

    /// Start and end positions of a span; the end column is exclusive (one past the last
    /// character), so an empty span has equal start and end.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = SourceFile::new("a.txt", "合计\t100\n满分值\t9.5\n".to_string(), "UTF-8");
        // "合计\t" is 7 bytes, "100" starts at column 4.
        assert_eq!(src.position(7), Position { line: 1, column: 4 });
        let second = src.text().find("9.5").unwrap();
        assert_eq!(src.position(second), Position { line: 2, column: 5 });
        let (start, end) = src.range(Span::new(second, second + 3));
        assert_eq!((start.column, end.column), (5, 8));
    }

    #[test]
    fn a_lines_span_leaves_out_its_line_break() {
        let src = SourceFile::new("a.txt", "ab\r\n合计\n\nz".to_string(), "UTF-8");
        assert_eq!(src.slice(src.line_span(1)), "ab");
        assert_eq!(src.slice(src.line_span(2)), "合计");
        assert_eq!(src.slice(src.line_span(3)), "");
        assert_eq!(src.slice(src.line_span(4)), "z");
        assert_eq!(src.line_span(5), Span::new(13, 13));
        assert_eq!(src.line_span(0), Span::new(13, 13));
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let src = SourceFile::new("a.txt", "ab".to_string(), "UTF-8");
        assert_eq!(src.position(99), Position { line: 1, column: 3 });
    }
}

//! Readers: from a file's bytes to a [`Document`] and the text view its spans point into.
//!
//! A reader knows the file format and nothing about reports; it never judges. Text readers
//! decode the bytes and read lines; the readers of Word, spreadsheets and web pages describe
//! paragraphs and table grids to [`view::View`], which renders the text view and records the
//! place in the original file of every span. The only repair a reader does is structural:
//! joining table rows that PDF extraction split over two lines, resolving merged cells into a
//! grid, so that a cell is one cell again.

mod docx;
mod html;
mod lines;
mod pdf;
mod sheet;
mod sheet_size;
mod view;
mod zipped;

use std::path::Path;

use crate::decode::{decode, DecodeError};
use crate::document::Document;
use crate::source::SourceFile;

/// The input formats jxlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, typically extracted from PDF: tab-separated table rows.
    Text,
    /// Markdown: `#` headings, pipe tables (tab-separated rows are accepted too).
    Markdown,
    /// Word 2007+ documents (.docx, also what WPS saves).
    Docx,
    /// Spreadsheets: .xlsx, .xlsm, .xls, .ods.
    Spreadsheet,
    /// Web pages: .html, .htm.
    Html,
    /// PDF with a text layer, read with poppler's `pdftotext`.
    Pdf,
}

/// Extensions of report files jxlint recognises but cannot read, with what to do instead.
pub const UNREADABLE: &[(&str, &str)] = &[
    ("doc", "Word 97-2003 (.doc): save it as .docx"),
    ("wps", "WPS (.wps): save it as .docx"),
    ("et", "WPS spreadsheets (.et): save it as .xlsx"),
];

impl Format {
    /// The format of a file by its extension; `None` for files jxlint does not read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "docx" | "docm" => Some(Format::Docx),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(Format::Spreadsheet),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// Whether the format is decoded as text (as opposed to a container of parts).
    pub fn is_text(self) -> bool {
        matches!(self, Format::Text | Format::Markdown)
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Decode(#[from] DecodeError),
    /// The file is damaged or not what its name says.
    #[error("not a readable {format} file: {detail}")]
    Corrupt {
        format: &'static str,
        detail: String,
    },
    #[error("the file is password-protected or encrypted; jxlint cannot read it (save an unprotected copy)")]
    Encrypted,
    #[error(
        "this is {actual}, not {claimed}; save it as {claimed} (or rename it) and check again"
    )]
    WrongFormat {
        claimed: &'static str,
        actual: &'static str,
    },
    /// Past a limit that protects the machine (a zip bomb, a sheet of millions of rows).
    #[error("too large to read: {0}")]
    TooLarge(String),
    /// A program or data the format needs is not installed (poppler for PDF).
    #[error("{0}")]
    MissingTool(String),
    /// A PDF of this many pages with no text at all: pictures of pages.
    #[error("this PDF has no text on any of its {0} page(s): they are scans (pictures), which need OCR first (for example `ocrmypdf -l chi_sim in.pdf out.pdf`); then check the OCR'd copy")]
    NoText(usize),
}

/// The most text a reader takes from a helper program (poppler): 256 MB.
pub(crate) const MAX_TEXT_BYTES: usize = 256 << 20;

/// Read a file's bytes in a format: the text view and the document.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Format,
) -> Result<(SourceFile, Document), ReadError> {
    match format {
        Format::Text | Format::Markdown => {
            let decoded = decode(bytes)?;
            // Text laid out by spaces (a PDF turned into text) has its pages laid out again.
            let aligned = (format == Format::Text)
                .then(|| pdf::aligned::space_aligned(&decoded.text))
                .flatten();
            if let Some(wide) = aligned {
                if let Some(read) = pdf::read_aligned(path, &decoded.text, decoded.encoding, wide) {
                    return Ok(read);
                }
            }
            let source = SourceFile::new(path.to_path_buf(), decoded.text, decoded.encoding);
            let document = read(&source, format);
            Ok((source, document))
        }
        Format::Docx => docx::read(path, bytes),
        Format::Spreadsheet => sheet::read(path, bytes),
        Format::Html => html::read(path, bytes),
        Format::Pdf => pdf::read(path, bytes),
    }
}

/// The document of `pdftotext -tsv` output, as the PDF reader builds it (for the fuzz target
/// and tests: no poppler needed).
pub fn read_pdf_tsv(path: &Path, tsv: &str) -> Result<(SourceFile, Document), ReadError> {
    pdf::read_tsv(path, tsv)
}

/// Build the document for a decoded text file (plain text or Markdown).
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

//! PDF: the words and their boxes from poppler's `pdftotext -tsv`, laid out again as text with
//! tables (see [`layout`]), every piece placed by page and line.
//!
//! Poppler is a program, not a library: jxlint runs it and reads what it prints, and says
//! plainly what to install when it is missing. PDFs with the usual non-embedded Chinese fonts
//! give no text without poppler's language data (`poppler-data`), which poppler reports only as
//! a warning; that warning is turned into an error naming the package, as are a scanned PDF
//! with no text layer (it needs OCR) and an encrypted one.

pub(crate) mod aligned;
mod layout;
mod tsv;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use super::lines::read_lines;
use super::{Format, ReadError};
use crate::document::{Document, Places, Unread, UnreadKind};
use crate::source::SourceFile;

/// The poppler program jxlint runs; `JXLINT_PDFTOTEXT` names another (a full path, or a
/// wrapper).
const PDFTOTEXT: &str = "pdftotext";

/// Read a PDF's bytes with poppler.
pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<(SourceFile, Document), ReadError> {
    if !bytes.starts_with(b"%PDF-")
        && !bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(ReadError::Corrupt {
            format: "PDF",
            detail: "it does not start with %PDF-".into(),
        });
    }
    let (tsv, warnings) = run_pdftotext(bytes)?;
    from_tsv(path, &tsv, &warnings)
}

/// The document of poppler's TSV output, and the errors its warnings and emptiness mean.
fn from_tsv(path: &Path, tsv: &str, warnings: &str) -> Result<(SourceFile, Document), ReadError> {
    let pages = tsv::parse(tsv);
    let laid = layout::lay_out(&pages, layout::RowStyle::Tabs);
    if laid.text.trim().is_empty() {
        return Err(
            if warnings.contains("language pack") || warnings.contains("Unknown font") {
                ReadError::MissingTool(MISSING_LANGUAGE_DATA.into())
            } else {
                ReadError::NoText(pages.len())
            },
        );
    }
    Ok(document(path, laid, "PDF"))
}

/// The text view and document of laid-out text: the text reader's document, with places.
fn document(path: &Path, laid: layout::Laid, encoding: &'static str) -> (SourceFile, Document) {
    let mut places = Places::default();
    for (span, place) in laid.places {
        places.push(span, place);
    }
    let source = SourceFile::new(path.to_path_buf(), laid.text, encoding).with_places(places);
    let mut document = read_lines(source.text(), Format::Text);
    document
        .unread
        .extend(laid.pages_without_text.into_iter().map(|page| Unread {
            span: Default::default(),
            what: UnreadKind::PageWithoutText { page },
        }));
    (source, document)
}

/// The document of a text laid out by spaces (`pdftotext -layout` output), a Chinese character
/// `wide` columns: its pages laid out again, rows written with their cells parted by two
/// spaces; `None` when nothing is left.
pub(crate) fn read_aligned(
    path: &Path,
    text: &str,
    encoding: &'static str,
    wide: usize,
) -> Option<(SourceFile, Document)> {
    let mut laid = layout::lay_out(&aligned::pages(text, wide), layout::RowStyle::Spaced);
    // A text has no scanned pages: a page of nothing is the form feed at its end.
    laid.pages_without_text.clear();
    if laid.text.trim().is_empty() {
        return None;
    }
    Some(document(path, laid, encoding))
}

/// For tests and fuzzing: the document poppler's TSV output gives, as [`read`] builds it.
pub fn read_tsv(path: &Path, tsv: &str) -> Result<(SourceFile, Document), ReadError> {
    from_tsv(path, tsv, "")
}

const MISSING_POPPLER: &str = "reading PDF needs poppler's pdftotext, which is not installed \
     (Debian/Ubuntu: apt-get install poppler-utils poppler-data; macOS: brew install poppler; \
     Windows: the poppler binaries on PATH)";

const MISSING_LANGUAGE_DATA: &str = "this PDF uses Chinese fonts that are not embedded, and \
     poppler's Chinese language data is not installed, so it gives no text (Debian/Ubuntu: \
     apt-get install poppler-data; macOS: brew install poppler, which includes it)";

/// Run pdftotext on the bytes (through a pipe: the file is never touched) and return its TSV
/// and its warnings.
fn run_pdftotext(bytes: &[u8]) -> Result<(String, String), ReadError> {
    let program = std::env::var_os("JXLINT_PDFTOTEXT").unwrap_or_else(|| PDFTOTEXT.into());
    let mut child = Command::new(&program)
        .args(["-tsv", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::MissingTool(MISSING_POPPLER.into()),
            _ => {
                ReadError::MissingTool(format!("could not run {}: {e}", program.to_string_lossy()))
            }
        })?;
    // Write on another thread: poppler may print before it has read everything.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        // A closed pipe means poppler stopped reading (a broken file); its exit says why.
        let _ = stdin.write_all(&input);
    });
    let out = child.stdout.take().expect("stdout is piped");
    let err = child.stderr.take().expect("stderr is piped");
    // Poppler's warnings: the first megabyte is kept, the rest drained so it never blocks.
    let err_reader = std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut err = err;
        let _ = (&mut err).take(1 << 20).read_to_end(&mut kept);
        let _ = std::io::copy(&mut err, &mut std::io::sink());
        kept
    });
    let mut stdout = Vec::new();
    let read = out
        .take(super::MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut stdout);
    if read.is_err() || stdout.len() > super::MAX_TEXT_BYTES {
        let _ = child.kill();
    }
    let _ = writer.join();
    let stderr = err_reader.join().unwrap_or_default();
    let status = child
        .wait()
        .map_err(|e| ReadError::MissingTool(format!("waiting for pdftotext: {e}")))?;
    if let Err(e) = read {
        return Err(ReadError::MissingTool(format!(
            "reading pdftotext's output: {e}"
        )));
    }
    if stdout.len() > super::MAX_TEXT_BYTES {
        return Err(ReadError::TooLarge(format!(
            "the PDF's text is over {} MB",
            super::MAX_TEXT_BYTES >> 20
        )));
    }
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    if !status.success() {
        return Err(classify_failure(&stderr));
    }
    Ok((String::from_utf8_lossy(&stdout).into_owned(), stderr))
}

/// What poppler's failure means.
fn classify_failure(stderr: &str) -> ReadError {
    if stderr.contains("Incorrect password") || stderr.contains("encrypted") {
        return ReadError::Encrypted;
    }
    let detail = match stderr.lines().map(str::trim).find(|l| !l.is_empty()) {
        Some(said) => format!("it is damaged or cut short (pdftotext: {said})"),
        None => "pdftotext could not read it".to_string(),
    };
    ReadError::Corrupt {
        format: "PDF",
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poppler_failures_are_named() {
        assert!(matches!(
            classify_failure("Command Line Error: Incorrect password\n"),
            ReadError::Encrypted
        ));
        let ReadError::Corrupt { detail, .. } =
            classify_failure("Syntax Error: Couldn't find trailer dictionary\n")
        else {
            panic!("a damaged file")
        };
        assert!(detail.contains("trailer"));
    }

    #[test]
    fn no_text_with_a_language_pack_warning_names_poppler_data() {
        let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n";
        let warning = "Syntax Error: Missing language pack for 'Adobe-GB1' mapping";
        let Err(ReadError::MissingTool(message)) = from_tsv(Path::new("a.pdf"), tsv, warning)
        else {
            panic!("an error naming the package")
        };
        assert!(message.contains("poppler-data"));
        assert!(matches!(
            from_tsv(Path::new("a.pdf"), tsv, ""),
            Err(ReadError::NoText(1))
        ));
    }
}

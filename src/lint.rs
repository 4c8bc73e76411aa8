//! Checking one file: decode, read, recognise, run the rules.

use std::path::{Path, PathBuf};

use crate::checks::{self, Context};
use crate::decode::DecodeError;
use crate::diagnostic::Finding;
use crate::profile::Profile;
use crate::read::{read_bytes, Format, ReadError};
use crate::report::{recognise, Report};
use crate::source::SourceFile;

/// Why a file could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("{0}")]
    Read(ReadError),
    #[error("{0} files cannot be read: {1}")]
    Unsupported(String, &'static str),
    #[error("internal error: jxlint failed on this file ({0}); the other files were checked; please report this to the jxlint developers with the file, or the lines that trigger it")]
    Internal(String),
}

impl From<ReadError> for FileError {
    fn from(e: ReadError) -> FileError {
        match e {
            ReadError::Decode(d) => FileError::Decode(d),
            other => FileError::Read(other),
        }
    }
}

/// The outcome of checking one file.
#[derive(Debug)]
pub struct Checked {
    pub source: SourceFile,
    pub report: Report,
    /// Ordered by position, then code.
    pub findings: Vec<Finding>,
    /// Inline markers naming no rule (line, code): they silence nothing.
    pub unknown_markers: Vec<(usize, String)>,
}

/// Check text already decoded.
/// How to check: the standard profile and the rules to leave out.
#[derive(Debug, Clone)]
pub struct Options {
    /// Shared: a batch's files mostly share one profile, and a copy each would grow memory
    /// with the number of files.
    pub profile: std::sync::Arc<Profile>,
    /// Rule codes or families (`XREF`) not to report.
    pub ignore: Vec<String>,
    /// The only rules to report, if given (`select`), and more besides them (`extend-select`).
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    /// Severities set per rule or family; `None` turns a rule off. A code's own entry wins over
    /// its family's.
    pub severity: crate::config::Levels,
}

impl PartialEq for Options {
    /// The same options: the same profile (one loaded copy) and the same rules.
    fn eq(&self, other: &Options) -> bool {
        std::sync::Arc::ptr_eq(&self.profile, &other.profile)
            && self.ignore == other.ignore
            && self.select == other.select
            && self.extend_select == other.extend_select
            && self.severity == other.severity
    }
}

impl Options {
    pub fn new(profile: impl Into<std::sync::Arc<Profile>>) -> Options {
        Options {
            profile: profile.into(),
            ignore: Vec::new(),
            select: None,
            extend_select: Vec::new(),
            severity: Vec::new(),
        }
    }

    /// Whether a rule is reported at all: selected (all are, unless `select` is given) and not
    /// turned off.
    fn reports(&self, code: &str) -> bool {
        let selected = self.select.as_ref().is_none_or(|s| {
            s.iter()
                .chain(&self.extend_select)
                .any(|sel| crate::suppress::selects(sel, code))
        });
        selected && !matches!(self.severity_of(code), Some(None))
    }

    /// The severity set for a rule: its own entry, else its family's.
    fn severity_of(&self, code: &str) -> Option<Option<crate::diagnostic::Severity>> {
        let own = self
            .severity
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code));
        own.or_else(|| {
            self.severity
                .iter()
                .find(|(c, _)| crate::suppress::selects(c, code))
        })
        .map(|(_, s)| *s)
    }
}

pub fn check_source(source: SourceFile, format: Format, profile: &Profile) -> Checked {
    let document = crate::read::read(&source, format);
    check_document(source, &document, profile, &[])
}

/// Check a document read from a file, with the text view its spans point into.
pub fn check_document(
    source: SourceFile,
    document: &crate::document::Document,
    profile: &Profile,
    ignore: &[String],
) -> Checked {
    let report = understand(&source, document);
    let cx = Context::new(&report, profile);
    let mut findings = crate::suppress::apply(checks::run(&cx), &source, ignore);
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.primary_span().map_or(0, |s| s.start),
                f.code().to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
    Checked {
        unknown_markers: crate::suppress::unknown_marker_codes(&source),
        source,
        report,
        findings,
    }
}

/// Recognise a document's parts as checking does. Forms whose text arrived without rows are
/// first fitted to templates; then traditional characters and look-alike symbols are read as
/// the vocabulary is written (the source, and so every snippet, stays as the file has it).
pub fn understand(source: &SourceFile, document: &crate::document::Document) -> Report {
    understand_with_fitted(source, document).1
}

/// [`understand`], also handing back the document with its fitted tables when any were fitted
/// (for `inspect`, which shows what recognition read).
pub fn understand_with_fitted(
    source: &SourceFile,
    document: &crate::document::Document,
) -> (Option<crate::document::Document>, Report) {
    let fitted = crate::report::fit::fit(document, source.text());
    let read = fitted.as_ref().unwrap_or(document);
    let folded = read.folded();
    let report = recognise(folded.as_ref().unwrap_or(read));
    (fitted, report)
}

/// Check the bytes of a file.
pub fn check_bytes(
    path: &Path,
    bytes: &[u8],
    format: Format,
    profile: &Profile,
) -> Result<Checked, FileError> {
    let (source, document) = read_bytes(path, bytes, format)?;
    Ok(check_document(source, &document, profile, &[]))
}

/// Check a file on disk with the default options of a profile. Files are only ever read.
pub fn check_file(path: &Path, profile: &Profile) -> Result<Checked, FileError> {
    check_file_with(path, &Options::new(profile.clone()))
}

/// Check a file on disk behind a guard: a bug that panics on this file is reported as an
/// internal error for it, and the batch goes on. A safety net, not a substitute for fixing the
/// panic.
pub fn check_file_guarded(path: &Path, options: &Options) -> Result<Checked, FileError> {
    guarded(|| check_file_with(path, options))
}

/// Run `f`, turning a panic into [`FileError::Internal`] with what the panic said.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what =
            crate::text::panic_message(payload.as_ref()).unwrap_or_else(|| "a panic".to_string());
        let place = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_default();
        Err(FileError::Internal(format!("{what}{place}")))
    })
}

thread_local! {
    /// Where the last panic on this thread happened, recorded by [`quiet_panics`].
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replace the panic hook with one that records where a panic happened instead of printing
/// it: the command line reports a panic on a file as that file's internal error.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(place));
    }));
}

/// Check a file on disk. Files are only ever read.
pub fn check_file_with(path: &Path, options: &Options) -> Result<Checked, FileError> {
    let (source, document) = read_file(path)?;
    let mut checked = check_document(source, &document, &options.profile, &options.ignore);
    if options.select.is_some() || !options.severity.is_empty() {
        checked.findings.retain(|f| options.reports(f.code()));
        for f in &mut checked.findings {
            if let Some(Some(severity)) = options.severity_of(f.code()) {
                f.severity = severity;
            }
        }
    }
    Ok(checked)
}

/// Read a file on disk in the format its name gives: its text view and document. Files are
/// only ever read.
pub fn read_file(path: &Path) -> Result<(SourceFile, crate::document::Document), FileError> {
    let format = format_of(path)?;
    let bytes = std::fs::read(path)?;
    Ok(read_bytes(path, &bytes, format)?)
}

/// The format of a file by its name; a file of a format jxlint cannot read is an error that
/// says what to do instead, and a named file without a known extension is read as text.
pub fn format_of(path: &Path) -> Result<Format, FileError> {
    if let Some(format) = Format::from_path(path) {
        return Ok(format);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match crate::read::UNREADABLE.iter().find(|(e, _)| *e == ext) {
        Some((e, what)) => Err(FileError::Unsupported(format!(".{e}"), what)),
        None => Ok(Format::Text),
    }
}

/// A path as shown to users: relative paths as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Convenience for tests and benches: check a string as a text file, read as a file of those
/// bytes would be (text laid out by spaces is laid out again).
pub fn check_text(
    name: impl Into<PathBuf>,
    text: &str,
    format: Format,
    profile: &Profile,
) -> Checked {
    let name = name.into();
    match read_bytes(&name, text.as_bytes(), format) {
        Ok((source, document)) => check_document(source, &document, profile, &[]),
        Err(_) => check_source(
            SourceFile::new(name, text.to_string(), "UTF-8"),
            format,
            profile,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_an_internal_error_for_that_file() {
        let r: Result<(), FileError> = guarded(|| panic!("index out of bounds"));
        let Err(FileError::Internal(what)) = r else {
            panic!("a panic becomes an internal error");
        };
        assert!(what.contains("index out of bounds"), "{what}");
        let message = FileError::Internal(what).to_string();
        assert!(message.contains("please report"), "{message}");
        let ok: Result<u8, FileError> = guarded(|| Ok(7));
        assert_eq!(ok.unwrap(), 7);
    }
}

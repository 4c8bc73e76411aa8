//! Checking one file: decode, read, recognise, run the rules.

use std::path::{Path, PathBuf};

use crate::checks::{self, Context};
use crate::decode::{decode, DecodeError};
use crate::diagnostic::Finding;
use crate::profile::Profile;
use crate::read::{read, Format};
use crate::report::{recognise, Report};
use crate::source::SourceFile;

/// Why a file could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("{0} files are not supported yet; convert the report to .txt or .md")]
    Unsupported(String),
}

/// The outcome of checking one file.
#[derive(Debug)]
pub struct Checked {
    pub source: SourceFile,
    pub report: Report,
    /// Ordered by position, then code.
    pub findings: Vec<Finding>,
}

/// Check text already decoded.
/// How to check: the standard profile and the rules to leave out.
#[derive(Debug, Clone)]
pub struct Options {
    pub profile: Profile,
    /// Rule codes or families (`XREF`) not to report.
    pub ignore: Vec<String>,
}

impl Options {
    pub fn new(profile: Profile) -> Options {
        Options {
            profile,
            ignore: Vec::new(),
        }
    }
}

pub fn check_source(source: SourceFile, format: Format, profile: &Profile) -> Checked {
    check_source_with(source, format, profile, &[])
}

fn check_source_with(
    source: SourceFile,
    format: Format,
    profile: &Profile,
    ignore: &[String],
) -> Checked {
    let document = read(&source, format);
    let report = recognise(&document);
    let cx = Context {
        report: &report,
        profile,
    };
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
        source,
        report,
        findings,
    }
}

/// Check the bytes of a file.
pub fn check_bytes(
    path: &Path,
    bytes: &[u8],
    format: Format,
    profile: &Profile,
) -> Result<Checked, FileError> {
    let decoded = decode(bytes)?;
    let source = SourceFile::new(path.to_path_buf(), decoded.text, decoded.encoding);
    Ok(check_source(source, format, profile))
}

/// Check a file on disk with the default options of a profile. Files are only ever read.
pub fn check_file(path: &Path, profile: &Profile) -> Result<Checked, FileError> {
    check_file_with(path, &Options::new(profile.clone()))
}

/// Check a file on disk. Files are only ever read.
pub fn check_file_with(path: &Path, options: &Options) -> Result<Checked, FileError> {
    let format = match Format::from_path(path) {
        Some(f) => f,
        None => match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if is_office(ext) => return Err(FileError::Unsupported(ext.to_uppercase())),
            // An explicitly named file without a known extension is read as text.
            _ => Format::Text,
        },
    };
    let bytes = std::fs::read(path)?;
    let decoded = decode(&bytes)?;
    // The text is all that is read from here on; a large file is not held twice.
    drop(bytes);
    let source = SourceFile::new(path.to_path_buf(), decoded.text, decoded.encoding);
    Ok(check_source_with(
        source,
        format,
        &options.profile,
        &options.ignore,
    ))
}

fn is_office(ext: &str) -> bool {
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "docx" | "doc" | "xlsx" | "xls" | "pdf" | "wps" | "et"
    )
}

/// A path as shown to users: relative paths as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Convenience for tests and benches: check a string as a text file.
pub fn check_text(
    name: impl Into<PathBuf>,
    text: &str,
    format: Format,
    profile: &Profile,
) -> Checked {
    check_source(
        SourceFile::new(name, text.to_string(), "UTF-8"),
        format,
        profile,
    )
}

//! Finding the files to check: explicit files as given, directories walked for the formats
//! jxlint reads (text, Markdown, Word, spreadsheets, web pages), hidden entries and Word's
//! `~$` owner files skipped, in a stable order.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::read::Format;

/// A path that could not be used: an argument that does not exist (an error), or a folder
/// entry that could not be followed (a symbolic-link loop: a warning).
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
    /// Whether it makes the run fail (exit 2): a named path that cannot be read does; a loop
    /// met while walking a folder does not.
    pub fatal: bool,
}

/// What walking the paths found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to check, sorted and without duplicates.
    pub files: Vec<PathBuf>,
    pub errors: Vec<WalkError>,
    /// Files in the folders that look like reports jxlint cannot read yet (.docx, .pdf…), by
    /// extension, with how many of each.
    pub unsupported: Vec<(String, usize)>,
}

/// Extensions of report files jxlint recognises but does not read.
pub fn is_unreadable(ext: &str) -> bool {
    crate::read::UNREADABLE.iter().any(|(e, _)| *e == ext)
}

/// Files to check, sorted and without duplicates, and the arguments that failed.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let walk = walk(paths);
    (walk.files, walk.errors)
}

/// Walk the paths: files named are taken as they are, folders searched for reports.
pub fn walk(paths: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut out),
            Ok(_) => out.files.push(path.clone()),
            Err(e) => out.errors.push(WalkError {
                path: path.clone(),
                message: e.to_string(),
                fatal: true,
            }),
        }
    }
    out.files.sort();
    out.files.dedup();
    out
}

fn walk_dir(root: &Path, out: &mut Walk) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            // `~$report.docx`: the owner file Word keeps beside an open document.
            Ok(e) if e.file_type().is_file() && is_lock_file(e.file_name()) => {}
            Ok(e) if e.file_type().is_file() && Format::from_path(e.path()).is_some() => {
                out.files.push(e.into_path());
            }
            Ok(e) if e.file_type().is_file() => {
                let ext = e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .map(str::to_ascii_lowercase);
                if let Some(ext) = ext.filter(|x| is_unreadable(x)) {
                    match out.unsupported.iter_mut().find(|(x, _)| *x == ext) {
                        Some((_, n)) => *n += 1,
                        None => out.unsupported.push((ext, 1)),
                    }
                }
            }
            Ok(_) => {}
            Err(e) => out.errors.push(WalkError {
                path: e
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf),
                fatal: e.loop_ancestor().is_none(),
                message: e.to_string(),
            }),
        }
    }
}

fn is_lock_file(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with("~$"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

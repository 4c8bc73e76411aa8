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

/// Paths kept in one buffer. A batch holds every file's path from the walk to the end, and a
/// `PathBuf` each (24 bytes, and a heap block of its own with the allocator's overhead) is more
/// than twice the path's text: for 100,000 files, 8 MB instead of 3.5.
#[derive(Debug, Default)]
pub struct PathList {
    /// The paths that are UTF-8 (nearly all), one after another.
    text: String,
    /// Each path's bytes in `text`, or, when the start is `u32::MAX`, its index in `other`.
    entries: Vec<(u32, u32)>,
    /// Paths that are not UTF-8, or past what `u32` offsets reach.
    other: Vec<PathBuf>,
}

impl PathList {
    pub fn push(&mut self, path: &Path) {
        let start = self.text.len();
        match path.to_str() {
            Some(s) if start + s.len() < u32::MAX as usize => {
                self.text.push_str(s);
                self.entries.push((start as u32, self.text.len() as u32));
            }
            _ => {
                self.entries.push((u32::MAX, self.other.len() as u32));
                self.other.push(path.to_path_buf());
            }
        }
    }

    fn get_entry(&self, (start, end): (u32, u32)) -> &Path {
        if start == u32::MAX {
            &self.other[end as usize]
        } else {
            Path::new(&self.text[start as usize..end as usize])
        }
    }

    pub fn get(&self, i: usize) -> &Path {
        self.get_entry(self.entries[i])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Path> {
        self.entries.iter().map(|&e| self.get_entry(e))
    }

    /// Sorted as `PathBuf`s sort (by component), without duplicates.
    pub fn sort_dedup(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_unstable_by(|&a, &b| self.get_entry(a).cmp(self.get_entry(b)));
        entries.dedup_by(|a, b| self.get_entry(*a) == self.get_entry(*b));
        self.entries = entries;
        // Growing by doubling left up to as much room again as the paths take.
        self.entries.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// Keeps the paths `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&Path) -> bool) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.retain(|&e| keep(self.get_entry(e)));
        self.entries = entries;
    }
}

/// What walking the paths found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to check, sorted and without duplicates.
    pub files: PathList,
    pub errors: Vec<WalkError>,
    /// Files in the folders that look like reports jxlint cannot read yet (.docx, .pdf…), by
    /// extension, with how many of each.
    pub unsupported: Vec<(String, usize)>,
}

/// Extensions of report files jxlint recognises but does not read.
pub fn is_unreadable(ext: &str) -> bool {
    crate::read::UNREADABLE.iter().any(|(e, _)| *e == ext)
}

/// Walk the paths: files named are taken as they are, folders searched for reports.
pub fn walk(paths: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut out),
            Ok(_) => out.files.push(path),
            Err(e) => out.errors.push(WalkError {
                path: path.clone(),
                message: e.to_string(),
                fatal: true,
            }),
        }
    }
    out.files.sort_dedup();
    out
}

fn walk_dir(root: &Path, out: &mut Walk) {
    // Not sorted while walking: that would hold a folder's every entry (path, type, inode) at
    // once, 24,000 of them about 3 MB; the files found are sorted once, at the end.
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            // `~$report.docx`: the owner file Word keeps beside an open document.
            Ok(e) if e.file_type().is_file() && is_lock_file(e.file_name()) => {}
            Ok(e) if e.file_type().is_file() && Format::from_path(e.path()).is_some() => {
                out.files.push(e.path());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_list_sorts_and_dedups_as_path_bufs_do() {
        let given = [
            "b/a.txt",
            "a b/z.txt",
            "a/b.txt",
            "a.txt",
            "a/b.txt",
            "a-b/c.txt",
            "a/a/c.txt",
        ];
        let mut list = PathList::default();
        for p in given {
            list.push(Path::new(p));
        }
        list.sort_dedup();
        let mut expected: Vec<PathBuf> = given.iter().map(PathBuf::from).collect();
        expected.sort();
        expected.dedup();
        let got: Vec<&Path> = list.iter().collect();
        assert_eq!(
            got,
            expected.iter().map(PathBuf::as_path).collect::<Vec<_>>()
        );
        list.retain(|p| p.starts_with("a"));
        assert_eq!(list.len(), 2);
        assert_eq!(list.get(1), Path::new("a/b.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_is_kept_as_it_is() {
        use std::os::unix::ffi::OsStrExt;
        let odd = Path::new(std::ffi::OsStr::from_bytes(b"r\xe9port.txt"));
        let mut list = PathList::default();
        list.push(Path::new("z.txt"));
        list.push(odd);
        list.sort_dedup();
        assert_eq!(list.get(0), odd);
        assert_eq!(list.get(1), Path::new("z.txt"));
    }
}

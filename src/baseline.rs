//! Baselines: today's findings recorded in a file (`--write-baseline`), so that a repository
//! adopting jxlint is held only to new findings (`--baseline`).
//!
//! An entry matches a finding by its rule, its file, a structural anchor and a hash of what
//! its labels point at — never its line, so that text inserted above a finding does not break
//! the match. The anchor is the row or sentence the finding's first label is in, named by its
//! first cell (the indicator or row label: `总分`, `B1 资金管理`) or, in prose, by the start
//! of the sentence. The hash covers the normalised text of every labelled cell and sentence
//! piece. Each entry has a count, so one entry never hides a second identical finding.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::source::SourceFile;

/// The baseline file's format version.
const VERSION: u32 = 1;

/// How many characters of a sentence name it as an anchor.
const ANCHOR_CHARS: usize = 24;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub rule: String,
    pub path: String,
    pub anchor: String,
    pub hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    #[serde(flatten)]
    pub key: Key,
    pub count: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    entries: Vec<Entry>,
}

/// The key of a finding in a file shown as `path`.
pub fn key(path: &str, source: &SourceFile, finding: &Finding) -> Key {
    let text = source.text();
    let anchor = finding
        .labels
        .first()
        .map(|l| {
            let start = text[..l.span.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            anchor_of(&text[start..end])
        })
        .unwrap_or_default();
    let mut labelled = String::new();
    for label in &finding.labels {
        let span = label.span;
        if let Some(piece) = text.get(span.start..span.end) {
            labelled.push_str(&normalise(piece));
        }
        labelled.push('\u{0}');
    }
    Key {
        rule: finding.code().to_string(),
        path: path.to_string(),
        anchor,
        hash: format!("{:016x}", crate::text::stable_hash(labelled.as_bytes())),
    }
}

/// A line's anchor: its first cell if it is a table row (cells parted by tabs, pipes or wide
/// gaps), else the start of its sentence; normalised.
fn anchor_of(line: &str) -> String {
    let line = line.trim().trim_start_matches('|').trim();
    let first = line
        .split(['\t', '|'])
        .next()
        .unwrap_or("")
        .split("  ")
        .next()
        .unwrap_or("");
    // A first cell shorter than the line: a row; else a sentence.
    if first.trim().len() < line.len() && !first.trim().is_empty() {
        return normalise(first);
    }
    normalise(line).chars().take(ANCHOR_CHARS).collect()
}

/// Text without white space, so that reflowing or re-spacing does not change it.
fn normalise(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A baseline being matched against a run's findings.
#[derive(Debug, Default)]
pub struct Baseline {
    remaining: BTreeMap<Key, usize>,
}

impl Baseline {
    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let shown = crate::lint::display_path(path);
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {shown}: {e}"))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| format!("{shown} is not a jxlint baseline: {e}"))?;
        if file.version != VERSION {
            return Err(format!(
                "{shown}: baseline version {} (this jxlint writes version {VERSION})",
                file.version
            ));
        }
        let mut remaining = BTreeMap::new();
        for e in file.entries {
            *remaining.entry(e.key).or_insert(0) += e.count;
        }
        Ok(Baseline { remaining })
    }

    /// Whether a finding is in the baseline; each entry covers as many findings as its count.
    pub fn covers(&mut self, key: &Key) -> bool {
        match self.remaining.get_mut(key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// The entries of the files in `checked` that matched fewer findings than their count: the
    /// findings they recorded are gone (fixed).
    pub fn stale(&self, checked: &std::collections::HashSet<String>) -> Vec<Entry> {
        self.remaining
            .iter()
            .filter(|(k, n)| **n > 0 && checked.contains(&k.path))
            .map(|(k, n)| Entry {
                key: k.clone(),
                count: *n,
            })
            .collect()
    }
}

/// Write a baseline of `keys` (one per finding; identical ones are counted).
pub fn write(path: &Path, keys: &[Key]) -> Result<usize, String> {
    let mut counts: BTreeMap<&Key, usize> = BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    let entries: Vec<Entry> = counts
        .into_iter()
        .map(|(k, count)| Entry {
            key: k.clone(),
            count,
        })
        .collect();
    save(path, entries)
}

/// Rewrite a baseline without its stale entries (their counts taken off), keeping the rest.
pub fn prune(path: &Path, stale: &[Entry]) -> Result<usize, String> {
    let shown = crate::lint::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the baseline {shown}: {e}"))?;
    let mut file: File = serde_json::from_str(&text)
        .map_err(|e| format!("{shown} is not a jxlint baseline: {e}"))?;
    let mut gone: BTreeMap<&Key, usize> = stale.iter().map(|e| (&e.key, e.count)).collect();
    for entry in &mut file.entries {
        if let Some(n) = gone.get_mut(&entry.key) {
            let taken = (*n).min(entry.count);
            entry.count -= taken;
            *n -= taken;
        }
    }
    file.entries.retain(|e| e.count > 0);
    save(path, file.entries)
}

fn save(path: &Path, entries: Vec<Entry>) -> Result<usize, String> {
    let n = entries.iter().map(|e| e.count).sum();
    let file = File {
        version: VERSION,
        entries,
    };
    let mut text = serde_json::to_string_pretty(&file).expect("baseline serialises");
    text.push('\n');
    std::fs::write(path, text).map_err(|e| {
        format!(
            "cannot write the baseline {}: {e}",
            crate::lint::display_path(path)
        )
    })?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_name_rows_by_their_first_cell_and_sentences_by_their_start() {
        assert_eq!(anchor_of("总分\t\t100.00\t98.88"), "总分");
        assert_eq!(anchor_of("| B1 资金管理 | 15 | 12 |"), "B1资金管理");
        assert_eq!(anchor_of("合计  100  80.00"), "合计");
        assert_eq!(
            anchor_of("该项目总体得分为 80.00 分，评价等级为良，项目管理规范有序。"),
            "该项目总体得分为80.00分，评价等级为良，项目"
        );
    }
}

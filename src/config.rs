//! Configuration files: `jxlint.toml` or `.jxlint.toml`, the nearest one above each checked
//! file, `extend = "path"` to inherit from another, `--config FILE` to name one for every file,
//! `--isolated` to use none, and a user-level file in the XDG config directory
//! (`$XDG_CONFIG_HOME/jxlint/jxlint.toml`, else `~/.config/jxlint/jxlint.toml`) where a project
//! has none. Command-line options override what a file says.
//!
//! A file is checked as a whole when it is loaded: an unknown key, rule code, severity,
//! language or glob is an error naming the file and the key, so a typo never silently
//! changes what is checked.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::{Lang, Severity};

/// The names a configuration file may have, in the order they are looked for in a folder.
pub const FILE_NAMES: [&str; 2] = ["jxlint.toml", ".jxlint.toml"];

/// A configuration file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Raw {
    extend: Option<String>,
    standard: Option<String>,
    select: Option<Vec<String>>,
    extend_select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    severity: Option<BTreeMap<String, String>>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    lang: Option<String>,
}

/// Severities per rule or family; `None` is off.
pub type Levels = Vec<(String, Option<Severity>)>;

/// A setting's value and the file it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub file: PathBuf,
}

/// The settings in force for the files under one configuration file, each with the file it
/// came from (the file itself or one it extends).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The configuration file found for the file, and the files it extends, nearest first.
    pub files: Vec<PathBuf>,
    /// A profile name, or the path of a profile file (resolved against its config file).
    pub standard: Option<Sourced<String>>,
    pub select: Option<Sourced<Vec<String>>>,
    pub extend_select: Option<Sourced<Vec<String>>>,
    pub ignore: Option<Sourced<Vec<String>>>,
    pub per_file_ignores: Option<Sourced<Vec<PerFileIgnore>>>,
    /// Per rule or family: its severity, or `None` for off.
    pub severity: Option<Sourced<Levels>>,
    pub include: Option<Sourced<Patterns>>,
    pub exclude: Option<Sourced<Patterns>>,
    pub lang: Option<Sourced<Lang>>,
}

/// Globs, matched against a path relative to the folder of the file that set them.
#[derive(Debug, Clone)]
pub struct Patterns {
    pub globs: Vec<String>,
    set: GlobSet,
    root: PathBuf,
}

impl Patterns {
    /// Whether a path matches (a path outside the root never does).
    pub fn matches(&self, path: &Path) -> bool {
        relative_to(path, &self.root).is_some_and(|rel| self.set.is_match(rel))
    }
}

/// `per-file-ignores`: the codes a glob's files do not report.
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    pub glob: String,
    matcher: GlobMatcher,
    root: PathBuf,
    pub codes: Vec<String>,
}

impl Settings {
    /// The rule codes and families a file does not report: `ignore`, and the `per-file-ignores`
    /// whose glob matches it.
    pub fn ignored_for(&self, path: &Path) -> Vec<String> {
        let mut out: Vec<String> = self
            .ignore
            .as_ref()
            .map(|i| i.value.clone())
            .unwrap_or_default();
        if let Some(per_file) = &self.per_file_ignores {
            for entry in &per_file.value {
                if relative_to(path, &entry.root).is_some_and(|rel| entry.matcher.is_match(rel)) {
                    out.extend(entry.codes.iter().cloned());
                }
            }
        }
        out
    }
}

/// A path relative to `root`, made absolute against the current folder first.
fn relative_to(path: &Path, root: &Path) -> Option<PathBuf> {
    let absolute = |p: &Path| -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        }
    };
    let (path, root) = (absolute(path), absolute(root));
    let path = normalise(&path);
    let root = normalise(&root);
    path.strip_prefix(&root).ok().map(Path::to_path_buf)
}

/// `a/./b/../c` as `a/c`, without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A configuration file that cannot be used: where, which key, and why.
#[derive(Debug)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Load a configuration file and the files it extends.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let mut seen = Vec::new();
    load_chain(path, &mut seen)
}

fn load_chain(path: &Path, seen: &mut Vec<PathBuf>) -> Result<Settings, ConfigError> {
    let shown = shown(path);
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if seen.contains(&canonical) {
        return Err(ConfigError(format!(
            "{shown}: `extend` goes round in a circle back to this file"
        )));
    }
    seen.push(canonical);
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(format!("{shown}: cannot read it: {e}")))?;
    let raw: Raw = toml::from_str(&text).map_err(|e| {
        ConfigError(format!(
            "{shown}: {}",
            e.to_string().trim_end().replace('\n', "\n  ")
        ))
    })?;
    let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut settings = match &raw.extend {
        Some(base) => {
            let base_path = dir.join(base);
            load_chain(&base_path, seen)
                .map_err(|e| ConfigError(format!("{shown}: extend = \"{base}\": {e}")))?
        }
        None => Settings::default(),
    };
    settings.files.insert(0, path.to_path_buf());
    overlay(&mut settings, raw, path, &dir)?;
    Ok(settings)
}

/// The settings of one file over those it extends, each checked.
fn overlay(settings: &mut Settings, raw: Raw, file: &Path, dir: &Path) -> Result<(), ConfigError> {
    let shown = shown(file);
    let codes = |key: &str, list: &[String]| -> Result<(), ConfigError> {
        for code in list {
            if !names_a_rule(code) {
                return Err(ConfigError(format!(
                    "{shown}: {key}: `{code}` is no rule or family (see `jxlint rules`)"
                )));
            }
        }
        Ok(())
    };
    if let Some(standard) = raw.standard {
        // A profile file is named relative to the configuration file.
        let value = if standard.ends_with(".toml") && Path::new(&standard).is_relative() {
            dir.join(&standard).to_string_lossy().into_owned()
        } else {
            standard
        };
        crate::profile::Profile::load(&value)
            .map_err(|e| ConfigError(format!("{shown}: standard: {e}")))?;
        settings.standard = Some(sourced(value, file));
    }
    if let Some(list) = raw.select {
        codes("select", &list)?;
        settings.select = Some(sourced(list, file));
    }
    if let Some(list) = raw.extend_select {
        codes("extend-select", &list)?;
        settings.extend_select = Some(sourced(list, file));
    }
    if let Some(list) = raw.ignore {
        codes("ignore", &list)?;
        settings.ignore = Some(sourced(list, file));
    }
    if let Some(map) = raw.per_file_ignores {
        let mut entries = Vec::new();
        for (glob, list) in map {
            codes(&format!("per-file-ignores.\"{glob}\""), &list)?;
            let matcher = Glob::new(&glob)
                .map_err(|e| {
                    ConfigError(format!(
                        "{shown}: per-file-ignores: `{glob}` is not a glob: {e}"
                    ))
                })?
                .compile_matcher();
            entries.push(PerFileIgnore {
                glob,
                matcher,
                root: dir.to_path_buf(),
                codes: list,
            });
        }
        settings.per_file_ignores = Some(sourced(entries, file));
    }
    if let Some(map) = raw.severity {
        let mut levels = Vec::new();
        for (code, level) in map {
            codes("severity", std::slice::from_ref(&code))?;
            let level = match level.as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                "off" => None,
                other => {
                    return Err(ConfigError(format!(
                        "{shown}: severity.{code}: `{other}` is not error, warning, info or off"
                    )))
                }
            };
            levels.push((code, level));
        }
        settings.severity = Some(sourced(levels, file));
    }
    for (key, list, slot) in [
        ("include", raw.include, &mut settings.include),
        ("exclude", raw.exclude, &mut settings.exclude),
    ] {
        if let Some(globs) = list {
            let mut builder = GlobSetBuilder::new();
            for g in &globs {
                builder.add(Glob::new(g).map_err(|e| {
                    ConfigError(format!("{shown}: {key}: `{g}` is not a glob: {e}"))
                })?);
            }
            let set = builder
                .build()
                .map_err(|e| ConfigError(format!("{shown}: {key}: {e}")))?;
            *slot = Some(sourced(
                Patterns {
                    globs,
                    set,
                    root: dir.to_path_buf(),
                },
                file,
            ));
        }
    }
    if let Some(lang) = raw.lang {
        let value = match lang.as_str() {
            "zh" => Lang::Zh,
            "en" => Lang::En,
            other => {
                return Err(ConfigError(format!(
                    "{shown}: lang: `{other}` is not zh or en"
                )))
            }
        };
        settings.lang = Some(sourced(value, file));
    }
    Ok(())
}

fn sourced<T>(value: T, file: &Path) -> Sourced<T> {
    Sourced {
        value,
        file: file.to_path_buf(),
    }
}

/// A path as shown to users: relative to the current folder when under it.
pub fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let rel = path.strip_prefix(&cwd).unwrap_or(path);
    crate::lint::display_path(rel)
}

/// Whether a selector names a rule or a family of the catalogue.
fn names_a_rule(selector: &str) -> bool {
    crate::catalog::catalog()
        .rules
        .iter()
        .any(|r| crate::suppress::selects(selector, &r.code))
}

/// Where configuration comes from for a run.
pub enum Source {
    /// The nearest file above each checked file, else the user's.
    Discover,
    /// One file for every checked file (`--config`).
    File(PathBuf),
    /// None (`--isolated`).
    Isolated,
}

/// Finds the settings for each checked file, loading each configuration file once.
pub struct Finder {
    source: Source,
    by_folder: HashMap<PathBuf, Option<Arc<Settings>>>,
    loaded: HashMap<PathBuf, Arc<Settings>>,
}

impl Finder {
    pub fn new(source: Source) -> Finder {
        Finder {
            source,
            by_folder: HashMap::new(),
            loaded: HashMap::new(),
        }
    }

    /// The settings in force for a file (or, for a folder, for the files directly in it).
    pub fn for_path(&mut self, path: &Path) -> Result<Option<Arc<Settings>>, ConfigError> {
        match &self.source {
            Source::Isolated => Ok(None),
            Source::File(file) => {
                let file = file.clone();
                self.load_once(&file).map(Some)
            }
            Source::Discover => {
                let absolute = if path.is_absolute() {
                    path.to_path_buf()
                } else {
                    std::env::current_dir().unwrap_or_default().join(path)
                };
                let folder = if absolute.is_dir() {
                    absolute
                } else {
                    absolute.parent().map(Path::to_path_buf).unwrap_or_default()
                };
                let folder = normalise(&folder);
                if let Some(found) = self.by_folder.get(&folder) {
                    return Ok(found.clone());
                }
                let found = match nearest(&folder).or_else(user_file) {
                    Some(file) => Some(self.load_once(&file)?),
                    None => None,
                };
                self.by_folder.insert(folder, found.clone());
                Ok(found)
            }
        }
    }

    /// The language of messages: `given` on the command line, else the configuration's for
    /// the current folder, else Chinese.
    pub fn lang(&mut self, given: Option<Lang>) -> Result<Lang, ConfigError> {
        if let Some(lang) = given {
            return Ok(lang);
        }
        let settings = self.for_path(Path::new("."))?;
        Ok(settings
            .and_then(|s| s.lang.as_ref().map(|l| l.value))
            .unwrap_or(Lang::Zh))
    }

    fn load_once(&mut self, file: &Path) -> Result<Arc<Settings>, ConfigError> {
        if let Some(s) = self.loaded.get(file) {
            return Ok(s.clone());
        }
        let settings = Arc::new(load(file)?);
        self.loaded.insert(file.to_path_buf(), settings.clone());
        Ok(settings)
    }
}

/// The nearest configuration file in `folder` or a folder above it.
fn nearest(folder: &Path) -> Option<PathBuf> {
    folder.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The user's configuration file, if there is one.
fn user_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    let file = base.join("jxlint").join("jxlint.toml");
    file.is_file().then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_without_the_file_system() {
        assert_eq!(normalise(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(
            relative_to(Path::new("/r/x/y.txt"), Path::new("/r")),
            Some(PathBuf::from("x/y.txt"))
        );
        assert_eq!(relative_to(Path::new("/s/y.txt"), Path::new("/r")), None);
    }
}

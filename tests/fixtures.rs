//! The bundled sample reports: every clean report is silent, every faulty report gets exactly
//! the finding its name announces, and the full JSON output of each is pinned by a snapshot.
//!
//! Faulty samples are named `<CODE>-<what>.txt`; each is a clean sample with one defect (or a
//! set of edits that leaves only that defect).

use std::path::{Path, PathBuf};

use jxlint::diagnostic::{Lang, Severity};
use jxlint::lint::{check_file, display_path};
use jxlint::profile::Profile;
use jxlint::render::json;

fn samples(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no samples in {dir}");
    files
}

fn relative(path: &Path) -> String {
    display_path(
        path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .expect("inside the crate"),
    )
}

fn national() -> Profile {
    Profile::load("national-2020").expect("built-in profile")
}

/// The standard a sample is checked under: national, or the one its name gives after `@`
/// (`RATE009-total-above-cap@provincial-manual.txt` → `rules/profiles/examples/
/// provincial-manual.toml`), for rules a standard has to turn on.
fn profile_for(path: &Path) -> Profile {
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    match stem.split_once('@') {
        None => national(),
        Some((_, name)) => {
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("rules/profiles/examples")
                .join(format!("{name}.toml"));
            Profile::load(&file.to_string_lossy()).expect("example profile")
        }
    }
}

#[test]
fn clean_samples_are_silent() {
    for path in samples("clean") {
        let checked = check_file(&path, &profile_for(&path)).expect("readable");
        let codes: Vec<String> = checked
            .findings
            .iter()
            .map(|f| format!("{} {}", f.code(), f.message(Lang::En)))
            .collect();
        assert!(codes.is_empty(), "{}: {codes:#?}", relative(&path));
    }
}

/// The codes a faulty sample announces: `SUM005-parts-exceed.txt` → `[SUM005]`,
/// `XREF004+STRUCT005-grade-words.txt` → `[STRUCT005, XREF004]`.
fn announced(name: &str) -> Vec<String> {
    let mut codes: Vec<String> = name
        .split('-')
        .next()
        .unwrap()
        .split('+')
        .map(str::to_string)
        .collect();
    codes.sort();
    codes
}

#[test]
fn each_faulty_sample_gets_exactly_its_findings() {
    for path in samples("faulty") {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let checked = check_file(&path, &profile_for(&path)).expect("readable");
        let mut codes: Vec<String> = checked
            .findings
            .iter()
            .map(|f| f.code().to_string())
            .collect();
        codes.sort();
        assert_eq!(codes, announced(&name), "{name}");
    }
}

#[test]
fn every_rule_has_a_faulty_sample() {
    // Rules only a format can break (tracked changes in Word) have their sample there.
    let announced: Vec<String> = samples("faulty")
        .iter()
        .chain(samples("office").iter())
        .flat_map(|p| announced(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    for rule in &jxlint::catalog::catalog().rules {
        assert!(
            announced.contains(&rule.code.to_string()),
            "no faulty sample for {}",
            rule.code
        );
    }
}

/// The lines of `faulty` that its clean original does not have, as 1-based line numbers. The
/// original is the clean sample sharing the most lines with it.
fn edited_lines(faulty: &str) -> Vec<usize> {
    use std::collections::HashSet;
    let cleans: Vec<String> = samples("clean")
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let original: HashSet<&str> = cleans
        .iter()
        .map(|c| c.lines().collect::<HashSet<&str>>())
        .max_by_key(|lines| faulty.lines().filter(|l| lines.contains(l)).count())
        .expect("clean samples");
    faulty
        .lines()
        .enumerate()
        .filter(|(_, l)| !original.contains(l))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Each finding on a faulty sample labels a line that was edited to break it, unless the edit
/// only removed lines (a missing section is reported where it should have been).
#[test]
fn findings_point_at_the_broken_line() {
    let mut compared = 0;
    for path in samples("faulty") {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("UTF-8 sample");
        let edited = edited_lines(&text);
        if edited.is_empty() {
            continue;
        }
        let checked = check_file(&path, &profile_for(&path)).expect("readable");
        for finding in &checked.findings {
            let lines: Vec<usize> = finding
                .labels
                .iter()
                .map(|l| checked.source.position(l.span.start).line)
                .collect();
            assert!(
                lines.iter().any(|l| edited.contains(l)),
                "{name} {}: labels on {lines:?}, edited {edited:?}",
                finding.code()
            );
            compared += 1;
        }
    }
    assert!(compared > 40, "only {compared} findings compared");
}

/// A sub-item of an outline group (`2 交换机` under `一 设备购置`) changed: the group's sum breaks,
/// and the finding labels the changed row among the group's items.
#[test]
fn a_changed_outline_item_is_labelled() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/faulty/SUM001-outline-group.txt");
    let checked = check_file(&path, &national()).expect("readable");
    assert_eq!(checked.findings.len(), 1);
    let f = &checked.findings[0];
    let line = |span: jxlint::document::Span| checked.source.position(span.start).line;
    assert_eq!(line(f.primary_span().unwrap()), 8, "the group row");
    assert!(
        f.labels.iter().any(|l| line(l.span) == 10),
        "the changed item"
    );
}

/// A leaf changed in the detailed table breaks the group in the summary table and the grand
/// total alike; any leaf of the group could be the culprit, so one finding labels them all.
#[test]
fn a_changed_leaf_is_one_finding_that_labels_its_group() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/faulty/SUM003-detail-leaf.txt");
    let edited = edited_lines(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(edited.len(), 1, "one row edited");
    let checked = check_file(&path, &national()).expect("readable");
    assert_eq!(checked.findings.len(), 1);
    let lines: Vec<usize> = checked.findings[0]
        .labels
        .iter()
        .map(|l| checked.source.position(l.span.start).line)
        .collect();
    assert!(
        lines.contains(&edited[0]),
        "the edited A12 row is labelled: {lines:?}"
    );
    assert!(
        checked.findings[0].help(Lang::Zh).contains("SUM002"),
        "the grand total is a note"
    );
}

#[test]
fn warnings_only_samples_exit_clean_of_errors() {
    let profile = national();
    for name in [
        "RATE005-indicator-execution-score.txt",
        "RATE006-over-budget.txt",
        "RATE007-zero-budget.txt",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/faulty")
            .join(name);
        let checked = check_file(&path, &profile).expect("readable");
        assert!(
            checked
                .findings
                .iter()
                .all(|f| f.severity == Severity::Warning),
            "{name}"
        );
    }
}

#[test]
fn the_shanghai_standard_accepts_other_execution_score_formulas() {
    // 4 × 98.44% = 3.94 nationally; 4 − 0.1 × (100 − 98.44) = 3.84 under the deduction formula.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/faulty/RATE005-indicator-execution-score.txt");
    let checked = check_file(&path, &Profile::load("shanghai").unwrap()).expect("readable");
    assert!(
        checked.findings.is_empty(),
        "{:?}",
        checked
            .findings
            .iter()
            .map(|f| f.code())
            .collect::<Vec<_>>()
    );
}

/// Every sample's full JSON output, in Chinese, pinned.
#[test]
fn snapshots_of_every_sample() {
    for dir in ["clean", "faulty"] {
        for path in samples(dir) {
            let checked = check_file(&path, &profile_for(&path)).expect("readable");
            let name = relative(&path);
            let out = json::findings(&name, &checked.source, &checked.findings, Lang::Zh);
            for finding in &out {
                assert!(
                    !finding.message.contains('{') && !finding.help.contains('{'),
                    "{name}: unfilled template"
                );
            }
            let snapshot = name.replace(['/', '.', '@'], "_");
            insta::assert_snapshot!(snapshot, json::to_string(&out));
        }
    }
}

/// English messages are complete too.
#[test]
fn english_messages_have_no_unfilled_templates() {
    for path in samples("faulty") {
        let checked = check_file(&path, &profile_for(&path)).expect("readable");
        for f in &checked.findings {
            let (m, h) = (f.message(Lang::En), f.help(Lang::En));
            assert!(
                !m.contains('{') && !h.contains('{'),
                "{}: {m} / {h}",
                relative(&path)
            );
        }
    }
}

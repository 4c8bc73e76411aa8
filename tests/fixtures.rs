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

#[test]
fn clean_samples_are_silent() {
    let profile = national();
    for path in samples("clean") {
        let checked = check_file(&path, &profile).expect("readable");
        let codes: Vec<String> = checked
            .findings
            .iter()
            .map(|f| format!("{} {}", f.code(), f.message(Lang::En)))
            .collect();
        assert!(codes.is_empty(), "{}: {codes:#?}", relative(&path));
    }
}

#[test]
fn each_faulty_sample_gets_exactly_its_finding() {
    let profile = national();
    for path in samples("faulty") {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected = name.split('-').next().unwrap().to_string();
        let checked = check_file(&path, &profile).expect("readable");
        let codes: Vec<&str> = checked.findings.iter().map(|f| f.code()).collect();
        assert_eq!(codes, vec![expected.as_str()], "{name}");
    }
}

#[test]
fn every_rule_has_a_faulty_sample() {
    let names: Vec<String> = samples("faulty")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for rule in &jxlint::catalog::catalog().rules {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&format!("{}-", rule.code))),
            "no faulty sample for {}",
            rule.code
        );
    }
}

/// The primary label of each faulty sample's finding is on the line that was edited to break it.
#[test]
fn findings_point_at_the_broken_line() {
    let expectations: &[(&str, usize)] = &[
        ("CODE001-duplicate-code.txt", 151),
        ("CODE002-code-prefix.txt", 138),
        ("GRADE001-form-grade.txt", 100),
        ("GRADE001-grade-band.txt", 106),
        ("RATE001-execution-rate.txt", 112),
        ("RATE001-form-rate.txt", 11),
        ("RATE002-score-rate.txt", 50),
        ("RATE003-survey-rate.txt", 98),
        ("RATE004-execution-score.txt", 35),
        ("RATE005-indicator-execution-score.txt", 140),
        ("RATE006-over-budget.txt", 22),
        ("RATE007-zero-budget.txt", 12),
        ("SCORE001-above-full-marks.txt", 147),
        ("SCORE002-missing-score.txt", 127),
        ("SUM001-budget-total.txt", 100),
        ("SUM001-markdown-total.md", 58),
        ("SUM002-detail-total.txt", 153),
        ("SUM002-form-total.txt", 23),
        ("SUM002-markdown-subtotal.md", 39),
        ("SUM003-summary-score.txt", 50),
        ("SUM004-fund-total.txt", 10),
        ("SUM004-unfilled-total.txt", 35),
        ("WEIGHT001-full-marks-total.txt", 76),
        ("WEIGHT002-declared-weight.txt", 113),
        ("WEIGHT002-leaf-weight.txt", 116),
        ("WEIGHT002-level-weight.txt", 26),
        ("SUM001-outline-group.txt", 8),
        ("WEIGHT003-summary-full-marks.txt", 49),
    ];
    let profile = national();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/faulty");
    for (name, line) in expectations {
        let checked = check_file(&dir.join(name), &profile).expect("readable");
        let finding = checked
            .findings
            .first()
            .unwrap_or_else(|| panic!("{name}: no finding"));
        let span = finding.primary_span().expect("primary label");
        assert_eq!(checked.source.position(span.start).line, *line, "{name}");
    }
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
    let checked = check_file(&path, &national()).expect("readable");
    assert_eq!(checked.findings.len(), 1);
    let lines: Vec<usize> = checked.findings[0]
        .labels
        .iter()
        .map(|l| checked.source.position(l.span.start).line)
        .collect();
    assert!(
        lines.contains(&136),
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
    let profile = national();
    for dir in ["clean", "faulty"] {
        for path in samples(dir) {
            let checked = check_file(&path, &profile).expect("readable");
            let name = relative(&path);
            let out = json::findings(&name, &checked.source, &checked.findings, Lang::Zh);
            for finding in &out {
                assert!(
                    !finding.message.contains('{') && !finding.help.contains('{'),
                    "{name}: unfilled template"
                );
            }
            let snapshot = name.replace(['/', '.'], "_");
            insta::assert_snapshot!(snapshot, json::to_string(&out));
        }
    }
}

/// English messages are complete too.
#[test]
fn english_messages_have_no_unfilled_templates() {
    let profile = national();
    for path in samples("faulty") {
        let checked = check_file(&path, &profile).expect("readable");
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

//! Baselines end to end: recorded findings stay quiet when text is inserted above them, a
//! second identical finding is new, findings that are gone are listed and pruned, and a
//! damaged baseline is a clear error.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jxlint"))
        .current_dir(dir)
        .args(args)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .output()
        .expect("run jxlint")
}

fn sample(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata")
            .join(rel),
    )
    .unwrap()
}

/// The codes reported for `files` against `baseline.json`.
fn new_findings(dir: &Path, files: &[&str]) -> Vec<String> {
    let mut args = vec!["check", "--format", "json", "--baseline", "baseline.json"];
    args.extend(files);
    let o = run(dir, &args);
    let found: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    found
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_baseline_survives_a_paragraph_inserted_above() {
    let dir = tempfile::tempdir().unwrap();
    let form = sample("faulty/SUM002-form-total.txt");
    std::fs::write(dir.path().join("form.txt"), &form).unwrap();
    std::fs::write(
        dir.path().join("codes.txt"),
        sample("faulty/CODE001-duplicate-code.txt"),
    )
    .unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            "--write-baseline",
            "baseline.json",
            "form.txt",
            "codes.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 2 finding(s)"), "{}", stderr(&o));
    assert!(new_findings(dir.path(), &["form.txt", "codes.txt"]).is_empty());
    // A paragraph inserted above every finding moves them down a line: still recorded.
    std::fs::write(
        dir.path().join("form.txt"),
        format!("（本表已经复核）\n{form}"),
    )
    .unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "form.txt",
            "codes.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    // A changed figure is a new finding, and the recorded one is gone.
    std::fs::write(dir.path().join("form.txt"), form.replace("98.88", "97.88")).unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "form.txt",
            "codes.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let found: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["code"], "SUM002");
    assert!(
        stderr(&o).contains("form.txt: SUM002 at «总分» ×1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_second_identical_finding_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let form = sample("faulty/SUM002-form-total.txt");
    std::fs::write(dir.path().join("form.txt"), &form).unwrap();
    run(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "form.txt"],
    );
    // The same faulty form twice in one file: two findings alike, one recorded.
    std::fs::write(dir.path().join("form.txt"), format!("{form}\n\n{form}")).unwrap();
    assert_eq!(new_findings(dir.path(), &["form.txt"]), ["SUM002"]);
}

#[test]
fn gone_findings_are_listed_and_pruned_alone() {
    let dir = tempfile::tempdir().unwrap();
    let form = sample("faulty/SUM002-form-total.txt");
    let codes = sample("faulty/CODE001-duplicate-code.txt");
    std::fs::write(dir.path().join("form.txt"), &form).unwrap();
    std::fs::write(dir.path().join("codes.txt"), &codes).unwrap();
    run(
        dir.path(),
        &[
            "check",
            "--write-baseline",
            "baseline.json",
            "form.txt",
            "codes.txt",
        ],
    );
    // The form is corrected: its entry is gone, the other stays.
    std::fs::write(
        dir.path().join("form.txt"),
        sample("clean/self-evaluation-forms.txt"),
    )
    .unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "form.txt",
            "codes.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("are gone (fixed)"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--prune-baseline"), "{}", stderr(&o));
    // Checking one file says nothing of the other file's entries.
    let o = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "codes.txt"],
    );
    assert_eq!(stderr(&o), "");
    let o = run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--prune-baseline",
            "form.txt",
            "codes.txt",
        ],
    );
    assert!(
        stderr(&o).contains("the baseline records 1 finding(s)"),
        "{}",
        stderr(&o)
    );
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    let entries = kept["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["rule"], "CODE001");
    // The CODE001 finding is still recorded, and nothing more is gone.
    let o = run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "form.txt",
            "codes.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
}

#[test]
fn a_damaged_baseline_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("form.txt"),
        sample("faulty/SUM002-form-total.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("baseline.json"),
        "{\"version\": 1, \"entries\": [{}]}",
    )
    .unwrap();
    let o = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "form.txt"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("baseline.json is not a jxlint baseline"),
        "{}",
        stderr(&o)
    );
    let o = run(
        dir.path(),
        &["check", "--baseline", "missing.json", "form.txt"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read the baseline"),
        "{}",
        stderr(&o)
    );
    // --prune-baseline needs --baseline.
    let o = run(dir.path(), &["check", "--prune-baseline", "form.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

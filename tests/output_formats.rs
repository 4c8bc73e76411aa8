//! The output formats for other tools, each held to the shape its consumer documents:
//! `concise` lines, JSON lines, GitHub workflow commands, the GitLab Code Quality report and
//! JUnit XML; and `--output-file`, `--statistics`, `--exit-zero`.

mod common;

use std::process::{Command, Output};

use common::{jxlint, stdout, testdata};

/// The findings of `files` as the JSON array gives them.
fn json_findings(files: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--format", "json"];
    args.extend(files);
    serde_json::from_str(&stdout(&jxlint(&args))).expect("a JSON array")
}

const FAULTY: &[&str] = &[
    "faulty/SUM002-form-total.txt",
    "faulty/CODE001-duplicate-code.txt",
    "office/SUM004-fund-total.docx",
];

fn faulty() -> Vec<String> {
    FAULTY.iter().map(|f| testdata(f)).collect()
}

fn run(format: &str, files: &[String]) -> Output {
    let mut args = vec!["check", "--format", format];
    args.extend(files.iter().map(String::as_str));
    jxlint(&args)
}

#[test]
fn concise_is_one_line_per_finding_at_its_first_label() {
    let files = faulty();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let expected = json_findings(&refs);
    let o = run("concise", &files);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{out}");
    for (line, f) in lines.iter().zip(&expected) {
        let label = &f["labels"][0];
        let prefix = format!(
            "{}:{}:{}: {} ",
            f["path"].as_str().unwrap(),
            label["line"],
            label["column"],
            f["code"].as_str().unwrap()
        );
        assert!(line.starts_with(&prefix), "{line} / {prefix}");
    }
    // A Word file's finding names the cell a person finds.
    let word = lines
        .iter()
        .find(|l| l.contains(".docx:"))
        .expect("the docx finding");
    assert!(word.contains("(表 1 第"), "{word}");
}

#[test]
fn jsonl_is_the_json_array_one_object_per_line() {
    let files = faulty();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let expected = json_findings(&refs);
    let out = stdout(&run("jsonl", &files));
    let parsed: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one object per line"))
        .collect();
    assert_eq!(parsed, expected);
}

#[test]
fn github_annotations_are_workflow_commands_with_escaped_properties() {
    // A file name with `,` and `:` must not break the command's properties.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a,b:c.txt");
    std::fs::copy(testdata("faulty/SUM002-form-total.txt"), &odd).unwrap();
    let files = vec![odd.to_string_lossy().into_owned(), testdata(FAULTY[2])];
    let out = stdout(&run("github", &files));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    for line in &lines {
        let (command, rest) = line[2..].split_once(' ').expect("::command properties");
        assert!(["error", "warning", "notice"].contains(&command), "{line}");
        let (properties, message) = rest.split_once("::").expect("properties::message");
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| p.split_once('=').expect("key=value").0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
        for p in properties.split(',') {
            let value = p.split_once('=').unwrap().1;
            assert!(!value.contains(':'), "{line}");
        }
        assert!(!message.is_empty() && !message.contains('\n'));
    }
    // Files print in path order, and the temporary folder may sort either
    // side of the checkout: find each file's line by its name.
    let odd_line = lines
        .iter()
        .find(|l| l.contains("a%2Cb%3Ac.txt"))
        .unwrap_or_else(|| panic!("escaped file name in {out}"));
    // The help line goes on after an escaped line break.
    assert!(odd_line.contains("%0A"), "{odd_line}");
    let office_line = lines.iter().find(|l| !l.contains("a%2Cb%3Ac.txt")).unwrap();
    assert!(office_line.contains("(表 1 第"), "{office_line}");
}

#[test]
fn gitlab_code_quality_has_the_documented_fields_and_unique_fingerprints() {
    let files = faulty();
    let out = stdout(&run("gitlab", &files));
    let issues: Vec<serde_json::Value> = serde_json::from_str(&out).expect("a JSON array");
    assert!(!issues.is_empty());
    let mut fingerprints = std::collections::HashSet::new();
    for issue in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key} in {issue}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["location"]["path"].is_string());
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()));
    }
    // The same findings give the same fingerprints: they do not depend on the run.
    assert_eq!(stdout(&run("gitlab", &files)), out);
}

#[test]
fn gitlab_fingerprints_survive_a_line_inserted_above() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("form.txt");
    let text = std::fs::read_to_string(testdata("faulty/SUM002-form-total.txt")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let file = vec![path.to_string_lossy().into_owned()];
    let before: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run("gitlab", &file))).unwrap();
    std::fs::write(&path, format!("（本表经复核）\n{text}")).unwrap();
    let after: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run("gitlab", &file))).unwrap();
    assert_eq!(before.len(), after.len());
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a["fingerprint"], b["fingerprint"]);
        assert_eq!(
            a["location"]["lines"]["begin"].as_u64().unwrap() + 1,
            b["location"]["lines"]["begin"].as_u64().unwrap()
        );
    }
}

#[test]
fn junit_has_a_test_case_per_file_and_a_failure_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04 not a zip").unwrap();
    let mut files = faulty();
    files.push(testdata("clean/third-party-3level.txt"));
    files.push(broken.to_string_lossy().into_owned());
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let expected = json_findings(&refs[..4]);
    let o = run("junit", &files);
    assert_eq!(o.status.code(), Some(2), "a file could not be read");
    let out = stdout(&o);
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    let cases: Vec<roxmltree::Node<'_, '_>> = suites
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), files.len());
    let failures = suites
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, expected.len());
    assert_eq!(
        suites.attribute("failures"),
        Some(&*expected.len().to_string())
    );
    assert_eq!(suites.attribute("tests"), Some(&*files.len().to_string()));
    let clean = cases
        .iter()
        .find(|c| {
            c.attribute("name")
                .unwrap()
                .ends_with("third-party-3level.txt")
        })
        .unwrap();
    assert!(!clean.has_children());
    let unreadable = cases
        .iter()
        .find(|c| c.attribute("name").unwrap().ends_with("broken.docx"))
        .unwrap();
    assert!(unreadable.children().any(|n| n.has_tag_name("error")));
    // Each failure is typed by its rule's code, in the order of the findings.
    let types: Vec<&str> = suites
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .map(|n| n.attribute("type").unwrap())
        .collect();
    let codes: Vec<&str> = expected
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(types, codes);
}

#[test]
fn output_file_statistics_and_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let files = faulty();
    let mut args = vec![
        "check",
        "--format",
        "json",
        "--output-file",
        report.to_str().unwrap(),
    ];
    args.extend(files.iter().map(String::as_str));
    let o = jxlint(&args);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let written: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    assert_eq!(written, json_findings(&refs));

    // --statistics: a count per rule instead of the findings.
    let mut args = vec!["check", "--statistics"];
    args.extend(files.iter().map(String::as_str));
    let out = stdout(&jxlint(&args));
    let total: usize = out
        .lines()
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, written.len(), "{out}");
    assert!(out.contains("SUM002  indicator-level-sum"), "{out}");

    // --exit-zero: errors found, exit 0.
    let mut args = vec!["check", "--exit-zero", "-q"];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(jxlint(&args).status.code(), Some(0));

    // An output file that cannot be written is a clear error.
    let o = jxlint(&[
        "check",
        "--output-file",
        dir.path().join("no/such/dir/out.txt").to_str().unwrap(),
        &files[0],
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write the output"));
}

/// The SARIF 2.1.0 schema as OASIS publishes it (vendored: tests never need the network).
fn sarif_validator() -> jsonschema::Validator {
    let mut schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json"))
            .expect("the vendored schema is JSON");
    // The published schema's `language` patterns have a stray `]` (`…[a-zA-Z]{2}]?$`),
    // which a strict checker refuses as a regex; they are mended here, the file stays as
    // published. jxlint writes no `language`.
    for definition in ["run", "toolComponent"] {
        let pattern = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(pattern, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *pattern = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    jsonschema::validator_for(&schema).expect("a usable schema")
}

fn assert_valid_sarif(log: &serde_json::Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_validates_and_has_what_code_scanning_needs() {
    let files = faulty();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let expected = json_findings(&refs);
    // Paths relative to the repository, as code scanning needs them: run from the crate root.
    let o = Command::new(env!("CARGO_BIN_EXE_jxlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "sarif"])
        .args(FAULTY.iter().map(|f| format!("testdata/{f}")))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 40);
    for rule in rules {
        for key in ["id", "name"] {
            assert!(rule[key].is_string(), "{rule}");
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[key]["text"].as_str().unwrap().is_empty(),
                "{key}: {rule}"
            );
        }
        assert!(["error", "warning", "note"]
            .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len());
    for (result, f) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], f["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], f["code"]);
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("testdata/"), "{uri}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(result["partialFingerprints"]["jxlint/v1"].is_string());
    }
    // Code scanning cannot show a Word file: the message names the cell.
    let word = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with(".docx")
        })
        .unwrap();
    assert!(word["message"]["text"]
        .as_str()
        .unwrap()
        .contains("(表 1 第"));

    // A clean run is a valid log with no results.
    let o = jxlint(&[
        "check",
        "--format",
        "sarif",
        &testdata("clean/third-party-3level.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn the_sarif_check_rejects_a_broken_log() {
    // The validator is not vacuous: a result without its message is refused.
    let o = jxlint(&["check", "--format", "sarif", &testdata(FAULTY[0])]);
    let mut log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    log["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(sarif_validator().iter_errors(&log).next().is_some());
}

//! The command line as users run it: exit codes, bad input, output formats.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{jxlint, stderr, stdout, testdata};

fn json(o: &Output) -> Vec<serde_json::Value> {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", stdout(o)))
}

/// A clean report, written into `dir` under `name`.
fn clean_report(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(testdata("clean/self-evaluation-forms.txt"), &path).expect("copy");
    path
}

#[test]
fn clean_report_exits_0_and_prints_nothing() {
    let o = jxlint(&["check", &testdata("clean/third-party-3level.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "");
}

#[test]
fn an_error_exits_1() {
    let o = jxlint(&["check", &testdata("faulty/CODE001-duplicate-code.txt")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("CODE001"), "{out}");
    assert!(out.contains("指标编码 C23"), "{out}");
}

#[test]
fn warnings_alone_exit_0() {
    let o = jxlint(&["check", &testdata("faulty/RATE006-over-budget.txt")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("RATE006"));
}

#[test]
fn json_output_has_the_documented_shape() {
    let o = jxlint(&[
        "check",
        "--format",
        "json",
        &testdata("faulty/SCORE002-missing-score.txt"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let findings = json(&o);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["code"], "SCORE002");
    assert_eq!(f["name"], "missing-score");
    assert_eq!(f["severity"], "error");
    assert!(f["path"]
        .as_str()
        .unwrap()
        .ends_with("SCORE002-missing-score.txt"));
    assert!(f["message"].as_str().unwrap().contains("C1.2.2"));
    assert!(f["help"].as_str().unwrap().contains("4.60"));
    let label = &f["labels"][1];
    for key in ["line", "column", "end_line", "end_column"] {
        assert!(label[key].as_u64().unwrap() >= 1, "{key}");
    }
    // The missing cell is an empty label at the end of line 127.
    let missing = &f["labels"][0];
    assert_eq!(missing["line"], 127);
    assert_eq!(missing["column"], missing["end_column"]);
}

#[test]
fn json_of_a_clean_run_is_an_empty_array() {
    let o = jxlint(&["check", "--format", "json", &testdata("clean")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(json(&o).is_empty());
}

#[test]
fn english_messages() {
    let o = jxlint(&[
        "--lang",
        "en",
        "check",
        "--format",
        "json",
        &testdata("faulty/SUM001-budget-total.txt"),
    ]);
    let f = &json(&o)[0];
    assert_eq!(
        f["message"],
        "the 合计 row gives 预算金额 73.00, but the rows add up to 72.00 (off by +1.00)"
    );
    assert_eq!(
        f["help"],
        "18.60 + 12.35 + 9.80 + 6.45 + 24.80 = 72.00; rounding explains at most ±0.03"
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let o = jxlint(&[
        "check",
        "--format",
        "json",
        &testdata("faulty/CODE001-duplicate-code.txt"),
    ]);
    let label = &json(&o)[0]["labels"][0];
    // "\t\tC23 …": the code starts at the third character.
    assert_eq!(label["column"], 3);
    assert_eq!(label["end_column"], 6);
}

#[test]
fn a_missing_file_is_reported_and_the_others_are_still_checked() {
    let o = jxlint(&[
        "check",
        "--format",
        "json",
        "no/such/report.txt",
        &testdata("faulty/CODE001-duplicate-code.txt"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/report.txt"), "{}", stderr(&o));
    let findings = json(&o);
    assert_eq!(findings[0]["code"], "CODE001");
}

#[test]
fn binary_files_get_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("scan.txt");
    std::fs::write(
        &bin,
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0, 1],
    )
    .unwrap();
    let junk = dir.path().join("junk.md");
    let bytes: Vec<u8> = (0..2000u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    std::fs::write(&junk, bytes).unwrap();
    let good = clean_report(dir.path(), "good.txt");
    let o = jxlint(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("scan.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("junk.md"), "{err}");
    assert!(!err.contains("good.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(good.exists());
}

#[test]
fn gbk_and_utf16_files_are_decoded() {
    let o = jxlint(&[
        "check",
        "--format",
        "json",
        "--verbose",
        &testdata("clean/gbk-encoded-form.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("gb18030"), "{}", stderr(&o));

    // A faulty report saved as UTF-16 with a byte-order mark: same finding, same position.
    let utf8 = testdata("faulty/CODE001-duplicate-code.txt");
    let o = jxlint(&["check", "--format", "json", &utf8]);
    let line = json(&o)[0]["labels"][0]["line"].clone();
    assert!(line.as_u64().is_some_and(|l| l > 100), "{line}");
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&utf8).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = dir.path().join("utf16.txt");
    std::fs::write(&path, bytes).unwrap();
    let o = jxlint(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let f = &json(&o)[0];
    assert_eq!(f["code"], "CODE001");
    assert_eq!(f["labels"][0]["line"], line);

    // And as GBK.
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let path = dir.path().join("gbk.txt");
    std::fs::write(&path, gbk).unwrap();
    let o = jxlint(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(json(&o)[0]["labels"][0]["line"], line);
}

#[test]
fn a_file_in_an_unexpected_encoding_is_refused_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.txt");
    // Valid UTF-8 text followed by a truncated multi-byte sequence and stray bytes.
    let mut bytes = "合计\t100\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xE5, 0x90, b'\n', 0xFF, 0xFE, 0xFD]);
    std::fs::write(&path, bytes).unwrap();
    let o = jxlint(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.txt"), "{}", stderr(&o));
}

#[test]
fn an_empty_file_is_noted_and_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.md");
    std::fs::write(&path, "").unwrap();
    let o = jxlint(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("empty file"), "{}", stderr(&o));
}

#[test]
fn a_damaged_docx_is_refused_with_a_reason_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.docx");
    std::fs::write(&path, b"PK\x03\x04 not really a zip").unwrap();
    let other = testdata("faulty/CODE001-duplicate-code.txt");
    let o = jxlint(&["check", path.to_str().unwrap(), &other]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".docx"), "{}", stderr(&o));
    assert!(stderr(&o).contains("zip"), "{}", stderr(&o));
    assert!(stdout(&o).contains("CODE001"), "{}", stdout(&o));
}

#[test]
fn formats_jxlint_cannot_read_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.doc");
    std::fs::write(&path, b"old word").unwrap();
    let o = jxlint(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("save it as .docx"), "{}", stderr(&o));
}

#[test]
fn folders_are_walked_for_report_files_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("b");
    std::fs::create_dir(&sub).unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::copy(
        testdata("faulty/CODE001-duplicate-code.txt"),
        sub.join("2.txt"),
    )
    .unwrap();
    std::fs::copy(
        testdata("faulty/SUM002-markdown-subtotal.md"),
        dir.path().join("a.md"),
    )
    .unwrap();
    std::fs::copy(
        testdata("faulty/SUM004-fund-total.txt"),
        dir.path().join(".git").join("x.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("scan.png"), b"ignored when walking").unwrap();
    std::fs::write(dir.path().join("~$report.docx"), b"Word's owner file").unwrap();
    let o = jxlint(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let codes: Vec<String> = json(&o)
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, vec!["SUM002", "CODE001"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn input_files_are_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    std::fs::copy(testdata("faulty/SUM003-summary-score.txt"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let _ = jxlint(&["check", path.to_str().unwrap()]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn no_colour_unless_asked_and_colour_when_asked() {
    let file = testdata("faulty/CODE001-duplicate-code.txt");
    let plain = stdout(&jxlint(&["check", &file]));
    assert!(
        !plain.contains('\u{1b}'),
        "piped output has no escape codes"
    );
    let coloured = stdout(&jxlint(&["check", "--color", "always", &file]));
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn summary_lists_each_file_with_total_and_grade() {
    let o = jxlint(&[
        "check",
        "--summary",
        &testdata("clean/third-party-4level.txt"),
        &testdata("faulty/CODE001-duplicate-code.txt"),
    ]);
    let out = stdout(&o);
    assert!(out.contains("89.46") && out.contains("良好"), "{out}");
    assert!(
        out.lines().any(|l| l.contains("CODE001-duplicate-code.txt")
            && l.contains("93.71")
            && l.trim_end().ends_with('0')),
        "{out}"
    );
    assert!(
        !out.contains("指标编码 C23"),
        "--summary replaces the detail: {out}"
    );
}

#[test]
fn unknown_standard_is_a_usage_error() {
    let o = jxlint(&["check", "--standard", "nowhere", &testdata("clean")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("national-2020"));
}

#[test]
fn a_profile_file_can_be_given() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("strict.toml");
    let national = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/profiles/national-2020.toml"),
    )
    .unwrap();
    // A standard whose 优 starts at 95: the 93.71 report's 优 is then wrong, in both places
    // the report states it.
    std::fs::write(&profile, national.replace("min = \"90\"", "min = \"95\"")).unwrap();
    let o = jxlint(&[
        "check",
        "--format",
        "json",
        "--standard",
        profile.to_str().unwrap(),
        &testdata("clean/third-party-3level.txt"),
    ]);
    let findings = json(&o);
    let codes: Vec<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["GRADE001", "GRADE001"]);

    std::fs::write(&profile, "name = \"broken\"\n").unwrap();
    let o = jxlint(&[
        "check",
        "--standard",
        profile.to_str().unwrap(),
        &testdata("clean"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid profile"), "{}", stderr(&o));
}

#[test]
fn rules_and_explain() {
    let o = jxlint(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for code in [
        "SUM001",
        "RATE004",
        "WEIGHT001",
        "GRADE001",
        "SCORE002",
        "CODE001",
        "XREF003",
        "TARGET001",
        "DATE002",
        "STRUCT004",
    ] {
        assert!(out.contains(code), "{code}");
    }
    let o = jxlint(&["rules", "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(list
        .iter()
        .any(|r| r["code"] == "SUM004" && r["severity"] == "error"));

    let o = jxlint(&["--lang", "en", "explain", "grade001"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("GRADE001") && out.contains("Wrong") && out.contains("Right"),
        "{out}"
    );
    // Every explanation says how to silence the rule.
    let o = jxlint(&["explain", "XREF003"]);
    assert!(
        stdout(&o).contains("jxlint:ignore XREF003") && stdout(&o).contains("--ignore XREF003"),
        "{}",
        stdout(&o)
    );

    let o = jxlint(&["explain", "XYZ999"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(jxlint(&["check", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(jxlint(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn no_path_means_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        testdata("faulty/CODE001-duplicate-code.txt"),
        dir.path().join("r.txt"),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_jxlint"))
        .args(["check", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let findings = json(&o);
    assert_eq!(findings[0]["path"], "r.txt");
    assert_eq!(findings[0]["code"], "CODE001");
}

#[test]
fn ignore_silences_codes_and_families_for_the_run() {
    let faulty = testdata("faulty/XREF003-restated-count.txt");
    let o = jxlint(&["check", "--format", "json", &faulty]);
    assert_eq!(json(&o).len(), 1);
    for selector in ["XREF003", "xref", "DATE,XREF"] {
        let o = jxlint(&["check", "--format", "json", "--ignore", selector, &faulty]);
        assert_eq!(o.status.code(), Some(0), "{selector}: {}", stderr(&o));
        assert!(json(&o).is_empty(), "{selector}");
    }
    // Another rule's code silences nothing.
    let o = jxlint(&["check", "--format", "json", "--ignore", "XREF001", &faulty]);
    assert_eq!(json(&o).len(), 1);
    // A selector that names no rule is a usage error, not a silent no-op.
    let o = jxlint(&["check", "--ignore", "XERF003", &faulty]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("XERF003"), "{}", stderr(&o));
}

/// `jxlint:ignore CODE` on a labelled line, or the line before it, silences that finding
/// there and nowhere else.
#[test]
fn an_inline_marker_silences_one_place() {
    let faulty = testdata("faulty/XREF003-restated-count.txt");
    let o = jxlint(&["check", "--format", "json", &faulty]);
    let line = json(&o)[0]["labels"][0]["line"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(&faulty).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The codes found with a marker added to line `at`, and the run's extra arguments.
    let with_marker = |at: usize, marker: &str, extra: &[&str]| -> Vec<String> {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines[at - 1].push_str(marker);
        let path = dir.path().join(format!("marked-{at}.txt"));
        std::fs::write(&path, lines.join("\n")).unwrap();
        let mut args = vec!["check", "--format", "json"];
        args.extend(extra);
        args.push(path.to_str().unwrap());
        let o = jxlint(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let mut codes: Vec<String> = json(&o)
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        codes.sort();
        codes
    };
    let none: Vec<String> = Vec::new();
    assert_eq!(
        with_marker(line, " jxlint:ignore XREF003", &[]),
        none,
        "same line"
    );
    assert_eq!(
        with_marker(line - 1, "jxlint:ignore XREF003", &[]),
        none,
        "line before"
    );
    assert_eq!(
        with_marker(line, " jxlint:ignore", &[]),
        none,
        "bare marker"
    );
    // A marker that silences nothing is a note of its own (LINT001).
    assert_eq!(
        with_marker(line, " jxlint:ignore DATE001", &[]),
        ["LINT001", "XREF003"],
        "other code"
    );
    assert_eq!(
        with_marker(line - 2, "jxlint:ignore XREF003", &[]),
        ["LINT001", "XREF003"],
        "too far up"
    );
    assert_eq!(
        with_marker(line - 2, "jxlint:ignore", &[]),
        ["LINT001", "XREF003"],
        "a bare marker with nothing to silence"
    );
    // One code of two used: the other is reported.
    let o = with_marker(line, " jxlint:ignore XREF003, DATE001", &[]);
    assert_eq!(o, ["LINT001"]);
    // A rule turned off for the run is not held against the marker, and LINT001 itself can
    // be turned off.
    assert_eq!(
        with_marker(line - 2, "jxlint:ignore DATE001", &["--ignore", "DATE"]),
        ["XREF003"]
    );
    assert_eq!(
        with_marker(line - 2, "jxlint:ignore XREF003", &["--ignore", "LINT001"]),
        ["XREF003"]
    );
}

#[test]
fn inspect_shows_what_was_recognised() {
    let o = jxlint(&[
        "--lang",
        "en",
        "inspect",
        &testdata("clean/district-report.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for section in ["== document", "== facts", "== claims in prose"] {
        assert!(out.contains(section), "{section} missing:\n{out}");
    }
    assert!(out.contains("2022"), "the fiscal year:\n{out}");
    let o = jxlint(&["inspect", &testdata("no-such-file.txt")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_folder_mixing_every_format_is_checked_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("faulty/SUM004-fund-total.txt", "a.txt"),
        ("office/SUM004-fund-total.docx", "b.docx"),
        ("office/SUM004-fund-total.xlsx", "c.xlsx"),
        ("office/SUM004-fund-total.html", "d.html"),
        ("office/self-evaluation-forms.xls", "e.xls"),
        ("office/SUM004-fund-total@gbk-page.html", "f.htm"),
    ] {
        std::fs::copy(testdata(from), dir.path().join(to)).unwrap();
    }
    let o = jxlint(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let found: Vec<(String, String)> = json(&o)
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, f["code"].as_str().unwrap().to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = ["a.txt", "b.docx", "c.xlsx", "d.html", "f.htm"]
        .iter()
        .map(|n| (n.to_string(), "SUM004".to_string()))
        .collect();
    assert_eq!(found, expected);
    // Office findings say where the cell is; text findings have lines only.
    let all = json(&o);
    assert!(all[0].get("location").is_none());
    assert_eq!(all[1]["location"]["kind"], "table_cell");
    assert_eq!(all[2]["location"]["kind"], "sheet_cell");
    assert_eq!(all[2]["location"]["cell"], "C6");
}

#[test]
fn human_output_names_the_cell_in_word_and_excel() {
    let o = jxlint(&["check", &testdata("office/SUM004-fund-total.xlsx")]);
    assert!(stdout(&o).contains("工作表「自评表1」C6"), "{}", stdout(&o));
    let o = jxlint(&[
        "--lang",
        "en",
        "check",
        &testdata("office/CODE001-duplicate-code.docx"),
    ]);
    assert!(stdout(&o).contains("» table "), "{}", stdout(&o));
}

#[test]
fn extract_shows_the_text_view_and_the_document() {
    let file = testdata("office/SUM004-fund-total.docx");
    let o = jxlint(&["extract", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    // The line a finding names is the line extract shows the row on.
    let finding = json(&jxlint(&["check", "--format", "json", &file]))[0].clone();
    let line = finding["labels"][0]["line"].as_u64().unwrap();
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{line} │")))
        .unwrap_or_else(|| panic!("line {line} in:\n{text}"));
    assert!(
        row.contains("年度资金总额") && row.contains("12.80"),
        "{row}"
    );
    assert!(text.contains("表 1"), "{text}");

    let o = jxlint(&["extract", "--format", "json", &file]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let tables: Vec<&serde_json::Value> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "table")
        .collect();
    assert_eq!(tables.len(), 4);
    let cell = &tables[0]["rows"][3][2];
    assert_eq!(cell["text"], "12.80");
    assert_eq!(cell["at"]["location"]["row"], 4);
    assert_eq!(cell["at"]["location"]["column"], 3);
}

#[test]
fn inspect_speaks_the_users_language() {
    let file = testdata("office/SUM004-fund-total.xlsx");
    let zh = stdout(&jxlint(&["inspect", &file]));
    assert!(
        zh.contains("== 评分表") && zh.contains("绩效自评表"),
        "{zh}"
    );
    let en = stdout(&jxlint(&["--lang", "en", "inspect", &file]));
    assert!(
        en.contains("== scorecards") && en.contains("self-evaluation form"),
        "{en}"
    );
    for debug_name in ["SelfEvaluation", "FundBlock", "Some(", "Detail)"] {
        assert!(
            !zh.contains(debug_name) && !en.contains(debug_name),
            "{debug_name}"
        );
    }
}

#[test]
fn verbose_lists_what_was_not_read_in_the_users_language() {
    let file = testdata("office/self-evaluation-forms@hidden-row.xlsx");
    let o = jxlint(&["check", "--verbose", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("工作表「自评表1」的隐藏行"), "{err}");
    assert!(err.contains("隐藏的工作表「草稿」未读取"), "{err}");
    let o = jxlint(&["--lang", "en", "check", "--verbose", &file]);
    let err = stderr(&o);
    assert!(err.contains("hidden sheet “草稿”, not read"), "{err}");
}

#[test]
fn a_finding_in_a_pdf_names_its_page_and_line() {
    let pdf = testdata("office/SUM004-fund-total.pdf");
    let pdf = pdf.as_str();
    // The 年度资金总额 row is the tenth line a reader sees on the first page.
    let o = jxlint(&["check", pdf]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("SUM004-fund-total.pdf » 第 1 页 第 10 行"),
        "{out}"
    );
    let o = jxlint(&["--lang", "en", "check", pdf]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("page 1, line 10"), "{out}");
    let o = jxlint(&["check", "--format", "json", pdf]);
    let location = &json(&o)[0]["location"];
    assert_eq!(location["kind"], "page_line");
    assert_eq!(location["page"], 1);
    assert_eq!(location["line"], 10);
}

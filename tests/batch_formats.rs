//! What a batch prints besides its findings: `--summary` and `--statistics` in each format
//! that can hold them (and a clear refusal from those that cannot), CSV for spreadsheets, and
//! the same output whatever the number of workers.

mod common;

use common::{jxlint, stderr, stdout, testdata};

const FILES: &[&str] = &[
    "faulty/SUM002-form-total.txt",
    "clean/district-report.txt",
    "office/SUM004-fund-total.docx",
];

fn files() -> Vec<String> {
    FILES.iter().map(|f| testdata(f)).collect()
}

fn run(extra: &[&str]) -> std::process::Output {
    let files = files();
    let mut args = vec!["check"];
    args.extend(extra);
    args.extend(files.iter().map(String::as_str));
    jxlint(&args)
}

/// Split CSV text (as jxlint writes it: CRLF rows, quoted fields) into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "CSV ends with a line break"
    );
    rows
}

#[test]
fn summary_csv_is_one_row_per_report_for_excel() {
    let o = run(&["--summary", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with('\u{FEFF}'), "a byte order mark for Excel");
    assert!(out.contains("\r\n"));
    let rows = parse_csv(out.trim_start_matches('\u{FEFF}'));
    assert_eq!(rows[0][..4], ["文件", "类型", "总分", "等级"]);
    assert_eq!(rows.len(), 1 + FILES.len());
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let district = rows
        .iter()
        .find(|r| r[0].ends_with("district-report.txt"))
        .unwrap();
    assert_eq!(district[1..7], ["评价报告", "92", "优", "0", "0", "0"]);
    let faulty = rows
        .iter()
        .find(|r| r[0].ends_with("SUM002-form-total.txt"))
        .unwrap();
    assert_ne!(faulty[4], "0", "{faulty:?}");
    // Nothing of the summary is left for the standard error.
    assert!(!stderr(&o).contains("district-report"), "{}", stderr(&o));
}

#[test]
fn summary_json_and_jsonl_are_the_same_rows() {
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run(&["--summary", "--format", "json"]))).unwrap();
    let jsonl: Vec<serde_json::Value> = stdout(&run(&["--summary", "--format", "jsonl"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(json, jsonl);
    assert_eq!(json.len(), FILES.len());
    let district = json
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("district-report.txt"))
        .unwrap();
    assert_eq!(district["kind"], "report");
    assert_eq!(district["total"], "92");
    assert_eq!(district["grade"], "优");
    assert_eq!(district["errors"], 0);
    let docx = json
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with(".docx"))
        .unwrap();
    assert_eq!(docx["errors"], 1, "{docx}");
}

#[test]
fn findings_csv_has_a_row_per_finding_with_its_place_and_arithmetic() {
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run(&["--format", "json", "--lang", "en"]))).unwrap();
    let o = run(&["--format", "csv", "--lang", "en"]);
    let rows = parse_csv(stdout(&o).trim_start_matches('\u{FEFF}'));
    assert_eq!(
        rows[0],
        ["file", "line", "column", "code", "severity", "rule", "message", "place", "help"]
    );
    assert_eq!(rows.len() - 1, json.len());
    for (row, f) in rows[1..].iter().zip(&json) {
        assert_eq!(row[3], f["code"].as_str().unwrap());
        assert_eq!(row[8], f["help"].as_str().unwrap());
    }
    let docx = rows.iter().find(|r| r[0].ends_with(".docx")).unwrap();
    assert!(docx[7].starts_with("table 1, row"), "{docx:?}");
}

#[test]
fn statistics_in_json_and_csv() {
    let text = stdout(&run(&["--statistics"]));
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&run(&["--statistics", "--format", "json"]))).unwrap();
    assert_eq!(json.len(), text.lines().count(), "{text}");
    for (line, rule) in text.lines().zip(&json) {
        let mut words = line.split_whitespace();
        assert_eq!(words.next().unwrap(), rule["count"].to_string());
        assert_eq!(words.next().unwrap(), rule["code"].as_str().unwrap());
    }
    let csv = parse_csv(
        stdout(&run(&["--statistics", "--format", "csv"])).trim_start_matches('\u{FEFF}'),
    );
    assert_eq!(csv.len(), json.len() + 1);
}

#[test]
fn every_summary_and_statistics_combination_works_or_is_refused() {
    for format in [
        "human", "concise", "json", "jsonl", "csv", "github", "gitlab", "junit", "sarif", "html",
    ] {
        for mode in ["--summary", "--statistics"] {
            let o = run(&[mode, "--format", format]);
            let err = stderr(&o);
            let works = match mode {
                "--summary" => ["human", "json", "jsonl", "csv"].contains(&format),
                _ => ["human", "concise", "json", "jsonl", "csv"].contains(&format),
            };
            if works {
                assert_eq!(o.status.code(), Some(1), "{mode} {format}: {err}");
                assert!(!stdout(&o).is_empty(), "{mode} {format}");
            } else {
                assert_eq!(o.status.code(), Some(2), "{mode} {format}");
                assert!(err.contains(mode), "{mode} {format}: {err}");
                assert!(stdout(&o).is_empty(), "{mode} {format}");
            }
        }
    }
    let o = run(&["--summary", "--statistics"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give one"), "{}", stderr(&o));
}

#[test]
fn output_is_the_same_with_one_worker_or_many() {
    let all = testdata("");
    for format in ["json", "human", "junit"] {
        let one = jxlint(&[
            "check", "-j", "1", "--format", format, "--color", "never", &all,
        ]);
        let many = jxlint(&[
            "check", "-j", "4", "--format", format, "--color", "never", &all,
        ]);
        assert_eq!(stdout(&one), stdout(&many), "{format}");
        assert_eq!(one.status.code(), many.status.code());
    }
}

#[test]
fn the_output_file_is_not_checked_as_a_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        testdata("clean/district-report.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let out = dir.path().join("report.html");
    std::fs::write(&out, "<html>old</html>").unwrap();
    let o = jxlint(&[
        "check",
        "--format",
        "html",
        "--output-file",
        out.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("a.txt"));
    assert!(!html.contains("report.html"), "the old output was checked");
}

#[test]
fn no_progress_line_into_a_pipe() {
    // The standard error is a pipe here: nothing but messages on it.
    let o = run(&[]);
    assert!(!stderr(&o).contains('\r'), "{:?}", stderr(&o));
}

#[test]
fn a_progress_line_at_a_terminal_and_none_with_quiet() {
    // util-linux's `script` gives jxlint a terminal for its standard output and error.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script`: the progress line was not tried at a terminal");
        return;
    }
    let dir = testdata("");
    let at_terminal = |extra: &str| {
        let command = format!(
            "{} check --lang en --format json {extra} {dir} > /dev/null",
            env!("CARGO_BIN_EXE_jxlint")
        );
        let o = std::process::Command::new("script")
            .args(["-q", "-e", "-c", &command, "/dev/null"])
            .env("TERM", "xterm")
            .output()
            .expect("run script");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shown = at_terminal("");
    assert!(
        shown.contains(" files · ") && shown.contains('\r'),
        "{shown:?}"
    );
    // The line is erased at the end, leaving nothing behind it.
    assert!(shown.trim_end().ends_with("\x1b[2K"), "{shown:?}");
    let quiet = at_terminal("--quiet");
    assert!(!quiet.contains(" files · "), "{quiet:?}");
}

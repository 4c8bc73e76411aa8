//! The HTML report, as a person sees it: loaded in a real browser (headless Chromium), every
//! finding is on the page, the script has run, and a filter hides what it should. A screenshot
//! is left at `target/html-report.png` for a person to look at.
//!
//! Chromium is found as `$JXLINT_CHROMIUM`, `chromium` or `chromium-browser`. Where none is
//! installed the browser tests say so and pass, unless `JXLINT_REQUIRE_BROWSER` is set, as
//! `.ci/run` sets it after installing Debian's `chromium`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{jxlint, stderr, testdata};

/// The HTML report of `paths` in `lang`, written to a file in `dir` (exit code 2 allowed:
/// a file could not be checked).
fn report(dir: &Path, lang: &str, paths: &[String]) -> PathBuf {
    let out = dir.join(format!("report-{lang}.html"));
    let mut args = vec![
        "check",
        "--format",
        "html",
        "--lang",
        lang,
        "--output-file",
        out.to_str().unwrap(),
    ];
    args.extend(paths.iter().map(String::as_str));
    let o = jxlint(&args);
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    assert!(
        stderr(&o).lines().all(|l| l.contains("broken")),
        "{}",
        stderr(&o)
    );
    out
}

/// The findings of `paths` as JSON gives them.
fn findings(lang: &str, paths: &[String]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", "--format", "json", "--lang", lang];
    args.extend(paths.iter().map(String::as_str));
    serde_json::from_slice(&jxlint(&args).stdout).unwrap()
}

/// The start tags of the `<article>` elements of findings in a page.
fn articles(html: &str) -> Vec<&str> {
    html.match_indices("<article ")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap() + 1])
        .collect()
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

fn hidden(tag: &str) -> bool {
    tag.contains(" hidden")
}

#[test]
fn every_finding_has_an_article_with_its_code_place_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let all = vec![testdata("")];
    let page = std::fs::read_to_string(report(dir.path(), "en", &all)).unwrap();
    let expected = findings("en", &all);
    let tags = articles(&page);
    assert_eq!(tags.len(), expected.len());
    let mut codes: Vec<&str> = tags
        .iter()
        .map(|t| attribute(t, "data-code").unwrap())
        .collect();
    let mut want: Vec<&str> = expected
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    codes.sort();
    want.sort();
    assert_eq!(codes, want);
    // Self-contained: nothing is fetched.
    for outside in ["<link", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert!(page.contains("<svg id=\"chart-family\""));
    // A Word file's finding names its cell; its arithmetic is there, escaped.
    let docx = expected
        .iter()
        .find(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .ends_with("SUM004-fund-total.docx")
        })
        .unwrap();
    assert!(page.contains("table 1, row 4, column 3"));
    let help = docx["help"]
        .as_str()
        .unwrap()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(page.contains(&help), "{help}");
}

#[test]
fn a_clean_batch_says_so_and_a_broken_file_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"PK\x03\x04 not a zip").unwrap();
    let paths = vec![
        testdata("clean/district-report.txt"),
        broken.to_string_lossy().into_owned(),
    ];
    let out = report(dir.path(), "zh", &paths);
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.contains("未发现问题"));
    assert!(articles(&page).is_empty());
    // The file that could not be checked heads the table.
    let table = page.find("id=\"report-table\"").unwrap();
    let first_row = &page[table + page[table..].find("<tbody>").unwrap()..];
    let first_row = &first_row[..first_row.find("</tr>").unwrap()];
    assert!(
        first_row.contains("broken.docx") && first_row.contains("无法检查"),
        "{first_row}"
    );
}

/// Headless Chromium, if there is one.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("JXLINT_CHROMIUM") {
        return Some(path.into());
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("JXLINT_REQUIRE_BROWSER").is_none(),
            "JXLINT_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!("no chromium: the HTML report was not loaded in a browser");
    }
    found
}

/// Run headless Chromium on a page: root needs no sandbox; a fresh profile each time, and
/// nothing from the network.
fn headless(browser: &Path, profile: &Path, args: &[&str], url: &str) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("run chromium")
}

fn dom(browser: &Path, dir: &Path, url: &str) -> String {
    let profile = tempfile::tempdir_in(dir).unwrap();
    let o = headless(browser, profile.path(), &["--dump-dom"], url);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[test]
fn in_a_browser_every_finding_shows_and_filters_hide_the_rest() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let all = vec![testdata("")];
    let page = report(dir.path(), "zh", &all);
    let expected = findings("zh", &all);
    let url = file_url(&page);

    // Unfiltered: every finding is there and none is hidden; the script ran.
    let shown = dom(&browser, dir.path(), &url);
    let tags = articles(&shown);
    assert_eq!(tags.len(), expected.len());
    assert!(tags.iter().all(|t| !hidden(t)));
    let reports = shown.matches("<tr data-report=").count();
    assert!(
        shown.contains(&format!("显示 {reports} / {reports} 份报告")),
        "the script did not run"
    );

    // Filtered to warnings: exactly the warnings stay visible, and each report row without a
    // warning is hidden.
    let filtered = dom(&browser, dir.path(), &format!("{url}#severity=warning"));
    let tags = articles(&filtered);
    let visible: Vec<&&str> = tags.iter().filter(|t| !hidden(t)).collect();
    let warnings = expected
        .iter()
        .filter(|f| f["severity"] == "warning")
        .count();
    assert!(warnings > 0);
    assert_eq!(visible.len(), warnings);
    assert!(visible
        .iter()
        .all(|t| attribute(t, "data-severity") == Some("warning")));
    for row in filtered.match_indices("<tr data-report=").map(|(i, _)| {
        let rest = &filtered[i..];
        &rest[..rest.find('>').unwrap()]
    }) {
        let has_warning = attribute(row, "data-severities")
            .unwrap()
            .contains("warning");
        assert_eq!(hidden(row), !has_warning, "{row}");
    }

    // Filtered by family and text together.
    let sum = dom(&browser, dir.path(), &format!("{url}#family=SUM&q=fund"));
    let visible: Vec<&str> = articles(&sum).into_iter().filter(|t| !hidden(t)).collect();
    assert!(!visible.is_empty());
    assert!(visible
        .iter()
        .all(|t| attribute(t, "data-family") == Some("SUM")));

    // A screenshot for a person to look at, as on a phone and on a desktop.
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    for (name, size) in [
        ("html-report.png", "1280,2000"),
        ("html-report-phone.png", "390,1600"),
    ] {
        let profile = tempfile::tempdir_in(dir.path()).unwrap();
        let shot = target.join(name);
        let o = headless(
            &browser,
            profile.path(),
            &[
                &format!("--screenshot={}", shot.display()),
                &format!("--window-size={size}"),
            ],
            &url,
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "{name}");
    }
}

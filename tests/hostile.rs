//! Hostile input, as a catalogue: each file gets its expected exit code and message, in bounded
//! time and memory, and its bytes are the same afterwards.
//!
//! The large cases run at full size in a release build (`cargo test --release --test hostile`,
//! which `.ci/run` does); a debug build runs them at a tenth of the size, which exercises the
//! same paths in a time a debug build can afford.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Full size in a release build, a tenth in a debug build.
fn size(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 10
    } else {
        full
    }
}

/// The most virtual memory jxlint may use on one of these files (bytes).
const MEMORY_LIMIT: u64 = 6 << 30;

/// How long one of these files may take.
fn time_limit() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 60 })
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run jxlint with a memory limit and a deadline; check that every input file is unchanged.
fn run(args: &[&str], inputs: &[&Path]) -> Run {
    run_with(args, inputs, &[])
}

/// `run` with variables set in jxlint's environment.
fn run_with(args: &[&str], inputs: &[&Path], vars: &[(&str, &str)]) -> Run {
    let before: Vec<Option<Vec<u8>>> = inputs.iter().map(|p| std::fs::read(p).ok()).collect();
    let bin = env!("CARGO_BIN_EXE_jxlint");
    let mut script = format!("ulimit -v {} 2>/dev/null; exec \"$0\"", MEMORY_LIMIT / 1024);
    for i in 0..args.len() {
        script.push_str(&format!(" \"${}\"", i + 1));
    }
    let child = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .arg(bin)
        .args(args)
        .envs(vars.iter().copied())
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run jxlint");
    // Read both pipes while it runs, so a long output never blocks it; a watchdog kills it at
    // the deadline.
    let id = child.id();
    let (done, watch) = std::sync::mpsc::channel::<()>();
    let limit = time_limit();
    let watchdog = std::thread::spawn(move || {
        if watch.recv_timeout(limit).is_err() {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            return true;
        }
        false
    });
    let out = child.wait_with_output().expect("output");
    let _ = done.send(());
    let killed = watchdog.join().unwrap_or(false);
    assert!(!killed, "jxlint {args:?} took longer than {limit:?}");
    for (path, bytes) in inputs.iter().zip(before) {
        assert_eq!(
            std::fs::read(path).ok(),
            bytes,
            "{} was modified",
            path.display()
        );
    }
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("internal error"),
        "{args:?}: {}",
        run.stderr
    );
    run
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn check(path: &Path) -> Run {
    run(
        &["check", "--format", "json", &path.to_string_lossy()],
        &[path],
    )
}

#[track_caller]
fn expect(run: &Run, code: i32, stderr_says: &str) {
    assert_eq!(run.code, Some(code), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains(stderr_says),
        "stderr lacks {stderr_says:?}: {}",
        run.stderr
    );
}

fn codes(run: &Run) -> Vec<String> {
    let v: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("JSON");
    v.iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A small budget execution table whose 合计 is off by one: a finding to look for.
const BROKEN_TABLE: &str = "序号\t项目\t预算金额\n1\t设备\t20\n2\t服务\t30\n合计\t\t51\n";

#[test]
fn empty_and_bom_only() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    expect(&check(&empty), 0, "empty file, nothing to check");
    let bom = write(dir.path(), "bom.txt", [0xEF, 0xBB, 0xBF]);
    expect(&check(&bom), 0, "empty file, nothing to check");
}

#[test]
fn binary_files_are_refused_and_the_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(
        dir.path(),
        "scan.txt",
        [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H',
        ],
    );
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let junk = write(dir.path(), "junk.txt", junk);
    let good = write(dir.path(), "good.txt", BROKEN_TABLE);
    let r = run(
        &["check", "--format", "json", &dir.path().to_string_lossy()],
        &[&png, &junk, &good],
    );
    expect(&r, 2, "binary file");
    assert_eq!(codes(&r), ["SUM001"], "the readable file is still checked");
}

/// A zip container with the given parts, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, bytes) in parts {
            w.start_file(*name, options).expect("zip entry");
            w.write_all(bytes).expect("zip write");
        }
        w.finish().expect("zip finish");
    }
    out.into_inner()
}

const WORD_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

#[test]
fn a_truncated_zip_named_docx() {
    let dir = tempfile::tempdir().unwrap();
    let docx = write(dir.path(), "report.docx", b"PK\x03\x04\x14\x00\x06\x00");
    expect(&check(&docx), 2, "zip container is damaged");
    // In a folder with a readable report: that one is still checked.
    let good = write(dir.path(), "good.txt", BROKEN_TABLE);
    let r = run(
        &["check", "--format", "json", &dir.path().to_string_lossy()],
        &[&docx, &good],
    );
    expect(&r, 2, "report.docx");
    assert_eq!(codes(&r), ["SUM001"]);
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![b' '; size(200 << 20)];
    let bomb = zip_of(&[("word/document.xml", &zeros)]);
    drop(zeros);
    let docx = write(dir.path(), "bomb.docx", bomb);
    expect(&check(&docx), 2, "too large to read");
    let xlsx = write(dir.path(), "bomb.xlsx", std::fs::read(&docx).unwrap());
    expect(&check(&xlsx), 2, "too large to read");
}

#[test]
fn deeply_nested_xml_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let depth = size(200_000);
    let mut xml = format!("<w:document {WORD_NS}><w:body>");
    xml.push_str(&"<w:sdt><w:sdtContent>".repeat(depth));
    xml.push_str("<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
    xml.push_str(&"</w:sdtContent></w:sdt>".repeat(depth));
    xml.push_str(&"<w:tbl><w:tr><w:tc>".repeat(depth / 10));
    xml.push_str(&"</w:tc></w:tr></w:tbl>".repeat(depth / 10));
    xml.push_str("</w:body></w:document>");
    let docx = write(
        dir.path(),
        "deep.docx",
        zip_of(&[("word/document.xml", xml.as_bytes())]),
    );
    let r = check(&docx);
    assert!(matches!(r.code, Some(0) | Some(2)), "{}", r.stderr);
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    let html = format!(
        "<html><body>{}<p>深处</p>{}</body></html>",
        "<div><table><tr><td>".repeat(depth / 10),
        "</td></tr></table></div>".repeat(depth / 10)
    );
    let page = write(dir.path(), "deep.html", html);
    let r = check(&page);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn a_sheet_of_a_million_rows() {
    let dir = tempfile::tempdir().unwrap();
    let rows = size(1_000_000);
    let mut sheet = String::from("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for r in 1..=rows {
        sheet.push_str(&format!(
            "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"B{r}\"><v>1.5</v></c></row>"
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    let root_rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    let xlsx = write(
        dir.path(),
        "rows.xlsx",
        zip_of(&[
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", root_rels.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ]),
    );
    let r = check(&xlsx);
    if cfg!(debug_assertions) {
        // A tenth of the size is read: a table of numbers without a report in it.
        assert_eq!(r.code, Some(0), "{}", r.stderr);
    } else {
        expect(&r, 2, "more than 1000000 filled cells");
    }
}

/// Tables whose grids would be enormous though the files are small: a cell in a sheet's far
/// corner, `colspan` on every cell of a page. Noted as not read, in bounded memory.
#[test]
fn grids_that_would_fill_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<table><tr>{}</tr><tr><td>合计</td><td>1</td></tr></table>",
        "<td colspan=\"256\">x</td>".repeat(size(40_000))
    );
    let html = write(dir.path(), "wide.html", page);
    let r = run(&["check", "--verbose", &html.to_string_lossy()], &[&html]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    if !cfg!(debug_assertions) {
        assert!(r.stderr.contains("过大，未读取"), "{}", r.stderr);
    }
    // Each row fills its first and its last column: 300 rows × 16,384 columns.
    let mut sheet = String::from(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for r in 1..=300 {
        sheet.push_str(&format!(
            "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"XFD{r}\"><v>1</v></c></row>"
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    let root_rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let xlsx = write(
        dir.path(),
        "corner.xlsx",
        zip_of(&[
            ("_rels/.rels", root_rels.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ]),
    );
    let r = run(&["check", "--verbose", &xlsx.to_string_lossy()], &[&xlsx]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("过大，未读取"), "{}", r.stderr);
}

#[test]
fn encrypted_files_and_old_formats_under_new_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(512, 0);
    let mut encrypted = cfb.clone();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    encrypted.resize(2048, 0);
    let docx = write(dir.path(), "secret.docx", &encrypted);
    expect(&check(&docx), 2, "password-protected");
    let xlsx = write(dir.path(), "secret.xlsx", &encrypted);
    expect(&check(&xlsx), 2, "password-protected");
    let doc = write(dir.path(), "old.docx", &cfb);
    expect(&check(&doc), 2, "Word 97-2003");
}

#[test]
fn encodings() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(BROKEN_TABLE);
    let gbk = write(dir.path(), "gbk.txt", gbk);
    assert_eq!(codes(&check(&gbk)), ["SUM001"]);
    let le: Vec<u8> = BROKEN_TABLE
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut bom = vec![0xFF, 0xFE];
    bom.extend_from_slice(&le);
    let with_bom = write(dir.path(), "utf16-bom.txt", bom);
    assert_eq!(codes(&check(&with_bom)), ["SUM001"]);
    let without = write(dir.path(), "utf16.txt", le);
    assert_eq!(codes(&check(&without)), ["SUM001"]);
    let mut mixed = "第一行\n".as_bytes().to_vec();
    mixed.extend_from_slice(&encoding_rs::GBK.encode("第二行").0);
    mixed.extend_from_slice("第三行，合计".as_bytes());
    let mixed = write(dir.path(), "mixed.txt", mixed);
    expect(&check(&mixed), 2, "line 2");
}

#[test]
fn line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let cr = write(dir.path(), "cr.txt", BROKEN_TABLE.replace('\n', "\r"));
    assert_eq!(codes(&check(&cr)), ["SUM001"], "lone CR ends lines");
    let mixed_endings = BROKEN_TABLE
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{l}{}", ["\r\n", "\n", "\r"][i % 3]))
        .collect::<String>();
    let mixed = write(dir.path(), "mixed.txt", mixed_endings);
    assert_eq!(codes(&check(&mixed)), ["SUM001"]);
}

#[test]
fn absurd_numbers_are_left_unjudged() {
    let dir = tempfile::tempdir().unwrap();
    let text = "项目预算 123456789012345678901234567890 亿元，实际支出 1e308 万元，\
                执行率 0.123456789012345678901234567890%。\n\n\
                序号\t项目\t预算金额\n1\t设备\t999999999999999999999999999999\n\
                2\t服务\t30\n合计\t\t1000000000000000000000000000029\n";
    let path = write(dir.path(), "absurd.txt", text);
    let r = run(
        &[
            "check",
            "--verbose",
            "--format",
            "json",
            &path.to_string_lossy(),
        ],
        &[&path],
    );
    expect(&r, 0, "数字过大或过精确，无法判断");
    assert!(codes(&r).is_empty());
}

#[test]
fn full_width_digits_are_digits() {
    let dir = tempfile::tempdir().unwrap();
    let text = BROKEN_TABLE.replace("20", "２０").replace("51", "５１");
    let path = write(dir.path(), "fullwidth.txt", text);
    assert_eq!(codes(&check(&path)), ["SUM001"]);
}

#[test]
fn deep_headings_and_long_tab_rows() {
    let dir = tempfile::tempdir().unwrap();
    let headings: String = (1..=10)
        .map(|i| format!("{} {}、第{i}层\n\n正文。\n\n", "#".repeat(i.min(6)), i))
        .collect();
    let deep = write(dir.path(), "deep.md", headings);
    assert_eq!(check(&deep).code, Some(0));
    let tabs = write(
        dir.path(),
        "tabs.txt",
        format!("合计{}\n", "\t1".repeat(100_000)),
    );
    assert_eq!(check(&tabs).code, Some(0));
}

#[test]
fn ten_thousand_duplicate_codes_are_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("一级指标\t二级指标\t三级指标\t分值\t得分\n");
    for i in 0..10_000 {
        text.push_str(&format!("产出\t数量\tC23 指标{i}\t1\t1\n"));
    }
    let path = write(dir.path(), "dups.txt", text);
    let r = check(&path);
    let v: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(codes(&r), ["CODE001"]);
    let labels = v[0]["labels"].as_array().unwrap().len();
    assert!(labels <= 24, "{labels} labels");
    assert!(
        v[0]["help"].as_str().unwrap().contains("more places")
            || v[0]["help"].as_str().unwrap().contains("未在此标出")
    );
}

#[test]
fn a_huge_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "项目预算 30 万元，实际支出 29 万元，其中设备 10 万元、服务 19 万元。";
    let n = size(100 << 20) / sentence.len();
    let path = write(dir.path(), "line.txt", sentence.repeat(n));
    assert_eq!(check(&path).code, Some(0));
}

#[test]
fn half_a_million_table_rows() {
    let dir = tempfile::tempdir().unwrap();
    let rows = size(500_000);
    let mut text = String::from("序号\t项目\t预算金额\t实际支出\t预算执行率\n");
    for i in 0..rows {
        text.push_str(&format!("{}\t子项目{i}\t10\t9\t90.00%\n", i + 1));
    }
    // Whole-number allocations are exact: a 合计 one off is wrong however many rows it adds.
    text.push_str(&format!(
        "合计\t\t{}\t{}\t90.00%\n",
        rows * 10 + 1,
        rows * 9
    ));
    let path = write(dir.path(), "rows.txt", text);
    let r = check(&path);
    assert_eq!(codes(&r), ["SUM001"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_a_warning_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let good = write(&sub, "good.txt", BROKEN_TABLE);
    let r = run(
        &["check", "--format", "json", &dir.path().to_string_lossy()],
        &[&good],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("warning"), "{}", r.stderr);
    assert_eq!(codes(&r), ["SUM001"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "locked.txt", BROKEN_TABLE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reading, so there is nothing to test.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        return;
    }
    let r = run(&["check", &path.to_string_lossy()], &[]);
    expect(&r, 2, "cannot read");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    // 测试 in GBK.
    let name = std::ffi::OsStr::from_bytes(&[0xB2, 0xE2, 0xCA, 0xD4, b'.', b't', b'x', b't']);
    let path = dir.path().join(name);
    std::fs::write(&path, BROKEN_TABLE).unwrap();
    let r = run(
        &["check", "--format", "json", &dir.path().to_string_lossy()],
        &[&path],
    );
    let v: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["code"], "SUM001");
    assert_eq!(v[0]["path_base64"].as_str().unwrap(), {
        let dir_bytes = dir.path().as_os_str().as_bytes().to_vec();
        let mut full = dir_bytes;
        full.push(b'/');
        full.extend_from_slice(name.as_bytes());
        base64(&full)
    });
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() {
                A[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn an_unknown_code_in_a_marker_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "marker.txt",
        BROKEN_TABLE.replace("合计\t\t51", "合计\t\t51 jxlint:ignore SUM01"),
    );
    let r = check(&path);
    expect(&r, 1, "`jxlint:ignore SUM01` names no rule");
    assert_eq!(codes(&r), ["SUM001"]);
}

/// A PDF fixture made by LibreOffice (`scripts/office-fixtures.py pdf`).
fn pdf_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

#[test]
fn a_scanned_pdf_needs_ocr() {
    let scan = pdf_fixture("tests/data/scanned.pdf");
    expect(&check(&scan), 2, "need OCR first");
}

#[test]
fn an_encrypted_pdf_is_named_so() {
    let locked = pdf_fixture("tests/data/encrypted.pdf");
    expect(&check(&locked), 2, "password-protected");
}

#[test]
fn broken_pdfs_are_refused_and_the_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(pdf_fixture("testdata/office/SUM004-fund-total.pdf")).unwrap();
    let cut = write(dir.path(), "cut.pdf", &whole[..whole.len() / 3]);
    let junk = write(dir.path(), "junk.pdf", b"%PDF-1.7\n\x00\xff\x13 not really");
    let named = write(dir.path(), "report.pdf", BROKEN_TABLE);
    let empty = write(dir.path(), "empty.pdf", b"");
    let good = write(dir.path(), "good.txt", BROKEN_TABLE);
    let r = run(
        &["check", "--format", "json", &dir.path().to_string_lossy()],
        &[&cut, &junk, &named, &empty, &good],
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    for name in ["cut.pdf", "junk.pdf", "report.pdf", "empty.pdf"] {
        assert!(
            r.stderr.lines().any(|l| l.contains(name)),
            "{name} not reported: {}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("not a readable PDF"), "{}", r.stderr);
    // A PDF cut short may still give the text of its first pages; whatever it gives, the
    // readable file is checked.
    assert!(codes(&r).contains(&"SUM001".to_string()), "{}", r.stdout);
}

#[test]
fn without_poppler_a_pdf_is_not_checked_and_the_rest_is() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        dir.path(),
        "form.pdf",
        std::fs::read(pdf_fixture("testdata/office/SUM004-fund-total.pdf")).unwrap(),
    );
    let good = write(dir.path(), "good.txt", BROKEN_TABLE);
    let r = run_with(
        &["check", "--format", "json", &dir.path().to_string_lossy()],
        &[&pdf, &good],
        &[("JXLINT_PDFTOTEXT", "/nonexistent/pdftotext")],
    );
    expect(&r, 2, "apt-get install poppler-utils poppler-data");
    assert_eq!(codes(&r), ["SUM001"]);
}

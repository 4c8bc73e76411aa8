//! The same report in every format gives the same findings: same codes, on the same cells and
//! sentences. The Word, Excel and web-page fixtures in `testdata/office/` are made from text
//! samples by LibreOffice (`scripts/office-fixtures.py`); each is checked against its text
//! original, so a format can never silently lose a rule.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jxlint::document::{Place, UnreadKind};
use jxlint::lint::{check_file, read_file, Checked};
use jxlint::profile::Profile;

fn national() -> Profile {
    Profile::load("national-2020").expect("built-in profile")
}

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
}

/// The text sample an office fixture was made from: its stem before any `@variant`. A
/// fixture of a rule only a format can break (tracked changes in Word) has none.
fn original(office: &Path) -> Option<PathBuf> {
    let stem = office.file_stem().unwrap().to_string_lossy().to_string();
    let stem = stem.split('@').next().unwrap().to_string();
    ["clean", "faulty"]
        .iter()
        .map(|dir| testdata(&format!("{dir}/{stem}.txt")))
        .find(|p| p.exists())
}

/// A cell's text with a number's trailing zeros dropped: a spreadsheet that imported `12.80`
/// as a number shows it as `12.8` (General format), the same cell.
fn same_number(cell: &str) -> String {
    let is_number = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || c == '.');
    if is_number && cell.contains('.') {
        cell.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        cell.to_string()
    }
}

/// What a finding says and where, independent of the text view's layout: its code and the
/// text under each label (a row's cells joined by `|`, empty cells dropped).
fn findings(checked: &Checked) -> BTreeSet<(String, Vec<String>)> {
    checked
        .findings
        .iter()
        .map(|f| {
            let labels = f
                .labels
                .iter()
                .map(|l| {
                    checked
                        .source
                        .slice(l.span)
                        .split('\t')
                        .map(|c| same_number(c.trim()))
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect();
            (f.code().to_string(), labels)
        })
        .collect()
}

/// How many tables were read from a file.
fn tables_in(path: &Path) -> usize {
    let (_, document) = read_file(path).unwrap();
    document
        .blocks
        .iter()
        .filter(|b| matches!(b, jxlint::document::Block::Table(_)))
        .count()
}

fn office_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(testdata("office"))
        .expect("testdata/office")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_format_gives_the_findings_of_its_text_original() {
    let fixtures = office_fixtures();
    let mut extensions = BTreeSet::new();
    for office in &fixtures {
        let Some(original) = original(office) else {
            assert!(
                office.to_string_lossy().contains("STRUCT007"),
                "{}: no text original",
                office.display()
            );
            continue;
        };
        let text = check_file(&original, &national()).expect("text original");
        let other =
            check_file(office, &national()).unwrap_or_else(|e| panic!("{}: {e}", office.display()));
        assert_eq!(
            findings(&other),
            findings(&text),
            "{} and its text original",
            office.display()
        );
        extensions.insert(office.extension().unwrap().to_string_lossy().to_string());
    }
    assert_eq!(
        extensions.into_iter().collect::<Vec<_>>(),
        ["docx", "html", "pdf", "xls", "xlsx"]
    );
}

#[test]
fn findings_in_office_files_name_the_cell() {
    for office in office_fixtures() {
        let checked = check_file(&office, &national()).unwrap();
        for f in &checked.findings {
            let span = f.primary_span().expect("labelled");
            let place = checked.source.locate(span);
            assert!(
                place.is_some(),
                "{}: {} has no place",
                office.display(),
                f.code()
            );
        }
    }
    let checked = check_file(&testdata("office/CODE001-duplicate-code.docx"), &national()).unwrap();
    let places: Vec<Place> = checked.findings[0]
        .labels
        .iter()
        .filter_map(|l| checked.source.locate(l.span))
        .collect();
    let cells: Vec<(usize, usize, Option<usize>)> = places
        .iter()
        .map(|p| match p {
            Place::TableCell {
                table, row, column, ..
            } => (*table, *row, *column),
            other => panic!("a table cell, not {other:?}"),
        })
        .collect();
    // The two C23 rows, in the third column of one table.
    assert_eq!(cells.len(), 2);
    assert_eq!(cells[0].0, cells[1].0);
    assert_eq!(cells[1].1, cells[0].1 + 1);
    assert_eq!((cells[0].2, cells[1].2), (Some(3), Some(3)));

    let checked = check_file(&testdata("office/SUM004-fund-total.xlsx"), &national()).unwrap();
    let place = checked
        .source
        .locate(checked.findings[0].primary_span().unwrap());
    let Some(Place::SheetCell { sheet, cell, .. }) = place else {
        panic!("a sheet cell: {place:?}");
    };
    assert_eq!((sheet.as_str(), cell.as_str()), ("自评表1", "C6"));
}

#[test]
fn a_hidden_row_is_skipped_with_a_note() {
    let path = testdata("office/self-evaluation-forms@hidden-row.xlsx");
    let (source, document) = read_file(&path).unwrap();
    assert!(
        !source.text().contains("隐藏行"),
        "the hidden row is not read"
    );
    assert!(
        document.unread.iter().any(|u| matches!(
            &u.what,
            UnreadKind::HiddenRows { sheet, rows } if sheet == "自评表1" && rows.len() == 1
        )),
        "{:?}",
        document.unread
    );
    assert!(document
        .unread
        .iter()
        .any(|u| matches!(&u.what, UnreadKind::HiddenSheet { sheet } if sheet == "草稿")));
    // Every number of this workbook is a formula: read as its cached result, as displayed.
    assert!(
        source.text().contains("12.60\t12.60\t12.45"),
        "{}",
        source.text()
    );
    // Read, the hidden row's 999.00 would break the fund block's sum, and the hidden sheet's
    // 合计 40 its own.
    let checked = check_file(&path, &national()).unwrap();
    assert!(checked.findings.is_empty());
}

#[test]
fn a_table_split_over_two_pages_is_one_table() {
    let path = testdata("office/self-evaluation-forms@split-table.docx");
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        8,
        "Word holds two tables per form"
    );
    assert_eq!(tables_in(&path), 4, "one table per form");
}

#[test]
fn automatic_numbering_is_rebuilt_from_numbering_xml() {
    let path = testdata("office/district-report.docx");
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(!xml.contains("一、"), "the numbers are not in the text");
    let (source, _) = read_file(&path).unwrap();
    for heading in [
        "一、项目基本情况",
        "（一）项目概况",
        "二、绩效评价工作开展情况",
        "（二）绩效评价工作过程",
    ] {
        assert!(
            source.text().contains(heading),
            "{heading}: {}",
            source.text()
        );
    }
}

#[test]
fn a_gbk_page_is_decoded_from_its_meta_charset() {
    let path = testdata("office/SUM004-fund-total@gbk-page.html");
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the page is not UTF-8"
    );
    let (source, _) = read_file(&path).unwrap();
    assert_eq!(source.encoding(), "gb18030");
    assert!(!source.text().contains("var a"), "scripts are not read");
    assert!(source.text().contains("年度资金总额"));
}

#[test]
fn spreadsheet_numbers_keep_their_display_precision() {
    let (source, document) = read_file(&testdata("office/self-evaluation-forms.xlsx")).unwrap();
    // 12.6 formatted 0.00 reads as the form prints it.
    assert!(
        source.text().contains("12.60\t12.60\t12.45"),
        "{}",
        source.text()
    );
    let typed: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            jxlint::document::Block::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.rows.iter().flat_map(|r| r.cells.iter()))
        .filter_map(|c| c.value.as_ref().map(|v| (c.text.clone(), v.decimals)))
        .collect();
    assert!(typed.contains(&("12.60".to_string(), 2)), "{typed:?}");
}

#[test]
fn tracked_changes_and_comments_are_one_finding_and_read_as_accepted() {
    let path = testdata("office/STRUCT007-tracked-changes.docx");
    let checked = check_file(&path, &national()).unwrap();
    let codes: Vec<&str> = checked.findings.iter().map(|f| f.code()).collect();
    assert_eq!(codes, ["STRUCT007"]);
    let labels: Vec<&str> = checked.findings[0]
        .labels
        .iter()
        .map(|l| l.text.get(jxlint::diagnostic::Lang::Zh))
        .collect();
    assert_eq!(
        labels,
        [
            "修订：删除“35”；修订：插入“30”",
            "批注：范围是否包括设备采购？"
        ]
    );
    // Accepted: the inserted 30 is in, the deleted 35 is out.
    assert!(checked.source.text().contains("年初预算30万元"));
    // The same document without revisions is silent.
    let clean = check_file(&testdata("office/district-report.docx"), &national()).unwrap();
    assert!(clean.findings.is_empty());
}

#[test]
fn forms_on_one_sheet_are_split_at_their_merged_titles() {
    let path = testdata("office/self-evaluation-forms@one-sheet.xlsx");
    assert_eq!(tables_in(&path), 4, "one table per form");
}

/// What a person sees for a finding in Word, Excel and a web page: the place after the file
/// name, and the row as the snippet.
#[test]
fn annotated_findings_in_office_files() {
    for name in [
        "CODE001-duplicate-code.docx",
        "SUM004-fund-total.xlsx",
        "XREF001-abstract-budget.html",
        "STRUCT007-tracked-changes.docx",
    ] {
        let path = testdata(&format!("office/{name}"));
        let checked = check_file(&path, &national()).unwrap();
        let renderer =
            jxlint::render::human::HumanRenderer::new(false, jxlint::diagnostic::Lang::Zh, 100);
        let shown = renderer.render(
            &checked.source,
            &format!("office/{name}"),
            &checked.findings,
        );
        insta::assert_snapshot!(name.replace(['.', '@'], "_"), shown);
    }
}

/// The Word fixtures printed to PDF as they are (`tests/data/from-docx/`): Word's default table
/// has no padding, so cells touch and header cells run together, and paragraphs are set as
/// close as rows. Whatever jxlint cannot tell apart there it leaves unjudged: it never finds
/// what the text original does not have.
#[test]
fn pdfs_printed_from_word_find_nothing_their_originals_do_not() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/from-docx");
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data/from-docx") {
        let pdf = entry.unwrap().path();
        let Some(original) = original(&pdf) else {
            panic!("{}: no text original", pdf.display())
        };
        let from_pdf = findings(&check_file(&pdf, &national()).expect("read"));
        let from_text = findings(&check_file(&original, &national()).expect("read"));
        assert!(
            from_pdf.is_subset(&from_text),
            "{}: {:#?} not in {:#?}",
            pdf.display(),
            from_pdf,
            from_text
        );
        compared += 1;
    }
    assert!(compared >= 8, "only {compared} PDFs");
}

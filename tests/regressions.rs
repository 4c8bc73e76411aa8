//! Inputs that once crashed jxlint or misled it, each reduced to the lines that matter.

use jxlint::diagnostic::Lang;
use jxlint::lint::check_text;
use jxlint::profile::Profile;
use jxlint::read::Format;
use jxlint::render::json;

fn check(text: &str, format: Format) -> Vec<String> {
    let profile = Profile::load("national-2020").unwrap();
    let checked = check_text("case.txt", text, format, &profile);
    // Rendering every label is where a span off a character boundary panicked.
    let out = json::findings("case.txt", &checked.source, &checked.findings, Lang::Zh);
    out.iter().map(|f| f.code.clone()).collect()
}

/// Template text and broken fields in a numbered heading: the heading's text lacks its number,
/// so an offset into it is not an offset into the line.
#[test]
fn template_text_in_a_numbered_heading() {
    let codes = check("一、自评结（100字以内）论XX\n\n正文。\n", Format::Text);
    assert_eq!(codes, ["STRUCT006"]);
    let codes = check("# 一、概况错误！未定义书签。\n\n正文。\n", Format::Markdown);
    assert_eq!(codes, ["STRUCT003"]);
}

/// Every label of every finding starts and ends on a character of the source, for inputs whose
/// cells were joined across lines (a cell's text is then not the slice its span covers).
#[test]
fn labels_stay_on_characters_in_joined_cells() {
    let text = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
                产出指标（50分）\t数量指标\t巡河里程\t≥300公里\t318公里\t25\t25\t对照年度目标，说明\n\
                \n\
                \t\t\t\t\t\t\t偏差原因（100字以内）\n\
                总分\t\t\t\t\t25\t25\t\n\
                注：一级指标分值统一设置为：产出指标40分、效益指标30分。\n";
    let profile = Profile::load("national-2020").unwrap();
    let checked = check_text("case.txt", text, Format::Text, &profile);
    let source = checked.source.text();
    assert!(!checked.findings.is_empty());
    for f in &checked.findings {
        for label in &f.labels {
            assert!(
                source.is_char_boundary(label.span.start)
                    && source.is_char_boundary(label.span.end),
                "{} label {:?}",
                f.code(),
                label.span
            );
        }
    }
}

/// A negative 分值 made SCORE001 clamp to an empty range, which panics.
#[test]
fn a_negative_full_mark() {
    let codes = check(
        "一级指标\t二级指标\t三级指标\t分值\t得分\n产出\t数量\t甲\t-5\t3\n产出\t质量\t乙\t10\t10\n",
        Format::Text,
    );
    assert!(codes.contains(&"SCORE001".to_string()), "{codes:?}");
}

/// A label past column 65,535 of one line: miette's own formatting could not draw it.
#[test]
fn a_label_far_along_a_long_line() {
    let text = format!(
        "{}项目综合评分为 95.00 分，评价等级为良。\n",
        "情况说明，".repeat(20_000)
    );
    let profile = Profile::load("national-2020").unwrap();
    let checked = check_text("long.txt", &text, Format::Text, &profile);
    assert_eq!(checked.findings.len(), 1);
    let renderer = jxlint::render::human::HumanRenderer::new(false, Lang::Zh, 100);
    let out = renderer.render(&checked.source, "long.txt", &checked.findings);
    assert!(out.contains("GRADE001") && out.contains('…'), "{out}");
    assert!(
        out.len() < 10_000,
        "the line is shown as windows, not whole"
    );
}

/// Printed figures of 25 digits and more, in 亿元, overflowed when scaled to 元; 29 decimals
/// overflowed a decimal's scale.
#[test]
fn figures_too_large_or_too_precise() {
    let codes = check(
        "项目预算 1234567890123456789012345 亿元，实际支出 1 亿元，预算执行率 \
         0.12345678901234567890123456789%。\n\n\
         序号\t项目\t预算金额\n1\t设备\t99999999999999999999999999\n合计\t\t99999999999999999999999999\n",
        Format::Text,
    );
    assert!(codes.is_empty(), "{codes:?}");
}

/// The decode fuzzer: a UTF-8 byte-order mark in front of text full of NULs was accepted as
/// text (found by `fuzz/fuzz_targets/decode.rs`).
#[test]
fn nul_bytes_behind_a_byte_order_mark() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        "2023年度社区养老驿站运营项目绩效自评报告\n\n一、项目基本情况".as_bytes(),
    );
    bytes.extend_from_slice(&[0; 64]);
    bytes.extend_from_slice("\n\n社区".as_bytes());
    assert!(matches!(
        jxlint::decode::decode(&bytes),
        Err(jxlint::decode::DecodeError::Binary { .. })
    ));
}

/// A damaged .xls (found by the read_sheet fuzzer): the spreadsheet library panicked on its
/// broken sector chain. It is a damaged file, said so, and no crash.
#[test]
fn an_xls_with_a_broken_sector_chain() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions/xls-broken-sector-chain.xls");
    let profile = Profile::load("national-2020").unwrap();
    let result = jxlint::lint::check_file(&path, &profile);
    let Err(error) = result else {
        panic!("a damaged file is an error");
    };
    let message = error.to_string();
    assert!(message.contains("damaged"), "{message}");
    assert!(!message.contains("internal error"), "{message}");
}

/// A 17 KB .xls (found by the read_sheet fuzzer) whose cells span 84 million grid cells: the
/// spreadsheet library lays sheets out densely and took 5 GB. Its size is found first, and it
/// is refused.
#[test]
fn an_xls_whose_grids_would_take_gigabytes() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions/xls-far-cell-grids.xls");
    let profile = Profile::load("national-2020").unwrap();
    let Err(error) = jxlint::lint::check_file(&path, &profile) else {
        panic!("refused");
    };
    assert!(error.to_string().contains("too large to read"), "{error}");
}

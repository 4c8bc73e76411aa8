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

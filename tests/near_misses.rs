//! Prose that looks like a broken link but is not, beside the same prose broken: each rule that
//! reads sentences stays silent on the first and fires on the second.
//!
//! The reports are small: one evaluation report following the 2020 national outline, with the
//! sentences under test put into its sections.

use jxlint::lint::check_text;
use jxlint::profile::Profile;
use jxlint::read::Format;

/// An evaluation report of fiscal year 2022 with `basic`, `work` and `analysis` as the text of
/// three of its sections.
fn report(basic: &str, work: &str, analysis: &str) -> String {
    format!(
        "2022年东湖区社区助餐服务项目支出绩效评价报告\n\n\
         一、项目基本情况\n\n项目开始时间：2022年1月1日\n\n项目完成时间：2022年12月31日\n\n\
         {basic}\n\n\
         二、绩效评价工作开展情况\n\n{work}\n\n\
         三、综合评价情况及评价结论\n\n经综合评价，项目综合评分为 91.50 分，评价等级为优。\n\n\
         四、绩效评价指标分析\n\n{analysis}\n\n\
         五、主要经验及做法、存在的问题及原因分析\n\n部分站点就餐高峰排队时间较长。\n\n\
         六、有关建议\n\n建议增加高峰时段服务窗口。\n"
    )
}

const WORK: &str = "受区财政局委托，评价组自 2023 年 3 月起开展绩效评价工作。";

/// A budget execution table in 万元.
const TABLE: &str = "表 1：预算执行情况表（单位：万元）\n\n\
                     项目\t预算金额\t实际支出\t预算执行率\n\
                     助餐补贴\t72.00\t70.88\t98.44%\n\
                     合计\t72.00\t70.88\t98.44%";

fn codes(text: &str) -> Vec<String> {
    let profile = Profile::load("national-2020").expect("built-in profile");
    let checked = check_text("near-miss.txt", text, Format::Text, &profile);
    checked
        .findings
        .iter()
        .map(|f| f.code().to_string())
        .collect()
}

#[track_caller]
fn silent(text: &str) {
    let found = codes(text);
    assert!(found.is_empty(), "{found:?} on\n{text}");
}

#[track_caller]
fn fires(code: &str, text: &str) {
    let found = codes(text);
    assert!(
        found.contains(&code.to_string()),
        "no {code}, got {found:?} on\n{text}"
    );
}

/// Several budgets in one sentence: the rate is worked out on the adjusted one; last year's
/// budget and a growth rate over 2021 are not this year's figures.
#[test]
fn rate_in_a_sentence_with_several_budgets() {
    let basic = |rate: &str| {
        format!(
            "2022年该项目年初预算 30.00 万元，调整后预算 28.00 万元，实际支出 27.50 万元，\
             预算执行率 {rate}。上年预算 50 万元。"
        )
    };
    let analysis = "全年助餐 12 万人次，较 2021 年增长 35.6%。";
    silent(&report(&basic("98.21%"), WORK, analysis));
    fires("RATE008", &report(&basic("97.21%"), WORK, analysis));
}

/// Imprecise prose figures do not pin a rate: 27.5 ÷ 28 may be anything from 96.3% to 100.2%.
#[test]
fn a_rate_from_rounded_figures_is_not_judged() {
    let basic = "项目调整后预算 28 万元，实际支出 27.5 万元，预算执行率 97.21%。";
    silent(&report(basic, WORK, "项目按计划实施。"));
}

/// 720,000 元 in the text and 72.00 万元 in the table are one figure; 约 72 万元 and 98.4% are
/// rounded restatements.
#[test]
fn a_budget_restated_in_another_unit_or_rounded() {
    let basic = |budget: &str| format!("项目预算 {budget}，实际支出 70.88 万元。\n\n{TABLE}");
    let analysis = "项目预算执行率约为 98.4%，预算约 72 万元。";
    silent(&report(&basic("720,000 元"), WORK, analysis));
    fires("XREF001", &report(&basic("730,000 元"), WORK, analysis));
}

/// 其中 parts that add up, or a total with 余 and a list ending in 等, are consistent.
#[test]
fn breakdowns_with_open_ends() {
    let analysis = |text: &str| format!("{text}共发放问卷 200 份，其中有效问卷 196 份。");
    silent(&report(
        "项目预算 30 万元。",
        WORK,
        &analysis("全年共开展活动 60 余场，其中文艺培训 42 场、公益演出 17 场等。"),
    ));
    silent(&report(
        "项目预算 30 万元。",
        WORK,
        &analysis("全年共开展活动 60 场，其中文艺培训 42 场、公益演出 18 场。"),
    ));
    fires(
        "SUM005",
        &report(
            "项目预算 30 万元。",
            WORK,
            &analysis("全年共开展活动 60 场，其中文艺培训 42 场、公益演出 28 场。"),
        ),
    );
    fires(
        "SUM006",
        &report(
            "项目预算 30 万元。",
            WORK,
            &analysis("全年共开展活动 70 场，其中文艺培训 42 场、公益演出 18 场。"),
        ),
    );
}

/// Dates of policy documents, of the project's history and of earlier years' data lie before
/// the evaluation without being wrong; a site visit dated before the evaluation began is.
#[test]
fn dates_before_the_evaluation() {
    let basic = "根据《项目支出绩效评价管理办法》（财预〔2020〕10号，2020 年 2 月 25 日印发）\
                 制定评价方案。项目于 2019 年 5 月立项。";
    let analysis = "2021 年服务 10 万人次。";
    let work = |visit: &str| format!("{WORK}{visit}，评价组赴各站点开展现场核查。");
    silent(&report(basic, &work("2023 年 3 月"), analysis));
    fires("DATE002", &report(basic, &work("2022 年 3 月"), analysis));
}

/// A grade written with another word of the same band (良好 for 良) is the same grade.
#[test]
fn grade_synonyms() {
    let text = report("项目预算 30 万元。", WORK, "项目按计划实施。")
        .replace("评价等级为优。", "评价等级为良。")
        .replace("91.50", "85.00")
        + "\n综上，项目评价等级为良好。\n";
    silent(&text);
    fires(
        "XREF004",
        &text
            .replace("综合评分为 85.00 分，", "")
            .replace("良好", "中"),
    );
}

/// A report without its conclusion section states no total and no grade: that is one omission,
/// reported once, as the missing section.
#[test]
fn a_missing_conclusion_is_one_finding() {
    let text = report("项目预算 30 万元。", WORK, "项目按计划实施。")
        .replace(
            "三、综合评价情况及评价结论\n\n经综合评价，项目综合评分为 91.50 分，评价等级为优。\n\n",
            "",
        )
        .replace("四、", "三、")
        .replace("五、", "四、")
        .replace("六、", "五、");
    let profile = Profile::load("national-2020").expect("built-in profile");
    let checked = check_text("near-miss.txt", &text, Format::Text, &profile);
    let found: Vec<&str> = checked.findings.iter().map(|f| f.code()).collect();
    assert_eq!(found, ["STRUCT004"], "{text}");
    let help = checked.findings[0].help(jxlint::diagnostic::Lang::Zh);
    assert!(help.contains("总分和评价等级"), "{help}");

    // With the section there but the result left out of it, the result is what is missing.
    let text = report("项目预算 30 万元。", WORK, "项目按计划实施。")
        .replace("项目综合评分为 91.50 分，评价等级为优", "项目管理规范");
    assert_eq!(codes(&text), ["STRUCT005"]);
}

/// A total and its parts across sentences and separators: 其中 opening the next sentence, parts
/// split by ；, lists after 分别为, totals stated last, and sources of funds without 其中.
#[test]
fn lists_across_sentences_and_separators() {
    let across = |last: &str| {
        format!("本年度共完成支出 59.97 万元。其中：30 万元用于培训；{last} 万元用于宣传。")
    };
    silent(&report(&across("29.97"), WORK, "项目按计划实施。"));
    fires(
        "SUM005",
        &report(&across("29.99"), WORK, "项目按计划实施。"),
    );

    let listed =
        |last: &str| format!("全年共服务 300 人次，分别为老人 180 人次、儿童 {last} 人次。");
    silent(&report("项目预算 30 万元。", WORK, &listed("120")));
    fires(
        "SUM005",
        &report("项目预算 30 万元。", WORK, &listed("130")),
    );

    let last = |total: &str| format!("场地费 12 万元、培训费 8 万元，合计 {total} 万元。");
    silent(&report(&last("20"), WORK, "项目按计划实施。"));
    fires("SUM005", &report(&last("18"), WORK, "项目按计划实施。"));

    let sources =
        |own: &str| format!("项目实际共计投入 500 万元，政府拨款 200 万元，自筹 {own} 万元。");
    silent(&report(&sources("300"), WORK, "项目按计划实施。"));
    fires("SUM005", &report(&sources("320"), WORK, "项目按计划实施。"));
}

/// Figures that precede a total without being enumerated (a plan, then what was done) are not
/// its parts; nor are a 包括 list's items the spending its cue names, nor the kinds of spending
/// a department lists the department's total.
#[test]
fn figures_that_are_not_parts_or_not_the_total() {
    let basic = format!(
        "项目计划投入 50 万元，实际投入 48 万元，累计完成投资 48 万元。\
         项目支出包括办公设备购置 36.3 万元、宣传材料印制 12.5 万元等。\
         其中人员经费支出 40 万元。\n\n{TABLE}"
    );
    silent(&report(&basic, WORK, "项目按计划实施。"));
}

/// Parts in units that do not convert, or two figures in one clause (a table row flattened
/// into text), cannot be added up: nothing is said.
#[test]
fn parts_that_cannot_be_added() {
    let mixed = "辖区存栏畜禽 192 只，其中生猪 180 头、家禽 12 只。";
    silent(&report("项目预算 30 万元。", WORK, mixed));
    let row = "存栏 192 只 192 只，其中：生猪 180 只 180 只";
    silent(&report("项目预算 30 万元。", WORK, row));
}

/// A list that changes its separator can be read two ways; when the first fits and the second
/// does not, that is a warning naming both, not an error.
#[test]
fn a_list_read_two_ways() {
    let text = |sep: &str| {
        format!("全年开展活动 50 余次，其中走访 17 次、宣讲 12 次、咨询 24 次{sep}培训 12 次。")
    };
    let found = codes(&report("项目预算 30 万元。", WORK, &text("，")));
    assert_eq!(found, ["SUM008"]);
    fires("SUM005", &report("项目预算 30 万元。", WORK, &text("、")));
}

/// Whole-document findings need the whole document: an excerpt that stops before its
/// conclusion, or mid-sentence, lacks nothing; the same report complete without its result
/// does.
#[test]
fn excerpts_lack_nothing() {
    let whole = report("项目预算 30 万元。", WORK, "项目按计划实施。")
        .replace("项目综合评分为 91.50 分，评价等级为优", "项目管理规范");
    assert_eq!(codes(&whole), ["STRUCT005"]);
    let cut = whole.split("三、综合评价情况").next().unwrap().to_string();
    silent(&cut);
    let mid_sentence = format!(
        "{whole}\n另外，评价组在现场核查中发现部分站点的台账记录与系统数据存在差异，经核实"
    );
    silent(&mid_sentence);
    // Without its middle sections, the report is still judged by the outline.
    let gap = whole.replace("四、绩效评价指标分析\n\n项目按计划实施。\n\n", "");
    assert!(codes(&gap).contains(&"STRUCT004".to_string()), "{gap}");
}

/// A page of forms under a title that ends in 报告, with the site's breadcrumb and publication
/// data above it, is forms: not held to a report's outline, total or grade.
#[test]
fn forms_under_a_report_title() {
    let page = "首页 > 政务公开 > 绩效信息\n\n发布时间：2024-04-12 浏览次数：318\n\n\
                某局2023年度项目支出绩效情况年度报告\n\n\
                项目名称\t\t社区助餐\n\
                项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                \t年度资金总额\t10.00\t10.00\t10.00\t10\t100.00%\t10\n\
                一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
                产出指标\t数量指标\t助餐人次\t≥1000人次\t1200人次\t90\t90\t\n\
                总分\t\t\t\t\t100\t100\t\n";
    silent(page);
}

//! Tables that look broken but are not, beside the same tables broken: each table rule stays
//! silent on the first and fires on the second. The correct tables carry what real ones do —
//! rounding, truncation, merged cells, shifted columns, cut-off tables, unfilled forms.

use jxlint::lint::check_text;
use jxlint::profile::Profile;
use jxlint::read::Format;

fn codes_with(text: &str, profile: &Profile) -> Vec<String> {
    let checked = check_text("near-miss.txt", text, Format::Text, profile);
    checked
        .findings
        .iter()
        .map(|f| f.code().to_string())
        .collect()
}

fn codes(text: &str) -> Vec<String> {
    codes_with(
        text,
        &Profile::load("national-2020").expect("built-in profile"),
    )
}

#[track_caller]
fn silent(text: &str) {
    let found = codes(text);
    assert!(found.is_empty(), "{found:?} on\n{text}");
}

#[track_caller]
fn only(code: &str, text: &str) {
    let found = codes(text);
    assert_eq!(found, [code], "on\n{text}");
}

const HEADER: &str =
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";

/// A self-evaluation form: a fund block row (budget, spent, weight, rate, score), indicator
/// rows, and a 总分 row.
fn form(fund: &str, rows: &[&str], total: &str) -> String {
    format!(
        "项目名称\t\t社区助餐服务\n\
         项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
         \t年度资金总额\t{fund}\n\
         {HEADER}\n{}\n总分\t\t\t\t\t100\t{total}\t\n",
        rows.join("\n")
    )
}

/// Indicator rows worth 90 points in all, every target met.
const ROWS: [&str; 4] = [
    "产出指标\t数量指标\t助餐人次\t≥10000人次\t10800人次\t30\t30\t",
    "\t质量指标\t食品抽检合格率\t100%\t100%\t20\t20\t",
    "效益指标\t社会效益指标\t老人就餐便利度提升\t≥80%\t86%\t20\t20\t",
    "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t95%\t20\t20\t",
];

/// The execution-rate score: rounded or truncated once at its decimals; a whole number is
/// that number.
#[test]
fn execution_score() {
    // 8.98 / 9.00 = 99.78%: 9.98 rounded, 9.97 truncated.
    silent(&form("9.00\t9.00\t8.98\t10\t99.78%\t9.98", &ROWS, "99.98"));
    silent(&form("9.00\t9.00\t8.98\t10\t99.77%\t9.97", &ROWS, "99.97"));
    only(
        "RATE004",
        &form("9.00\t9.00\t8.98\t10\t99.78%\t9", &ROWS, "99"),
    );
    // Equal amounts are 100%: 10.
    silent(&form("64.8\t64.8\t64.8\t10\t100%\t10", &ROWS, "100"));
    only(
        "RATE004",
        &form("64.8\t64.8\t64.8\t10\t100%\t9", &ROWS, "99"),
    );
    // A wrong printed rate is its own finding, and does not excuse the score.
    let wrong = codes(&form("50.00\t50.00\t40.00\t10\t100%\t10", &ROWS, "100"));
    assert_eq!(wrong, ["RATE001", "RATE004"]);
}

/// A whole-point standard accepts whole-point scores.
#[test]
fn whole_point_standard() {
    let mut profile = Profile::load("national-2020").unwrap();
    profile.score_decimals = 0;
    let text = form("9.00\t9.00\t8.98\t10\t99.78%\t10", &ROWS, "100");
    assert!(codes_with(&text, &profile).is_empty());
    assert_eq!(codes(&text), ["RATE004"]);
}

/// Blank parts of a fund block are nothing: a total of 0 beside a part of 90 is wrong, a total
/// equal to its only filled part is right.
#[test]
fn fund_block_with_blank_parts() {
    let block = |total: &str| {
        format!(
            "项目名称\t\t道路养护\n\
             项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
             \t年度资金总额\t{total}\t—\t\n\
             \t其中：当年财政拨款\t90\t89.974\t89.974\t—\t—\t—\n\
             \t上年结转资金\t\t\t\t—\t—\t—\n\
             \t其他资金\t\t\t\t—\t—\t—\n"
        )
    };
    silent(&block("90\t89.974\t89.974"));
    only("SUM004", &block("0\t0\t0"));
}

/// A form cut off before its 总分 row is not held to 100; one that closes with its 总分 is.
#[test]
fn cut_off_and_complete_forms() {
    let cut = form("9.00\t9.00\t9.00\t10\t100%\t10", &ROWS[..3], "100");
    let cut = cut.split("总分").next().unwrap().to_string();
    silent(&cut);
    only(
        "WEIGHT001",
        &form("9.00\t9.00\t9.00\t10\t100%\t10", &ROWS[..3], "80")
            .replace("总分\t\t\t\t\t100", "总分\t\t\t\t\t80"),
    );
}

/// An unfilled form has nothing to check; a form with one score left out has a missing score.
#[test]
fn unfilled_and_partly_filled_forms() {
    let blank: Vec<String> = ROWS
        .iter()
        .map(|r| {
            r.replace("\t30\t30\t", "\t30\t\t")
                .replace("\t20\t20\t", "\t20\t\t")
        })
        .collect();
    let blank: Vec<&str> = blank.iter().map(String::as_str).collect();
    silent(&form("9.00\t9.00\t\t10\t\t", &blank, ""));
    let mut partly = ROWS.to_vec();
    partly[1] = "\t质量指标\t食品抽检合格率\t100%\t100%\t20\t\t";
    only(
        "SCORE002",
        &form("9.00\t9.00\t9.00\t10\t100%\t10", &partly, "100"),
    );
    // With the score missing, a total below what the scores given already add up to.
    let found = codes(&form("9.00\t9.00\t9.00\t10\t100%\t10", &partly, "75"));
    assert_eq!(found, ["SCORE002", "SUM007"]);
}

/// A label-only placeholder group and an empty 分值 beside plain-number targets are read as
/// they are; a score with no 分值 is reported once, a column printing none is not.
#[test]
fn placeholder_rows_and_empty_full_marks() {
    let mut rows = ROWS.to_vec();
    rows.insert(2, "效益指标（20分）\t经济效益指标");
    rows[3] = "\t社会效益指标\t老人就餐便利度提升\t≥80%\t86%\t20\t20\t";
    silent(&form("9.00\t9.00\t9.00\t10\t100%\t10", &rows, "100"));
    let mut plain = ROWS.to_vec();
    plain[0] = "产出指标\t数量指标\t助餐人次（万人次）\t1\t1.08\t30\t30\t";
    silent(&form("9.00\t9.00\t9.00\t10\t100%\t10", &plain, "100"));
    plain[0] = "产出指标\t数量指标\t助餐人次（万人次）\t1\t1.08\t\t30\t";
    only(
        "SCORE003",
        &form("9.00\t9.00\t9.00\t10\t100%\t10", &plain, "100"),
    );
    let none: Vec<String> = ROWS
        .iter()
        .map(|r| {
            r.replace("\t30\t30\t", "\t\t30\t")
                .replace("\t20\t20\t", "\t\t20\t")
        })
        .collect();
    let none: Vec<&str> = none.iter().map(String::as_str).collect();
    let text = form("9.00\t9.00\t9.00\t10\t100%\t10", &none, "100")
        .replace("产出指标\t数量", "绩效指标（90分）\t数量");
    assert!(!codes(&text).contains(&"SCORE003".to_string()), "{text}");
}

/// Targets missed by their direction need a reason; targets met, or a bare figure exceeded,
/// do not.
#[test]
fn missed_targets_need_a_reason() {
    let with = |row: &str| {
        let mut rows = ROWS.to_vec();
        rows[0] = row;
        let total = if row.contains("\t26\t") { "96" } else { "100" };
        form("9.00\t9.00\t9.00\t10\t100%\t10", &rows, total)
    };
    silent(&with("产出指标\t数量指标\t投诉次数\t≤5次\t3次\t30\t30\t"));
    silent(&with(
        "产出指标\t数量指标\t助餐人次\t10000人次\t10800人次\t30\t30\t",
    ));
    silent(&with(
        "产出指标\t数量指标\t投诉次数\t≤5次\t7次\t30\t26\t2 家餐厅更换供应商期间投诉增加",
    ));
    only(
        "TARGET003",
        &with("产出指标\t数量指标\t投诉次数\t≤5次\t7次\t30\t26\t无"),
    );
    let found = codes(&with("产出指标\t数量指标\t服务站点\t=12个\t11个\t30\t30\t"));
    assert_eq!(found, ["TARGET002", "TARGET003"]);
}

/// A satisfaction rate above 100% is a slip; a completion rate above 100% is not.
#[test]
fn rates_above_a_hundred() {
    let with = |row: &str| {
        let mut rows = ROWS.to_vec();
        rows[3] = row;
        form("9.00\t9.00\t9.00\t10\t100%\t10", &rows, "100")
    };
    silent(&with(
        "满意度指标\t服务对象满意度指标\t计划完成率\t≥90%\t104%\t20\t20\t",
    ));
    only(
        "TARGET004",
        &with("满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t950%\t20\t20\t"),
    );
}

/// Weights in a note match the table; the same note with another weight does not.
#[test]
fn weights_in_a_note() {
    let note = |output: &str| {
        let mut rows = ROWS.to_vec();
        rows[0] = "产出指标（50分）\t数量指标\t助餐人次\t≥10000人次\t10800人次\t30\t30\t";
        format!(
            "{}\n注：一级指标分值统一设置为：产出指标{output}分、效益指标20分、满意度指标20分、预算执行率10分。\n",
            form("9.00\t9.00\t9.00\t10\t100%\t10", &rows, "100")
        )
    };
    silent(&note("50"));
    only("WEIGHT004", &note("40"));
}

/// An amount table in whole 万元 is exact; a 合计 one off is wrong however many rows it has.
#[test]
fn whole_number_amounts() {
    let table = |total: &str| {
        format!(
            "序号\t支出内容\t预算金额\n1\t场馆租赁\t20\n2\t活动组织\t30\n3\t师资聘请\t50\n\
             4\t宣传印制\t15\n5\t设备维护\t35\n合计\t\t{total}\n"
        )
    };
    silent(&table("150"));
    only("SUM001", &table("151"));
}

/// A grade on the band's lower bound is that band; 89.99 is not rounded up into 优.
#[test]
fn grade_bands_are_not_rounded_up() {
    let report = |total: &str, grade: &str| {
        format!("2023年度社区养老驿站运营项目绩效自评报告\n\n经自评，该项目得分{total}分，评价等次为{grade}。\n")
    };
    silent(&report("90.00", "优"));
    silent(&report("89.99", "良"));
    only("GRADE001", &report("89.99", "优"));
}

/// The provincial options: a total capped by a low execution rate, a target set too low.
#[test]
fn provincial_options() {
    let provincial = Profile::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/rules/profiles/examples/provincial-manual.toml"
    ))
    .unwrap();
    let low = |total: &str, actual: &str, score: &str| {
        let last = format!(
            "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t{actual}\t20\t{score}\t部分老人反映菜品单一"
        );
        let mut rows = ROWS[..3].to_vec();
        rows.push(&last);
        form("100.00\t100.00\t75.00\t10\t75.00%\t7.50", &rows, total)
    };
    assert!(codes_with(&low("88.50", "85%", "11"), &provincial).is_empty());
    assert_eq!(
        codes_with(&low("97.50", "95%", "20"), &provincial),
        ["RATE009"]
    );
    assert!(
        codes(&low("97.50", "95%", "20")).is_empty(),
        "off nationally"
    );
    let slack = |actual: &str| {
        let mut rows = ROWS.to_vec();
        let first = format!("产出指标\t数量指标\t助餐人次\t≥10000人次\t{actual}\t30\t30\t");
        rows[0] = &first;
        form("9.00\t9.00\t9.00\t10\t100%\t10", &rows, "100")
    };
    assert!(codes_with(&slack("12900人次"), &provincial).is_empty());
    assert_eq!(codes_with(&slack("13000人次"), &provincial), ["TARGET005"]);
}

/// A 部门整体 form scores coefficient × weight; a coefficient printed to two decimals leaves
/// the score a little room, a different score none.
#[test]
fn coefficient_scores() {
    let table = |coefficient: &str, score: &str, total: &str| {
        format!(
            "一级指标\t二级指标\t三级指标\t指标值\t完成值\t得分系数\t权重\t得分\n\
             产出指标\t数量指标\t活动场次\t≥300场\t326场\t1\t50\t50\n\
             效益指标\t社会效益指标\t接待人次\t≥50万人次\t48万人次\t{coefficient}\t50\t{score}\n\
             总分\t\t\t\t\t\t100\t{total}\n"
        )
    };
    silent(&table("0.96", "48", "98"));
    silent(&table("0.96", "48.20", "98.20"));
    only("RATE010", &table("0.96", "49", "99"));
}

/// A target printed as operator, figure and unit in cells of their own is one target.
#[test]
fn operator_and_unit_columns() {
    let form = |actual: &str, score: &str, reason: &str, total: &str| {
        format!(
            "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析\n\
             绩效指标（100分）\t数量指标\t建设面积\t≥\t5000\t亩\t{actual}\t60\t{score}\t{reason}\n\
             \t质量指标\t验收合格率\t＝\t100\t%\t100\t40\t40\t\n\
             合计\t\t\t\t\t\t\t100\t{total}\t\n"
        )
    };
    silent(&form("5200", "60", "", "100"));
    silent(&form("4800", "57.6", "两个地块延期", "97.60"));
    only("TARGET003", &form("4800", "57.6", "", "97.60"));
}

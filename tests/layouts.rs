//! One form in every layout real text arrives in (see `docs/formats.md`): tab-separated rows,
//! one cell per line (with and without trailing pipes), a whole form flattened onto one line,
//! pipe rows broken in the wrong places with split targets and names broken at spaces,
//! traditional characters, and `pdftotext -layout` text (columns aligned by spaces, over a page
//! break). Every layout must give the findings the tab layout gives, for clean forms and for
//! forms with one figure changed.

use jxlint::diagnostic::Lang;
use jxlint::lint::check_text;
use jxlint::profile::Profile;
use jxlint::read::Format;
use proptest::prelude::*;
use rust_decimal::prelude::*;

/// One indicator row of a form.
#[derive(Debug, Clone)]
struct Indicator {
    level1: &'static str,
    level2: &'static str,
    name: String,
    operator: &'static str,
    target: u32,
    unit: &'static str,
    actual: u32,
    points: u32,
    score: String,
    reason: Option<String>,
}

/// A self-evaluation form: the fund block and the indicator block.
#[derive(Debug, Clone)]
struct Form {
    /// 年初预算数, 全年预算数, 全年执行数 in 万元 (two decimals).
    funds: [Decimal; 3],
    rate: String,
    exec_score: String,
    indicators: Vec<Indicator>,
    total_points: u32,
    total_score: String,
    /// The fund block's word for its points column: 分值, or 分数 as some forms print it.
    points_word: &'static str,
    /// Whether the 当年财政拨款 row prints its own execution rate (else a dash).
    part_rate: bool,
}

fn two(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

const GROUPS: &[(&str, &str)] = &[
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
];

const NAMES: &[&str] = &[
    "培训场次",
    "设施完好率",
    "按期完工率",
    "受益群众人数",
    "机制健全程度",
    "群众满意度",
    "验收合格率",
];

/// A consistent form from generated figures: each indicator gets `points` and scores in
/// proportion to how much of its target it met.
fn form(budget: u32, spent_share: u32, rows: &[(usize, u32, u32, u32)]) -> Form {
    let budget = Decimal::from(budget) / Decimal::from(100);
    let spent = budget * Decimal::from(spent_share) / Decimal::from(100);
    let spent = spent.round_dp(2);
    let rate = spent / budget * Decimal::ONE_HUNDRED;
    let exec_score = Decimal::from(10) * spent / budget;
    let mut indicators = Vec::new();
    let mut total_points = 10;
    let mut total = exec_score.round_dp(2);
    let mut last_group = usize::MAX;
    for (i, &(group, target, met, points)) in rows.iter().enumerate() {
        let group = if group < last_group && last_group != usize::MAX {
            last_group
        } else {
            group
        };
        last_group = group;
        let (level1, level2) = GROUPS[group];
        let actual = target * met / 100;
        let score = if actual >= target {
            Decimal::from(points)
        } else {
            (Decimal::from(points) * Decimal::from(actual) / Decimal::from(target)).round_dp(2)
        };
        total_points += points;
        total += score;
        indicators.push(Indicator {
            level1,
            level2,
            name: format!("{}{}", NAMES[i % NAMES.len()], i + 1),
            operator: "≥",
            target,
            unit: if group == 5 { "%" } else { "个" },
            actual,
            points,
            score: if actual >= target {
                points.to_string()
            } else {
                two(score)
            },
            reason: (actual < target).then(|| "受天气影响进度滞后".to_string()),
        });
    }
    Form {
        funds: [budget, budget, spent],
        rate: format!("{}%", two(rate)),
        exec_score: two(exec_score),
        indicators,
        total_points,
        total_score: two(total),
        points_word: "分值",
        part_rate: false,
    }
}

/// The form's cells, row by row, with `None` for a cell a merged cell covers (printed once).
fn grid(form: &Form) -> Vec<Vec<Option<String>>> {
    let s = |x: &str| Some(x.to_string());
    let mut rows = vec![[
        "项目资金（万元）",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        form.points_word,
        "执行率",
        "得分",
    ]
    .map(s)
    .to_vec()];
    let [a, b, c] = form.funds.map(two);
    rows.push(vec![
        s("年度资金总额"),
        s(&a),
        s(&b),
        s(&c),
        s("10"),
        s(&form.rate),
        s(&form.exec_score),
    ]);
    rows.push(vec![
        s("其中：当年财政拨款"),
        s(&a),
        s(&b),
        s(&c),
        s("—"),
        if form.part_rate {
            s(&form.rate)
        } else {
            s("—")
        },
        s("—"),
    ]);
    rows.push(vec![
        s("上年结转资金"),
        s(""),
        s(""),
        s(""),
        s("—"),
        s("—"),
        s("—"),
    ]);
    rows.push(
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ]
        .map(s)
        .to_vec(),
    );
    let mut prev: (&str, &str) = ("", "");
    for ind in &form.indicators {
        let l1 = (ind.level1 != prev.0).then(|| ind.level1.to_string());
        let l2 = (l1.is_some() || ind.level2 != prev.1).then(|| ind.level2.to_string());
        prev = (ind.level1, ind.level2);
        rows.push(vec![
            l1,
            l2,
            s(&ind.name),
            Some(format!("{}{}{}", ind.operator, ind.target, ind.unit)),
            Some(format!("{}{}", ind.actual, ind.unit)),
            s(&ind.points.to_string()),
            s(&ind.score),
            Some(ind.reason.clone().unwrap_or_default()),
        ]);
    }
    rows.push(vec![
        s("总分"),
        s(""),
        s(""),
        s(""),
        s(""),
        s(&form.total_points.to_string()),
        s(&form.total_score),
        s(""),
    ]);
    rows
}

const TITLE: &str = "项目支出绩效自评表（2024年度）\n";

fn tabs(form: &Form) -> String {
    let mut out = String::from(TITLE);
    for row in grid(form) {
        let cells: Vec<String> = row.into_iter().map(Option::unwrap_or_default).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Layout B: one cell per line, merged cells printed once; empty cells shown.
fn one_cell_per_line(form: &Form, pipes: bool) -> String {
    let mut out = String::from(TITLE);
    for cell in grid(form).into_iter().flatten().flatten() {
        match (cell.is_empty(), pipes) {
            (true, true) => out.push_str("|\n"),
            (true, false) => out.push('\n'),
            (false, true) => out.push_str(&format!("{cell} |\n")),
            (false, false) => out.push_str(&format!("{cell}\n")),
        }
    }
    out
}

/// Layout C: the whole form on one line, empty cells vanished.
fn flattened(form: &Form) -> String {
    let cells: Vec<String> = grid(form)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|c| !c.is_empty())
        .collect();
    format!("文档属性 作者 编号 {}", TITLE.trim()) + " " + &cells.join(" ") + "\n"
}

/// Layout D: pipe rows broken after `breaks[i]` cells, targets split into operator, number
/// and unit, second-level names broken at a space, empty cells dropped or shown as lone pipes.
fn broken_pipes(form: &Form, breaks: &[usize]) -> String {
    let mut cells: Vec<String> = Vec::new();
    for cell in grid(form).into_iter().flatten().flatten() {
        if let Some(rest) = cell.strip_prefix('≥') {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let unit = &rest[digits.len()..];
            cells.extend(["≧".to_string(), digits.clone(), unit.to_string()]);
        } else if cell.ends_with("效益指标") || cell == "服务对象满意度指标" {
            cells.push(cell.replace("指标", " 指标"));
        } else {
            cells.push(cell);
        }
    }
    let mut out = format!("{}| 单位：某区文化馆 |\n|\n", TITLE.trim());
    let mut at = 0;
    let mut k = 0;
    while at < cells.len() {
        let n = breaks[k % breaks.len()].max(1);
        k += 1;
        let chunk: Vec<&String> = cells[at..(at + n).min(cells.len())].iter().collect();
        at += n;
        let shown: Vec<&str> = chunk
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| c.as_str())
            .collect();
        if shown.is_empty() {
            out.push_str("|\n");
        } else {
            out.push_str(&format!("| {} |\n", shown.join(" | ")));
        }
    }
    out
}

/// Layout E as text: the form as `pdftotext -layout` prints it — columns aligned by spaces
/// (a Chinese character counted `wide` columns), the long remark header wrapped over three
/// lines around the header line, each first-level label on the middle row of its group, and
/// the indicator table running over a page break: a page number, a form feed and the header
/// repeated.
fn space_aligned(form: &Form, wide: usize) -> String {
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| if (c as u32) >= 0x2E80 { wide } else { 1 })
            .sum()
    };
    let mut grid = grid(form);
    // First-level labels move from their group's first row to its middle row: of the rows on
    // the group's first page, where a page break cuts the group (as word processors print a
    // merged cell that a page break splits).
    let header = grid
        .iter()
        .position(|r| r[0].as_deref() == Some("一级指标"))
        .expect("indicator header");
    let total = grid.len() - 1;
    let page_break = header + 4;
    let mut r = header + 1;
    while r < total {
        let mut end = r + 1;
        while end < total && grid[end][0].is_none() {
            end += 1;
        }
        let shown = if r < page_break && page_break < end {
            page_break
        } else {
            end
        };
        let label = grid[r][0].take();
        grid[r + (shown - r - 1) / 2][0] = label;
        r = end;
    }
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            grid.iter()
                .filter_map(|row| row.get(c).and_then(|x| x.as_deref()))
                .filter(|x| *x != "偏差原因分析及改进措施")
                .map(width)
                .max()
                .unwrap_or(0)
                + 3
        })
        .collect();
    let line = |cells: &[Option<String>]| -> String {
        let mut out = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let text = cell.as_deref().unwrap_or("");
            out.push_str(text);
            if c + 1 < cells.len() {
                out.push_str(&" ".repeat(widths[c].saturating_sub(width(text))));
            }
        }
        out.trim_end().to_string()
    };
    // The remark header wrapped: a part above the header line, one on it, one below.
    let remark = |part: &str| -> String {
        let mut cells = vec![None; columns];
        cells[columns - 1] = Some(part.to_string());
        line(&cells)
    };
    let header_lines = {
        let mut cells = grid[header].clone();
        cells[columns - 1] = Some("析及改进措".to_string());
        vec![remark("偏差原因分"), line(&cells), remark("施")]
    };
    let mut out = format!(
        "        {}

",
        TITLE.trim()
    );
    for (r, row) in grid.iter().enumerate() {
        if r == header {
            for l in &header_lines {
                out.push_str(l);
                out.push('\n');
            }
            continue;
        }
        if r == page_break && r < total {
            // A page break inside the indicator table.
            out.push_str("\n\n                                   — 1 —\n\u{c}");
            for l in &header_lines {
                out.push_str(l);
                out.push('\n');
            }
        }
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

/// Layout G: traditional characters where forms from some regions print them.
fn traditional(form: &Form) -> String {
    tabs(form)
        .replace("绩效", "績效")
        .replace("预算", "預算")
        .replace("执行", "執行")
        .replace("总分", "總分")
        .replace("≥", "≧")
}

fn findings(text: &str) -> Vec<String> {
    let profile = Profile::load("national-2020").unwrap();
    let checked = check_text("form.txt", text, Format::Text, &profile);
    let mut out: Vec<String> = checked
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code(), f.message(Lang::En)))
        .collect();
    out.sort();
    out
}

/// The text `text(right)` gives no finding, and `text(wrong)` exactly one, with code `code`.
fn assert_silent_then_one(text: impl Fn(&str) -> String, right: &str, wrong: &str, code: &str) {
    let found = findings(&text(right));
    assert!(found.is_empty(), "{found:#?}");
    let found = findings(&text(wrong));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with(code), "{found:#?}");
}

fn every_layout(form: &Form, breaks: &[usize]) -> Vec<(&'static str, String)> {
    vec![
        (
            "one cell per line with pipes",
            one_cell_per_line(form, true),
        ),
        ("one cell per line", one_cell_per_line(form, false)),
        ("flattened", flattened(form)),
        ("broken pipes", broken_pipes(form, breaks)),
        ("traditional", traditional(form)),
        (
            "space-aligned, a Chinese character one column",
            space_aligned(form, 1),
        ),
        (
            "space-aligned, a Chinese character two columns",
            space_aligned(form, 2),
        ),
    ]
}

fn assert_same_as_tabs(form: &Form, breaks: &[usize]) -> Vec<String> {
    let expected = findings(&tabs(form));
    for (layout, text) in every_layout(form, breaks) {
        assert_eq!(findings(&text), expected, "{layout}:\n{text}");
    }
    expected
}

fn sample() -> Form {
    form(
        4800,
        95,
        &[
            (0, 20, 110, 20),
            (1, 95, 101, 15),
            (2, 100, 100, 15),
            (3, 5000, 96, 30),
            (5, 90, 103, 10),
        ],
    )
}

#[test]
fn a_clean_form_is_silent_in_every_layout() {
    let form = sample();
    let found = assert_same_as_tabs(&form, &[7, 3, 11]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_wrong_total_is_found_in_every_layout() {
    let mut form = sample();
    form.total_score = "96.30".to_string();
    let found = assert_same_as_tabs(&form, &[5, 9, 2, 8]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("SUM002"), "{found:#?}");
}

#[test]
fn a_wrong_execution_score_is_found_in_every_layout() {
    let mut form = sample();
    form.exec_score = "9.00".to_string();
    let found = assert_same_as_tabs(&form, &[4, 6]);
    assert!(found.iter().any(|f| f.starts_with("RATE")), "{found:#?}");
}

#[test]
fn a_score_above_full_marks_is_found_in_every_layout() {
    let mut form = sample();
    form.indicators[1].score = "18".to_string();
    let found = assert_same_as_tabs(&form, &[8]);
    assert!(
        found.iter().any(|f| f.starts_with("SCORE001")),
        "{found:#?}"
    );
}

#[test]
fn a_fund_block_headed_with_fen_shu_and_part_rates_is_read_in_every_layout() {
    // 分数 for the points column, and a part row that prints its own rate: the fund block is
    // still laid out in every layout.
    let mut form = sample();
    form.points_word = "分数";
    form.part_rate = true;
    let found = assert_same_as_tabs(&form, &[3, 7]);
    assert!(found.is_empty(), "{found:#?}");
    // A wrong total is judged against the execution item too: found only if the fund block
    // was read.
    form.total_score = "90.00".to_string();
    let found = assert_same_as_tabs(&form, &[3, 7]);
    assert!(found.iter().any(|f| f.starts_with("SUM002")), "{found:#?}");
}

#[test]
fn an_unreadable_fund_block_leaves_the_form_totals_unjudged() {
    // An unfilled fund block one cell per line: its empty cells fit its rows in several ways,
    // so it is not read; the execution item's 10 points are then unknown, and the first-level
    // full marks (90 without it) are not held to 100.
    let text = "项目支出绩效自评表\n项目资金（万元）\n\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n\n年度资金总额\n45.60\n45.60\n\n10\n\n\n\n其中：当年财政拨款\n45.60\n45.60\n\n—\n\n—\n一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n偏差原因分析及改进措施\n产出指标\n数量指标\n覆盖社区数\n≥20个\n\n40\n\n\n效益指标\n社会效益指标\n借阅人次\n≥5000人次\n\n40\n\n\n满意度指标\n服务对象满意度指标\n居民满意度\n≥90%\n\n10\n\n\n总分\n\n\n\n\n100\n\n\n";
    let found = findings(text);
    assert!(
        !found
            .iter()
            .any(|f| f.starts_with("WEIGHT") || f.starts_with("SUM")),
        "{found:#?}"
    );
    // The same form with its fund block laid out by tabs holds to 100: 90 + 10.
    let tabs_text = "项目支出绩效自评表\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t45.60\t45.60\t\t10\t\t\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标\t数量指标\t覆盖社区数\t≥20个\t\t40\t\t\n效益指标\t社会效益指标\t借阅人次\t≥5000人次\t\t40\t\t\n满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\t\t10\t\t\n总分\t\t\t\t\t100\t\t\n";
    let found = findings(tabs_text);
    assert!(!found.iter().any(|f| f.starts_with("WEIGHT")), "{found:#?}");
}

fn rows() -> impl Strategy<Value = Vec<(usize, u32, u32, u32)>> {
    prop::collection::vec((0usize..6, 10u32..200, 80u32..120, 5u32..30), 3..7)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_layout_gives_the_tab_layouts_findings(
        budget in 1000u32..900_000,
        share in 60u32..101,
        rows in rows(),
        breaks in prop::collection::vec(1usize..12, 1..6),
        change in prop::option::of((0usize..8, 1u32..9)),
        points_word in prop::sample::select(vec!["分值", "分数"]),
        part_rate in any::<bool>(),
    ) {
        let mut form = form(budget, share, &rows);
        form.points_word = points_word;
        form.part_rate = part_rate;
        if let Some((which, by)) = change {
            // One figure changed: a score, the total or the execution score.
            let bump = |s: &str| {
                let d = Decimal::from_str(s).unwrap() + Decimal::from(by);
                two(d)
            };
            match which % 3 {
                0 => {
                    let i = which % form.indicators.len();
                    form.indicators[i].score = bump(&form.indicators[i].score);
                }
                1 => form.total_score = bump(&form.total_score),
                _ => form.exec_score = bump(&form.exec_score),
            }
        }
        assert_same_as_tabs(&form, &breaks);
    }
}

#[test]
fn a_table_row_flattened_into_a_paragraph_states_nothing() {
    // A budget table flattened onto one line (a converter's text) above a sentence: the row's
    // per-item rates are not the project's rate, and the sentence is still checked.
    let text = |rate: &str| {
        format!(
            "表 3：预算执行表\n项目 预算金额 实际支出 执行率 设备购置 50.00 48.00 96.00% 运维服务 40.00 40.00 100.00% 合计 90.00 88.00 97.78%\n\n项目预算 90.00 万元，全年实际支出 88.00 万元，预算执行率 {rate}。\n"
        )
    };
    assert_silent_then_one(text, "97.78%", "98.78%", "RATE008");
}

#[test]
fn a_goal_table_laid_out_by_spaces_states_nothing() {
    // `pdftotext -layout` text of a goal table: its target of 100% for 预算执行率 is not the
    // project's rate, which the sentence states as 98.09%; the sentence is still checked.
    let text = |rate: &str| {
        format!(
            "一、项目概况\n项目预算 19.37 万元，实际支出 19.00 万元，预算执行率为 {rate}。\n\n\
            一级目标         二级目标         三级目标               目标值\n\
            投入和管理目标      投入管理         预算执行率              100%\n\
                                          预算编制合理性            合理\n\n\
            二、评价结论\n预算执行率为 98.09%。\n"
        )
    };
    assert_silent_then_one(text, "98.09%", "99.09%", "RATE008");
}

#[test]
fn numbered_rows_laid_out_by_spaces_are_not_headings() {
    // A funds table's numbered rows (`一、财政拨款`, `1、区级财政    60.00`) between the
    // report's sections 一 and 二: the headings run 一, 二, and a skipped heading is still found.
    let text = |second: &str| {
        format!(
            "一、分项预算执行情况\n      表 2：资金来源表（单位：万元）\n\
            项目                                   金额\n\
            一、财政拨款\n\
            1、区级财政                              60.00\n\
            2、市级补助                              20.00\n\
            二、单位自筹                              10.00\n\
            合计                                   90.00\n\
            {second}、调整后预算执行情况\n项目预算调整情况如下。\n"
        )
    };
    assert_silent_then_one(text, "二", "三", "STRUCT001");
}

#[test]
fn numbered_cells_parted_by_blank_lines_are_not_headings() {
    // `pdftotext` without `-layout` prints a table one cell per line with blank lines between:
    // the numbered cells are not headings, while the contents page's entries, each followed
    // by its page number, still are (a skipped heading is still found there).
    let text = |second: &str| {
        format!(
            "目录\n\n一、分项预算执行情况\n\n3\n\n{second}、调整后预算执行情况\n\n5\n\n\
            一、分项预算执行情况\n\n项目\n\n金额\n\n一、财政拨款\n1、区级财政\n\n60.00\n\n\
            2、市级补助\n\n20.00\n\n二、单位自筹\n\n10.00\n\n合计\n\n90.00\n\n\
            {second}、调整后预算执行情况\n\n项目预算调整情况如下。\n\n\
            1、验收户数\n\n25\n\n24\n\n2、改造户数\n\n25\n\n25\n"
        )
    };
    let found = findings(&text("二"));
    assert!(found.is_empty(), "{found:#?}");
    let found = findings(&text("三"));
    assert!(
        !found.is_empty() && found.iter().all(|f| f.starts_with("STRUCT001")),
        "{found:#?}"
    );
}

#[test]
fn rows_flattened_with_single_spaces_state_nothing() {
    // `pdftotext -raw` prints a row's cells parted by single spaces: two score tables' 合计
    // rows and a goal table's target are not figures of the report's sentences.
    let text = |rate: &str| {
        format!(
            "项目预算 19.37 万元，实际支出 19.00 万元，预算执行率为 {rate}。\n\
            一级目标 二级目标 三级目标 目标值\n\
            投入和管理目标 投入管理 预算执行率 100%\n\
            合计 100 80.00\n\n表 3\n2、验收户数 25 23\n合计 100 97\n\n\
            预算执行率为 98.09%。\n"
        )
    };
    assert_silent_then_one(text, "98.09%", "99.09%", "RATE008");
}

/// A form that prints its fund block (execution score 9.50 of 10) and stops.
const FUND_BLOCK_ONLY: &str = "项目支出绩效自评表\n项目名称\t甲项目\n\
    项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
    年度资金总额\t50.00\t50.00\t47.50\t10\t95.00%\t9.50\n\n";

#[test]
fn a_forms_indicators_are_not_given_to_the_form_above() {
    // The first form prints only its fund block; the second, after its own title, only its
    // indicators. The indicators are the second form's: the first form's execution item is
    // not added to their total (which would make 10 + 100 of 100).
    let text = format!(
        "{FUND_BLOCK_ONLY}\
        项目支出绩效自评表\n项目名称\t乙项目\n\
        一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
        产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t50\t50\n\
        效益指标\t社会效益指标\t知晓率\t≥90%\t85%\t50\t47.22\n\
        总分\t\t\t\t\t100\t97.22\n"
    );
    let found = findings(&text);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_table_whose_header_cells_ran_together_is_not_judged() {
    // Printed without gaps between its columns, the header reads as one cell: which figure is
    // the budget and which the spending cannot be told, so the wrong rate is not reported
    // (and is listed as not recognised instead).
    let text = "项目资金（万元）\t年初预算数全年预算数全年执行数\t分值\t执行率\t得分\n\
        年度资金总额\t50.00\t48.00\t45.60\t10\t90.00%\t9.00\n";
    assert!(findings(text).is_empty(), "{:#?}", findings(text));
    let checked = check_text(
        "form.txt",
        text,
        Format::Text,
        &Profile::load("national-2020").unwrap(),
    );
    assert!(checked
        .report
        .skipped
        .iter()
        .any(|s| s.what.zh.contains("表头单元格连在一起")));
}

#[test]
fn a_forms_first_row_repeated_on_a_new_page_does_not_split_the_form() {
    // A PDF repeats the form's 项目名称 row at the top of the next page, between the fund
    // block and the indicators: still one form, whose execution item counts in its total.
    let text = format!(
        "{FUND_BLOCK_ONLY}\
        项目名称 甲项目\n\n\
        一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
        产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t40\t40\n\
        效益指标\t社会效益指标\t知晓率\t≥90%\t85%\t50\t47.22\n\
        总分\t\t\t\t\t100\t96.72\n"
    );
    let found = findings(&text);
    assert!(found.is_empty(), "{found:#?}");
}

/// A line as `pdftotext -layout` prints it: each cell from its column (a Chinese character two
/// columns wide), at least one space after the cell before.
fn at_columns(cells: &[&str], starts: &[usize]) -> String {
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
            .sum()
    };
    let mut out = String::new();
    for (cell, &start) in cells.iter().zip(starts) {
        if cell.is_empty() {
            continue;
        }
        let at = width(&out);
        if at < start {
            out.push_str(&" ".repeat(start - at));
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(cell);
    }
    out.trim_end().to_string() + "\n"
}

fn laid_out(rows: &[&[&str]], starts: &[usize]) -> String {
    rows.iter().map(|r| at_columns(r, starts)).collect()
}

#[test]
fn a_score_table_over_a_page_break_with_its_columns_moved_is_read() {
    // `pdftotext -layout` sets each page's columns afresh: the table goes on after blank lines,
    // a page number and a form feed, its header repeated two columns further left.
    let header: &[&str] = &["一级指标", "二级指标", "三级指标", "满分值", "得分情况"];
    let text = |score: &str| {
        let first = laid_out(
            &[
                header,
                &[
                    "A 项目决策 20%",
                    "A1 项目立项 10%",
                    "A1.1 立项依据充分性 5%",
                    "5",
                    "5.00",
                ],
                &["", "", "A1.2 立项程序规范性 5%", "5", "4.50"],
                &["", "A2 绩效目标 10%", "A2.1 目标合理性 10%", "10", "9.00"],
                &[
                    "B 项目管理 30%",
                    "B1 资金管理 30%",
                    "B1.1 预算执行率 15%",
                    "15",
                    "14.00",
                ],
            ],
            &[0, 21, 39, 66, 80],
        );
        let second = laid_out(
            &[
                header,
                &["", "", "B1.2 资金使用合规性 15%", "15", score],
                &[
                    "C 项目绩效 50%",
                    "C1 项目产出 50%",
                    "C1.1 数量目标 25%",
                    "25",
                    "24.00",
                ],
                &["", "", "C1.2 质量目标 25%", "25", "23.00"],
                &["合计", "", "", "100", "92.50"],
            ],
            &[0, 20, 38, 63, 76],
        );
        format!(
            "一、项目概况\n     项目已完成。\n二、绩效分析\n     表 4：项目绩效评价得分表\n{first}\n\n\n{}—3—\n\u{c}{second}\n三、存在问题\n     运维记录不完整。\n",
            " ".repeat(50)
        )
    };
    assert_silent_then_one(text, "13.00", "14.00", "SUM002");
}

#[test]
fn a_two_level_header_with_its_label_on_a_line_between_stays_two_rows() {
    // `预算金额` over `年初 | 调整后`, with `项目` (merged over both header rows) on a line of its
    // own between them: the rate is judged against the adjusted budget, not the first one.
    let text = |rate: &str| {
        let starts = [0, 19, 37, 57, 83];
        let table = laid_out(
            &[
                &["", "预算金额", "", "实际支出", "执行率"],
                &["项目"],
                &["", "年初", "调整后", "", ""],
                &["设备购置", "50.00", "48.00", "48.00", "100.00%"],
                &["运维服务", "40.00", "42.00", "40.00", rate],
                &["合计", "90.00", "90.00", "88.00", "97.78%"],
            ],
            &starts,
        );
        format!("一、项目概况\n      表 3：预算调整及执行表（单位：万元）\n{table}\n二、评价结论\n     项目执行良好。\n")
    };
    assert_silent_then_one(text, "95.24%", "96.24%", "RATE001");
}

#[test]
fn a_label_row_numbered_like_the_next_is_a_row_of_its_own() {
    // One row per indicator at every level, and a second-level item with no figures (`B2
    // 经济效益指标`) right above its numbered sibling: neither joins the other, and no label
    // moves to another row.
    let text = |score: &str| {
        let table = laid_out(
            &[
                &["一级指标", "二级指标", "三级指标", "分值", "得分"],
                &["A 项目决策", "", "", "50", "45"],
                &["", "A1 项目立项", "", "50", "45"],
                &["", "", "A11 立项依据充分性", "50", "45"],
                &["B 项目效益", "", "", "50", "42"],
                &["", "B1 数量指标", "", "30", "28"],
                &["", "", "B11 受益老人人数", "30", "28"],
                &["", "B2 经济效益指标"],
                &["", "B3 社会效益指标", "", "20", score],
                &["", "", "B31 居家安全事故下降", "20", "14"],
                &["合计", "", "", "100", "87"],
            ],
            &[0, 22, 37, 61, 67],
        );
        format!("一、评价结论\n     表 1：评分表\n{table}\n二、问题\n     无。\n")
    };
    assert_silent_then_one(text, "14", "15", "SUM002");
}

#[test]
fn a_fund_block_set_apart_from_its_header_leaves_the_form_total_unjudged() {
    // A blank line between the fund block's header and its rows (a tall header row on paper):
    // its rows are read without their columns, so the execution item's 10 points are unknown
    // and the first-level full marks (90 without it) are not held to 100. The indicators are
    // still judged.
    let text = |score: &str| {
        let funds = [0, 12, 32, 45, 60, 75, 82, 92];
        let indicators = [0, 12, 30, 47, 62, 77, 84, 94];
        format!(
            "     项目支出绩效自评表\n     （2023 年度）\n{}\n{}{}",
            at_columns(
                &[
                    "",
                    "",
                    "年初预算数",
                    "全年预算数",
                    "全年执行数",
                    "分值",
                    "执行率",
                    "得分"
                ],
                &funds
            ),
            laid_out(
                &[
                    &[
                        "项目资金",
                        "年度资金总额",
                        "86.00",
                        "84.50",
                        "83.66",
                        "10",
                        "99.01%",
                        "9.90"
                    ],
                    &[
                        "（万元）",
                        "其中：当年财政拨款",
                        "86.00",
                        "84.50",
                        "83.66",
                        "—",
                        "99.01%",
                        "—"
                    ],
                ],
                &funds
            ),
            laid_out(
                &[
                    &[
                        "一级指标",
                        "二级指标",
                        "三级指标",
                        "年度指标值",
                        "实际完成值",
                        "分值",
                        "得分",
                        "偏差原因"
                    ],
                    &[
                        "产出指标",
                        "数量指标",
                        "更新服务站数",
                        "12 个",
                        "12 个",
                        "40",
                        score,
                        ""
                    ],
                    &[
                        "效益指标",
                        "社会效益指标",
                        "年门诊服务人次",
                        "≥30000 人次",
                        "31500 人次",
                        "40",
                        "40",
                        ""
                    ],
                    &[
                        "满意度指标",
                        "满意度指标",
                        "就诊居民满意度",
                        "≥90%",
                        "92.5%",
                        "10",
                        "10",
                        ""
                    ],
                    &["总分", "", "", "", "", "100", "99.90", ""],
                ],
                &indicators
            ),
        )
    };
    // A score below full marks with no reason is still found in the indicator table.
    assert_silent_then_one(text, "40", "39", "TARGET003");
}

#[test]
fn a_total_in_a_table_not_read_keeps_the_prose_from_a_breakdown_table() {
    // The report's score table arrives with its cells run together by two spaces and its
    // empty cells gone, so it is not read; a breakdown by district after it is. The report's
    // total (80.00) is not held to the breakdown's (97), whose own sums are still checked.
    let text = |score: &str| {
        let main = "一级指标  二级指标  三级指标  分值  得分\nA 项目决策  20  18\nA1 项目立项  20  18\nB 项目效益  80  62\nB1 数量指标  80  62\n合计  100  80.00\n";
        let breakdown = laid_out(
            &[
                &["一级指标", "二级指标", "三级指标", "分值", "得分"],
                &["东街街道", "（1）数量指标", "1、改造户数", "50", "50"],
                &["", "", "2、验收户数", "50", score],
                &["合计", "", "", "100", "97"],
            ],
            &[0, 14, 30, 46, 54],
        );
        format!("一、评价结论\n     该项目总体得分为 80.00 分，评价等级为良。\n     表 1：评分表\n{main}\n     表 2：分街道得分\n{breakdown}\n二、问题\n     无。\n")
    };
    assert_silent_then_one(text, "47", "46", "SUM002");
}

#[test]
fn rows_padded_each_to_their_own_widths_are_not_given_columns() {
    // Tabs turned into padding cell by cell: the header's cells stand where no data column is,
    // so the table's columns cannot be told and its empty cells are not restored; the rates
    // are not judged against the wrong budget.
    let text = "一、项目概况\n表 3：预算调整及执行表\n\n项目            预算金额                        实际支出        执行率\n                年初            调整后\n设备购置        50.00      48.00      48.00      100.00%\n运维服务        40.00      42.00      40.00      95.24%\n合计            90.00      90.00      88.00      97.78%\n\n二、评价结论\n项目执行良好。\n";
    let found = findings(text);
    assert!(found.is_empty(), "{found:#?}");
}

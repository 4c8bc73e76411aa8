//! Properties over generated reports.
//!
//! - Never cry wolf: a report whose printed figures are produced from exact values by rounding
//!   or truncation (the same way throughout, as a reporting system does) gets no finding.
//! - A gross change to one figure is caught, on the line that was changed.
//! - No input makes the checker panic.

use jxlint::lint::check_text;
use jxlint::profile::Profile;
use jxlint::read::Format;
use proptest::prelude::*;
use rust_decimal::prelude::*;

#[derive(Debug, Clone, Copy)]
enum Mode {
    Round,
    Truncate,
}

/// Print an exact value with `dp` decimals.
fn print(v: Decimal, dp: u32, mode: Mode) -> String {
    let mut p = match mode {
        Mode::Round => v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
        Mode::Truncate => v.round_dp_with_strategy(dp, RoundingStrategy::ToZero),
    };
    p.rescale(dp);
    p.to_string()
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Round), Just(Mode::Truncate)]
}

fn national() -> Profile {
    Profile::load("national-2020").unwrap()
}

/// A budget execution table: exact amounts in 元 printed in 万元, rates printed from the exact
/// amounts.
fn execution_table(items: &[(u64, u64)], mode: Mode) -> String {
    let wan = |yuan: u64| Decimal::from(yuan) / Decimal::from(10_000);
    let mut out = String::from("单位：万元\n\n序号\t子项目名称\t预算金额\t实际支出\t预算执行率\n");
    let (mut tb, mut ts) = (0u64, 0u64);
    for (i, &(budget, spent)) in items.iter().enumerate() {
        let rate = Decimal::from(spent) / Decimal::from(budget) * Decimal::ONE_HUNDRED;
        out.push_str(&format!(
            "{}\t子项目{}\t{}\t{}\t{}%\n",
            i + 1,
            i + 1,
            print(wan(budget), 2, mode),
            print(wan(spent), 2, mode),
            print(rate, 2, mode)
        ));
        tb += budget;
        ts += spent;
    }
    let rate = Decimal::from(ts) / Decimal::from(tb) * Decimal::ONE_HUNDRED;
    out.push_str(&format!(
        "合计\t\t{}\t{}\t{}%\n",
        print(wan(tb), 2, mode),
        print(wan(ts), 2, mode),
        print(rate, 2, mode)
    ));
    out
}

/// Budgets from 1 万元 to 2,000 万元, spending from 90% to 100% of each.
fn budget_items() -> impl Strategy<Value = Vec<(u64, u64)>> {
    prop::collection::vec(
        (10_000u64..20_000_000, 9000u64..=10_000)
            .prop_map(|(b, permille)| (b, b * permille / 10_000)),
        2..10,
    )
}

/// An indicator tree: groups of leaves with integer full marks adding to 100 and exact scores
/// (a percentage of full marks to two decimals), as a summary table and a three-level table.
#[derive(Debug, Clone)]
struct Tree {
    /// (full marks, score as a fraction of full marks in basis points) per leaf, per group,
    /// per first-level indicator.
    groups: Vec<Vec<Vec<(u32, u32)>>>,
}

fn tree() -> impl Strategy<Value = Tree> {
    // Three first-level indicators with 1–3 groups of 1–4 leaves; full marks then scaled so
    // that they add up to exactly 100.
    prop::collection::vec(
        prop::collection::vec(
            prop::collection::vec((1u32..6, 6000u32..=10_000), 1..5),
            1..4,
        ),
        3..4,
    )
    .prop_map(|raw| {
        let total: u32 = raw.iter().flatten().flatten().map(|(f, _)| f).sum();
        let mut groups = raw;
        // Put the remainder on the last leaf so that full marks add up to 100.
        let remainder = 100i64 - total as i64;
        let last = groups
            .last_mut()
            .unwrap()
            .last_mut()
            .unwrap()
            .last_mut()
            .unwrap();
        last.0 = (last.0 as i64 + remainder).max(1) as u32;
        Tree { groups }
    })
    .prop_filter("full marks add up to 100", |t| {
        t.groups
            .iter()
            .flatten()
            .flatten()
            .map(|(f, _)| f)
            .sum::<u32>()
            == 100
    })
}

impl Tree {
    fn score(full: u32, bp: u32) -> Decimal {
        Decimal::from(full) * Decimal::from(bp) / Decimal::from(10_000)
    }

    fn render(&self, mode: Mode) -> String {
        let letters = ['A', 'B', 'C'];
        let mut summary = String::from("指标\t满分值\t评价分值\t得分率\n");
        let mut detail = String::from("一级指标\t二级指标\t三级指标\t满分值\t得分值\n");
        let (mut grand_full, mut grand_score) = (0u32, Decimal::ZERO);
        for (a, groups) in self.groups.iter().enumerate() {
            let (mut a_full, mut a_score) = (0u32, Decimal::ZERO);
            for (g, leaves) in groups.iter().enumerate() {
                for (l, &(full, bp)) in leaves.iter().enumerate() {
                    let s = Tree::score(full, bp);
                    let first = if g == 0 && l == 0 {
                        format!("{} 一级{}", letters[a], a + 1)
                    } else {
                        String::new()
                    };
                    let second = if l == 0 {
                        format!("{}{} 二级{}", letters[a], g + 1, g + 1)
                    } else {
                        String::new()
                    };
                    detail.push_str(&format!(
                        "{first}\t{second}\t{}{}{} 三级{}\t{full}\t{}\n",
                        letters[a],
                        g + 1,
                        l + 1,
                        l + 1,
                        print(s, 2, mode)
                    ));
                    a_full += full;
                    a_score += s;
                }
            }
            let rate = a_score / Decimal::from(a_full) * Decimal::ONE_HUNDRED;
            summary.push_str(&format!(
                "{} 一级{}\t{a_full}\t{}\t{}%\n",
                letters[a],
                a + 1,
                print(a_score, 2, mode),
                print(rate, 2, mode)
            ));
            grand_full += a_full;
            grand_score += a_score;
        }
        summary.push_str(&format!(
            "合计\t{grand_full}\t{}\t{}%\n",
            print(grand_score, 2, mode),
            print(grand_score, 2, mode)
        ));
        detail.push_str(&format!(
            "合计\t\t\t{grand_full}\t{}\n",
            print(grand_score, 2, mode)
        ));
        format!("得分汇总表\n\n{summary}\n指标得分表\n\n{detail}")
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn rounded_or_truncated_budget_tables_are_silent(items in budget_items(), mode in mode()) {
        let text = execution_table(&items, mode);
        let checked = check_text("t.txt", &text, Format::Text, &national());
        let codes: Vec<&str> = checked.findings.iter().map(|f| f.code()).collect();
        prop_assert!(codes.is_empty(), "{codes:?}\n{text}");
    }

    #[test]
    fn rounded_or_truncated_indicator_trees_are_silent(t in tree(), mode in mode()) {
        let text = t.render(mode);
        let checked = check_text("t.txt", &text, Format::Text, &national());
        let codes: Vec<&str> = checked.findings.iter().map(|f| f.code()).collect();
        prop_assert!(codes.is_empty(), "{codes:?}\n{text}");
    }

    #[test]
    fn a_changed_leaf_score_is_caught_on_its_line(t in tree(), mode in mode(), pick in any::<prop::sample::Index>(), delta in 1u32..5) {
        let text = t.render(mode);
        let lines: Vec<&str> = text.lines().collect();
        // Leaf rows of the detailed table are the ones with a three-level code.
        let leaf_rows: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.split('\t')
                    .nth(2)
                    .and_then(|c| c.split(' ').next())
                    .is_some_and(|code| code.len() == 3)
            })
            .map(|(i, _)| i)
            .collect();
        let row = leaf_rows[pick.index(leaf_rows.len())];
        let mut cells: Vec<String> = lines[row].split('\t').map(String::from).collect();
        let score = Decimal::from_str(&cells[4]).unwrap() + Decimal::from(delta);
        cells[4] = score.to_string();
        let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        changed[row] = cells.join("\t");
        let text = changed.join("\n");
        let checked = check_text("t.txt", &text, Format::Text, &national());
        prop_assert!(!checked.findings.is_empty(), "nothing caught\n{text}");
        let on_line = checked.findings.iter().any(|f| {
            f.labels.iter().any(|l| checked.source.position(l.span.start).line == row + 1)
        });
        prop_assert!(on_line, "no label on line {}\n{text}", row + 1);
    }

    #[test]
    fn no_input_panics(tokens in prop::collection::vec(prop::sample::select(VOCABULARY.to_vec()), 0..400)) {
        let text: String = tokens.concat();
        for format in [Format::Text, Format::Markdown] {
            let _ = check_text("fuzz.txt", &text, format, &national());
        }
    }

    #[test]
    fn no_bytes_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = jxlint::lint::check_bytes(std::path::Path::new("fuzz.txt"), &bytes, Format::Text, &national());
    }
}

/// Pieces of reports, so that random text still looks like tables, forms and totals.
const VOCABULARY: &[&str] = &[
    "\t",
    "\t",
    "\t",
    "\n",
    "\n",
    "\n\n",
    "|",
    " | ",
    "|---|",
    "# ",
    "一、",
    "（一）",
    "1、",
    "(1)",
    "合计",
    "小计",
    "总分",
    "其中",
    "评分等级",
    "优",
    "良好",
    "差",
    "指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "四级指标",
    "满分值",
    "分值",
    "得分",
    "得分值",
    "得分率",
    "权重",
    "预算金额",
    "实际支出",
    "预算执行率",
    "执行率(%)",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分数",
    "年度资金总额:",
    "上年结转资金",
    "调研样本数",
    "有效回收样本数",
    "样本回收率",
    "A",
    "A1",
    "A11",
    "A1.1",
    "B32",
    "C1.",
    "C23",
    "项目决策 10%",
    "6%",
    "0",
    "0.00",
    "1",
    "2",
    "4",
    "8",
    "10",
    "10.00",
    "100",
    "100.00",
    "9.5",
    "3.96",
    "99.64%",
    "98.52",
    "153.04",
    "-",
    "/",
    "—",
    "总体得分为 94.57 分",
    "评价等级为：**良好**",
    "≥90.00(%)",
    "万元",
    " ",
    "  ",
    "。",
];

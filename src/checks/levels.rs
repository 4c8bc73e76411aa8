//! Findings for "a node's figure equals the sum of its children's" and "a figure stated twice
//! is the same", shared by the score (SUM002, SUM003) and full-marks (WEIGHT002, WEIGHT003)
//! rules, which differ only in which stated figures they own.

use super::arith::{check_sum, equality_constraint, same_value};
use super::tree::{leaf_pairs, node_name, origin_name, Measure};
use super::Context;
use crate::diagnostic::{Finding, Text};
use crate::number::{format_signed, Num};
use crate::report::{Origin, Scorecard, Stated};

/// Which relations a rule owns: the stated figure's origin and the origins of what it is
/// compared with.
pub type Owns = fn(stated: Origin, others: &[Origin]) -> bool;

/// A summary-table figure compared with figures from the detailed table.
pub fn cross_table(stated: Origin, others: &[Origin]) -> bool {
    stated == Origin::Summary && others.iter().any(|o| *o != Origin::Summary)
        || stated != Origin::Summary && others.contains(&Origin::Summary)
}

fn measure_word(measure: Measure) -> Text {
    match measure {
        Measure::Full => Text::new("满分", "full marks"),
        Measure::Score => Text::new("得分", "score"),
    }
}

/// Report the level sums and duplicate statements of `measure` that `owns` selects.
pub fn report(cx: &Context<'_>, measure: Measure, owns: Owns, code: &str, out: &mut Vec<Finding>) {
    let policy = cx.profile.rounding;
    for (ci, card) in cx.report.scorecards.iter().enumerate() {
        for sum in cx.level_sums(ci, measure) {
            let origins: Vec<Origin> = sum.parts.iter().map(|p| p.origin).collect();
            if !owns(sum.stated.origin, &origins) {
                continue;
            }
            let parts: Vec<&Num> = sum.parts.iter().map(|p| &p.num).collect();
            let Some(v) = check_sum(&parts, &sum.stated.num, policy) else {
                continue;
            };
            let basis = if sum.node == 0 {
                Text::new("各项指标之和", "the sum of its indicators")
            } else {
                Text::new("下级指标之和", "the sum of its sub-indicators")
            };
            let mut f = base(card, code, measure, sum.node, sum.stated)
                .arg("basis", basis)
                .arg("parts_source", parts_source(&origins))
                .arg_same("computed", v.computed_text())
                .arg_same("diff", v.diff_text())
                .arg_same("arithmetic", v.arithmetic.clone())
                .arg_same("tolerance", v.tolerance_text())
                .constraint(v.constraint);
            for part in &sum.parts {
                f = f.label(part.num.span, Text::default());
            }
            out.push(f);
        }
        for (node, main, other) in leaf_pairs(card, measure) {
            if !owns(other.origin, &[main.origin]) || same_value(&main.num, &other.num, policy) {
                continue;
            }
            let basis = Text::new(
                format!(
                    "{}中的{}",
                    origin_name(main.origin).zh,
                    measure_word(measure).zh
                ),
                format!(
                    "its {} in {}",
                    measure_word(measure).en,
                    origin_name(main.origin).en
                ),
            );
            let decimals = main
                .num
                .display_decimals()
                .max(other.num.display_decimals());
            out.push(
                base(card, code, measure, node, other)
                    .arg("basis", basis)
                    .arg("parts_source", origin_name(main.origin))
                    .arg_same("computed", main.num.text.clone())
                    .arg_same(
                        "diff",
                        format_signed(other.num.value - main.num.value, decimals),
                    )
                    .arg_same(
                        "arithmetic",
                        format!("{} ≠ {}", other.num.text, main.num.text),
                    )
                    .arg_same("tolerance", "0")
                    .label(
                        main.num.span,
                        Text::new(origin_name(main.origin).zh, origin_name(main.origin).en),
                    )
                    .constraint(equality_constraint(&other.num, &main.num, policy)),
            );
        }
    }
}

fn base(card: &Scorecard, code: &str, measure: Measure, node: usize, stated: &Stated) -> Finding {
    let what = measure_word(measure);
    Finding::new(code)
        .arg("node", node_name(card, node))
        .arg("what", what.clone())
        .arg_same("stated", stated.num.text.clone())
        .arg("source", origin_name(stated.origin))
        .label(
            stated.num.span,
            Text::new(
                format!("{} {}", what.zh, stated.num.text),
                format!("{} {}", what.en, stated.num.text),
            ),
        )
}

/// Where the compared figures come from: one table, or several.
fn parts_source(origins: &[Origin]) -> Text {
    match origins.first() {
        Some(first) if origins.iter().all(|o| o == first) => origin_name(*first),
        _ => Text::new("各表", "the tables"),
    }
}

//! SCORE002 and SCORE003: an indicator with full marks but no score, or a score but no full
//! marks, where the table fills that column for other indicators — typically a cell lost in
//! extraction, or left empty. Reported once, with the value that the nearest stated figure
//! above it implies; the sums it breaks are not reported separately (see `tree::Rep::Missing`).

use rust_decimal::Decimal;

use crate::checks::arith::{join_parts, remainder};
use crate::checks::tree::{children_rep, node_name, origin_name, pick, stated, Measure, Rep};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::{format_decimal, Interval, Num};
use crate::report::{MissingCell, Node, NodeId, Origin, Scorecard, Stated};

pub struct MissingScore;

impl Check for MissingScore {
    fn codes(&self) -> &'static [&'static str] {
        &["SCORE002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        report(cx, Measure::Score, out);
    }
}

pub struct MissingFullMarks;

impl Check for MissingFullMarks {
    fn codes(&self) -> &'static [&'static str] {
        &["SCORE003"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        report(cx, Measure::Full, out);
    }
}

/// The words of one measure, and the other one's, for messages.
struct Words {
    code: &'static str,
    /// What is missing: 得分 / score.
    missing: Text,
}

fn words(measure: Measure) -> Words {
    match measure {
        Measure::Score => Words {
            code: "SCORE002",
            missing: Text::new("得分", "score"),
        },
        Measure::Full => Words {
            code: "SCORE003",
            missing: Text::new("分值", "full marks"),
        },
    }
}

fn missing_cell(node: &Node, measure: Measure) -> Option<MissingCell> {
    match measure {
        Measure::Score => node.missing_score,
        Measure::Full => node.missing_full,
    }
}

fn report(cx: &Context<'_>, measure: Measure, out: &mut Vec<Finding>) {
    let w = words(measure);
    let other = match measure {
        Measure::Score => Measure::Full,
        Measure::Full => Measure::Score,
    };
    for card in &cx.report.scorecards {
        for (id, node) in card.nodes.iter().enumerate() {
            let Some(missing) = missing_cell(node, measure) else {
                continue;
            };
            let present = pick(stated(node, other), Some(Origin::Detail))
                .map_or(String::new(), |f| f.num.text.clone());
            let mut f = Finding::new(w.code)
                .arg("node", node_name(card, id))
                .arg_same("present", present)
                .label(
                    missing.at,
                    Text::new(
                        format!("此处缺少{}", w.missing.zh),
                        format!("no {} here", w.missing.en),
                    ),
                );
            if let Some(label) = &node.label {
                f = f.label(label.span, Text::default());
            }
            let implication = match implied(card, id, measure, cx) {
                Implication::Value {
                    from,
                    stated,
                    others,
                    value,
                    decimals,
                } => {
                    let others_sum: Decimal = crate::number::total(others.iter().map(|o| o.value));
                    let point = stated.num.value - others_sum;
                    let implied = format_decimal(point, decimals);
                    let limit = match measure {
                        Measure::Score => {
                            pick(&node.full, Some(Origin::Detail)).map(|f| f.num.value)
                        }
                        Measure::Full => None,
                    };
                    if value.hi < Decimal::ZERO || limit.is_some_and(|fv| value.lo > fv) {
                        // One of the figures it was inferred from is wrong too.
                        f = f.note(Text::new(
                            "推算结果不在 0 与满分之间，说明其余得分或该合计中另有差错",
                            "the implied value is outside 0 to full marks, so one of the other scores or the total is wrong too",
                        ));
                        for other in &others {
                            f = f.label(other.span, Text::default());
                        }
                    }
                    f = f.label(
                        stated.num.span,
                        Text::new(
                            format!("隐含该项{} {implied}", w.missing.zh),
                            format!("implies {implied} for it"),
                        ),
                    );
                    let source = origin_name(stated.origin);
                    let from_name = node_name(card, from);
                    let arithmetic = format!(
                        "{} − ({}) = {} − {} = {implied}",
                        stated.num.text,
                        join_parts(&others),
                        stated.num.text,
                        format_decimal(others_sum, decimals)
                    );
                    Text::new(
                        format!(
                            "{}的{m} {}（{}）减去其余各项{m}：{arithmetic}，即该项{m}应为 {implied}",
                            from_name.zh,
                            stated.num.text,
                            source.zh,
                            m = w.missing.zh
                        ),
                        format!(
                            "{} has {m} {} in {}; without the other indicators: {arithmetic}, so this one's {m} should be {implied}",
                            from_name.en,
                            stated.num.text,
                            source.en,
                            m = w.missing.en
                        ),
                    )
                }
                Implication::OthersMissing => Text::new(
                    format!(
                        "同一合计下还有其他{}缺失，无法推算该项{}",
                        w.missing.zh, w.missing.zh
                    ),
                    format!(
                        "other {}s under the same total are missing too, so this one cannot be inferred",
                        w.missing.en
                    ),
                ),
                Implication::NoTotal => Text::new(
                    format!("没有包含该项的合计可以推算其{}", w.missing.zh),
                    format!(
                        "no stated total includes it, so its {} cannot be inferred",
                        w.missing.en
                    ),
                ),
            };
            out.push(f.arg("implication", implication));
        }
    }
}

enum Implication<'c> {
    Value {
        from: NodeId,
        stated: &'c Stated,
        others: Vec<&'c Num>,
        value: Interval,
        decimals: u32,
    },
    OthersMissing,
    NoTotal,
}

/// The value the nearest ancestor with a stated figure implies for `id`.
fn implied<'c>(
    card: &'c Scorecard,
    id: NodeId,
    measure: Measure,
    cx: &Context<'_>,
) -> Implication<'c> {
    let mut ancestor = card.nodes[id].parent;
    while let Some(a) = ancestor {
        if let Some(total) = pick(stated(&card.nodes[a], measure), None) {
            let others = match children_rep(card, a, measure, Some(total.origin), Some(id)) {
                Rep::Known(parts) => parts,
                Rep::Empty => Vec::new(),
                Rep::Missing(_) => return Implication::OthersMissing,
            };
            let nums: Vec<&Num> = others.iter().map(|o| &o.num).collect();
            let value = remainder(&total.num, &nums, cx.profile.rounding);
            let decimals = nums
                .iter()
                .map(|n| n.display_decimals())
                .chain(std::iter::once(total.num.display_decimals()))
                .max()
                .unwrap_or(2);
            return Implication::Value {
                from: a,
                stated: total,
                others: nums,
                value,
                decimals,
            };
        }
        ancestor = card.nodes[a].parent;
    }
    Implication::NoTotal
}

//! SCORE002: an indicator with full marks but no score — typically a cell lost in extraction.
//! Reported once, with the value that the nearest stated total implies; the sums it breaks are
//! not reported separately (see `tree::Rep::Missing`).

use rust_decimal::Decimal;

use crate::checks::arith::{join_parts, remainder};
use crate::checks::tree::{children_rep, node_name, origin_name, pick, Measure, Rep};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::{format_decimal, Interval, Num};
use crate::report::{NodeId, NodeKind, Origin, Scorecard, Stated};

pub struct MissingScore;

impl Check for MissingScore {
    fn codes(&self) -> &'static [&'static str] {
        &["SCORE002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for (id, node) in card.nodes.iter().enumerate() {
                let Some(missing) = node.missing_score else {
                    continue;
                };
                if node.kind != NodeKind::Indicator {
                    continue;
                }
                let full = pick(&node.full, Some(Origin::Detail))
                    .map_or(String::new(), |f| f.num.text.clone());
                let mut f = Finding::new("SCORE002")
                    .arg("node", node_name(card, id))
                    .arg_same("full", full)
                    .label(missing.at, Text::new("此处缺少得分", "no score here"));
                if let Some(label) = &node.label {
                    f = f.label(label.span, Text::default());
                }
                let implication = match implied_score(card, id, cx) {
                    Implication::Value { from, stated, others, value, decimals } => {
                        let others_sum: Decimal = others.iter().map(|o| o.value).sum();
                        let point = stated.num.value - others_sum;
                        let implied = format_decimal(point, decimals);
                        let full_value = pick(&node.full, Some(Origin::Detail)).map(|f| f.num.value);
                        if value.hi < Decimal::ZERO || full_value.is_some_and(|fv| value.lo > fv) {
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
                            Text::new(format!("隐含该项得分 {implied}"), format!("implies {implied} for it")),
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
                                "{}的得分 {}（{}）减去其余各项得分：{arithmetic}，即该项得分应为 {implied}",
                                from_name.zh, stated.num.text, source.zh
                            ),
                            format!(
                                "{} scores {} in {}; without the other indicators: {arithmetic}, so this score should be {implied}",
                                from_name.en, stated.num.text, source.en
                            ),
                        )
                    }
                    Implication::OthersMissing => Text::new(
                        "同一合计下还有其他得分缺失，无法推算该项得分",
                        "other scores under the same total are missing too, so this one cannot be inferred",
                    ),
                    Implication::NoTotal => Text::new(
                        "没有包含该项的合计可以推算其得分",
                        "no stated total includes it, so its score cannot be inferred",
                    ),
                };
                out.push(f.arg("implication", implication));
            }
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

/// The score the nearest ancestor with a stated score implies for `id`.
fn implied_score<'c>(card: &'c Scorecard, id: NodeId, cx: &Context<'_>) -> Implication<'c> {
    let mut ancestor = card.nodes[id].parent;
    while let Some(a) = ancestor {
        if let Some(stated) = pick(&card.nodes[a].score, None) {
            let others = match children_rep(card, a, Measure::Score, Some(stated.origin), Some(id))
            {
                Rep::Known(parts) => parts,
                Rep::Empty => Vec::new(),
                Rep::Missing(_) => return Implication::OthersMissing,
            };
            let nums: Vec<&Num> = others.iter().map(|o| &o.num).collect();
            let value = remainder(&stated.num, &nums, cx.profile.rounding);
            let decimals = nums
                .iter()
                .map(|n| n.display_decimals())
                .chain(std::iter::once(stated.num.display_decimals()))
                .max()
                .unwrap_or(2);
            return Implication::Value {
                from: a,
                stated,
                others: nums,
                value,
                decimals,
            };
        }
        ancestor = card.nodes[a].parent;
    }
    Implication::NoTotal
}

//! RATE004: the execution-rate score of a self-evaluation form against the profile's formula —
//! nationally 分值 × min(执行率, 100%). The score is on the fund block's 年度资金总额 row, or on a
//! 预算执行率 row of the indicator table (whose 实际完成值 is the rate when the form has no fund
//! block).
//!
//! The rate is what the form knows of it ([`known_rate`]): the amounts' quotient, narrowed by a
//! printed rate that agrees with it. The formula's exact result is rounded once, at the score's
//! printed decimals; a whole-number score means that whole number.

use super::{
    formula_arithmetic, formula_scores, fund_block_rate, known_rate, score_as_printed, score_fits,
    should_be, KnownRate,
};
use crate::checks::tree::{node_name, row_figures};
use crate::checks::{Check, Context};
use crate::diagnostic::{Constraint, Finding, Implied, Text};
use crate::document::Span;
use crate::number::{Num, Precision};
use crate::report::{columns::Role, AmountTable, NodeKind, RowKind, Scorecard, ScorecardKind};

pub struct ExecutionScore;

impl Check for ExecutionScore {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let policy = cx.profile.rounding;
        for card in &cx.report.scorecards {
            if card.kind != ScorecardKind::SelfEvaluation {
                continue;
            }
            let fund = card.fund.map(|i| &cx.report.amount_tables[i]);
            let fund_rate = fund.and_then(|t| fund_block_rate(t, policy));
            // The fund block's own 分值 and 得分.
            if let (Some((weight, score)), Some((rate, printed))) =
                (fund.and_then(fund_score), &fund_rate)
            {
                let item = Text::new("执行率得分", "the execution-rate score");
                judge(cx, item, weight, score, rate, *printed, out);
            }
            // A 预算执行率 row of the indicator table.
            for (id, node) in card.nodes.iter().enumerate() {
                if !is_execution_row(card, id) {
                    continue;
                }
                let Some((full, score)) = row_figures(node) else {
                    continue;
                };
                let actual = node.actual.as_ref().and_then(|a| {
                    let q = a.quantity.as_ref().filter(|q| q.is_percent())?;
                    Some(Num::new(
                        q.value,
                        Precision::Decimals(q.decimals),
                        q.number,
                        format!("{}%", q.text),
                    ))
                });
                let rate = match &fund_rate {
                    Some((rate, printed)) => Some((rate.clone(), *printed)),
                    None => actual.as_ref().and_then(|a| {
                        Some((known_rate(Some(a), None, false, policy)?, Some(a.span)))
                    }),
                };
                if let Some((rate, printed)) = rate {
                    let name = node_name(card, id);
                    let item = Text::new(
                        format!("“{}”的得分", name.zh),
                        format!("the score of {}", name.en),
                    );
                    judge(cx, item, &full.num, &score.num, &rate, printed, out);
                }
            }
        }
    }
}

/// Whether node `id` is the execution-rate item of a form's indicator table (预算执行率,
/// 资金执行率), as opposed to the fund block's.
fn is_execution_row(card: &Scorecard, id: usize) -> bool {
    let node = &card.nodes[id];
    node.kind == NodeKind::ExecutionRate && node.children.is_empty() && node.table.is_some()
}

/// The 分值 and 得分 on a fund block's total row.
fn fund_score(table: &AmountTable) -> Option<(&Num, &Num)> {
    let total = table.rows.iter().find(|r| r.kind == RowKind::Total)?;
    let value = |col: Option<usize>| col.and_then(|c| total.values[c].as_ref());
    Some((
        value(table.full_marks_column())?,
        value(table.column(Role::Score))?,
    ))
}

fn judge(
    cx: &Context<'_>,
    item: Text,
    weight: &Num,
    score: &Num,
    rate: &KnownRate,
    printed_rate: Option<Span>,
    out: &mut Vec<Finding>,
) {
    let policy = cx.profile.rounding;
    let score = score_as_printed(score, cx.profile);
    let expected = formula_scores(&cx.profile.execution_score, weight.value, rate.interval);
    if score_fits(&score, &expected, policy) {
        return;
    }
    let decimals = score.display_decimals();
    let right = should_be(&cx.profile.execution_score, weight.value, rate, decimals);
    let implied = expected[0].1;
    let mut f = Finding::new("RATE004")
        .arg("item", item)
        .arg_same("stated", score.text.clone())
        .arg_same("weight", weight.text.clone())
        .arg_same("rate", rate.shown.clone())
        .arg_same("expected", right.clone())
        .arg(
            "arithmetic",
            formula_arithmetic(&cx.profile.execution_score, weight, rate, decimals, policy),
        )
        .label(
            score.span,
            Text::new(format!("应为 {right}"), format!("should be {right}")),
        )
        .label(weight.span, Text::new("分值", "weight"))
        .constraint(Constraint {
            subject: Some(score.span),
            cells: vec![Implied {
                span: score.span,
                value: implied,
                point: implied.midpoint(),
                decimals,
            }],
        });
    if let Some(span) = printed_rate {
        f.push_label(span, Text::new("执行率", "execution rate"));
    }
    out.push(f);
}

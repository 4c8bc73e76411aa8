//! RATE004: the execution-rate score of a self-evaluation form (得分 on the 年度资金总额 row)
//! against the profile's formula — nationally 分值 × min(执行率, 100%).

use super::{formula_arithmetic, formula_scores, score_fits};
use crate::checks::{Check, Context};
use crate::diagnostic::{Constraint, Finding, Implied, Text};
use crate::number::Interval;
use crate::report::{columns::Role, RateKind, RowKind};
use rust_decimal::Decimal;

pub struct ExecutionScore;

impl Check for ExecutionScore {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let policy = cx.profile.rounding;
        for card in &cx.report.scorecards {
            let Some(table) = card.fund.map(|i| &cx.report.amount_tables[i]) else {
                continue;
            };
            let Some(total) = table.rows.iter().find(|r| r.kind == RowKind::Total) else {
                continue;
            };
            let value = |role| table.column(role).and_then(|c| total.values[c].as_ref());
            let (Some(weight), Some(score)) = (value(Role::FullMarks), value(Role::Score)) else {
                continue;
            };
            let link = table.rates.iter().find(|l| l.kind == RateKind::Execution);
            let stated_rate = link.and_then(|l| total.values[l.rate].as_ref());
            let operands = link.and_then(|l| {
                Some((
                    total.values[l.numerator].as_ref()?,
                    total.values[l.denominator].as_ref()?,
                ))
            });
            if operands.is_some_and(|(_, budget)| budget.value.is_zero()) {
                continue; // undefined rate: RATE007
            }
            let mut rates: Vec<Interval> = Vec::new();
            for &m in policy.modes() {
                if let Some(r) = stated_rate {
                    rates.push(r.interval(m));
                }
                if let Some((spent, budget)) = operands {
                    if let Some(q) = spent.interval(m).div(&budget.interval(m)) {
                        rates.push(q.scale(Decimal::ONE_HUNDRED));
                    }
                }
            }
            if rates.is_empty() {
                continue;
            }
            let expected = formula_scores(&cx.profile.execution_score, weight.value, &rates);
            if score_fits(score, &expected, policy) {
                continue;
            }
            let rate_text = match (stated_rate, operands) {
                (Some(r), _) => format!("{}%", r.text.trim_end_matches('%')),
                (None, Some((spent, budget))) => format!("{} ÷ {}", spent.text, budget.text),
                (None, None) => String::new(),
            };
            let implied = expected[0].1;
            out.push(
                Finding::new("RATE004")
                    .arg_same("stated", score.text.clone())
                    .arg_same("weight", weight.text.clone())
                    .arg_same("rate", rate_text.clone())
                    .arg(
                        "arithmetic",
                        formula_arithmetic(weight, &rate_text, &expected),
                    )
                    .label(score.span, Text::new("得分", "score"))
                    .label(weight.span, Text::new("分值", "weight"))
                    .constraint(Constraint {
                        subject: Some(score.span),
                        cells: vec![Implied {
                            span: score.span,
                            value: implied,
                            point: implied.midpoint(),
                            decimals: score.display_decimals(),
                        }],
                    }),
            );
            if let Some(r) = stated_rate {
                if let Some(last) = out.last_mut() {
                    last.labels.push(crate::diagnostic::Label {
                        span: r.span,
                        text: Text::new("执行率", "execution rate"),
                    });
                }
            }
        }
    }
}

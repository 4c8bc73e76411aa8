//! RATE009 (off unless the standard sets `execution_cap` bands): a total score above what the
//! execution rate allows. One provincial manual caps the total at 89 when the budget is 70–80%
//! spent, 79 at 60–70%, 69 below 60% and 59 below 50%.

use super::{fund_block_rate, report_rate, KnownRate};
use crate::checks::arith::possible;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::{format_decimal, format_plain};
use crate::report::ScorecardKind;

pub struct ExecutionCap;

impl Check for ExecutionCap {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE009"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let caps = &cx.profile.execution_caps;
        if caps.is_empty() {
            return;
        }
        let policy = cx.profile.rounding;
        let report = report_rate(cx);
        for card in &cx.report.scorecards {
            let Some(total) = card.stated_total() else {
                continue;
            };
            let (rate, at): (KnownRate, _) = match card.kind {
                ScorecardKind::SelfEvaluation => {
                    let Some(fund) = card.fund.map(|i| &cx.report.amount_tables[i]) else {
                        continue;
                    };
                    match fund_block_rate(fund, policy) {
                        Some((rate, printed)) => (rate, printed),
                        None => continue,
                    }
                }
                ScorecardKind::Evaluation => match &report {
                    Some((num, rate)) => (rate.clone(), Some(num.span)),
                    None => continue,
                },
            };
            // The tightest cap whose band the whole of the known rate lies in.
            let Some(cap) = caps
                .iter()
                .filter(|c| rate.interval.hi < c.below)
                .min_by_key(|c| c.max_total)
            else {
                continue;
            };
            if possible(total, policy).lo <= cap.max_total {
                continue;
            }
            let mut f = Finding::new("RATE009")
                .arg_same("total", total.text.clone())
                .arg_same("rate", rate.shown.clone())
                .arg_same("below", format!("{}%", format_plain(cap.below)))
                .arg_same("cap", format_plain(cap.max_total))
                .arg_same("point", format!("{}%", format_decimal(rate.point, 2)))
                .arg(
                    "standard",
                    Text::new(cx.profile.title_zh.clone(), cx.profile.title_en.clone()),
                )
                .label(
                    total.span,
                    Text::new(
                        format!("最高 {}", format_plain(cap.max_total)),
                        format!("at most {}", format_plain(cap.max_total)),
                    ),
                );
            if let Some(span) = at {
                f = f.label(span, Text::new("执行率", "execution rate"));
            }
            out.push(f);
        }
    }
}

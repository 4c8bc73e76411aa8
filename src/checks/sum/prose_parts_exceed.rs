//! SUM005: the parts listed with a total in prose add up to more than the total can be
//! (`共 60 场，其中讲座 42 场、演出 28 场`; `50余次` is below 60).

use super::prose_parts::{sums, Judged, Verdict};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::format_plain;
use crate::report::prose::scan::Bound;

pub struct PartsExceedTotal;

impl Check for PartsExceedTotal {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM005"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for s in sums(cx) {
            if !matches!(s.judged(cx), Judged::Broken(Verdict::Exceeds)) {
                continue;
            }
            let q = &s.total.quantity;
            let all = s.parts.len();
            let bound = match q.bound {
                Bound::Over => Text::new(
                    format!("“{}”不到 {}", s.total_text(), format_plain(q.over_limit())),
                    format!(
                        "“{}” is below {}",
                        s.total_text(),
                        format_plain(q.over_limit())
                    ),
                ),
                _ => Text::new(
                    format!("总数为 {}", s.total_text()),
                    format!("the total is {}", s.total_text()),
                ),
            };
            let mut f = Finding::new("SUM005")
                .arg_same("total", s.total_text())
                .arg_same("sum", s.sum_text(all))
                .arg_same("arithmetic", s.arithmetic(all))
                .arg("bound", bound)
                .label(q.span, Text::new("总数", "total"))
                .label(s.breakdown.marker, Text::default());
            for p in &s.parts {
                f = f.label(p.quantity.span, Text::default());
            }
            out.push(f);
        }
    }
}

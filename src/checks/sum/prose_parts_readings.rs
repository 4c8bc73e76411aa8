//! SUM008: a list of parts that changes its separator (`17次、12次、24次，…12次`) can end at the
//! change or run on; the parts before the change fit the total and the whole list does not.
//! The text has two readings, so this is a warning that names both.

use super::prose_parts::{sums, Judged, Verdict};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct PartsTwoReadings;

impl Check for PartsTwoReadings {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM008"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for s in sums(cx) {
            let Judged::TwoReadings { first, whole } = s.judged(cx) else {
                continue;
            };
            let all = s.parts.len();
            let verdict = match whole {
                Verdict::Exceeds => Text::new("超过总数", "more than the total"),
                _ => Text::new("少于总数", "less than the total"),
            };
            let mut f = Finding::new("SUM008")
                .arg_same("total", s.total_text())
                .arg_same("first", s.sum_text(first))
                .arg_same("whole", s.sum_text(all))
                .arg_same("first_arithmetic", s.arithmetic(first))
                .arg_same("whole_arithmetic", s.arithmetic(all))
                .arg("verdict", verdict)
                .label(s.total.quantity.span, Text::new("总数", "total"))
                .label(
                    s.parts[first].quantity.span,
                    Text::new("此项是否属于所列各项？", "is this one of the parts?"),
                )
                .label(s.breakdown.marker, Text::default());
            for p in &s.parts[..first] {
                f = f.label(p.quantity.span, Text::default());
            }
            out.push(f);
        }
    }
}

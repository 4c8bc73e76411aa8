//! SUM006: the 其中 parts of an exact total, listed as if complete (no 等), add up to less than
//! the total. Partial lists are common, so this is a warning.

use super::prose_parts::{arithmetic, sums};
use crate::checks::arith::possible;
use crate::checks::xref::claim_figure;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::format_plain;
use crate::report::prose::scan::Bound;

pub struct PartsShortOfTotal;

impl Check for PartsShortOfTotal {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM006"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for s in sums(cx) {
            let q = &s.total.quantity;
            if q.bound != Bound::Exact || s.breakdown.open || s.parts.len() < 2 {
                continue;
            }
            let total = claim_figure(s.total).num;
            let lo = possible(&total, cx.profile.rounding).lo;
            if s.sum >= lo {
                continue;
            }
            let mut f = Finding::new("SUM006")
                .arg_same("total", format!("{}{}", q.text, q.unit))
                .arg_same("sum", format!("{}{}", format_plain(s.sum), q.unit))
                .arg_same("arithmetic", arithmetic(&s))
                .arg_same(
                    "missing",
                    format!("{}{}", format_plain(total.value - s.sum), q.unit),
                )
                .label(q.span, Text::new("总数", "total"))
                .label(s.breakdown.marker, Text::default());
            for p in &s.parts {
                f = f.label(p.quantity.span, Text::default());
            }
            out.push(f);
        }
    }
}

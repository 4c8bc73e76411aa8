//! SUM006: the parts of an exact total, listed as if complete (no 等, 主要 or 部分), add up to
//! less than the total. Partial lists are common, so this is a warning.

use super::prose_parts::{sums, Judged, Verdict};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct PartsShortOfTotal;

impl Check for PartsShortOfTotal {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM006"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for s in sums(cx) {
            if !matches!(s.judged(cx), Judged::Broken(Verdict::Short)) {
                continue;
            }
            let all = s.parts.len();
            let mut f = Finding::new("SUM006")
                .arg_same("total", s.total_text())
                .arg_same("sum", s.sum_text(all))
                .arg_same("arithmetic", s.arithmetic(all))
                .arg_same("missing", s.missing_text(all))
                .label(s.total.quantity.span, Text::new("总数", "total"))
                .label(s.breakdown.marker, Text::default());
            for p in &s.parts {
                f = f.label(p.quantity.span, Text::default());
            }
            out.push(f);
        }
    }
}

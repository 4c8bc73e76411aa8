//! SUM005: the 其中 parts of a total stated in a sentence add up to more than the total can be
//! (`50余次，其中 17、12、24、12 次` adds up to 65, and 50余 is below 60).

use super::prose_parts::{arithmetic, sums};
use crate::checks::arith::possible;
use crate::checks::xref::claim_figure;
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
            let total = claim_figure(s.total).num;
            let q = &s.total.quantity;
            // The most the total can be.
            let (limit, reached) = match q.bound {
                Bound::Exact => (possible(&total, cx.profile.rounding).hi, false),
                Bound::AtMost => (total.value, false),
                // 50余: more than 50, below 60.
                Bound::Over => (claim_figure_limit(s.total), true),
                Bound::AtLeast | Bound::About => continue,
            };
            let exceeds = if reached {
                s.sum >= limit
            } else {
                s.sum > limit
            };
            if !exceeds {
                continue;
            }
            let bound = match q.bound {
                Bound::Over => Text::new(
                    format!(
                        "“{}余{}”不到 {}",
                        q.text,
                        q.unit,
                        format_plain(q.over_limit())
                    ),
                    format!(
                        "“{}余{}” is below {}",
                        q.text,
                        q.unit,
                        format_plain(q.over_limit())
                    ),
                ),
                _ => Text::new(
                    format!("总数为 {}", q.text),
                    format!("the total is {}", q.text),
                ),
            };
            let mut f = Finding::new("SUM005")
                .arg_same(
                    "total",
                    format!(
                        "{}{}",
                        q.text,
                        if q.bound == Bound::Over {
                            format!("余{}", q.unit)
                        } else {
                            q.unit.clone()
                        }
                    ),
                )
                .arg_same("sum", format!("{}{}", format_plain(s.sum), q.unit))
                .arg_same("arithmetic", arithmetic(&s))
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

/// The value a 余 total stays below, in the unit it was compared in.
fn claim_figure_limit(claim: &crate::report::prose::claims::Claim) -> rust_decimal::Decimal {
    let figure = claim_figure(claim);
    claim.quantity.over_limit() * figure.factor
}

//! XREF002: the same quantity, named the same way, stated differently in two places of the
//! prose — the abstract against the body, most often.

use super::{claim_figure, disagreement, of_the_year, quantity_name};
use crate::checks::{Check, Context};
use crate::diagnostic::Finding;
use crate::report::prose::claims::{BudgetKind, ClaimRole};

pub struct ProseVsProse;

impl Check for ProseVsProse {
    fn codes(&self) -> &'static [&'static str] {
        &["XREF002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let claims: Vec<_> = cx
            .report
            .claims
            .iter()
            .filter(|c| {
                !matches!(
                    c.role,
                    ClaimRole::Other | ClaimRole::Budget(BudgetKind::ProjectTotal)
                )
            })
            .collect();
        for (i, a) in claims.iter().enumerate() {
            for b in &claims[i + 1..] {
                if a.role != b.role || a.scope != b.scope || a.block == b.block {
                    continue;
                }
                // Figures of two different years are not the same quantity.
                if of_the_year(cx, a) != of_the_year(cx, b)
                    || (a.year.is_some() && b.year.is_some() && a.year != b.year)
                {
                    continue;
                }
                let (fa, fb) = (claim_figure(a), claim_figure(b));
                if fa.agrees(&fb, cx) {
                    continue;
                }
                let what = quantity_name(&a.role);
                let link = what.clone();
                out.push(disagreement("XREF002", what, &fb, &fa, link, cx));
            }
        }
    }
}

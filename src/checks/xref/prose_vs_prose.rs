//! XREF002: the same quantity, named the same way, stated differently in two places of the
//! prose — the abstract against the body, most often.

use super::{claim_figure, disagreement, of_the_year, quantity_name};
use crate::checks::{Check, Context};
use crate::diagnostic::Finding;
use std::collections::HashMap;

use crate::report::prose::claims::{BudgetKind, Claim, ClaimRole};

pub struct ProseVsProse;

impl Check for ProseVsProse {
    fn codes(&self) -> &'static [&'static str] {
        &["XREF002"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // Claims of one quantity: the same role, about the same scorecard and year.
        let mut groups: HashMap<(&ClaimRole, Option<usize>, bool), Vec<&Claim>> = HashMap::new();
        let mut order = Vec::new();
        for c in cx.report.claims.iter().filter(|c| {
            !matches!(
                c.role,
                ClaimRole::Other | ClaimRole::Budget(BudgetKind::ProjectTotal)
            )
        }) {
            let key = (&c.role, c.scope, of_the_year(cx, c));
            let group = groups.entry(key).or_default();
            if group.is_empty() {
                order.push(key);
            }
            group.push(c);
        }
        for key in order {
            let claims = &groups[&key];
            // Every pair in a group of the usual size; in a huge one (a generated text), each
            // statement against the first, so the work stays linear.
            let pairs: Box<dyn Iterator<Item = (&Claim, &Claim)>> = if claims.len() <= MAX_PAIRWISE
            {
                Box::new(
                    claims
                        .iter()
                        .enumerate()
                        .flat_map(move |(i, a)| claims[i + 1..].iter().map(move |b| (*a, *b))),
                )
            } else {
                Box::new(claims[1..].iter().map(|b| (claims[0], *b)))
            };
            for (a, b) in pairs {
                // Figures of two different years are not the same quantity.
                let other_year = a.year.is_some() && b.year.is_some() && a.year != b.year;
                if a.block == b.block || other_year {
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

/// Statements of one quantity compared pairwise; a larger group is compared with its first.
const MAX_PAIRWISE: usize = 32;

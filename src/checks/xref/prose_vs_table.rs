//! XREF001: a figure stated in prose disagrees with the table figure of the same role — the
//! budget, spending or execution rate of the budget execution table's total row; the total
//! score; a first-level group's full marks, score or score rate.

use super::{claim_figure, disagreement, of_the_year, quantity_name, score_figures, table_figures};
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::prose::claims::ClaimRole;

pub struct ProseVsTable;

impl Check for ProseVsTable {
    fn codes(&self) -> &'static [&'static str] {
        &["XREF001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut lookup = super::TableLookup::new(cx.report);
        for claim in cx.report.claims.iter().filter(|c| of_the_year(cx, c)) {
            let prose = claim_figure(claim);
            let what = quantity_name(&claim.role);
            let link = Text::new(claim.context.clone(), claim.context.clone());
            match &claim.role {
                ClaimRole::Other
                | ClaimRole::SpentOn(_)
                | ClaimRole::Budget(crate::report::prose::claims::BudgetKind::ProjectTotal) => {}
                ClaimRole::Budget(_) | ClaimRole::Spent | ClaimRole::ExecutionRate => {
                    let Some((total, rows)) = table_figures(cx, &mut lookup, claim) else {
                        continue;
                    };
                    // A sentence about one row of the table, not about the total.
                    if prose.agrees(&total, cx) || rows.iter().any(|r| prose.agrees(r, cx)) {
                        continue;
                    }
                    out.push(disagreement("XREF001", what, &prose, &total, link, cx));
                }
                _ => {
                    for table in score_figures(cx, claim) {
                        if !prose.agrees(&table, cx) {
                            out.push(disagreement(
                                "XREF001",
                                what.clone(),
                                &prose,
                                &table,
                                link.clone(),
                                cx,
                            ));
                        }
                    }
                }
            }
        }
    }
}

//! RATE008: an execution rate stated in a sentence against the spending and budget stated in
//! the same paragraph (`预算金额为19.369万元,…实际支出19.000万元,预算执行率为98.09%`).

use crate::checks::arith::{check_ratio, RatioCheck};
use crate::checks::xref::claim_figure;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::report::prose::claims::{BudgetKind, Claim, ClaimRole};

pub struct ProseRate;

impl Check for ProseRate {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE008"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let claims = &cx.report.claims;
        for rate in claims.iter().filter(|c| c.role == ClaimRole::ExecutionRate) {
            let same_year =
                |c: &Claim| c.year.is_none() || rate.year.is_none() || c.year == rate.year;
            let same_place =
                |c: &&Claim| c.block == rate.block && c.scope == rate.scope && same_year(c);
            let spent = claims
                .iter()
                .filter(same_place)
                .find(|c| c.role == ClaimRole::Spent);
            // The adjusted budget is the denominator; a generic one stands for it.
            let budget = [
                BudgetKind::Adjusted,
                BudgetKind::Generic,
                BudgetKind::Initial,
            ]
            .iter()
            .find_map(|k| {
                claims
                    .iter()
                    .filter(same_place)
                    .find(|c| c.role == ClaimRole::Budget(*k))
            });
            let (Some(spent), Some(budget)) = (spent, budget) else {
                continue;
            };
            let (s, b, r) = (
                claim_figure(spent),
                claim_figure(budget),
                claim_figure(rate),
            );
            let RatioCheck::Violated(v) = check_ratio(&s.num, &b.num, &r.num, cx.profile.rounding)
            else {
                continue;
            };
            let computed = v.computed_text();
            let diff = v.diff_text(&r.num);
            // The arithmetic speaks of cells in their printed units.
            let mut constraint = v.constraint;
            for cell in &mut constraint.cells {
                let factor = if cell.span == s.num.span {
                    s.factor
                } else if cell.span == b.num.span {
                    b.factor
                } else {
                    continue;
                };
                cell.value = cell.value.scale(rust_decimal::Decimal::ONE / factor);
                cell.point /= factor;
            }
            out.push(
                Finding::new("RATE008")
                    .arg_same("stated", rate.quantity.text.clone() + "%")
                    .arg_same("computed", format!("{computed}%"))
                    .arg_same("diff", diff)
                    .arg_same(
                        "arithmetic",
                        format!(
                            "{}{} ÷ {}{} = {computed}%",
                            spent.quantity.text,
                            spent.quantity.unit,
                            budget.quantity.text,
                            budget.quantity.unit
                        ),
                    )
                    .label(
                        rate.quantity.span,
                        Text::new(
                            format!("应为 {computed}%"),
                            format!("should be {computed}%"),
                        ),
                    )
                    .label(spent.quantity.span, Text::new("实际支出", "spending"))
                    .label(budget.quantity.span, Text::new("预算", "budget"))
                    .constraint(constraint),
            );
        }
    }
}

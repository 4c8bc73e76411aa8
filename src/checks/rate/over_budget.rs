//! RATE006: spending above budget. Allowed, but it needs explaining: a warning for each item row
//! that overspends; a 小计 or 合计 row only when no item row of the table explains it.

use crate::checks::sum::table_total::outline_items;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::format_signed;
use crate::report::{columns::Role, RowKind};
use rust_decimal::Decimal;

pub struct OverBudget;

impl Check for OverBudget {
    fn codes(&self) -> &'static [&'static str] {
        &["RATE006"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let modes = cx.profile.rounding.modes();
        for table in &cx.report.amount_tables {
            let (Some(spent_col), Some(budget_col)) =
                (table.column(Role::Spent), table.column(Role::Budget))
            else {
                continue;
            };
            // Totals, subtotals and outline groups add up other rows.
            let is_aggregate = |i: usize| {
                matches!(table.rows[i].kind, RowKind::Total | RowKind::Subtotal)
                    || !outline_items(table, i).is_empty()
            };
            let mut reported_item = false;
            let mut order: Vec<usize> = (0..table.rows.len())
                .filter(|&i| !is_aggregate(i))
                .collect();
            order.extend((0..table.rows.len()).filter(|&i| is_aggregate(i)));
            for i in order {
                let row = &table.rows[i];
                if is_aggregate(i) && reported_item {
                    continue;
                }
                let (Some(spent), Some(budget)) = (&row.values[spent_col], &row.values[budget_col])
                else {
                    continue;
                };
                let over = modes
                    .iter()
                    .all(|&m| spent.interval(m).lo > budget.interval(m).hi);
                if !over {
                    continue;
                }
                reported_item |= !is_aggregate(i);
                let decimals = spent.display_decimals().max(budget.display_decimals());
                let rate = if budget.value.is_zero() {
                    "—".to_string()
                } else {
                    crate::number::format_decimal(
                        spent.value / budget.value * Decimal::ONE_HUNDRED,
                        2,
                    ) + "%"
                };
                out.push(
                    Finding::new("RATE006")
                        .arg_same("row", row.label.clone())
                        .arg_same("spent", spent.text.clone())
                        .arg_same("budget", budget.text.clone())
                        .arg_same("spent_name", table.columns[spent_col].header.clone())
                        .arg_same("budget_name", table.columns[budget_col].header.clone())
                        .arg_same(
                            "excess",
                            format_signed(spent.value - budget.value, decimals),
                        )
                        .arg_same("rate", rate)
                        .label(spent.span, Text::new("超出预算", "over budget"))
                        .label(budget.span, Text::new("预算", "budget")),
                );
            }
        }
    }
}

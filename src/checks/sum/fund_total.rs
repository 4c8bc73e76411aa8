//! SUM004: the 年度资金总额 row of a self-evaluation fund block against its 其中 rows (当年财政拨款,
//! 上年结转资金, 其他资金), for each amount column. A blank amount in a fund block means nothing
//! came from that source (0): a total of 0 beside a part of 90 is wrong whatever the blanks
//! hold. A total row left at zero breaks every column at once; that is one defect and one
//! finding.

use crate::checks::arith::check_sum;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::number::Num;
use crate::report::{AmountTable, AmountTableKind, RowKind};

pub struct FundTotals;

impl Check for FundTotals {
    fn codes(&self) -> &'static [&'static str] {
        &["SUM004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for table in &cx.report.amount_tables {
            if table.kind != AmountTableKind::FundBlock {
                continue;
            }
            let Some(total) = table.rows.iter().find(|r| r.kind == RowKind::Total) else {
                continue;
            };
            let items: Vec<_> = table
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Item)
                .collect();
            if items.is_empty() {
                continue;
            }
            let mut broken = Vec::new();
            for (col, column) in table.columns.iter().enumerate() {
                if !column.role.is_summable() {
                    continue;
                }
                let Some(stated) = &total.values[col] else {
                    continue;
                };
                let parts = fund_parts(table, col);
                if parts.is_empty() {
                    continue;
                }
                if let Some(v) = check_sum(&parts, stated, cx.profile.rounding) {
                    broken.push((column, stated, parts, v));
                }
            }
            if broken.is_empty() {
                continue;
            }
            let columns: Vec<&str> = broken.iter().map(|(c, ..)| c.header.as_str()).collect();
            let details: Vec<String> = broken
                .iter()
                .map(|(c, stated, _, v)| {
                    format!("{} {} ≠ {}", c.header, stated.text, v.computed_text())
                })
                .collect();
            let arithmetic: Vec<String> = broken
                .iter()
                .map(|(c, stated, _, v)| {
                    format!(
                        "{}：{} ≠ {}（{}）",
                        c.header,
                        v.arithmetic,
                        stated.text,
                        v.diff_text()
                    )
                })
                .collect();
            let mut f = Finding::new("SUM004")
                .arg_same("row", total.label.trim_end_matches([':', '：']).to_string())
                .arg_same("columns", columns.join("、"))
                .arg_same("details", details.join("；"))
                .arg_same("arithmetic", arithmetic.join("；"));
            for (c, stated, _, _) in &broken {
                f = f.label(
                    stated.span,
                    Text::new(
                        format!("{} {}", c.header, stated.text),
                        format!("{} {}", c.header, stated.text),
                    ),
                );
            }
            for (_, _, parts, _) in &broken {
                for p in parts {
                    f = f.label(p.span, Text::default());
                }
            }
            if broken.len() == 1 {
                let (_, _, _, v) = broken.pop().expect("one");
                f = f.constraint(v.constraint);
            }
            out.push(f);
        }
    }
}

/// The values of a fund block's 其中 rows in one column; a blank is 0 and adds nothing.
pub fn fund_parts(table: &AmountTable, col: usize) -> Vec<&Num> {
    table
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Item)
        .filter_map(|r| r.values[col].as_ref())
        .collect()
}

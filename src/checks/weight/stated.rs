//! WEIGHT004: a group's weight stated in words (`一级指标分值统一设置为：产出指标50分、…`, in a
//! note, a sentence or a cell) against the full marks the score table gives that group.

use rust_decimal::Decimal;

use crate::checks::tree::{children_rep, first_level_named, node_name, pick, Measure, Rep};
use crate::checks::{Check, Context};
use crate::diagnostic::{Constraint, Finding, Implied, Text};
use crate::document::Span;
use crate::number::{format_plain, Interval};
use crate::report::Scorecard;

pub struct StatedWeights;

impl Check for StatedWeights {
    fn codes(&self) -> &'static [&'static str] {
        &["WEIGHT004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for statement in &cx.report.weight_statements {
            // A statement inside a form is about that form; one outside any is about all.
            let inside: Vec<&Scorecard> = cx
                .report
                .scorecards
                .iter()
                .filter(|c| {
                    c.span.start <= statement.span.start && statement.span.end <= c.span.end
                })
                .collect();
            let cards: Vec<&Scorecard> = if inside.is_empty() {
                cx.report.scorecards.iter().collect()
            } else {
                inside
            };
            for card in cards {
                for item in &statement.items {
                    let Some(node) = first_level_named(card, &item.name) else {
                        continue;
                    };
                    let Some((full, spans)) = full_marks(card, node) else {
                        continue;
                    };
                    if full == item.points.value {
                        continue;
                    }
                    let table = format_plain(full);
                    let mut f = Finding::new("WEIGHT004")
                        .arg_same("name", item.name.clone())
                        .arg_same("stated", item.points.text.clone())
                        .arg("node", node_name(card, node))
                        .arg_same("table", table.clone())
                        .label(
                            item.points.span,
                            Text::new(
                                format!("说明中为 {}", item.points.text),
                                format!("{} in the note", item.points.text),
                            ),
                        )
                        .constraint(Constraint {
                            subject: Some(item.points.span),
                            cells: vec![Implied {
                                span: item.points.span,
                                value: Interval::exact(full),
                                point: full,
                                decimals: 0,
                            }],
                        });
                    for (k, span) in spans.iter().enumerate() {
                        let text = if k == 0 {
                            Text::new(
                                format!("评分表中为 {table}"),
                                format!("{table} in the table"),
                            )
                        } else {
                            Text::default()
                        };
                        f = f.label(*span, text);
                    }
                    out.push(f);
                }
            }
        }
    }
}

/// A group's full marks in the table: its own, else the sum of its indicators', with the cells
/// they are printed in. `None` when they are not all known.
fn full_marks(card: &Scorecard, node: usize) -> Option<(Decimal, Vec<Span>)> {
    if let Some(own) = pick(&card.nodes[node].full, None) {
        return Some((own.num.value, vec![own.num.span]));
    }
    match children_rep(card, node, Measure::Full, None, None) {
        Rep::Known(parts) => Some((
            crate::number::total(parts.iter().map(|p| p.num.value)),
            parts.iter().map(|p| p.num.span).collect(),
        )),
        _ => None,
    }
}

//! STRUCT001: section or list numbering with a gap (一、二、三、五), a repeat, or out of order,
//! at any level. Deeper numbering restarts under each new parent; a part of its own (摘要,
//! 前言, 附件) restarts all numbering; a new list may restart at 1.

use super::written_value;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};
use crate::document::NumberStyle;

pub struct Numbering;

impl Check for Numbering {
    fn codes(&self) -> &'static [&'static str] {
        &["STRUCT001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // The open numbering levels: style and last number seen.
        let mut stack: Vec<(NumberStyle, u32)> = Vec::new();
        for item in &cx.report.structure.outline {
            if item.starts_part {
                stack.clear();
                continue;
            }
            let Some(n) = item.number else {
                continue;
            };
            let Some(pos) = stack.iter().position(|(s, _)| *s == n.style) else {
                if n.value != 1 && item.heading {
                    out.push(finding(
                        n.style,
                        1,
                        n.value,
                        item,
                        Text::new("缺少", "is missing"),
                    ));
                }
                stack.push((n.style, n.value));
                continue;
            };
            stack.truncate(pos + 1);
            let last = stack[pos].1;
            stack[pos].1 = n.value;
            if n.value == last + 1 || n.value == 1 {
                continue;
            }
            let problem = if n.value == last {
                Text::new("重复", "is repeated")
            } else if n.value > last + 1 {
                Text::new("缺少", "is missing")
            } else {
                Text::new("顺序颠倒", "is out of order")
            };
            out.push(finding(n.style, last + 1, n.value, item, problem));
        }
    }
}

fn finding(
    style: NumberStyle,
    expected: u32,
    found: u32,
    item: &crate::report::structure::OutlineItem,
    problem: Text,
) -> Finding {
    let expected_text = written_value(style, expected);
    let found_text = written_value(style, found);
    let span = item.number.map_or(item.span, |n| n.span);
    Finding::new("STRUCT001")
        .arg_same("found", format!("{found_text}{}", item.title))
        .arg_same("expected", expected_text.clone())
        .arg("problem", problem)
        .label(
            span,
            Text::new(
                format!("应为 {expected_text}"),
                format!("expected {expected_text}"),
            ),
        )
}

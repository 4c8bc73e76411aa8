//! Tables of amounts, counts and rates: budget breakdown (预算金额 + 合计), budget execution
//! (预算金额 | 实际支出 | 预算执行率), survey response (样本数 | 有效回收 | 回收率), and the fund block
//! of a self-evaluation form (年度资金总额 and its 其中 rows).

use super::align::{best_shift, cell_at, value_of, Value};
use super::columns::{header_is_percent, Role};
use super::model::{
    AmountColumn, AmountRow, AmountTable, AmountTableKind, RateKind, RateLink, RowKind,
};
use super::scores::rate_num;
use super::segments::{Header, Segment};
use crate::document::{parse_section_number, NumberStyle, Row, Span};
use crate::number::{looks_numeric, Num, Precision, Unit};
use crate::text::{compact, is_subtotal_label, is_total_label};

/// A fund block: amounts with both budget and spending columns, and a 资金总额 row (or a 总额
/// row in a block that also scores the rate).
pub fn is_fund_segment(segment: &Segment<'_>) -> bool {
    let Some(h) = &segment.header else {
        return false;
    };
    let scored = h.has(Role::Score) || h.roles.iter().any(|r| r.is_full_marks());
    h.has(Role::Spent)
        && (h.has(Role::Budget) || h.has(Role::InitialBudget))
        && segment.rows.iter().any(|r| {
            r.cells.iter().any(|c| {
                let t = compact(&c.text);
                let t = t.trim_end_matches([':', '：']);
                t.contains("资金总额") || (scored && t == "总额")
            })
        })
}

/// Rows with no header above them that hold a form's fund total (`年度资金总额 | 86.00 | …`):
/// a fund block whose header was lost (set apart from its rows, or cut off), so it cannot be
/// read, but the form it opens has an execution-rate item of unknown figures.
pub fn is_headerless_fund(segment: &Segment<'_>) -> bool {
    segment.header.is_none()
        && segment.rows.iter().any(|r| {
            r.cells.iter().any(|c| {
                compact(&c.text)
                    .trim_end_matches([':', '：'])
                    .ends_with("资金总额")
            }) && r.cells.iter().any(|c| looks_numeric(c.text.trim()))
        })
}

/// Any other table with summable or rate columns (and no score column).
pub fn is_amount_segment(segment: &Segment<'_>) -> bool {
    segment.header.as_ref().is_some_and(|h| {
        !h.has(Role::Score) && h.roles.iter().any(|r| r.is_summable() || r.is_rate())
    })
}

/// The money unit a table's header or caption names.
pub fn money_unit(header: &Header<'_>, caption: &str) -> Option<Unit> {
    let texts: String = header
        .texts
        .iter()
        .map(|t| compact(t))
        .collect::<Vec<_>>()
        .join("|");
    let caption = compact(caption);
    let unit_words = caption.rfind("单位").map(|i| &caption[i..]).unwrap_or("");
    for source in [texts.as_str(), unit_words] {
        if source.contains("亿元") {
            return Some(Unit::YiYuan);
        }
        if source.contains("万元") {
            return Some(Unit::WanYuan);
        }
        if source.contains("(元)") || source.contains("单位:元") || source.contains("单位：元")
        {
            return Some(Unit::Yuan);
        }
    }
    None
}

pub fn read_amount_table(
    segments: &[&Segment<'_>],
    kind: AmountTableKind,
    caption: &str,
) -> Option<AmountTable> {
    let header = segments.first()?.header.as_ref()?;
    let value_cols: Vec<usize> = (0..header.roles.len())
        .filter(|&i| header.roles[i].is_value())
        .collect();
    if value_cols.is_empty() {
        return None;
    }
    let columns: Vec<AmountColumn> = value_cols
        .iter()
        .map(|&i| AmountColumn {
            role: header.roles[i],
            header: header.text(i).to_string(),
            header_span: header.spans[i],
        })
        .collect();
    let rows: Vec<(&Row, isize)> = segments
        .iter()
        .flat_map(|s| s.rows.iter())
        .map(|r| (*r, best_shift(&header.roles, r)))
        .collect();

    // Display precision per column, and which columns any row fills.
    let mut decimals = vec![0u32; value_cols.len()];
    let mut filled = vec![false; value_cols.len()];
    let mut percent: Vec<bool> = value_cols
        .iter()
        .map(|&i| header_is_percent(header.text(i)))
        .collect();
    for (row, shift) in &rows {
        for (k, &col) in value_cols.iter().enumerate() {
            if let Value::Number(p, _) = value_of(header.roles[col], cell_at(row, col, *shift)) {
                decimals[k] = decimals[k].max(p.decimals);
                filled[k] = true;
                percent[k] |= p.percent;
            }
        }
    }

    // Money is printed to one precision across a table: a whole-number amount (30) beside
    // amounts printed with decimals (278.4449) is exact to those decimals, not ±0.5.
    let money_decimals = value_cols
        .iter()
        .zip(&decimals)
        .filter(|(&col, _)| header.roles[col].is_money())
        .map(|(_, &d)| d)
        .max()
        .unwrap_or(0);
    let mut out_rows = Vec::new();
    let mut styles = Vec::new();
    for (row, shift) in rows {
        let (label, label_span) = row_label(header, row, shift);
        let mut kind_of_row = row_kind(&label);
        if kind == AmountTableKind::FundBlock && kind_of_row == RowKind::Part {
            // In a fund block every row under 年度资金总额 is one of its parts.
            kind_of_row = RowKind::Item;
        }
        let mut values = Vec::with_capacity(value_cols.len());
        let mut missing = Vec::new();
        for (k, &col) in value_cols.iter().enumerate() {
            let role = header.roles[col];
            let value = value_of(role, cell_at(row, col, shift));
            values.push(match value {
                Value::Number(p, cell) => Some(if role.is_rate() {
                    rate_num(&p, cell, percent[k], decimals[k])
                } else {
                    let precision = match role {
                        Role::FullMarks | Role::Weight => Precision::Exact,
                        Role::Count if decimals[k] == 0 => Precision::Exact,
                        // A table of whole-number allocations (20, 30, 50 万元) sets them
                        // exactly; spending printed whole may still be rounded.
                        Role::InitialBudget | Role::Budget | Role::Amount
                            if money_decimals == 0 =>
                        {
                            Precision::Exact
                        }
                        role if role.is_money() => {
                            Precision::Decimals(money_decimals.max(p.decimals))
                        }
                        _ => Precision::Decimals(decimals[k].max(p.decimals)),
                    };
                    Num::new(p.value, precision, cell.span, &cell.text)
                }),
                Value::Missing(_) | Value::Text(_) => {
                    if filled[k] {
                        missing.push(k);
                    }
                    None
                }
                Value::Placeholder(_) => None,
            });
        }
        if values.iter().all(Option::is_none) && label.is_empty() {
            continue;
        }
        out_rows.push(AmountRow {
            label,
            label_span,
            kind: kind_of_row,
            values,
            missing,
            parent: None,
            items: Vec::new(),
            span: row.span,
        });
        styles.push(outline_style(
            serial_text(header, row, shift),
            &out_rows.last().expect("pushed").label,
        ));
    }
    link_parts(&mut out_rows, &styles);
    for i in 0..out_rows.len() {
        if let (RowKind::Item, Some(parent)) = (out_rows[i].kind, out_rows[i].parent) {
            out_rows[parent].items.push(i);
        }
    }
    let rates = rate_links(&columns);
    let span = segments
        .iter()
        .filter_map(|s| s.span())
        .reduce(Span::cover)?;
    Some(AmountTable {
        kind,
        unit: money_unit(header, caption),
        columns,
        rows: out_rows,
        rates,
        span,
    })
}

/// The row's label: its non-value cells, without a serial number (unless that is all there
/// is, as in `合计⇥⇥153.04`).
fn row_label(header: &Header<'_>, row: &Row, shift: isize) -> (String, Span) {
    let value_positions: Vec<usize> = header
        .roles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_value())
        .filter_map(|(i, _)| {
            let idx = i as isize + shift;
            (idx >= 0).then_some(idx as usize)
        })
        .collect();
    let serial = header.find(Role::Serial);
    let mut parts: Vec<(&str, Span)> = Vec::new();
    for (i, cell) in row.filled() {
        if value_positions.contains(&i) {
            continue;
        }
        let is_serial =
            serial.is_some_and(|s| s as isize + shift == i as isize) && is_bare_number(&cell.text);
        if !is_serial {
            parts.push((cell.text.as_str(), cell.span));
        }
    }
    match parts.first() {
        Some(&(text, span)) => {
            // Total rows: the total word is the label whatever else the row says (a merged
            // label such as 项目资金 may stand before it).
            if let Some(&(t, s)) = parts.iter().find(|(t, _)| row_kind(t) == RowKind::Total) {
                return (t.to_string(), s);
            }
            (text.to_string(), span)
        }
        None => (String::new(), Span::new(row.span.start, row.span.start)),
    }
}

/// A serial number standing alone: `1`, `一`, `(1)`, `（一）`, `①`.
fn is_bare_number(text: &str) -> bool {
    let t = compact(text);
    !t.is_empty()
        && (t.chars().all(|c| c.is_ascii_digit())
            || t.chars().all(|c| "一二三四五六七八九十".contains(c))
            || parse_section_number(&t, 0).is_some_and(|(_, len)| len == t.len()))
}

/// The text of the row's serial-number cell, if the table has a serial column.
fn serial_text<'r>(header: &Header<'_>, row: &'r Row, shift: isize) -> Option<&'r str> {
    let col = header.find(Role::Serial)?;
    cell_at(row, col, shift).map(|c| c.text.as_str())
}

/// How a row is numbered in the table's outline: by its serial cell (`一`, `1`, `(1)`) or by the
/// number its label starts with (`一、设备购置`, `1、服务器`).
fn outline_style(serial: Option<&str>, label: &str) -> Option<NumberStyle> {
    if let Some(s) = serial.map(compact).filter(|s| is_bare_number(s)) {
        if s.chars().all(|c| c.is_ascii_digit()) {
            return Some(NumberStyle::ArabicEnumeration);
        }
        if s.chars().all(|c| "一二三四五六七八九十".contains(c)) {
            return Some(NumberStyle::ChineseEnumeration);
        }
        return parse_section_number(&s, 0).map(|(n, _)| n.style);
    }
    parse_section_number(label.trim(), 0).map(|(n, _)| n.style)
}

/// Link each 其中 row to the row above it and, when item rows are numbered at two or more
/// levels (`一、` groups over `1、` items), each item to its group: a group is the sum of its
/// items, and a 合计 is the sum of the groups only.
fn link_parts(rows: &mut [AmountRow], styles: &[Option<NumberStyle>]) {
    let mut previous = None;
    for (i, row) in rows.iter_mut().enumerate() {
        if row.kind == RowKind::Part {
            row.parent = previous;
        } else {
            previous = Some(i);
        }
    }
    let mut order: Vec<NumberStyle> = Vec::new();
    for (row, style) in rows.iter().zip(styles) {
        if let (RowKind::Item, Some(style)) = (row.kind, style) {
            if !order.contains(style) {
                order.push(*style);
            }
        }
    }
    if order.len() < 2 {
        return;
    }
    let mut open: Vec<(usize, usize)> = Vec::new(); // (level, row)
    let mut last_level = 0;
    for (i, (row, style)) in rows.iter_mut().zip(styles).enumerate() {
        match row.kind {
            RowKind::Item => {
                let level = style
                    .and_then(|s| order.iter().position(|o| *o == s))
                    .unwrap_or(last_level);
                while open.last().is_some_and(|(l, _)| *l >= level) {
                    open.pop();
                }
                row.parent = open.last().map(|(_, r)| *r);
                open.push((level, i));
                last_level = level;
            }
            RowKind::Total | RowKind::Subtotal => {
                open.clear();
                last_level = 0;
            }
            RowKind::Part => {}
        }
    }
}

fn row_kind(label: &str) -> RowKind {
    let c = compact(label);
    if is_total_label(label) || c.contains("资金总额") || c.trim_end_matches([':', '：']) == "总额"
    {
        RowKind::Total
    } else if is_subtotal_label(label) {
        RowKind::Subtotal
    } else if c.starts_with("其中") {
        RowKind::Part
    } else {
        RowKind::Item
    }
}

/// Which columns each rate column divides. Execution rates divide spending by the adjusted
/// budget (全年预算数, not 年初预算数); other rates are linked only when their name singles out
/// one numerator among exactly two count or amount columns (样本回收率: 有效回收样本数 / 调研样本数).
fn rate_links(columns: &[AmountColumn]) -> Vec<RateLink> {
    let mut links = Vec::new();
    for (rate, col) in columns.iter().enumerate() {
        match col.role {
            Role::ExecutionRate => {
                let numerator = columns.iter().position(|c| c.role == Role::Spent);
                let denominator = columns
                    .iter()
                    .position(|c| c.role == Role::Budget)
                    .or_else(|| columns.iter().position(|c| c.role == Role::InitialBudget));
                if let (Some(numerator), Some(denominator)) = (numerator, denominator) {
                    links.push(RateLink {
                        kind: RateKind::Execution,
                        rate,
                        numerator,
                        denominator,
                    });
                }
            }
            Role::Rate => {
                if let Some((numerator, denominator)) = named_rate_operands(columns, rate) {
                    links.push(RateLink {
                        kind: RateKind::Named,
                        rate,
                        numerator,
                        denominator,
                    });
                }
            }
            _ => {}
        }
    }
    links
}

fn named_rate_operands(columns: &[AmountColumn], rate: usize) -> Option<(usize, usize)> {
    let candidates: Vec<usize> = (0..columns.len())
        .filter(|&i| matches!(columns[i].role, Role::Count | Role::Amount))
        .collect();
    if candidates.len() != 2 {
        return None;
    }
    let stem = compact(&columns[rate].header).replace('率', "");
    let bigrams = |s: &str| -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| w.iter().collect()).collect()
    };
    let headers: Vec<String> = candidates
        .iter()
        .map(|&i| compact(&columns[i].header))
        .collect();
    // Words every candidate shares (样本) say nothing about which one is the numerator.
    let distinctive: Vec<String> = bigrams(&stem)
        .into_iter()
        .filter(|b| !headers.iter().all(|h| h.contains(b.as_str())))
        .collect();
    let scores: Vec<usize> = headers
        .iter()
        .map(|h| {
            distinctive
                .iter()
                .filter(|b| h.contains(b.as_str()))
                .count()
        })
        .collect();
    match (scores[0], scores[1]) {
        (a, 0) if a > 0 => Some((candidates[0], candidates[1])),
        (0, b) if b > 0 => Some((candidates[1], candidates[0])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::first_table;
    use crate::report::segments::segments;
    use rust_decimal_macros::dec;

    fn table(text: &str, kind: AmountTableKind) -> AmountTable {
        let t = first_table(text);
        let segs = segments(&t);
        let refs: Vec<&Segment<'_>> = segs.iter().filter(|s| s.header.is_some()).collect();
        read_amount_table(&refs, kind, "").unwrap()
    }

    #[test]
    fn execution_table_with_total_and_rates() {
        let t = table(
            "序号\t子项目名称\t预算金额\t实际支出\t预算执行率\n1\t运维\t14.20\t14.20\t100%\n2\t改造\t30.80\t30.45\t98.86%\n合计\t\t45.00\t44.65\t99.22%\n",
            AmountTableKind::Table,
        );
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows[0].label, "运维");
        assert_eq!(t.rows[2].kind, RowKind::Total);
        assert_eq!(t.rows[2].values[0].as_ref().unwrap().value, dec!(45.00));
        assert_eq!(t.rates.len(), 1);
        let rate = t.rows[0].values[2].as_ref().unwrap();
        assert_eq!(rate.precision, Precision::Decimals(2));
    }

    #[test]
    fn a_merged_label_before_the_total_label_keeps_the_row_a_total() {
        // A PDF prints the merged 项目资金 label on the total row, before 年度资金总额.
        let t = table(
            "\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
             项目资金\t年度资金总额:\t12.60\t12.60\t12.45\t10.00\t98.80%\t9.88\n\
             (万元)\t其中:当年财政拨款\t12.60\t12.60\t12.45\t-\t98.80%\t-\n",
            AmountTableKind::FundBlock,
        );
        assert_eq!(t.rows[0].kind, RowKind::Total);
        assert_eq!(t.rows[0].label, "年度资金总额:");
    }

    #[test]
    fn outline_numbered_items_belong_to_their_groups() {
        let t = table(
            "序号\t项目\t预算金额\n一\t设备购置\t50.00\n1\t服务器\t30.00\n2\t交换机\t20.00\n二\t运维服务\t40.00\n合计\t\t90.00\n",
            AmountTableKind::Table,
        );
        let parents: Vec<Option<usize>> = t.rows.iter().map(|r| r.parent).collect();
        assert_eq!(parents, vec![None, Some(0), Some(0), None, None]);
        assert_eq!(t.rows[0].label, "设备购置");

        let t = table(
            "项目\t预算金额\t实际支出\n一、设备购置\t\t\n1、服务器\t30.00\t29.00\n二、运维服务\t40.00\t40.00\n",
            AmountTableKind::Table,
        );
        let parents: Vec<Option<usize>> = t.rows.iter().map(|r| r.parent).collect();
        assert_eq!(parents, vec![None, Some(0), None]);
    }

    #[test]
    fn survey_rate_names_its_numerator() {
        let t = table(
            "调研对象\t调研样本数\t有效回收样本数\t样本回收率\n各处室人员\t30\t23\t76.67%\n",
            AmountTableKind::Table,
        );
        assert_eq!(t.rates.len(), 1);
        let link = t.rates[0];
        assert_eq!(t.columns[link.numerator].header, "有效回收样本数");
        assert_eq!(t.columns[link.denominator].header, "调研样本数");
    }

    #[test]
    fn fund_block_rows_are_parts_of_the_total() {
        let t = table(
            "项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分数\t执行率(%)\t得分\n\t\t年度资金总额:\t90.00\t90.00\t89.70\t10.00\t99.66\t9.96\n\t\t其中: 当年财政拨款\t90.00\t90.00\t89.70\t-\t99.66\t-\n",
            AmountTableKind::FundBlock,
        );
        assert_eq!(t.rows[0].kind, RowKind::Total);
        assert_eq!(t.rows[1].kind, RowKind::Item);
        let link = t.rates[0];
        assert_eq!(t.columns[link.denominator].role, Role::Budget);
        assert_eq!(t.rows[0].values[4].as_ref().unwrap().value, dec!(99.66));
    }
}

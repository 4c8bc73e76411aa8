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
use crate::document::{Row, Span};
use crate::number::{Num, Precision};
use crate::text::{compact, is_subtotal_label, is_total_label};

/// A fund block: amounts with both budget and spending columns, and a 资金总额 row.
pub fn is_fund_segment(segment: &Segment<'_>) -> bool {
    let Some(h) = &segment.header else {
        return false;
    };
    h.has(Role::Spent)
        && (h.has(Role::Budget) || h.has(Role::InitialBudget))
        && segment.rows.iter().any(|r| {
            r.cells
                .iter()
                .any(|c| compact(&c.text).contains("资金总额"))
        })
}

/// Any other table with summable or rate columns (and no score column).
pub fn is_amount_segment(segment: &Segment<'_>) -> bool {
    segment.header.as_ref().is_some_and(|h| {
        !h.has(Role::Score) && h.roles.iter().any(|r| r.is_summable() || r.is_rate())
    })
}

pub fn read_amount_table(segments: &[&Segment<'_>], kind: AmountTableKind) -> Option<AmountTable> {
    let header = segments.first()?.header.as_ref()?;
    let value_cols: Vec<usize> = (0..header.roles.len())
        .filter(|&i| header.roles[i].is_value())
        .collect();
    if value_cols.is_empty() {
        return None;
    }
    let columns: Vec<AmountColumn> = value_cols
        .iter()
        .map(|&i| {
            let cell = header.row.cell(i).expect("roles come from cells");
            AmountColumn {
                role: header.roles[i],
                header: cell.text.clone(),
                header_span: cell.span,
            }
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

    let mut out_rows = Vec::new();
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
                        Role::FullMarks => Precision::Exact,
                        Role::Count if decimals[k] == 0 => Precision::Exact,
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
            span: row.span,
        });
    }
    let rates = rate_links(&columns);
    let span = segments
        .iter()
        .filter_map(|s| s.span())
        .reduce(Span::cover)?;
    Some(AmountTable {
        kind,
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
        let is_serial = serial.is_some_and(|s| s as isize + shift == i as isize)
            && cell.text.chars().all(|c| c.is_ascii_digit());
        if !is_serial {
            parts.push((cell.text.as_str(), cell.span));
        }
    }
    match parts.first() {
        Some(&(text, span)) => {
            // Total rows: the total word is the label whatever else the row says.
            if let Some(&(t, s)) = parts.iter().find(|(t, _)| is_total_label(t)) {
                return (t.to_string(), s);
            }
            (text.to_string(), span)
        }
        None => (String::new(), Span::new(row.span.start, row.span.start)),
    }
}

fn row_kind(label: &str) -> RowKind {
    let c = compact(label);
    if is_total_label(label) || c.contains("资金总额") {
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
        read_amount_table(&refs, kind).unwrap()
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

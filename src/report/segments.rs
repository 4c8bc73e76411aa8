//! Splitting tables into header-and-rows segments.
//!
//! One extracted table may hold several logical tables: a self-evaluation form is a meta block,
//! a fund block, a goal block and an indicator block, each under its own header row; a long
//! indicator table repeats its header after a page break. A segment is one header and the data
//! rows under it; a repeated identical header continues the segment.

use super::columns::{classify, Role};
use crate::document::{Row, Span, Table};
use crate::number::looks_numeric;
use crate::text::compact;

#[derive(Debug, Clone)]
pub struct Segment<'t> {
    /// The header row and the role of each of its columns; `None` for rows before any header.
    pub header: Option<Header<'t>>,
    pub rows: Vec<&'t Row>,
}

impl Segment<'_> {
    /// From the header row (if any) to the last data row.
    pub fn span(&self) -> Option<Span> {
        self.header
            .iter()
            .map(|h| h.row.span)
            .chain(self.rows.iter().map(|r| r.span))
            .reduce(Span::cover)
    }
}

#[derive(Debug, Clone)]
pub struct Header<'t> {
    pub row: &'t Row,
    pub roles: Vec<Role>,
    /// The header text of each column: the cell's text, joined with the cell under it when the
    /// header takes two rows (`预算金额` over `年初 | 调整后`).
    pub texts: Vec<String>,
    /// Where each column's header is.
    pub spans: Vec<Span>,
}

impl<'t> Header<'t> {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn find(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    pub fn level_columns(&self) -> Vec<usize> {
        let levels: Vec<usize> = self
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Role::Level(_)))
            .map(|(i, _)| i)
            .collect();
        if !levels.is_empty() {
            return levels;
        }
        self.find(Role::Label).into_iter().collect()
    }

    /// The header text of column `col`.
    pub fn text(&self, col: usize) -> &str {
        self.texts.get(col).map_or("", String::as_str)
    }

    fn single(row: &'t Row, roles: Vec<Role>) -> Header<'t> {
        Header {
            row,
            roles,
            texts: row.cells.iter().map(|c| c.text.clone()).collect(),
            spans: row.cells.iter().map(|c| c.span).collect(),
        }
    }

    /// Extend the header with a second header row: each sub-heading is read with the heading
    /// above it (or, under a merged heading, the nearest one to its left).
    fn with_subheadings(mut self, sub: &Row) -> Header<'t> {
        let width = self.texts.len().max(sub.cells.len());
        self.texts.resize(width, String::new());
        self.spans.resize(width, self.row.span);
        self.roles.resize(width, Role::Other);
        let mut above = String::new();
        for col in 0..width {
            if !self.texts[col].is_empty() {
                above = self.texts[col].clone();
            }
            let Some(cell) = sub.cell(col).filter(|c| !c.is_empty()) else {
                continue;
            };
            let combined = format!("{above}{}", cell.text);
            self.roles[col] = match classify(&cell.text) {
                Role::Other => classify(&combined),
                role => role,
            };
            self.texts[col] = combined;
            self.spans[col] = cell.span;
        }
        self
    }
}

/// The roles of a row if it is a header row: at least two short cells naming known column
/// roles, and no numbers.
pub fn header_roles(row: &Row) -> Option<Vec<Role>> {
    let mut known = 0;
    let mut filled = 0;
    for (_, cell) in row.filled() {
        filled += 1;
        if looks_numeric(&cell.text) {
            return None;
        }
        if classify(&cell.text) != Role::Other {
            known += 1;
        }
    }
    if filled < 2 || known < 2 {
        return None;
    }
    Some(row.cells.iter().map(|c| classify(&c.text)).collect())
}

/// Whether a row that reads like a header is a row of the open table: under a header with
/// value columns, a row naming only labels (`效益指标（20分）⇥经济效益指标`, an empty
/// placeholder group) is data, not the header of a new table.
fn is_label_row(current: &Segment<'_>, roles: &[Role]) -> bool {
    let Some(open) = &current.header else {
        return false;
    };
    let labels_only = roles
        .iter()
        .all(|r| matches!(r, Role::Label | Role::Other | Role::Serial));
    // Under a score table, a header names a score table's columns, not just labels and a
    // count (`年度绩效目标（80分）⇥产出指标⇥受益学生人数⇥≥3000人` is a row).
    let names_columns = roles.iter().any(|r| r.names_scored_column());
    (open.roles.iter().any(|r| r.is_value()) && labels_only)
        || (open.has(Role::Score) && !names_columns)
}

fn same_header(a: &Row, b: &Row) -> bool {
    let texts = |r: &Row| -> Vec<String> {
        r.cells
            .iter()
            .map(|c| compact(&c.text))
            .filter(|t| !t.is_empty())
            .collect()
    };
    texts(a) == texts(b)
}

/// Whether `row`, right under a header, is a second header row: no numbers, short texts, and
/// at least one of them under a value column or under an empty (merged) header cell.
fn is_subheading(header: &Header<'_>, row: &Row) -> bool {
    let mut under_value = false;
    for (i, cell) in row.filled() {
        if looks_numeric(&cell.text) || cell.text.chars().count() > 12 {
            return false;
        }
        let above = header.texts.get(i).map_or("", String::as_str);
        let role = header.roles.get(i).copied().unwrap_or(Role::Other);
        under_value |= above.is_empty() || role.is_value();
    }
    under_value
}

pub fn segments(table: &Table) -> Vec<Segment<'_>> {
    let mut out: Vec<Segment<'_>> = Vec::new();
    let mut current = Segment {
        header: None,
        rows: Vec::new(),
    };
    let mut rows = table.rows.iter().peekable();
    while let Some(row) = rows.next() {
        let Some(roles) = header_roles(row).filter(|r| !is_label_row(&current, r)) else {
            current.rows.push(row);
            continue;
        };
        let repeat = current
            .header
            .as_ref()
            .is_some_and(|h| same_header(h.row, row));
        let mut header = Header::single(row, roles);
        if let Some(sub) = rows.peek().copied().filter(|r| is_subheading(&header, r)) {
            header = header.with_subheadings(sub);
            rows.next();
        }
        if repeat {
            continue;
        }
        let finished = std::mem::replace(
            &mut current,
            Segment {
                header: Some(header),
                rows: Vec::new(),
            },
        );
        if finished.header.is_some() || !finished.rows.is_empty() {
            out.push(finished);
        }
    }
    if current.header.is_some() || !current.rows.is_empty() {
        out.push(current);
    }
    for segment in &mut out {
        relabel_word_columns(segment);
    }
    out
}

/// A first column named like a value (`年度预算数（万元）` over 总额, 其中：财政资金…) whose cells
/// are all words is the table's label column. (Only the first: a row shifted against its
/// header puts words under other value columns.)
fn relabel_word_columns(segment: &mut Segment<'_>) {
    let Some(header) = &mut segment.header else {
        return;
    };
    if header.roles.first().is_none_or(|r| !r.is_value()) {
        return;
    }
    let (mut valued, mut words) = (0, 0);
    for cell in segment.rows.iter().filter_map(|r| r.cell(0)) {
        let text = cell.text.trim();
        if text.is_empty() {
            continue;
        }
        if looks_numeric(text) || crate::text::is_placeholder(text) {
            valued += 1;
        } else {
            words += 1;
        }
    }
    if valued == 0 && words >= 2 {
        header.roles[0] = Role::Label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::first_table;

    #[test]
    fn form_splits_into_segments_and_repeated_headers_continue() {
        let table = first_table(
            "项目名称\t\t某系统运维\n项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额:\t1\t1\t1\t10\t100\t10\n一级指标\t二级指标\t三级指标\t分值\t得分\n产出\t数量\t报告\t90\t90\n\n一级指标\t二级指标\t三级指标\t分值\t得分\n总分\t\t\t100\t100\n",
        );
        let segs = segments(&table);
        assert_eq!(segs.len(), 3);
        assert!(segs[0].header.is_none());
        assert!(segs[1].header.as_ref().unwrap().has(Role::Spent));
        assert_eq!(segs[2].rows.len(), 2);
    }

    #[test]
    fn a_second_header_row_extends_the_first() {
        let table = first_table("项目\t预算金额\t\t实际支出\t执行率\n\t年初\t调整后\t\t\n设备\t10.00\t12.00\t11.50\t95.83%\n");
        let segs = segments(&table);
        let h = segs[0].header.as_ref().unwrap();
        assert_eq!(h.text(1), "预算金额年初");
        assert_eq!(h.roles[1], Role::InitialBudget);
        assert_eq!(h.text(2), "预算金额调整后");
        assert_eq!(h.roles[2], Role::Budget);
        assert_eq!(segs[0].rows.len(), 1);
    }

    #[test]
    fn a_group_heading_row_is_not_a_second_header_row() {
        let table =
            first_table("项目\t预算金额\t实际支出\n一、设备购置\t\t\n1、服务器\t30.00\t29.00\n");
        assert_eq!(segments(&table)[0].rows.len(), 2);
    }
}

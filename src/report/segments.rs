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
}

impl Header<'_> {
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
        self.row.cell(col).map_or("", |c| c.text.as_str())
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

pub fn segments(table: &Table) -> Vec<Segment<'_>> {
    let mut out: Vec<Segment<'_>> = Vec::new();
    let mut current = Segment {
        header: None,
        rows: Vec::new(),
    };
    for row in &table.rows {
        if let Some(roles) = header_roles(row) {
            let repeat = current
                .header
                .as_ref()
                .is_some_and(|h| same_header(h.row, row));
            if repeat {
                continue;
            }
            let finished = std::mem::replace(
                &mut current,
                Segment {
                    header: Some(Header { row, roles }),
                    rows: Vec::new(),
                },
            );
            if finished.header.is_some() || !finished.rows.is_empty() {
                out.push(finished);
            }
        } else {
            current.rows.push(row);
        }
    }
    if current.header.is_some() || !current.rows.is_empty() {
        out.push(current);
    }
    out
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
}

//! Web pages (.html, .htm) through an HTML5 parser (html5ever, via scraper).
//!
//! The encoding comes from a byte-order mark, else the page's `<meta charset>` (GBK pages are
//! common), else from the bytes. Headings `h1`–`h6` are headings; blocks (`p`, `div`, `li`,
//! …) and line breaks between text end paragraphs. Tables are resolved into grids with
//! `rowspan` and `colspan`; `<br>` inside a cell is a space and `&nbsp;` an empty cell. A
//! table whose cells hold tables lays out the page: its cells are read as blocks. Scripts,
//! styles and the `<head>` are not read.

use std::path::Path;

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::view::{one_line, Grid, GridCell, TablePlaces, View, MAX_GRID_CELLS};
use super::ReadError;
use crate::decode::{decode, decode_declared};
use crate::document::marker::MARKER;
use crate::document::{Document, UnreadKind};
use crate::source::SourceFile;

/// How deep layout tables may nest before the reader stops following them.
const MAX_DEPTH: usize = 64;
/// The largest page read.
const MAX_PAGE: usize = 64 << 20;

pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<(SourceFile, Document), ReadError> {
    if bytes.len() > MAX_PAGE {
        return Err(ReadError::TooLarge(format!(
            "the page is {} MB (the limit is {} MB)",
            bytes.len() >> 20,
            MAX_PAGE >> 20
        )));
    }
    let decoded = match declared_charset(bytes) {
        Some(label) => decode_declared(bytes, &label)?,
        None => decode(bytes)?,
    };
    let html = Html::parse_document(&decoded.text);
    let mut reader = Reader {
        view: View::new(),
        paragraph: String::new(),
        images: 0,
    };
    reader.blocks(*html.root_element(), 0);
    reader.flush(None);
    if reader.images > 0 {
        let count = reader.images;
        reader.view.unread(UnreadKind::Images { count });
    }
    Ok(reader.view.finish(path, decoded.encoding))
}

/// The charset a page declares in its first 4 KB: `<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?;
    (!label.is_empty()).then(|| label.to_string())
}

struct Reader {
    view: View,
    /// Inline text of the paragraph being read.
    paragraph: String,
    images: usize,
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "select"
            | "button"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "center"
            | "form"
            | "fieldset"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "caption"
            | "body"
            | "html"
    )
}

impl Reader {
    fn flush(&mut self, heading: Option<u8>) {
        // Outside `<pre>`, tabs and line breaks in the source are white space like any other.
        let text: String = std::mem::take(&mut self.paragraph)
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        if !text.trim().is_empty() {
            self.view.paragraph(&text, heading, &[]);
        }
    }

    fn blocks(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        if depth > MAX_DEPTH {
            self.flush(None);
            self.view.unread(UnreadKind::TooDeep);
            return;
        }
        for child in node.children() {
            match child.value() {
                Node::Text(t) => self.paragraph.push_str(t),
                Node::Comment(c) if c.contains(MARKER) => {
                    // An inline marker: its own line of the view, before what it silences.
                    self.flush(None);
                    self.view.paragraph(c, None, &[]);
                }
                Node::Element(e) => {
                    let name = e.name();
                    if is_skipped(name) {
                        continue;
                    }
                    if name == "img" {
                        self.images += 1;
                    } else if name == "pre" {
                        // Preformatted text keeps its lines, and its tabs lay out rows.
                        self.flush(None);
                        let text = child
                            .descendants()
                            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                            .collect::<String>();
                        for line in text.lines() {
                            self.view.paragraph(line, None, &[]);
                        }
                    } else if name == "br" {
                        self.flush(None);
                    } else if let Some(level) = heading_level(name) {
                        self.flush(None);
                        self.paragraph = inline_text(child);
                        self.flush(Some(level));
                    } else if name == "table" {
                        self.flush(None);
                        self.table(child, depth);
                    } else if is_block(name) {
                        self.flush(None);
                        self.blocks(child, depth + 1);
                        self.flush(None);
                    } else {
                        self.blocks(child, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn table(&mut self, table: NodeRef<'_, Node>, depth: usize) {
        let rows = rows_of(table);
        let layout = rows.iter().any(|tr| {
            cells_of(*tr)
                .iter()
                .any(|td| td.descendants().any(|d| is_element(d, "table")))
        });
        if layout {
            for tr in rows {
                for td in cells_of(tr) {
                    self.blocks(td, depth + 1);
                    self.flush(None);
                }
            }
            return;
        }
        let mut grid = Grid::default();
        let mut cells = 0usize;
        // Columns still covered by a rowspan from above: (until row, column).
        let mut pending: Vec<Option<usize>> = Vec::new();
        for (r, tr) in rows.into_iter().enumerate() {
            let mut row: Vec<GridCell> = Vec::new();
            let mut col = 0;
            for td in cells_of(tr) {
                if cells + row.len() > MAX_GRID_CELLS {
                    break;
                }
                skip_covered(&pending, r, &mut row, &mut col);
                let element = ElementRef::wrap(td).expect("cells are elements");
                let span_attr = |name: &str| {
                    element
                        .value()
                        .attr(name)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                };
                let colspan = span_attr("colspan").clamp(1, 256);
                let rowspan = span_attr("rowspan").clamp(1, 10_000);
                let mut cell = GridCell::text(inline_text(td));
                cell.col_span = colspan;
                cell.row_span = rowspan;
                self.images += td.descendants().filter(|d| is_element(*d, "img")).count();
                row.push(cell);
                for _ in 1..colspan {
                    row.push(GridCell::covered());
                }
                if pending.len() < col + colspan {
                    pending.resize(col + colspan, None);
                }
                for slot in &mut pending[col..col + colspan] {
                    *slot = (rowspan > 1).then_some(r + rowspan);
                }
                col += colspan;
            }
            cells += row.len();
            if cells > MAX_GRID_CELLS {
                let columns = row.len();
                self.view.unread(UnreadKind::TableTooLarge {
                    rows: r + 1,
                    columns,
                });
                return;
            }
            skip_covered(&pending, r, &mut row, &mut col);
            grid.rows.push(row);
        }
        self.view.table(grid, TablePlaces::Numbered);
    }
}

/// Step over the columns a rowspan from above still covers in row `r`.
fn skip_covered(pending: &[Option<usize>], r: usize, row: &mut Vec<GridCell>, col: &mut usize) {
    while pending
        .get(*col)
        .copied()
        .flatten()
        .is_some_and(|until| until > r)
    {
        row.push(GridCell::covered());
        *col += 1;
    }
}

fn is_element(node: NodeRef<'_, Node>, name: &str) -> bool {
    matches!(node.value(), Node::Element(e) if e.name() == name)
}

/// The rows of a table, through `thead`, `tbody` and `tfoot`, not those of nested tables.
fn rows_of(table: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    let mut out = Vec::new();
    for child in table.children() {
        if is_element(child, "tr") {
            out.push(child);
        } else if ["thead", "tbody", "tfoot"]
            .iter()
            .any(|n| is_element(child, n))
        {
            out.extend(child.children().filter(|c| is_element(*c, "tr")));
        }
    }
    out
}

fn cells_of(tr: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    tr.children()
        .filter(|c| is_element(*c, "td") || is_element(*c, "th"))
        .collect()
}

/// The text of an element on one line: line breaks and blocks inside become spaces.
fn inline_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let mut pending: Vec<NodeRef<'_, Node>> = node.children().rev().collect();
    while let Some(n) = pending.pop() {
        match n.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if is_skipped(e.name()) {
                    continue;
                }
                if e.name() == "br" || is_block(e.name()) {
                    out.push(' ');
                }
                pending.extend(n.children().rev());
            }
            _ => {}
        }
    }
    one_line(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Place};

    fn read_html(html: &str) -> (SourceFile, Document) {
        read(Path::new("t.html"), html.as_bytes()).expect("readable")
    }

    #[test]
    fn rowspan_colspan_br_and_nbsp_resolve_into_a_grid() {
        let (source, doc) = read_html(
            "<table><thead><tr><th>指标</th><th colspan=2>分值</th></tr></thead>\
             <tbody><tr><td rowspan=\"2\">产出</td><td>20</td><td>18</td></tr>\
             <tr><td>30</td><td>&nbsp;</td></tr>\
             <tr><td>说明</td><td colspan=\"2\">第一行<br>第二行</td></tr></tbody></table>",
        );
        assert_eq!(
            source.text(),
            "指标\t分值\t\n产出\t20\t18\n\t30\t\n说明\t第一行 第二行\t\n\n"
        );
        let Block::Table(t) = &doc.blocks[0] else {
            panic!("a table")
        };
        assert_eq!(
            source.locate(t.rows[2].cells[1].span),
            Some(Place::TableCell {
                table: 1,
                row: 3,
                column: Some(2),
                row_span: 1,
                column_span: 1
            })
        );
    }

    #[test]
    fn headings_paragraphs_and_line_breaks() {
        let (source, doc) = read_html(
            "<html><head><title>标题</title><style>p{}</style></head><body>\
             <h2>一、项目概况</h2><p>预算 72 万元。<br>实际支出 70 万元。</p>\
             <div>正文<span>一段</span></div><script>var x = 1;</script></body></html>",
        );
        assert_eq!(
            source.text(),
            "一、项目概况\n预算 72 万元。\n实际支出 70 万元。\n正文一段\n"
        );
        assert!(matches!(&doc.blocks[0], Block::Heading(h) if h.markup_level == Some(2)));
    }

    #[test]
    fn tabs_lay_out_rows_only_in_preformatted_text() {
        let (source, doc) = read_html("<p>预算\t72\n万元</p><pre>指标\t分值\n合计\t100\n</pre>");
        assert_eq!(source.text(), "预算 72 万元\n\n指标\t分值\n合计\t100\n\n");
        assert!(matches!(&doc.blocks[1], Block::Table(t) if t.rows.len() == 2));
    }

    #[test]
    fn layout_tables_are_read_as_their_content() {
        let (source, doc) = read_html(
            "<table><tr><td>导航</td></tr><tr><td><p>正文。</p>\
             <table><tr><td>合计</td><td>100</td></tr></table></td></tr></table>",
        );
        assert_eq!(source.text(), "导航\n正文。\n\n合计\t100\n\n");
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn the_declared_charset_decodes_the_page() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>年度资金总额</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        let (source, _) = read(Path::new("t.htm"), &gbk).unwrap();
        assert_eq!(source.text(), "年度资金总额\n");
        assert_eq!(
            declared_charset(b"<meta charset='UTF-8'>"),
            Some("utf-8".into())
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }
}

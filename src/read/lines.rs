//! The line-based reader shared by plain text and Markdown.
//!
//! Text extracted from PDFs (the usual shape of reports that reach a checker) puts one table
//! row per line with tab-separated cells; Markdown uses pipe tables. Both are read here, line by
//! line, with exact spans for every cell.

use super::Format;
use crate::document::{
    parse_section_number, Block, Cell, Document, Heading, Paragraph, Row, Span, Table,
};
use crate::number::looks_numeric;
use crate::text::{compact, spaced_cells};

/// A line without its terminator, and the byte offset where it starts.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    start: usize,
}

impl Line<'_> {
    fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    TabRow,
    PipeRow,
    PipeSeparator,
    MarkdownHeading(u8),
    Text,
}

/// How many blank lines may separate two tab-separated rows of the same table. PDF extraction
/// puts a blank line where a row or a table breaks across pages.
const MAX_BLANKS_INSIDE_TABLE: usize = 2;

pub(super) fn read_lines(text: &str, format: Format) -> Document {
    let lines = split_lines(text);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match kinds[i] {
            Kind::Blank => i += 1,
            Kind::TabRow => {
                let (table, next) = read_tab_table(&lines, &kinds, i);
                blocks.push(Block::Table(table));
                i = next;
            }
            Kind::PipeRow | Kind::PipeSeparator => {
                let mut rows = Vec::new();
                while i < lines.len() && matches!(kinds[i], Kind::PipeRow | Kind::PipeSeparator) {
                    if kinds[i] == Kind::PipeRow {
                        rows.push(pipe_row(lines[i]));
                    }
                    i += 1;
                }
                if let Some(table) = table_of(rows) {
                    blocks.push(Block::Table(table));
                }
            }
            Kind::MarkdownHeading(level) => {
                blocks.push(Block::Heading(markdown_heading(lines[i], level)));
                i += 1;
            }
            Kind::Text => {
                let first_i = i;
                let first = lines[i];
                let mut last = first;
                i += 1;
                // Markdown wraps paragraphs over lines; extracted text has one per line, but a
                // page break can split a sentence over two of them.
                if format == Format::Markdown {
                    while i < lines.len()
                        && kinds[i] == Kind::Text
                        && !is_heading_line(lines[i].text)
                    {
                        last = lines[i];
                        i += 1;
                    }
                } else if !is_heading_line(first.text) {
                    while let Some(next) = continuation(&lines, &kinds, i, last) {
                        last = lines[next];
                        i = next + 1;
                    }
                }
                let span = Span::new(first.start, last.start + last.text.len());
                let mut block = text_block(&text[span.start..span.end], span);
                // A numbered line that is a table's row or cell is not a section heading (nor
                // a list item): see `is_table_cell`.
                let numbered = match &block {
                    Block::Heading(h) => h.number.is_some(),
                    Block::Paragraph(p) => p.number.is_some(),
                    _ => false,
                };
                if numbered && is_table_cell(&lines, &kinds, first_i) {
                    block = Block::Paragraph(Paragraph {
                        number: None,
                        text: text[span.start..span.end].to_string(),
                        span,
                    });
                }
                blocks.push(block);
            }
        }
    }
    Document {
        blocks,
        ..Document::default()
    }
}

/// The index of the line that continues the sentence `last` leaves open across a page break:
/// `last` is long and stops mid-sentence, and after at most two blank lines comes prose that
/// starts no heading, list item or caption.
fn continuation(lines: &[Line<'_>], kinds: &[Kind], from: usize, last: Line<'_>) -> Option<usize> {
    let body = last.text.trim();
    if body.chars().count() < 20 || ends_sentence(body) || is_field(body) {
        return None;
    }
    let blanks = kinds[from..]
        .iter()
        .take_while(|k| **k == Kind::Blank)
        .count();
    let next = from + blanks;
    if blanks > MAX_BLANKS_INSIDE_TABLE || kinds.get(next) != Some(&Kind::Text) {
        return None;
    }
    let start = lines[next].text.trim_start();
    let starts_anew = is_heading_line(start)
        || parse_section_number(start, 0).is_some()
        || start.starts_with(['表', '图', '注', '-', '*', '#', '“', '《'])
        || is_field(start);
    (!starts_anew).then_some(next)
}

/// Whether the numbered line `k` is a table's row or cell rather than a heading, however the
/// table's text arrived:
/// - a row itself: cells laid out by spaces (`2、验收户数     25     24`), or a row flattened
///   with single spaces that ends in two figures or in an amount (`二、单位自筹 10.00`);
/// - a cell that arrived one per line: right after a bare figure, or right before one, or
///   before one past a blank line (`pdftotext` without `-layout` parts every cell so) when it
///   is an amount or is followed by another figure — a contents entry's page number is a
///   whole number followed by the next entry;
/// - the label row right above such a numbered row or cell (`一、财政拨款` above
///   `1、区级财政     60.00`).
fn is_table_cell(lines: &[Line<'_>], kinds: &[Kind], k: usize) -> bool {
    let figure_before = k
        .checked_sub(1)
        .is_some_and(|p| looks_numeric(lines[p].text.trim()));
    figure_before
        || row_or_cell(lines, kinds, k)
        || (k + 1 < lines.len()
            && parse_section_number(lines[k + 1].text.trim(), 0).is_some()
            && row_or_cell(lines, kinds, k + 1))
}

fn row_or_cell(lines: &[Line<'_>], kinds: &[Kind], k: usize) -> bool {
    let text = lines[k].text.trim();
    if spaced_cells(text, 3).len() >= 2 || ends_in_figures(text) {
        return true;
    }
    let blank = |n: usize| kinds.get(n) == Some(&Kind::Blank);
    let line = |n: usize| lines.get(n).map(|l| l.text.trim());
    match line(k + 1) {
        Some(next) if looks_numeric(next) || is_spaced_figure_row(next) => true,
        Some(_) if blank(k + 1) => line(k + 2).is_some_and(|figure| {
            looks_numeric(figure)
                && (!is_whole_number(figure)
                    || (k + 3..k + 5)
                        .find(|&n| !blank(n))
                        .and_then(line)
                        .is_some_and(looks_numeric))
        }),
        _ => false,
    }
}

/// A row flattened with single spaces: it ends in two bare figures (`验收户数 25 24`) or in an
/// amount or rate (`单位自筹 10.00`), never in a bare whole number alone (a contents entry's
/// page number, `（二）建议及改进措施 16`).
fn ends_in_figures(text: &str) -> bool {
    let bare = |w: &str| {
        !w.is_empty()
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
    };
    let mut words = text.split_whitespace().rev();
    match (words.next(), words.next()) {
        (Some(last), Some(before)) if bare(last) => bare(before) || !is_whole_number(last),
        _ => false,
    }
}

fn is_whole_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// A row of text laid out by spaces that holds a figure: two or more cells parted by wide
/// gaps, one of them a number.
fn is_spaced_figure_row(line: &str) -> bool {
    let cells = spaced_cells(line.trim(), 3);
    cells.len() >= 2 && cells.iter().any(|c| looks_numeric(c))
}

/// Whether a line ends its sentence (or clause list).
fn ends_sentence(line: &str) -> bool {
    line.ends_with([
        '。', '！', '？', '；', '：', '!', '?', ';', ':', '…', '”', '"', '）', ')', '》',
    ])
}

/// `项目名称：…`, `评价机构：…`: a field of a cover page or form, one per line.
fn is_field(line: &str) -> bool {
    line.char_indices()
        .take(12)
        .any(|(i, c)| (c == '：' || c == ':') && i > 0)
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let body = crate::document::marker::without_marker(body);
        lines.push(Line { text: body, start });
        start += piece.len();
    }
    lines
}

fn classify(line: &str) -> Kind {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Kind::Blank;
    }
    if line.contains('\t') {
        return if line.split('\t').all(|c| c.trim().is_empty()) {
            Kind::Blank
        } else {
            Kind::TabRow
        };
    }
    if trimmed.starts_with('|') && trimmed.len() > 1 {
        let inner = trimmed.trim_matches('|');
        if !inner.is_empty()
            && inner.split('|').all(|c| {
                let c = c.trim();
                !c.is_empty() && c.trim_matches(':').chars().all(|ch| ch == '-')
            })
        {
            return Kind::PipeSeparator;
        }
        return Kind::PipeRow;
    }
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
        return Kind::MarkdownHeading(hashes as u8);
    }
    Kind::Text
}

pub(super) fn is_heading_line(line: &str) -> bool {
    let trimmed = line.trim_start();
    parse_section_number(trimmed, 0).is_some_and(|(_, len)| looks_like_title(&trimmed[len..]))
        || is_unnumbered_heading(trimmed)
}

fn read_tab_table(lines: &[Line<'_>], kinds: &[Kind], first: usize) -> (Table, usize) {
    let mut rows: Vec<Row> = Vec::new();
    let mut i = first;
    let mut after_blank = false;
    while i < lines.len() {
        match kinds[i] {
            Kind::TabRow => {
                let row = tab_row(lines[i]);
                let joined = after_blank
                    && match (rows.first(), rows.last()) {
                        (Some(header), Some(prev)) => is_continuation(header, prev, &row),
                        _ => false,
                    };
                if joined {
                    let prev = rows.last_mut().expect("checked above");
                    join_rows(prev, row);
                } else {
                    rows.push(row);
                }
                after_blank = false;
                i += 1;
            }
            Kind::Blank => {
                let blanks = kinds[i..].iter().take_while(|k| **k == Kind::Blank).count();
                let next = i + blanks;
                if blanks <= MAX_BLANKS_INSIDE_TABLE && kinds.get(next) == Some(&Kind::TabRow) {
                    after_blank = true;
                    i = next;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (table_of(rows).expect("a tab table has at least one row"), i)
}

/// Whether `row`, found after a blank line, is the rest of `prev` split by a page or cell
/// break: it holds only text, and only in cells where `prev` has text too.
fn is_continuation(header: &Row, prev: &Row, row: &Row) -> bool {
    let mut any = false;
    for (i, cell) in row.filled() {
        any = true;
        if looks_numeric(&cell.text) {
            return false;
        }
        match prev.cell(i) {
            Some(p) if !p.is_empty() && !looks_numeric(&p.text) => {}
            _ => return false,
        }
    }
    any && !same_texts(header, row)
}

fn same_texts(a: &Row, b: &Row) -> bool {
    let texts = |r: &Row| {
        r.cells
            .iter()
            .map(|c| compact(&c.text))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
    };
    texts(a) == texts(b)
}

fn join_rows(prev: &mut Row, row: Row) {
    for (i, cell) in row.cells.into_iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let target = &mut prev.cells[i];
        if target.pieces.is_empty() {
            target.pieces.push((0, target.span));
        }
        let at = target.text.len();
        target
            .pieces
            .extend(cell.pieces_or_whole().map(|(o, s)| (at + o, s)));
        target.text.push_str(&cell.text);
        target.span = target.span.cover(cell.span);
    }
    prev.span = prev.span.cover(row.span);
}

fn tab_row(line: Line<'_>) -> Row {
    let mut cells = Vec::new();
    let mut offset = line.start;
    for piece in line.text.split('\t') {
        cells.push(cell(piece, offset));
        offset += piece.len() + 1;
    }
    Row {
        cells,
        span: line.span(),
    }
}

fn pipe_row(line: Line<'_>) -> Row {
    let text = line.text;
    let lead = text.len() - text.trim_start().len();
    let body_start = lead + usize::from(text[lead..].starts_with('|'));
    let trimmed_end = text.trim_end().len();
    let body_end = if text[..trimmed_end].ends_with('|') && trimmed_end > body_start {
        trimmed_end - 1
    } else {
        trimmed_end
    };
    let body = &text[body_start..body_end];
    let mut cells = Vec::new();
    let mut piece_start = 0;
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(cell(
                &body[piece_start..i],
                line.start + body_start + piece_start,
            ));
            piece_start = i + 1;
        }
    }
    cells.push(cell(
        &body[piece_start..],
        line.start + body_start + piece_start,
    ));
    for c in &mut cells {
        if c.text.contains("\\|") {
            unescape_pipes(c);
        }
    }
    Row {
        cells,
        span: line.span(),
    }
}

/// Replace `\\|` by `|` in a verbatim cell, keeping a piece map so that offsets into the
/// text still name the right source characters.
fn unescape_pipes(c: &mut Cell) {
    let mut text = String::with_capacity(c.text.len());
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    for (i, _) in c.text.match_indices("\\|") {
        if i > piece_start {
            pieces.push((text.len(), c.span.sub(piece_start, i)));
            text.push_str(&c.text[piece_start..i]);
        }
        // The pipe itself is the source's `|`, one byte after the backslash.
        pieces.push((text.len(), c.span.sub(i + 1, i + 2)));
        text.push('|');
        piece_start = i + 2;
    }
    if piece_start < c.text.len() {
        pieces.push((text.len(), c.span.sub(piece_start, c.text.len())));
        text.push_str(&c.text[piece_start..]);
    }
    c.text = text;
    c.pieces = pieces;
}

/// A cell from a raw piece of a line starting at `offset`; the span covers the trimmed text.
fn cell(piece: &str, offset: usize) -> Cell {
    let lead = piece.len() - piece.trim_start().len();
    let text = piece.trim();
    let start = offset + lead;
    Cell::verbatim(text, Span::new(start, start + text.len()))
}

fn table_of(rows: Vec<Row>) -> Option<Table> {
    let span = rows.first()?.span.cover(rows.last()?.span);
    Some(Table { rows, span })
}

fn markdown_heading(line: Line<'_>, level: u8) -> Heading {
    let lead = line.text.len() - line.text.trim_start().len();
    let after_hashes = lead + level as usize;
    let rest = &line.text[after_hashes..];
    let content_offset = after_hashes + (rest.len() - rest.trim_start().len());
    let content = line.text[content_offset..].trim_end();
    let (number, title) = match parse_section_number(content, line.start + content_offset) {
        Some((number, len)) => (Some(number), &content[len..]),
        None => (None, content),
    };
    Heading {
        markup_level: Some(level),
        number,
        text: title.trim().to_string(),
        span: line.span(),
    }
}

/// A text line is a heading when it is a short numbered title (`（二）预算资金规模`) or one of
/// the unnumbered headings of the outline (摘要, 前言, 目录, 附件); everything else is prose,
/// keeping any list number it starts with.
pub(super) fn text_block(text: &str, span: Span) -> Block {
    let lead = text.len() - text.trim_start().len();
    let body = text[lead..].trim_end();
    if let Some((number, len)) = parse_section_number(body, span.start + lead) {
        let title = &body[len..];
        if looks_like_title(title) {
            return Block::Heading(Heading {
                markup_level: None,
                number: Some(number),
                text: title.trim().to_string(),
                span,
            });
        }
        return Block::Paragraph(Paragraph {
            number: Some(number),
            text: text.to_string(),
            span,
        });
    }
    if is_unnumbered_heading(body) {
        return Block::Heading(Heading {
            markup_level: None,
            number: None,
            text: body.to_string(),
            span,
        });
    }
    Block::Paragraph(Paragraph {
        number: None,
        text: text.to_string(),
        span,
    })
}

fn looks_like_title(title: &str) -> bool {
    let t = title.trim();
    let chars = t.chars().count();
    chars > 0
        && chars <= 30
        && !t.contains(['。', '；', ';', '，', ',', '《', '〔'])
        && !t.trim_end_matches([':', '：']).contains([':', '：'])
}

/// A form's title on a line of its own: `2023年度项目支出绩效自评表`, `部门整体支出绩效自评表`.
pub(super) fn is_form_title(line: &str) -> bool {
    let t = compact(line);
    t.chars().count() <= 40 && t.ends_with("自评表")
}

fn is_unnumbered_heading(line: &str) -> bool {
    // Each is two characters: a longer line is none of them, known without compacting it.
    if line.chars().filter(|c| !c.is_whitespace()).nth(2).is_some() {
        return false;
    }
    matches!(
        compact(line).as_str(),
        "摘要" | "前言" | "目录" | "附件" | "附表" | "附录"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Document {
        read_lines(text, Format::Text)
    }

    fn table(doc: &Document, n: usize) -> &Table {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .nth(n)
            .expect("table")
    }

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn headings_paragraphs_and_tab_tables() {
        let text = "一、基本情况\n\n（一）项目概况\n\n该项目预算金额共计 153.04 万元。\n\n指标\t满分值\n合计\t100\n";
        let doc = read(text);
        assert!(
            matches!(&doc.blocks[0], Block::Heading(h) if h.text == "基本情况" && h.number.unwrap().value == 1)
        );
        assert!(matches!(&doc.blocks[1], Block::Heading(h) if h.text == "项目概况"));
        assert!(matches!(&doc.blocks[2], Block::Paragraph(p) if p.text.contains("153.04")));
        let t = table(&doc, 0);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(texts(&t.rows[1]), vec!["合计", "100"]);
        let span = t.rows[1].cells[1].span;
        assert_eq!(&text[span.start..span.end], "100");
    }

    #[test]
    fn a_numbered_cell_next_to_a_figure_is_not_a_heading() {
        // A table one cell per line: `二、单位自筹` between its neighbours' figures is a row
        // label; the section heading after the table, set apart by blank lines, is a heading.
        let text = "1、区级财政\n60.00\n二、单位自筹\n10.00\n合计\n70.00\n\n二、执行情况\n";
        let doc = read(text);
        let headings: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, ["执行情况"]);
        assert!(doc.blocks.iter().any(
            |b| matches!(b, Block::Paragraph(p) if p.text == "二、单位自筹" && p.number.is_none())
        ));
    }

    #[test]
    fn a_sentence_split_by_a_page_break_is_one_paragraph() {
        let text = "通过市工商联计算机网络系统等系统的运维，完成单位内部数据共\n\n享 450 次，跨单位数据共享 86 次。\n\n下一段。\n";
        let doc = read(text);
        assert_eq!(doc.blocks.len(), 2);
        assert!(
            matches!(&doc.blocks[0], Block::Paragraph(p) if p.text.contains("450") && p.text.starts_with("通过"))
        );
        // A cover field and a heading are never joined to what follows.
        let doc = read("项目名称：2018 年信息化项目经费与运维服务升级改造\n\n项目单位：某单位\n");
        assert_eq!(doc.blocks.len(), 2);
        let doc =
            read("为此，建立了以门户网站为主的多个信息系统并每年进行维护和\n\n一、基本情况\n");
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn numbered_prose_stays_a_paragraph() {
        let doc = read("①项目申报：市工商联按照年度需求编制预算，向主管部门申报。\n");
        assert!(matches!(&doc.blocks[0], Block::Paragraph(p) if p.number.is_some()));
    }

    #[test]
    fn blank_lines_inside_a_table_do_not_split_it() {
        let doc = read("a\tb\n1\t2\n\n3\t4\n\n\n\nnext\tone\n");
        assert_eq!(table(&doc, 0).rows.len(), 3);
        assert_eq!(table(&doc, 1).rows.len(), 1);
    }

    #[test]
    fn a_row_split_over_two_lines_is_joined() {
        let text = "一级\t二级\t三级\t分值\n满意\t服务\t相关部门满意度\t5.00\n\n度指 标\t对象 满意 度指 标\t\t\n总分\t\t\t100\n";
        let doc = read(text);
        let t = table(&doc, 0);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(
            texts(&t.rows[1])[..2],
            ["满意度指 标", "服务对象 满意 度指 标"]
        );
        assert_eq!(texts(&t.rows[2])[0], "总分");
    }

    #[test]
    fn offsets_in_a_joined_cell_name_the_source_characters() {
        let text = "一级\t二级\t三级\t分值\n满意\t服务\t相关部门满意度\t5.00\n\n度指标\t对象满意度指标\t\t\n";
        let doc = read(text);
        let cell = &table(&doc, 0).rows[1].cells[1];
        assert_eq!(cell.text, "服务对象满意度指标");
        // 对象 is on the second line, not two characters after 服务 on the first.
        let at = cell.text.find("对象").unwrap();
        let span = cell.sub_span(at, at + "对象".len());
        assert_eq!(&text[span.start..span.end], "对象");
        let at = cell.text.find("务").unwrap();
        let span = cell.sub_span(at, at + "务".len());
        assert_eq!(&text[span.start..span.end], "务");
    }

    #[test]
    fn offsets_past_an_escaped_pipe_name_the_source_characters() {
        let text = "| 指标 | 说明 |\n|---|---|\n| A\\|B 满意度 | 90% |\n";
        let doc = read_lines(text, Format::Markdown);
        let cell = &table(&doc, 0).rows[1].cells[0];
        assert_eq!(cell.text, "A|B 满意度");
        let at = cell.text.find("满意度").unwrap();
        let span = cell.sub_span(at, at + "满意度".len());
        assert_eq!(&text[span.start..span.end], "满意度");
        let span = cell.sub_span(1, 2);
        assert_eq!(&text[span.start..span.end], "|");
    }

    #[test]
    fn repeated_header_and_numeric_rows_are_not_joined() {
        let text = "一级指标\t满分值\n\tA1\t2\n\n一级指标\t满分值\n\n\tA2\t3\n";
        let t = &table(&read(text), 0).clone();
        assert_eq!(t.rows.len(), 4);
    }

    #[test]
    fn pipe_tables_keep_cell_spans() {
        let text = "# 评价报告\n\n| 指标 | 满分值 |\n|---|---:|\n| A 决策 | 10 |\n";
        let doc = read_lines(text, Format::Markdown);
        assert!(matches!(&doc.blocks[0], Block::Heading(h) if h.markup_level == Some(1)));
        let t = table(&doc, 0);
        assert_eq!(t.rows.len(), 2);
        let c = &t.rows[1].cells[1];
        assert_eq!(c.text, "10");
        assert_eq!(&text[c.span.start..c.span.end], "10");
    }

    #[test]
    fn crlf_line_endings() {
        let text = "指标\t满分值\r\n合计\t100\r\n";
        let t = table(&read(text), 0).clone();
        assert_eq!(texts(&t.rows[1]), vec!["合计", "100"]);
    }
}

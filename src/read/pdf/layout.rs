//! From the words of a PDF (with their boxes) to a text view in the shape the text reader
//! reads: one line per paragraph, one tab-separated line per table row, an empty cell where a
//! column is empty — with the page and line on the page of every piece.
//!
//! What this rebuilds, and why:
//! - Lines: words whose boxes overlap vertically by half are one line (poppler's own lines
//!   split a table row wherever a cell is a block of its own).
//! - Cells: a gap wider than half the line's height ends a cell; a space between words is far
//!   narrower.
//! - Columns: a table's column borders lie where its rows have gaps and no text. Counting, at
//!   every x, the rows with a gap there against the rows with text there finds the borders even
//!   where a merged cell crosses one. A table restarts its columns at a header after data (a
//!   form's fund block and its indicator block have different columns).
//! - Wrapped cells: a line of text only, in cells where the row above has text, is the rest of
//!   those cells; a header cell wrapped above its row is put in front.
//! - Merged cells printed on a middle line: when a table's first rows have nothing in a column
//!   and a later row does, the text is the centred label of a merged cell; it goes back to the
//!   first row of the rows it is centred on.
//! - Page chrome: page numbers and lines repeated at the top or bottom of most pages are
//!   dropped; a table that runs to the foot of a page goes on with the next page's first rows,
//!   without its repeated header.
//!
//! The reader judges nothing: it never looks for a report's words.

use std::collections::{HashMap, HashSet};

use super::tsv::{Page, Word};
use crate::document::{Place, Span};
use crate::number::looks_numeric;
use crate::text::compact;

/// The text view of a PDF and the place of each piece of it.
#[derive(Debug, Default)]
pub(crate) struct Laid {
    pub text: String,
    pub places: Vec<(Span, Place)>,
    /// Pages with no text at all (scanned pages among text pages).
    pub pages_without_text: Vec<usize>,
}

/// A run of words with no wide gap: one cell's text on one line.
#[derive(Debug, Clone)]
struct Chunk {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    text: String,
}

impl Chunk {
    fn middle(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }

    fn is_number(&self) -> bool {
        looks_numeric(&self.text)
    }
}

/// One visual line of a page.
#[derive(Debug, Clone)]
struct Line {
    /// The page whose rows the line is laid out with: its own, or the page before for the
    /// rest of a row that a page break cut (see `without_repeated_rows`).
    page: usize,
    top: f64,
    bottom: f64,
    /// The typical word height: the unit of every distance below.
    height: f64,
    /// In the last quarter of its page: a table there may go on on the next page.
    at_foot: bool,
    chunks: Vec<Chunk>,
    /// Where a person finds it: the page and line of a PDF (counting every line a person
    /// sees, page numbers included), or the line of a text file.
    place: Place,
    /// How far apart two starts may be and still be one column's: a fraction of a word on a
    /// PDF page; two characters in text laid out by spaces, whose columns drift by a
    /// character or two from page to page.
    slack: f64,
    /// A line of text laid out by spaces rather than of a PDF page: no type sizes or spacing
    /// tell a heading from a row.
    in_text: bool,
}

impl Line {
    fn left(&self) -> f64 {
        self.chunks.first().map_or(0.0, |c| c.left)
    }

    fn right(&self) -> f64 {
        self.chunks.last().map_or(0.0, |c| c.right)
    }

    /// Where each of its cells starts and where the next one does (no end for the last): a
    /// cell's wrapped line fits between.
    fn cell_extents(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.chunks.iter().enumerate().map(|(i, c)| {
            let end = self
                .chunks
                .get(i + 1)
                .map_or(f64::INFINITY, |next| next.left);
            (c.left, end)
        })
    }

    fn is_multi(&self) -> bool {
        self.chunks.len() >= 2
    }

    fn has_number(&self) -> bool {
        self.chunks.iter().any(Chunk::is_number)
    }

    fn place(&self) -> Place {
        self.place.clone()
    }
}

/// A piece of a cell or paragraph, from one line.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    place: Place,
    top: f64,
    bottom: f64,
}

/// A table row: the pieces of each column, and its vertical extent.
#[derive(Debug, Clone, Default)]
struct Row {
    cells: Vec<Vec<Piece>>,
    /// The vertical middle of each column's text, for merged labels.
    middles: Vec<f64>,
    top: f64,
    bottom: f64,
    /// The line height of the row's own line.
    height: f64,
    page: usize,
}

impl Row {
    fn filled(&self, column: usize) -> bool {
        self.cells.get(column).is_some_and(|c| !c.is_empty())
    }

    fn text_at(&self, column: usize) -> String {
        self.cells
            .get(column)
            .map(|c| join(c.iter().map(|p| p.text.as_str())))
            .unwrap_or_default()
    }

    fn has_number(&self) -> bool {
        (0..self.cells.len()).any(|c| self.filled(c) && looks_numeric(&self.text_at(c)))
    }

    fn set(&mut self, column: usize, pieces: Vec<Piece>, middle: f64) {
        if self.cells.len() <= column {
            self.cells.resize(column + 1, Vec::new());
            self.middles.resize(column + 1, 0.0);
        }
        self.cells[column].extend(pieces);
        self.middles[column] = middle;
    }

    /// The row's text for comparison: cells in order, compacted.
    fn key(&self) -> String {
        (0..self.cells.len())
            .map(|c| compact(&self.text_at(c)))
            .collect::<Vec<_>>()
            .join("\t")
    }
}

/// Lay out every page.
pub(crate) fn lay_out(pages: &[Page], rows: RowStyle) -> Laid {
    let mut laid = Laid::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut per_page: Vec<Vec<Line>> = Vec::new();
    for page in pages {
        let page_lines = lines_of(page);
        if page_lines.is_empty() {
            laid.pages_without_text.push(page.number);
        }
        per_page.push(page_lines);
    }
    drop_chrome(pages, &mut per_page);
    // Where each page starts in `lines`, to know a page break.
    for page_lines in per_page {
        lines.extend(page_lines);
    }
    let margins = Margins {
        left: lines.iter().map(Line::left).fold(f64::INFINITY, f64::min),
        right: lines.iter().map(Line::right).fold(0.0, f64::max),
    };
    let mut out = Out {
        rows,
        ..Out::default()
    };
    let mut i = 0;
    while i < lines.len() {
        if let Some(end) = table_end(&lines, i) {
            emit_table(&mut out, &lines[i.saturating_sub(6)..i], &lines[i..end]);
            i = end;
        } else {
            let end = paragraph_end(&lines, i, &margins);
            out.paragraph(&lines[i..end]);
            i = end;
        }
    }
    laid.text = out.text;
    laid.places = out.places;
    laid
}

/// The lines of a page: words grouped by vertical overlap, split into chunks at wide gaps.
fn lines_of(page: &Page) -> Vec<Line> {
    let mut words: Vec<&Word> = page.words.iter().collect();
    words.sort_by(|a, b| a.middle().total_cmp(&b.middle()));
    let mut groups: Vec<Vec<&Word>> = Vec::new();
    let mut band = (0.0f64, 0.0f64);
    for word in words {
        let joins = groups.last().is_some_and(|_| {
            let overlap = word.bottom().min(band.1) - word.top.max(band.0);
            overlap >= 0.5 * word.height.min(band.1 - band.0)
        });
        if joins {
            band = (band.0.min(word.top), band.1.max(word.bottom()));
            groups.last_mut().expect("checked").push(word);
        } else {
            band = (word.top, word.bottom());
            groups.push(vec![word]);
        }
    }
    let mut lines = Vec::with_capacity(groups.len());
    for (n, mut group) in groups.into_iter().enumerate() {
        group.sort_by(|a, b| a.left.total_cmp(&b.left));
        let mut heights: Vec<f64> = group.iter().map(|w| w.height).collect();
        heights.sort_by(f64::total_cmp);
        let height = heights[heights.len() / 2].max(1.0);
        let mut chunks: Vec<Chunk> = Vec::new();
        for word in group {
            match chunks.last_mut() {
                Some(c) if word.left - c.right <= 0.5 * height => {
                    if word.left - c.right > 0.15 * height && needs_space(&c.text, &word.text) {
                        c.text.push(' ');
                    }
                    c.text.push_str(&word.text);
                    c.right = c.right.max(word.right());
                    c.top = c.top.min(word.top);
                    c.bottom = c.bottom.max(word.bottom());
                }
                _ => chunks.push(Chunk {
                    left: word.left,
                    right: word.right(),
                    top: word.top,
                    bottom: word.bottom(),
                    text: word.text.clone(),
                }),
            }
        }
        let top = chunks.iter().map(|c| c.top).fold(f64::INFINITY, f64::min);
        let bottom = chunks.iter().map(|c| c.bottom).fold(0.0, f64::max);
        let place = match page.first_line {
            Some(first) => Place::Line {
                line: first + (top / super::aligned::PITCH).round() as usize,
            },
            None => Place::PageLine {
                page: page.number,
                line: n + 1,
            },
        };
        // A page of text is as tall as its lines, padded with as many blank lines as the page
        // had room for: its foot is its last line once the page number is dropped
        // (`drop_chrome` marks it).
        let at_foot = match page.first_line {
            Some(_) => false,
            None => page.height <= 0.0 || bottom >= 0.75 * page.height,
        };
        let slack = match page.first_line {
            Some(_) => 2.0 * super::aligned::COLUMN,
            None => 0.15 * height,
        };
        lines.push(Line {
            page: page.number,
            top,
            bottom,
            height,
            at_foot,
            chunks,
            place,
            slack,
            in_text: page.first_line.is_some(),
        });
    }
    lines
}

/// Whether two pieces of text joined need a space: not between Chinese characters.
fn needs_space(before: &str, after: &str) -> bool {
    let (last, first) = (before.chars().last(), after.chars().next());
    let wide = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2E80);
    // A figure wrapped in a narrow cell (`10.0` / `0`) is one figure.
    let figure = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ".%,".contains(c));
    !(wide(last) || wide(first) || (figure(last) && figure(first)))
}

fn join<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for piece in pieces {
        if !text.is_empty() && needs_space(&text, piece) {
            text.push(' ');
        }
        text.push_str(piece);
    }
    text
}

/// Drop page numbers and running headers and footers: lines in the top or bottom eighth of a
/// page that are a page number, or that recur (digits aside) on most pages.
fn drop_chrome(pages: &[Page], per_page: &mut [Vec<Line>]) {
    let margin = |page: &Page, line: &Line| {
        page.height > 0.0
            && (line.bottom <= page.height / 8.0 || line.top >= page.height * 7.0 / 8.0)
    };
    let shape = |line: &Line| -> String {
        compact(&join(line.chunks.iter().map(|c| c.text.as_str())))
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (page, lines) in pages.iter().zip(per_page.iter()) {
        let mut seen = HashSet::new();
        for line in lines.iter().filter(|l| margin(page, l)) {
            if seen.insert(shape(line)) {
                *counts.entry(shape(line)).or_default() += 1;
            }
        }
    }
    let pages_with_text = per_page.iter().filter(|l| !l.is_empty()).count();
    // Running headers and footers are set smaller than the body; a form's title that opens
    // every page is not.
    let mut heights: Vec<f64> = per_page.iter().flatten().map(|l| l.height).collect();
    heights.sort_by(f64::total_cmp);
    let body = heights.get(heights.len() / 2).copied().unwrap_or(0.0);
    let recurring = |l: &Line| {
        pages_with_text >= 3
            && l.height < 0.95 * body
            && counts
                .get(&shape(l))
                .is_some_and(|&n| 2 * n > pages_with_text)
    };
    for (page, lines) in pages.iter().zip(per_page.iter_mut()) {
        lines.retain(|l| !(margin(page, l) && (is_page_number(&shape(l)) || recurring(l))));
        if let Some(last) = lines.last_mut().filter(|l| l.in_text) {
            last.at_foot = true;
        }
    }
}

/// `#`, `-#-`, `— # —`, `第#页`, `第#页共#页`, `#/#`, `Page # of #` (digits already `#`).
fn is_page_number(shape: &str) -> bool {
    let core = shape.trim_matches(|c: char| "-—–－·.".contains(c));
    let rest: String = core
        .replace("Page", "")
        .replace("page", "")
        .replace("of", "/")
        .replace(['第', '页'], "")
        .replace(['共', '／'], "/");
    let digits = rest.matches('#').count();
    digits > 0 && rest.chars().all(|c| c == '#' || c == '/')
}

/// Whether line `j` follows line `i` closely: the next line of the same page within a line's
/// height, or the first line of the next page.
fn close(lines: &[Line], i: usize, j: usize) -> bool {
    let (a, b) = (&lines[i], &lines[j]);
    if a.page != b.page {
        return b.page == a.page + 1 && a.at_foot;
    }
    b.top - a.bottom <= 1.2 * a.height.max(b.height)
}

/// Where a table starting at line `first` ends, or `None` if no table starts there. A table is
/// at least two lines of two or more cells, close together, with single-cell lines between
/// them (wrapped cells, merged labels) and narrow single-cell lines after them.
fn table_end(lines: &[Line], first: usize) -> Option<usize> {
    let leading = leading_singles(lines, first);
    let start = first + leading;
    if !lines.get(start)?.is_multi() {
        return None;
    }
    let mut last_multi = start;
    let mut multis = 1;
    let mut loose = 0;
    let mut j = start + 1;
    let height = lines[start].height;
    while j < lines.len() && close(lines, j - 1, j) {
        // A table goes on over a page break with a row (perhaps led by a cell that wrapped
        // upwards), not with a title; a line set larger than the table's (a title) ends it.
        if (lines[j].page != lines[j - 1].page && !continues_over_page(lines, start, j))
            || lines[j].height > 1.2 * height
        {
            break;
        }
        if lines[j].is_multi() {
            last_multi = j;
            multis += 1;
            loose = 0;
        } else if reads_as_heading(&lines[j]) {
            // A section heading ends the table, however close it is set.
            break;
        } else if !inside_one_cell(&lines[j], &lines[start..j]) {
            // A wrapped cell's lines stay inside one column, however many there are; lines
            // that do not are allowed for a short run only (a merged label, a note).
            loose += 1;
            if loose > 3 {
                break;
            }
        }
        j += 1;
    }
    if multis < 2 {
        return None;
    }
    // Single lines after the last row: only narrow ones inside the table's width.
    let (left, right) = lines[start..=last_multi]
        .iter()
        .filter(|l| l.is_multi())
        .fold((f64::INFINITY, 0.0f64), |(l, r), line| {
            (l.min(line.left()), r.max(line.right()))
        });
    // In text laid out by spaces nothing sets a heading apart from the row above it: there a
    // line left of the table's second column (a heading, a paragraph) is not the last row's.
    let second_column = lines[last_multi].chunks.get(1).map_or(right, |c| c.left);
    let mut end = last_multi + 1;
    while end < lines.len()
        && end < j
        && !lines[end].is_multi()
        && lines[end].left() >= left - 1.0
        && lines[end].right() <= right + 1.0
        && lines[end].right() - lines[end].left() <= 0.35 * (right - left)
        && lines[end].page == lines[end - 1].page
        && lines[end].top - lines[end - 1].bottom <= 0.35 * lines[end].height
        && !reads_as_heading(&lines[end])
        && !(lines[end].in_text && lines[end].left() < second_column - lines[end].slack)
    {
        end += 1;
    }
    Some(end)
}

/// Whether a single-cell line lies inside one cell of the table's rows above it: within the
/// x-range of a cell of a line with two or more cells, so that it reads as that cell wrapped.
fn inside_one_cell(line: &Line, above: &[Line]) -> bool {
    let c = &line.chunks[0];
    let slack = 0.5 * line.height;
    above
        .iter()
        .rev()
        .filter(|l| l.is_multi())
        .take(8)
        .any(|l| {
            // In text laid out by spaces a heading or paragraph after a table starts in its
            // first column: there only the later columns hold wrapped cells.
            let skip = usize::from(line.in_text);
            l.chunks.iter().enumerate().skip(skip).any(|(i, cell)| {
                // The cell reaches to where the next one starts (its text may be shorter).
                let right = l.chunks.get(i + 1).map_or(cell.right, |n| n.left);
                c.left >= cell.left - slack && c.right <= right.max(cell.right) + slack
            })
        })
}

/// Whether a line of one cell reads as a section heading (`摘要`, `二、评价结论`) or a form's
/// title (`2023年度项目支出绩效自评表`): where paragraphs are set as close as table rows
/// (Word's default, or a form printed right after the one before), only its words tell it
/// from a table cell's wrapped line.
fn reads_as_heading(line: &Line) -> bool {
    line.chunks.len() == 1 && {
        let text = &line.chunks[0].text;
        super::super::lines::is_heading_line(text) || super::super::lines::is_form_title(text)
    }
}

/// Whether the page starting at line `j` goes on with the table whose lines start at `start`:
/// its first line has two or more cells, or single-cell lines (cells that wrapped upwards, a
/// repeated first row) lead close together to one that has, each starting where a cell of the
/// table starts.
fn continues_over_page(lines: &[Line], start: usize, j: usize) -> bool {
    const MAX: usize = 6;
    let tolerance = lines[start].slack;
    // The table's recent rows: enough for every column, and linear over a long table.
    const RECENT: usize = 40;
    // Where its cells start and where the next one does: a cell's wrapped line fits between.
    let starts: Vec<(f64, f64)> = lines[start.max(j.saturating_sub(RECENT))..j]
        .iter()
        .filter(|l| l.is_multi())
        .flat_map(Line::cell_extents)
        .collect();
    for k in j..(j + MAX + 1).min(lines.len()) {
        let line = &lines[k];
        if line.page != lines[j].page {
            return false;
        }
        if line.is_multi() {
            return true;
        }
        let c = &line.chunks[0];
        let aligned = starts
            .iter()
            .any(|&(x, end)| (c.left - x).abs() <= tolerance && c.right <= end);
        // As close to the next line as the lines of one cell.
        let tight = lines
            .get(k + 1)
            .is_some_and(|n| n.page == line.page && n.top - line.bottom <= 0.35 * line.height);
        if !aligned || !tight || reads_as_heading(line) {
            return false;
        }
    }
    false
}

/// How many single-cell lines from `first` on belong to the table whose first row of two or
/// more cells follows them: cells of rows above it that wrapped, or rows of one cell. Each is
/// close to the next and starts where a cell of that row starts, or lies inside one of its
/// later cells (a header cell wrapped upwards); a paragraph or title above the table does not.
fn leading_singles(lines: &[Line], first: usize) -> usize {
    const MAX: usize = 6;
    let n = lines[first..]
        .iter()
        .take(MAX + 1)
        .take_while(|l| !l.is_multi())
        .count();
    let Some(row) = lines.get(first + n).filter(|l| l.is_multi() && n <= MAX) else {
        return 0;
    };
    let tolerance = row.slack;
    // Where the cells of the table's first rows start, and where the next cell starts: a
    // wrapped cell fits between them, a paragraph or heading above the table does not. In
    // text laid out by spaces a caption, a unit line or a paragraph above a table starts
    // where its first column does, with nothing to set it apart: there only the later
    // columns' starts count.
    let skip = usize::from(row.in_text);
    let starts: Vec<(f64, f64)> = lines[first + n..]
        .iter()
        .take(8)
        .filter(|l| l.is_multi())
        .take(3)
        .flat_map(|l| l.cell_extents().skip(skip))
        .collect();
    // Count from the row upwards; stop at the first line that does not belong.
    let mut kept = 0;
    for k in (first..first + n).rev() {
        let c = &lines[k].chunks[0];
        // As close as the lines of one cell (paragraphs are set further apart), and not a
        // section heading set as close as the table's rows.
        let belongs = lines[k].page == row.page
            && !reads_as_heading(&lines[k])
            && lines[k + 1].top - lines[k].bottom <= 0.35 * row.height
            && (starts
                .iter()
                .any(|&(x, end)| (c.left - x).abs() <= tolerance && c.right <= end)
                // A cell centred on the line below it, wrapped upwards (a paragraph above a
                // table never reaches into its first line).
                || lines[k].bottom > lines[k + 1].top + 0.25 * row.height
                || row.chunks[1..]
                    .iter()
                    .any(|r| c.left >= r.left - row.height && c.right <= r.right + row.height));
        if !belongs {
            break;
        }
        kept += 1;
    }
    // Only a whole run: a line that does not belong ends the table's upward reach, and the
    // lines below it are read with the table when the loop reaches them.
    if kept == n {
        n
    } else {
        0
    }
}

/// The text's outer edges over all pages.
#[derive(Clone, Copy)]
struct Margins {
    left: f64,
    right: f64,
}

/// Where the paragraph starting at line `first` ends: wrapped lines that reach the right
/// margin go on with the next line when it is not indented.
fn paragraph_end(lines: &[Line], first: usize, margins: &Margins) -> usize {
    let Margins { left, right } = *margins;
    let mut j = first;
    loop {
        let line = &lines[j];
        let next = j + 1;
        let goes_on = next < lines.len()
            && !line.is_multi()
            && !lines[next].is_multi()
            && line.right() >= right - 1.5 * line.height
            && lines[next].left() <= left + 0.6 * line.height
            && close(lines, j, next)
            && !reads_as_heading(&lines[next])
            && table_end(lines, next).is_none();
        if !goes_on {
            return next;
        }
        j = next;
    }
}

/// The text being built and the places of its pieces.
/// How a table row is written in the text view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum RowStyle {
    /// Tab-separated cells, empty ones kept: a PDF's columns are rebuilt from exact boxes.
    #[default]
    Tabs,
    /// The filled cells parted by two spaces, as a line of text: text laid out by spaces gives
    /// rows reliably but columns only roughly, so the cells are left for the form templates to
    /// place by what they hold (`report::fit`), and a table no template knows stays text.
    Spaced,
}

#[derive(Default)]
struct Out {
    text: String,
    places: Vec<(Span, Place)>,
    rows: RowStyle,
}

impl Out {
    fn piece(&mut self, text: &str, place: &Place) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.places
            .push((Span::new(start, self.text.len()), place.clone()));
    }

    /// A cell's pieces: its lines joined as one text. Two pieces of one line (cells that fell
    /// in one column) keep a space between them, so that figures never run together.
    fn pieces(&mut self, pieces: &[Piece]) {
        let mut previous: Option<&Piece> = None;
        for p in pieces {
            if previous.is_some_and(|prev| {
                (prev.place == p.place && prev.top == p.top) || needs_space(&prev.text, &p.text)
            }) {
                self.text.push(' ');
            }
            self.piece(&p.text, &p.place);
            previous = Some(p);
        }
    }

    /// A paragraph: its lines joined as one text, the cells of a line parted by two spaces (a
    /// wide gap is never closed up: `合计  100  80.00` is not `合计10080.00`).
    fn paragraph(&mut self, lines: &[Line]) {
        let mut previous: Option<&str> = None;
        for line in lines {
            for (k, chunk) in line.chunks.iter().enumerate() {
                if k > 0 {
                    self.text.push_str("  ");
                } else if previous.is_some_and(|prev| needs_space(prev, &chunk.text)) {
                    self.text.push(' ');
                }
                self.piece(&chunk.text, &line.place());
                previous = Some(&chunk.text);
            }
        }
        self.text.push('\n');
    }

    fn row(&mut self, row: &Row, style: RowStyle) {
        if style == RowStyle::Spaced {
            let mut first = true;
            for cell in row.cells.iter().filter(|c| !c.is_empty()) {
                if !first {
                    self.text.push_str("  ");
                }
                first = false;
                self.pieces(cell);
            }
            self.text.push('\n');
            return;
        }
        let mut cells = row.cells.len();
        while cells > 0 && row.cells[cells - 1].is_empty() {
            cells -= 1;
        }
        for (i, cell) in row.cells[..cells].iter().enumerate() {
            if i > 0 {
                self.text.push('\t');
            }
            self.pieces(cell);
        }
        // A row of one cell is still a row of the table.
        if cells <= 1 {
            self.text.push('\t');
        }
        self.text.push('\n');
    }
}

/// Lay out a table's lines as rows, block by block. A block that opens a page with the header
/// of an earlier block is that table going on: its repeated header is dropped.
fn emit_table(out: &mut Out, before: &[Line], lines: &[Line]) {
    let (kept, columns_known) = without_repeated_rows(before, lines);
    let lines = &kept[..];
    out.text.push('\n');
    let mut headers: HashSet<String> = HashSet::new();
    // Each block with the borders of its columns.
    let mut start = 0;
    let blocks: Vec<(usize, usize, Vec<f64>)> = block_starts(lines)
        .into_iter()
        .skip(1)
        .chain([lines.len()])
        .map(|end| {
            let block = (start, end, borders(&lines[start..end]));
            start = end;
            block
        })
        .collect();
    // Text laid out by spaces gives a table's columns where one page sets them all, or each
    // page it runs over repeats its header, and where every block's cells line up: then its
    // rows are written with their empty cells.
    let style = if columns_known
        && blocks
            .iter()
            .all(|(start, end, borders)| columns_clear(&lines[*start..*end], borders))
    {
        RowStyle::Tabs
    } else {
        out.rows
    };
    for &(start, end, ref borders) in &blocks {
        let mut rows = rows_of(&lines[start..end], borders);
        restore_merged_labels(&mut rows);
        let opens_page = start == 0 || lines[start - 1].page != lines[start].page;
        let mut skip = 0;
        if let Some(first) = rows.first().filter(|r| !r.has_number()) {
            let key = first.key();
            if !headers.insert(key) && opens_page {
                skip = 1;
            }
        }
        for row in &rows[skip..] {
            out.row(row, style);
        }
    }
    out.text.push('\n');
}

/// Whether a block of text laid out by spaces shows its columns clearly enough to place its
/// empty cells: no two cells of a line fall in one column, and the cells of each column are
/// set alike — their starts, ends or middles agree, as a table's are. Text whose rows were
/// padded each to their own widths has cells all over the columns the other rows make.
fn columns_clear(lines: &[Line], borders: &[f64]) -> bool {
    if !lines.first().is_some_and(|l| l.in_text) {
        return true;
    }
    let mut edges: Vec<Vec<(f64, f64)>> = vec![Vec::new(); borders.len() + 1];
    let apart = lines.iter().filter(|l| l.is_multi()).all(|line| {
        let columns: Vec<usize> = line.chunks.iter().map(|c| column(borders, c)).collect();
        for (chunk, &c) in line.chunks.iter().zip(&columns) {
            edges[c].push((chunk.left, chunk.right));
        }
        columns.windows(2).all(|w| w[0] < w[1])
    });
    // A column's cells are set flush left, flush right or centred: their starts, ends or
    // middles agree.
    let slack = lines[0].slack * 1.5;
    let spread = |values: &mut dyn Iterator<Item = f64>| {
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        hi - lo
    };
    apart
        && edges.iter().all(|cells| {
            spread(&mut cells.iter().map(|c| c.0)) <= slack
                || spread(&mut cells.iter().map(|c| c.1)) <= slack
                || spread(&mut cells.iter().map(|c| (c.0 + c.1) / 2.0)) <= slack
        })
}

/// The table's lines without the rows a word processor repeats at the top of every page the
/// table runs over ("repeat as header row"): lines opening a page that repeat, in order, the
/// table's first lines (in text laid out by spaces, or the few just above it on its first
/// page, a first row read as text) — at least a line of two or more cells, or two lines.
fn without_repeated_rows(before: &[Line], lines: &[Line]) -> (Vec<Line>, bool) {
    fn key(l: &Line) -> impl Iterator<Item = &str> {
        l.chunks.iter().map(|c| c.text.as_str())
    }
    // On a PDF page the first row is part of the table; in text laid out by spaces a first row
    // of single cells may have been read as text just above it.
    let in_text = lines.first().is_some_and(|l| l.in_text);
    let first_page = lines.first().map_or(0, |l| l.page);
    let before: &[Line] = if in_text { before } else { &[] };
    let head: Vec<&Line> = before
        .iter()
        .filter(|l| l.page == first_page)
        .chain(lines.iter())
        .collect();
    let starts = if in_text { before.len() + 1 } else { 1 };
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    let mut shifted: Vec<(usize, usize, ColumnShift)> = Vec::new();
    let mut columns_known = true;
    // The table's header lines so far (three or more cells, no figures), by their text.
    let mut header_lines: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < lines.len() {
        if in_text && lines[i].chunks.len() >= 3 && !lines[i].has_number() {
            header_lines.entry(line_key(&lines[i])).or_insert(i);
        }
        if i > 0 && lines[i].page != lines[i - 1].page {
            let page = lines[i].page;
            // The repeat may come after the rest of a row the page break cut (`度` of a cell
            // ending `…界面友好` on the page before): at most two lines of text.
            let found = (0..=2.min(lines.len() - i)).find_map(|carried| {
                let from = i + carried;
                let rest_of_row = lines[i..from]
                    .iter()
                    .all(|l| l.page == page && !l.has_number());
                // The longest run of the table's first lines repeated here, and where it
                // starts among them.
                let (m, s) = (0..starts.min(head.len()))
                    .map(|s| {
                        let m = (0..)
                            .take_while(|&k| {
                                head.get(s + k).is_some_and(|h| {
                                    lines
                                        .get(from + k)
                                        .is_some_and(|l| l.page == page && key(l).eq(key(h)))
                                })
                            })
                            .count();
                        (m, s)
                    })
                    .max_by_key(|&(m, _)| m)
                    .unwrap_or((0, 0));
                let repeats = m >= 2 || (m == 1 && lines.get(from).is_some_and(Line::is_multi));
                (rest_of_row && repeats).then_some((carried, m, s))
            });
            // Whether this page shows where the table's columns are: a repeated header row.
            let known = found.is_some_and(|(carried, m, _)| {
                lines[i + carried..i + carried + m]
                    .iter()
                    .any(|l| l.chunks.len() >= 3)
            });
            // Or, in text, a later block's header repeated (an indicator table under a fund
            // block): it is left for `emit_table` to drop, and moves the page's columns.
            let block_header = (!known && in_text)
                .then(|| repeated_block_header(&header_lines, lines, i, page))
                .flatten();
            // The page's lines, from `i` to where the next page starts, are moved by `shift`.
            let page_end = (i..lines.len())
                .find(|&k| lines[k].page != page)
                .unwrap_or(lines.len());
            if let Some((at, earlier)) = block_header {
                let shift = ColumnShift::between(&lines[i + at..=i + at], &[&lines[earlier]]);
                shifted.push((i, page_end, shift));
            }
            columns_known &= known || block_header.is_some();
            if let Some((carried, m, s)) = found {
                if in_text {
                    // Text laid out by spaces sets every page's columns afresh: the page's
                    // lines are moved to the columns of the table's first page, as its
                    // repeated lines show them.
                    let repeated = &lines[i + carried..i + carried + m];
                    let shift = ColumnShift::between(repeated, &head[s..s + m]);
                    shifted.push((i, page_end, shift));
                }
                // The cut row's rest goes back under the row it belongs to, as its next line.
                for k in 0..carried {
                    let mut line = lines[i + k].clone();
                    if let Some(last) = kept.last() {
                        let height = line.bottom - line.top;
                        line.page = last.page;
                        line.top = last.bottom + 0.1 * line.height;
                        line.bottom = line.top + height;
                        line.at_foot = true;
                        for chunk in &mut line.chunks {
                            let h = chunk.bottom - chunk.top;
                            chunk.top = line.top;
                            chunk.bottom = line.top + h;
                        }
                    }
                    kept.push(line);
                }
                i += carried + m;
                continue;
            }
        }
        let mut line = lines[i].clone();
        if let Some((_, _, shift)) = shifted
            .last()
            .filter(|(from, to, _)| (*from..*to).contains(&i))
        {
            shift.apply(&mut line);
        }
        kept.push(line);
        i += 1;
    }
    (kept, columns_known)
}

/// In text laid out by spaces, a header line among the first lines of a page (`page`, from
/// `lines[from]`) that repeats one of a table's earlier header lines (`headers`, by text):
/// where it is from `from`, and the earlier line's index.
fn repeated_block_header(
    headers: &HashMap<String, usize>,
    lines: &[Line],
    from: usize,
    page: usize,
) -> Option<(usize, usize)> {
    lines[from..]
        .iter()
        .take(3)
        .take_while(|l| l.page == page)
        .enumerate()
        .find_map(|(at, line)| {
            let earlier = *headers.get(&line_key(line))?;
            (earlier < from).then_some((at, earlier))
        })
}

/// A line's cells' text, for finding it again.
fn line_key(line: &Line) -> String {
    line.chunks
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\t")
}

/// How a page of text laid out by spaces moved a table's columns: the starts of the cells of
/// its repeated header lines, and where they were on the table's first page. Between two
/// such starts a position moves in proportion; beyond them, as the nearest one did.
struct ColumnShift {
    /// (start on this page, start on the first page), by start.
    points: Vec<(f64, f64)>,
}

impl ColumnShift {
    fn between(repeated: &[Line], head: &[&Line]) -> ColumnShift {
        let mut points: Vec<(f64, f64)> = repeated
            .iter()
            .zip(head)
            .flat_map(|(r, h)| {
                r.chunks
                    .iter()
                    .zip(&h.chunks)
                    .map(|(a, b)| (a.left, b.left))
            })
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        points.dedup_by(|a, b| a.0 == b.0);
        ColumnShift { points }
    }

    fn map(&self, x: f64) -> f64 {
        let p = &self.points;
        let Some(k) = p.iter().position(|&(from, _)| from >= x) else {
            return p.last().map_or(x, |&(from, to)| x + to - from);
        };
        if k == 0 || p[k].0 == x {
            return x + p[k].1 - p[k].0;
        }
        let ((x0, y0), (x1, y1)) = (p[k - 1], p[k]);
        y0 + (x - x0) * (y1 - y0) / (x1 - x0)
    }

    fn apply(&self, line: &mut Line) {
        for chunk in &mut line.chunks {
            let width = chunk.right - chunk.left;
            chunk.left = self.map(chunk.left);
            chunk.right = chunk.left + width;
        }
    }
}

/// Where the blocks of a table start: at its first line, and at every line of text cells only
/// (a header) that comes after a row with figures.
fn block_starts(lines: &[Line]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut seen_figures = false;
    for (i, line) in lines.iter().enumerate() {
        if !line.is_multi() {
            continue;
        }
        // A line reaching up into the one above is part of its row, not a header.
        let overlaps = i > 0
            && lines[i - 1].page == line.page
            && line.top < lines[i - 1].bottom - 0.25 * line.height;
        if line.has_number() {
            seen_figures = true;
        } else if seen_figures && !overlaps {
            // Take along the wrapped header lines just above it: nearer to it than to the
            // row above (a row's cell may end on a line of its own just above a header).
            let mut s = i;
            while s > starts[starts.len() - 1] + 1
                && !lines[s - 1].is_multi()
                && !lines[s - 1].has_number()
                && lines[s].top - lines[s - 1].bottom <= 0.5 * line.height
                && (lines[s - 2].page != lines[s - 1].page
                    || lines[s].top - lines[s - 1].bottom < lines[s - 1].top - lines[s - 2].bottom)
            {
                s -= 1;
            }
            starts.push(s);
            seen_figures = false;
        }
    }
    starts
}

/// The column borders of a block: the middles of the stretches where more of its rows have a
/// gap than have text.
fn borders(lines: &[Line]) -> Vec<f64> {
    // (x, gap change, text change)
    let mut events: Vec<(f64, i32, i32)> = Vec::new();
    for line in lines.iter().filter(|l| l.is_multi()) {
        for pair in line.chunks.windows(2) {
            if pair[1].left > pair[0].right {
                events.push((pair[0].right, 1, 0));
                events.push((pair[1].left, -1, 0));
            }
        }
        for c in &line.chunks {
            events.push((c.left, 0, 1));
            events.push((c.right, 0, -1));
        }
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut zones: Vec<(f64, f64)> = Vec::new();
    let (mut gaps, mut texts) = (0, 0);
    let mut zone: Option<f64> = None;
    let mut i = 0;
    while i < events.len() {
        let x = events[i].0;
        while i < events.len() && events[i].0 == x {
            gaps += events[i].1;
            texts += events[i].2;
            i += 1;
        }
        let open = gaps > 0 && gaps > texts;
        match (zone, open) {
            (None, true) => zone = Some(x),
            (Some(from), false) => {
                zones.push((from, x));
                zone = None;
            }
            _ => {}
        }
    }
    // A stretch where most rows have a gap may hold whole cells of a few rows (a header over
    // columns the rows leave empty): a border in each blank between them.
    let multi: Vec<&Chunk> = lines
        .iter()
        .filter(|l| l.is_multi())
        .flat_map(|l| l.chunks.iter())
        .collect();
    let mut borders = Vec::new();
    for (from, to) in zones {
        let mut inside: Vec<(f64, f64)> = multi
            .iter()
            .filter(|c| c.left >= from && c.right <= to)
            .map(|c| (c.left, c.right))
            .collect();
        inside.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut edge = from;
        for (left, right) in inside {
            if left > edge {
                borders.push((edge + left) / 2.0);
            }
            edge = edge.max(right);
        }
        borders.push((edge + to) / 2.0);
    }
    // A column that only wrapped lines reach (a header cell of a column left empty in every
    // row) starts beyond the text of every row: a border before it.
    let right = lines
        .iter()
        .filter(|l| l.is_multi())
        .flat_map(|l| l.chunks.iter().map(|c| c.right))
        .fold(f64::NEG_INFINITY, f64::max);
    let beyond = lines
        .iter()
        .filter(|l| !l.is_multi())
        .flat_map(|l| l.chunks.iter())
        .filter(|c| c.left > right + (c.bottom - c.top))
        .map(|c| c.left)
        .fold(f64::INFINITY, f64::min);
    if beyond.is_finite() && right.is_finite() {
        borders.push((right + beyond) / 2.0);
    }
    borders
}

/// The shape of the item number a cell starts with (`D2 `, `A1.1`, `（1）`, `2、`), letters
/// as `A` and digits as `9`: `None` if it starts with none.
fn item_number(text: &str) -> Option<String> {
    let text = text.trim_start();
    let shape = |c: char| match c {
        '0'..='9' => '9',
        'A'..='Z' | 'a'..='z' => 'A',
        c => c,
    };
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    if let Some(open) = chars.next_if(|&c| matches!(c, '（' | '(')) {
        out.push(open);
        let digits: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_digit)).collect();
        let close = chars.next_if(|&c| matches!(c, '）' | ')'))?;
        (!digits.is_empty()).then_some(())?;
        out.push('9');
        out.push(close);
        return Some(out);
    }
    let token: String =
        std::iter::from_fn(|| chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '.')).collect();
    let token = token.trim_end_matches('.');
    if !token.chars().any(|c| c.is_ascii_digit()) || token.len() > 8 {
        return None;
    }
    // A figure (`2023`, `15`) is not an item number: a letter, a dot or a 、 marks one.
    let after = text[token.len()..].chars().next();
    let marked = token.chars().any(|c| c.is_ascii_alphabetic() || c == '.')
        || matches!(after, Some('、' | '.' | '．'));
    if !marked || token.len() > 4 && !token.contains('.') && !token.starts_with(char::is_alphabetic)
    {
        return None;
    }
    out.extend(token.chars().map(shape));
    if let Some(c @ ('、' | '.' | '．')) = after {
        out.push(c);
    }
    Some(out)
}

/// The column of a chunk: how many borders lie left of its start.
fn column(borders: &[f64], chunk: &Chunk) -> usize {
    let x = chunk.left + ((chunk.right - chunk.left) / 2.0).min(2.0);
    borders.partition_point(|b| *b < x)
}

/// A block's lines as rows. Lines of two or more cells are rows (anchors). A line of fewer
/// cells is part of a row whose cells wrapped: it joins the nearest anchor, within half a
/// line, that has text or nothing in its columns — below a cell that wrapped downwards (top-
/// aligned cells), around the row's middle line (cells centred vertically). Lines that join no
/// anchor and touch each other make a row of their own (a row whose every cell wrapped).
fn rows_of(lines: &[Line], borders: &[f64]) -> Vec<Row> {
    // The columns a line's cells fall in.
    let columns_of =
        |line: &Line| -> Vec<usize> { line.chunks.iter().map(|c| column(borders, c)).collect() };
    let cells_of = |line: &Line| -> Row {
        let mut row = Row {
            top: line.top,
            bottom: line.bottom,
            height: line.height,
            page: line.page,
            ..Row::default()
        };
        for chunk in &line.chunks {
            let piece = Piece {
                text: chunk.text.clone(),
                place: line.place(),
                top: chunk.top,
                bottom: chunk.bottom,
            };
            row.set(column(borders, chunk), vec![piece], chunk.middle());
        }
        row
    };
    // A row's own line: figures, or at least half as many cells as the block's fullest line
    // (a header's wrapped parts above and below it may be two cells of a line too).
    let fullest = lines.iter().map(|l| l.chunks.len()).max().unwrap_or(0);
    // A line that starts with the first column's label is a row of its own too.
    let is_anchor = |l: &Line| {
        l.is_multi()
            && (l.has_number()
                || 2 * l.chunks.len() >= fullest
                || column(borders, &l.chunks[0]) == 0)
    };
    // Rows never overlap (borders and padding part them): a line reaching up into the row
    // above is part of that row (a merged label centred lower than the row's own line).
    // A line of text cells right under a line of text cells, each under a cell of it, is the
    // rest of that row's cells wrapped (a header set top-aligned: `全年预` / `算数`).
    let wraps = |i: usize| {
        let line = &lines[i];
        i > 0 && {
            let prev = &lines[i - 1];
            // The cells of the line above, and of the one above that where it is as close (a
            // header whose one-line cells are centred between the lines of its wrapped ones:
            // `年度预算数（万 … 预算执行` / `年初预算 … 权重` / `元） … 数`).
            let mut filled = columns_of(prev);
            if let Some(before) = i.checked_sub(2).map(|k| &lines[k]) {
                if before.page == line.page
                    && !before.has_number()
                    && line.top - before.bottom <= 0.5 * line.height + (prev.bottom - prev.top)
                {
                    filled.extend(columns_of(before));
                }
            }
            prev.page == line.page
                && line.top - prev.bottom <= 0.5 * line.height
                && !line.has_number()
                && !prev.has_number()
                && columns_of(line).iter().all(|c| filled.contains(c))
                // A placeholder is a whole cell: `—` under `—` is the next row's (rows of a
                // fund block with no amounts, `单位资金 — —` under `财政专户管理资金 — —`).
                && !line
                    .chunks
                    .iter()
                    .any(|c| crate::text::is_placeholder(&c.text))
        }
    };
    // The second line of a two-level header (`年初 | 调整后` under `预算金额`, which spans
    // both): text under a header cell and in the empty column right of it.
    let sub_header = |i: usize| {
        let line = &lines[i];
        let Some(upper) = lines[..i]
            .iter()
            .rev()
            .take(3)
            .find(|l| l.is_multi() && l.page == line.page)
        else {
            return false;
        };
        let filled = columns_of(upper);
        let own = columns_of(line);
        // Text laid out by spaces may set a merged label (`项目`) on a line of its own between.
        let reach = if line.in_text { 1.6 } else { 0.6 };
        line.is_multi()
            && !line.has_number()
            && !upper.has_number()
            && line.top - upper.bottom <= reach * line.height
            && own.iter().any(|&c| {
                filled.contains(&c) && own.contains(&(c + 1)) && !filled.contains(&(c + 1))
            })
    };
    let mut anchors: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let overlaps = anchors.last().is_some_and(|&a| {
            lines[a].page == line.page && line.top < lines[a].bottom - 0.25 * line.height
        });
        if (is_anchor(line) || sub_header(i)) && !overlaps && !wraps(i) {
            anchors.push(i);
        }
    }
    let mut rows: Vec<Row> = anchors.iter().map(|&i| cells_of(&lines[i])).collect();
    // Where each column's text can reach: its border, or short of it the end of its longest
    // line (a border is far from the cell's edge when the next column is empty).
    let mut longest = vec![f64::NEG_INFINITY; borders.len()];
    for chunk in lines.iter().flat_map(|l| l.chunks.iter()) {
        if let Some(right) = longest.get_mut(column(borders, chunk)) {
            *right = right.max(chunk.right);
        }
    }
    let edges: Vec<f64> = borders
        .iter()
        .zip(&longest)
        .map(|(&border, &right)| {
            if right.is_finite() {
                border.min(right)
            } else {
                border
            }
        })
        .collect();
    // How far apart the lines of one-line rows are (the median distance between anchors):
    // further than the lines of one cell, by the cells' padding.
    let mut pitches: Vec<f64> = anchors
        .windows(2)
        .filter(|w| lines[w[0]].page == lines[w[1]].page)
        .map(|w| lines[w[1]].top - lines[w[0]].top)
        .filter(|&d| d > 0.0)
        .collect();
    pitches.sort_by(f64::total_cmp);
    let pitch = pitches.get(pitches.len() / 2).copied();
    // A line one row's distance from the rows on both sides, in columns the row above leaves
    // empty, is a row of its own (a label with no figures: `D2 经济效益指标` between `D11
    // 受益老人人数 10 8` and `D3 社会效益指标 10 7`), not part of either: a label centred on
    // two rows is half a row from each. (A line in the row above's columns is that row's
    // text wrapped, or not, by `wrapped`; the lines of one cell may be as far apart as rows.)
    let own_row = |i: usize| {
        let below = anchors.partition_point(|&a| a < i);
        let (Some(pitch), Some(&up), Some(&down)) = (
            pitch,
            below.checked_sub(1).and_then(|k| anchors.get(k)),
            anchors.get(below),
        ) else {
            return false;
        };
        let line = &lines[i];
        let taken = columns_of(&lines[up]);
        if line.in_text {
            // Text has every line one line from the next: no spacing tells rows apart. A
            // label numbered like the one under it in its column (`D2 经济效益指标` over `D3
            // 社会效益指标 10 7`) is neither that row's nor a label centred on rows around it.
            let next = columns_of(&lines[down]);
            return lines[down].page == line.page
                && line.chunks.iter().all(|chunk| {
                    let c = column(borders, chunk);
                    !taken.contains(&c)
                        && next.iter().zip(&lines[down].chunks).any(|(&d, below)| {
                            d == c
                                && item_number(&chunk.text)
                                    .is_some_and(|n| item_number(&below.text) == Some(n))
                        })
                });
        }
        let one_row = |d: f64| (d - pitch).abs() <= 0.1 * pitch;
        columns_of(line).iter().all(|c| !taken.contains(c))
            && lines[up].page == line.page
            && lines[down].page == line.page
            && one_row(line.top - lines[up].top)
            && one_row(lines[down].top - line.top)
    };
    // Rows of lines that join no anchor, and the last line that went into one.
    let mut loose: Vec<Row> = Vec::new();
    let mut last_loose: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if anchors.binary_search(&i).is_ok() {
            continue;
        }
        let part = cells_of(line);
        if own_row(i) {
            loose.push(part);
            last_loose = Some(i);
            continue;
        }
        // The anchors just above and below, by index into `rows`.
        let below = anchors.partition_point(|&a| a < i);
        let candidates = [
            below.checked_sub(1),
            Some(below).filter(|&b| b < anchors.len()),
        ];
        let mut best: Option<(usize, f64, bool, bool)> = None;
        for k in candidates.into_iter().flatten() {
            let anchor = &lines[anchors[k]];
            if anchor.page != line.page {
                continue;
            }
            // Below a row, from its lowest line so far: a cell wrapped over many lines
            // reaches down line by line.
            let gap = if anchors[k] < i {
                line.top - rows[k].bottom
            } else {
                anchor.top - line.bottom
            };
            // A figure goes on only a figure it completes (`10.0` / `0` in a narrow cell), never
            // another whole figure (two rows' scores are two rows).
            let fits = (0..part.cells.len()).filter(|&c| part.filled(c)).all(|c| {
                let own = rows[k].text_at(c);
                !rows[k].filled(c)
                    || !looks_numeric(&own)
                    || (part.has_number() && {
                        let joined = if anchors[k] < i {
                            format!("{own}{}", part.text_at(c))
                        } else {
                            format!("{}{own}", part.text_at(c))
                        };
                        looks_numeric(&joined)
                    })
            });
            if !fits || gap > 0.6 * line.height {
                continue;
            }
            // Text goes on to the next line of its cell only when the line is full: a line
            // under a short one in the same column is a row of its own (a label with no
            // figures, `经济效益指标` under `质量指标 … 25 25`), and a short line is not the
            // start of a header cell below it (`度`, the end of a row's cell, above a repeated
            // header's `四级指标`). Headers may break their cells where their writers chose,
            // so a line below a header row may be its cells' rest (`项目资金` / `(万元)`).
            let (upper, lower) = if anchors[k] < i {
                (&lines[anchors[k]..i], std::slice::from_ref(line))
            } else {
                (std::slice::from_ref(line), &lines[i + 1..=anchors[k]])
            };
            let judged = anchor.has_number() || anchors[k] > i;
            if judged && !wrapped(borders, &edges, upper, lower) {
                continue;
            }
            let continues = (0..part.cells.len()).any(|c| part.filled(c) && rows[k].filled(c));
            // In text laid out by spaces a cell centred on its row shows as a line above the
            // row's line and one below it, in the same column: the pair is that row's.
            let centred = line.in_text && {
                let partner = if anchors[k] > i {
                    anchors[k] + 1
                } else {
                    anchors[k].wrapping_sub(1)
                };
                lines.get(partner).is_some_and(|p| {
                    p.page == line.page
                        && anchors.binary_search(&partner).is_err()
                        && p.chunks.iter().any(|pc| {
                            line.chunks
                                .iter()
                                .any(|lc| lc.left < pc.right && pc.left < lc.right)
                        })
                })
            };
            let better = match best {
                None => true,
                Some((_, best_gap, best_continues, best_centred)) => {
                    if centred != best_centred {
                        centred
                    } else if (gap - best_gap).abs() < 0.2 * line.height {
                        continues && !best_continues
                    } else {
                        gap < best_gap
                    }
                }
            };
            if better {
                best = Some((k, gap, continues, centred));
            }
        }
        // Lines that touch the loose row of the line just above belong with it (a merged
        // cell's label between the wrapped halves of a row with no line of its own).
        let touching = |row: &Row| {
            last_loose == Some(i.wrapping_sub(1))
                && row.page == part.page
                && part.top - row.bottom <= 0.3 * line.height
        };
        match (best, loose.last_mut()) {
            (Some((_, gap, _, _)), Some(row)) if touching(row) && part.top - row.bottom < gap => {
                join_part(row, part, false);
                last_loose = Some(i);
            }
            (Some((k, _, _, _)), _) => {
                let above = anchors[k] > i;
                join_part(&mut rows[k], part, above);
            }
            (None, Some(row)) if touching(row) => {
                join_part(row, part, false);
                last_loose = Some(i);
            }
            (None, _) => {
                loose.push(part);
                last_loose = Some(i);
            }
        }
    }
    rows.extend(loose);
    rows.sort_by(|a, b| {
        (a.page, a.top)
            .partial_cmp(&(b.page, b.top))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    rows
}

/// Whether the text of `lower` in the columns it shares with `upper` can be the rest of
/// `upper`'s wrapped there: in each such column the last line above left no room for the first
/// character below before the column's edge (`edges`: where its longest line ends, or its
/// border). A column with no edge to its right cannot be told, and counts as wrapped.
fn wrapped(borders: &[f64], edges: &[f64], upper: &[Line], lower: &[Line]) -> bool {
    let last_in = |c: usize| {
        upper
            .iter()
            .rev()
            .flat_map(|l| l.chunks.iter())
            .find(|ch| column(borders, ch) == c)
    };
    let first_in = |c: usize| {
        lower
            .iter()
            .flat_map(|l| l.chunks.iter())
            .find(|ch| column(borders, ch) == c)
    };
    let columns: Vec<usize> = lower
        .iter()
        .flat_map(|l| l.chunks.iter())
        .map(|ch| column(borders, ch))
        .collect();
    columns.into_iter().all(|c| {
        let (Some(above), Some(below), Some(&edge)) = (last_in(c), first_in(c), edges.get(c))
        else {
            return true;
        };
        // Two items numbered alike (`D2 经济效益指标`, `D3 社会效益指标`) are two rows.
        if let (Some(a), Some(b)) = (item_number(&above.text), item_number(&below.text)) {
            if a == b {
                return false;
            }
        }
        let height = below.bottom - below.top;
        let first = below.text.chars().next().map_or(0.0, |ch| {
            if ch.is_ascii() {
                0.45 * height
            } else {
                0.9 * height
            }
        });
        above.right + first > edge
    })
}

/// Join a partial line's cells to a row: in front of the row's text when the line is above
/// it, after it when below.
fn join_part(row: &mut Row, part: Row, above: bool) {
    for (c, cell) in part.cells.into_iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        if row.filled(c) {
            if above {
                row.cells[c].splice(0..0, cell);
            } else {
                row.cells[c].extend(cell);
            }
            // The middle of the cell's text is between its lines.
            row.middles[c] = (row.middles[c] + part.middles[c]) / 2.0;
        } else {
            row.set(c, cell, part.middles[c]);
        }
    }
    row.top = row.top.min(part.top);
    row.bottom = row.bottom.max(part.bottom);
}

/// Put the centred text of merged cells back in the first of the rows it spans. Only where the
/// block's first data row is empty in a column that later rows fill (a top-aligned label is
/// always in the first row of its cell), and only when every label is centred on a run of rows
/// that starts right after the previous label's run.
fn restore_merged_labels(rows: &mut [Row]) {
    let Some(first) = rows.iter().position(Row::has_number) else {
        return;
    };
    // Merged labels are in the columns before the first column every data row fills (the
    // indicator names), never in a value or remark column.
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let always = (0..width).find(|&c| {
        rows[first..]
            .iter()
            .filter(|r| r.has_number())
            .all(|r| r.filled(c))
    });
    let label_columns = always.unwrap_or(0);
    // A table with one row per indicator at every level (`B 项目效益 … 30 22` over `B1 数量指标
    // … 10 8`) has no merged labels: its names are spread over the label columns, every row
    // names one level, and the first column every row fills holds figures.
    let one_row_per_level = !rows[first..]
        .iter()
        .any(|r| (0..label_columns).filter(|&c| r.filled(c)).count() >= 2)
        && rows[first..]
            .iter()
            .filter(|r| r.has_number())
            .all(|r| looks_numeric(&r.text_at(label_columns)));
    if one_row_per_level {
        return;
    }
    for column in 0..label_columns {
        // The label's rows start after the last row above the data with text in the column
        // (a header row without a label of its own is one of them).
        let start = (0..first)
            .rev()
            .find(|&r| rows[r].filled(column))
            .map_or(0, |r| r + 1);
        // A label in the first row is top-aligned, unless a later label is on a row that
        // skips the next label column but names an item further right, where a nested cell
        // would start with it (`满意度指标` on the second row of `服务对象满意度指标`'s
        // group): centred labels of groups one row long are in their first rows too. (A row
        // of its own for the group, `B 项目效益 … 30 22`, names nothing further right.)
        let skips_a_level = |r: usize| {
            let row = &rows[r];
            row.filled(column)
                && !row.filled(column + 1)
                && (column + 2..=label_columns)
                    .any(|c| row.filled(c) && !looks_numeric(&row.text_at(c)))
        };
        if rows[start].filled(column) && !(first..rows.len()).any(skips_a_level) {
            continue;
        }
        join_split_labels(rows, first, column);
        let labels: Vec<usize> = (first..rows.len())
            .filter(|&r| rows[r].filled(column))
            .collect();
        // A total row's label (`总分`) is its own row's, never a merged cell's.
        let labels: Vec<usize> = labels
            .into_iter()
            .filter(|&r| !crate::text::is_total_label(&rows[r].text_at(column)))
            .collect();
        if labels.is_empty()
            || labels
                .iter()
                .any(|&r| looks_numeric(&rows[r].text_at(column)))
        {
            continue;
        }
        let Some(moves) = centred_runs(rows, start, column, &labels) else {
            continue;
        };
        for (from, to) in moves {
            if from != to {
                let pieces = std::mem::take(&mut rows[from].cells[column]);
                rows[to].set(column, pieces, rows[from].middles[column]);
            }
        }
    }
}

/// A label that wrapped across the line between two rows was cut in two, one part in each
/// row. Its lines are set closer together than the rows' lines are: join them.
fn join_split_labels(rows: &mut [Row], first: usize, column: usize) {
    for r in first..rows.len().saturating_sub(1) {
        let (a, b) = (&rows[r], &rows[r + 1]);
        let (Some(upper), Some(lower)) = (
            a.cells.get(column).and_then(|c| c.last()),
            b.cells.get(column).and_then(|c| c.first()),
        ) else {
            continue;
        };
        let leading = lower.top - upper.bottom;
        // How far apart the two rows' other cells typically are.
        let mut gaps: Vec<f64> = (0..a.cells.len().min(b.cells.len()))
            .filter(|&c| c != column && a.filled(c) && b.filled(c))
            .filter_map(|c| Some(b.cells[c].first()?.top - a.cells[c].last()?.bottom))
            .collect();
        gaps.sort_by(f64::total_cmp);
        let apart = gaps.get(gaps.len() / 2).copied();
        if a.page == b.page
            && leading <= 0.35 * a.height
            && apart.is_some_and(|apart| apart > 2.0 * leading.max(0.0) + 0.2 * a.height)
        {
            let pieces = std::mem::take(&mut rows[r + 1].cells[column]);
            let top = rows[r].cells[column].first().map_or(0.0, |p| p.top);
            let bottom = pieces.last().map_or(0.0, |p| p.bottom);
            rows[r].cells[column].extend(pieces);
            rows[r].middles[column] = (top + bottom) / 2.0;
        }
    }
}

/// For each label row, the first row of the run of rows it is centred on; `None` if the labels
/// are not laid out that way.
fn centred_runs(
    rows: &[Row],
    start: usize,
    column: usize,
    labels: &[usize],
) -> Option<Vec<(usize, usize)>> {
    let mut moves = Vec::new();
    let mut start = start;
    for (k, &label) in labels.iter().enumerate() {
        let middle = rows[label].middles[column];
        let limit = labels.get(k + 1).copied().unwrap_or(rows.len());
        if label < start || rows[start].page != rows[label].page {
            return None;
        }
        // The run [start, end] whose middle is nearest the label's.
        let off = |end: usize| ((rows[start].top + rows[end].bottom) / 2.0 - middle).abs();
        let end = (label..limit)
            .filter(|&end| rows[end].page == rows[start].page)
            .min_by(|&a, &b| off(a).total_cmp(&off(b)))?;
        if off(end) > 0.6 * rows[label].height {
            return None;
        }
        moves.push((label, start));
        start = end + 1;
    }
    Some(moves)
}

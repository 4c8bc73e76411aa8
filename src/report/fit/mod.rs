//! Forms fitted to templates: tables whose text arrived in a layout other than rows of cells.
//!
//! Published forms reach a checker as one cell per line, a whole form on one line, or pipe rows
//! broken in the wrong places (see `docs/formats.md`). The reader keeps such text as
//! paragraphs (or ragged pipe rows), since it cannot know where rows begin. Here the text is
//! read as a stream of cells ([`tokens`]), a template's header is looked for in it
//! ([`template`], `rules/templates/*.toml`), and the cells after the header are laid out as the
//! template's rows ([`parse`]). A table that fits one way only becomes a [`Table`] of cells with
//! their exact spans, and recognition reads it like any other; a table that fits several ways,
//! or none, is listed as not read and never judged.

pub mod parse;
pub mod template;
pub mod tokens;

use std::collections::HashMap;

use crate::document::{Block, Cell, Document, Paragraph, Row, Span, Table, Unread, UnreadKind};
use parse::{Columns, Outcome};
use template::{Kind, TableSpec};
use tokens::{Class, Token};

/// The comparison form of a cell or a vocabulary word: traditional characters and look-alike
/// symbols folded, width folded, white space removed, a note in brackets (`（万元）`, `（A）`,
/// `（50分）`) and a leading `其中：` dropped.
pub fn key(s: &str) -> String {
    key_of_folded(folded(s))
}

/// A character as keys compare it: traditional characters and look-alike symbols folded, then
/// width.
fn fold_key_char(c: char) -> char {
    crate::text::fold_char(crate::document::fold::fold_char(c))
}

/// The text with every character folded as keys are, white space removed.
pub fn folded(s: &str) -> String {
    crate::text::compact_by(s, fold_key_char)
}

/// [`key`] of text already [`folded`].
pub fn key_of_folded(mut k: String) -> String {
    while let Some(open) = k.rfind('(') {
        let close = k[open..].find(')').map(|c| open + c + 1).unwrap_or(k.len());
        if open == 0 && close == k.len() {
            break;
        }
        k.replace_range(open..close, "");
    }
    let body = k.strip_prefix("其中").unwrap_or(&k);
    let body = body.trim_matches([':', '：', ' ']);
    if body.len() == k.len() {
        return k;
    }
    body.to_string()
}

/// The most cells read after one header: a form has a few hundred.
const MAX_TABLE_TOKENS: usize = 5_000;

/// The document with its damaged tables fitted to templates, or `None` when nothing was fitted
/// (the usual case, at no cost beyond a scan for header words).
pub fn fit(doc: &Document, source: &str) -> Option<Document> {
    let headers = Headers::get();
    let eligible: Vec<bool> = doc
        .blocks
        .iter()
        .map(|b| eligible(b, source, headers))
        .collect();
    // (first block, end block, what replaces them)
    let mut replacements: Vec<(usize, usize, Vec<Block>)> = Vec::new();
    let mut unread = Vec::new();
    let mut b = 0;
    while b < doc.blocks.len() {
        if !eligible[b] {
            b += 1;
            continue;
        }
        let start = b;
        while b < doc.blocks.len() && eligible[b] {
            b += 1;
        }
        let run = &doc.blocks[start..b];
        let from = run[0].span().start;
        let to = run[run.len() - 1].span().end;
        let Some(text) = source.get(from..to) else {
            continue;
        };
        let (starts, ends) = headers.mentions(text);
        let Some(&first) = starts.first() else {
            continue;
        };
        let skip = lines_before(text, first, 3);
        let tokens = tokens::tokenise(&text[skip..], from + skip);
        // A header or an end word starts at most two cells before the cell its word starts
        // in.
        let near = |found: &[usize]| {
            let mut near = vec![false; tokens.len()];
            for &at in found {
                let k = tokens.partition_point(|t| t.span().start <= from + at);
                for m in near.iter_mut().take(k).skip(k.saturating_sub(3)) {
                    *m = true;
                }
            }
            near
        };
        let near = Near {
            start: near(&starts),
            end: near(&ends),
        };
        let (fitted, not_fitted) = fit_stream(&tokens, &near, headers);
        unread.extend(not_fitted);
        if !fitted.is_empty() {
            replacements.push((start, b, replace(run, fitted, source)));
        }
    }
    if replacements.is_empty() && unread.is_empty() {
        return None;
    }
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    let mut at = 0;
    for (start, end, with) in replacements {
        blocks.extend(doc.blocks[at..start].iter().cloned());
        blocks.extend(with);
        at = end;
    }
    blocks.extend(doc.blocks[at..].iter().cloned());
    let mut all_unread = doc.unread.clone();
    all_unread.extend(unread);
    Some(Document {
        blocks,
        unread: all_unread,
        revisions: doc.revisions.clone(),
    })
}

/// Every template table, indexed by the words its header starts with: built once.
struct Headers {
    tables: &'static [TableSpec],
    first_words: HashMap<&'static str, Vec<usize>>,
    /// Finds any table's first header word in text folded and without white space.
    first_searcher: crate::text::WordSearcher,
    /// Finds any table's end word so.
    end_searcher: crate::text::WordSearcher,
    /// Finds any word of a column after the first, so: a header's second cell follows its
    /// first within a few characters, and `资金` in a sentence is followed by none.
    next_searcher: aho_corasick::AhoCorasick,
    /// Whether some table's header may be its first cell alone (all later columns optional):
    /// then every first word may start one.
    lone_first: bool,
    /// The most characters of any word a template looks for (header words, row labels, end
    /// words): no longer cell is one of them.
    longest: usize,
}

impl Headers {
    fn get() -> &'static Headers {
        static HEADERS: std::sync::OnceLock<Headers> = std::sync::OnceLock::new();
        HEADERS.get_or_init(|| {
            let tables = template::tables();
            let mut first_words: HashMap<&'static str, Vec<usize>> = HashMap::new();
            for (i, t) in tables.iter().enumerate() {
                for w in &t.columns[0].words {
                    first_words.entry(w.as_str()).or_default().push(i);
                }
            }
            let longest = tables
                .iter()
                .flat_map(|t| {
                    t.ends
                        .iter()
                        .chain(t.columns.iter().flat_map(|c| c.words.iter()))
                })
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let first_searcher = crate::text::word_searcher(first_words.keys());
            let end_searcher =
                crate::text::word_searcher(tables.iter().flat_map(|t| t.ends.iter()));
            // Asked at one place at a time: an automaton quick to build is enough.
            let next_searcher = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(
                    tables
                        .iter()
                        .flat_map(|t| t.columns.iter().skip(1).flat_map(|c| c.words.iter())),
                )
                .expect("header words build a searcher");
            let lone_first = tables
                .iter()
                .any(|t| t.columns.iter().skip(1).all(|c| c.optional));
            Headers {
                tables,
                first_words,
                first_searcher,
                end_searcher,
                next_searcher,
                lone_first,
                longest,
            }
        })
    }

    /// A quick look for the tables' first header words, and for their end words, before the
    /// text is cut into cells: where each occurrence starts (overlapping ones too), in text
    /// folded and without white space as keys are.
    fn mentions(&self, text: &str) -> (Vec<usize>, Vec<usize>) {
        // The text without white space, with where each character came from. This is all the
        // text between tables: runs that neither folding changes are copied whole.
        let mut compact = String::with_capacity(text.len());
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let run_len =
            |b: &[u8]| crate::document::fold::unfolded_len(&b[..crate::text::kept_len(b)]);
        crate::text::compact_pieces(text, run_len, fold_key_char, &mut compact, |from, to| {
            pieces.push((from, to));
        });
        // Where the character starting at byte `k` of the compact text came from: the last
        // piece that starts there or before (pieces that left nothing come before the one that
        // wrote `k`), and as far into it.
        let origin = |k: usize| {
            let p = pieces.partition_point(|&(_, to)| to <= k).saturating_sub(1);
            let (from, to) = pieces[p];
            from + (k - to)
        };
        let starts: Vec<usize> = self
            .first_searcher
            .for_text(&compact)
            .find_overlapping_iter(&compact)
            .filter(|m| self.lone_first || self.may_start_header(&compact, m.end()))
            .map(|m| origin(m.start()))
            .collect();
        if starts.is_empty() {
            return (starts, Vec::new());
        }
        let ends = self
            .end_searcher
            .for_text(&compact)
            .find_overlapping_iter(&compact)
            .map(|m| origin(m.start()))
            .collect();
        (starts, ends)
    }

    /// Whether a header's second cell may follow a first word that ends at byte `end` of the
    /// compact text: a later column's word starts right after it, past the pipes between
    /// cells and what a cell's key leaves out (colons, notes in brackets, a leading `其中`;
    /// empty cells leave nothing in the compact text). `资金` in a sentence is followed by
    /// none. An inline marker, which the cells are cut without, counts as may.
    fn may_start_header(&self, compact: &str, end: usize) -> bool {
        /// Past this many bytes in brackets, give up and let the cells be read.
        const LONGEST_NOTE: usize = 600;
        let mut rest = &compact[end..];
        loop {
            if rest.starts_with("<!--") || rest.starts_with(crate::document::marker::MARKER) {
                return true;
            }
            let skipped = rest.trim_start_matches([':', '|']);
            let skipped = skipped.strip_prefix("其中").unwrap_or(skipped);
            let skipped = match skipped.strip_prefix('(') {
                Some(note) => match note
                    .get(..LONGEST_NOTE.min(note.len()))
                    .and_then(|n| n.find(')'))
                {
                    Some(close) => &note[close + 1..],
                    None => return true,
                },
                None => skipped,
            };
            if skipped.len() == rest.len() {
                break;
            }
            rest = skipped;
        }
        let input = aho_corasick::Input::new(rest).anchored(aho_corasick::Anchored::Yes);
        self.next_searcher.is_match(input)
    }

    /// Every template header starting at `tokens[at]`, with the template table's index.
    fn starting_at<'t>(
        &'t self,
        tokens: &'t [Token],
        at: usize,
    ) -> impl Iterator<Item = Found> + 't {
        // The first header cell may be broken at spaces too (`一级 指标`).
        let mut specs: Vec<usize> = Vec::new();
        for (_, j) in joined_prefixes(&tokens[at..], self.longest) {
            for &spec in self
                .first_words
                .get(j.key.as_str())
                .map_or(&[][..], Vec::as_slice)
            {
                if !specs.contains(&spec) {
                    specs.push(spec);
                }
            }
        }
        specs.into_iter().filter_map(move |spec| {
            header(tokens, at, &self.tables[spec]).map(|(cols, body)| Found { spec, cols, body })
        })
    }
}

/// Blocks the fitter may read again as a stream of cells: prose (where a reader put cells it
/// could not lay out) and pipe rows in which some template header does not fill a row of its
/// own (a header broken over lines or sharing a line with data).
fn eligible(block: &Block, source: &str, headers: &Headers) -> bool {
    match block {
        Block::Paragraph(_) | Block::Heading(_) => true,
        Block::Table(t) => {
            let piped = source
                .get(t.span.start..)
                .is_some_and(|s| s.trim_start().starts_with('|'));
            piped && !has_aligned_headers_only(t, headers)
        }
    }
}

/// Whether the table is a pipe table as Markdown writes it: its cells hold template headers,
/// each filling a row of its own, and every row under a header has the header's number of
/// cells. A fragment with no header may be the rest of a broken table, and ragged rows are
/// rows broken in the wrong places; both are read again with the text around them.
fn has_aligned_headers_only(table: &Table, headers: &Headers) -> bool {
    let mut width: Option<usize> = None;
    for row in &table.rows {
        let cells: Vec<Token> = row
            .cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| Token::new(&c.text, c.span))
            .collect();
        let mut is_header = false;
        for i in 0..cells.len() {
            for found in headers.starting_at(&cells, i) {
                if i != 0 || found.body != cells.len() {
                    return false;
                }
                is_header = true;
            }
        }
        if is_header {
            width = Some(row.cells.len());
        } else if width.is_some_and(|w| w != row.cells.len()) {
            return false;
        }
    }
    width.is_some()
}

/// A template header starting at `tokens[at]`: the present columns and the index after it.
fn header(tokens: &[Token], at: usize, spec: &TableSpec) -> Option<(Vec<(usize, Token)>, usize)> {
    let mut i = at;
    let mut cols = Vec::new();
    for (c, column) in spec.columns.iter().enumerate() {
        if c > 0 {
            while tokens
                .get(i)
                .is_some_and(|t| t.class == Class::Empty && t.text.is_empty())
            {
                i += 1;
            }
        }
        // A header cell broken over lines or at spaces is up to three cells of text; an
        // empty cell parts it.
        let rest = tokens.get(i..).unwrap_or_default();
        let text_cells = rest
            .iter()
            .take(3)
            .take_while(|t| t.class != Class::Empty)
            .count();
        let found = joined_prefixes(&rest[..text_cells], Headers::get().longest)
            .filter(|(_, j)| column.words.contains(&j.key))
            .last()
            .map(|(k, j)| (j, i + k));
        match found {
            Some((t, next)) => {
                cols.push((c, t));
                i = next;
            }
            None if column.optional => {}
            None => return None,
        }
    }
    Some((cols, i))
}

/// The first one, two and three cells of `tokens` joined (a word broken over cells), each with
/// how many cells it takes; only as long as the join may still be a word of at most `longest`
/// characters (the key drops a leading `其中`, and whatever a bracket holds).
fn joined_prefixes(tokens: &[Token], longest: usize) -> impl Iterator<Item = (usize, Token)> + '_ {
    let mut joined: Option<Token> = None;
    tokens.iter().take(3).enumerate().map_while(move |(k, t)| {
        let weight = match &joined {
            None => t.weight,
            Some(j) => j.weight.zip(t.weight).map(|(a, b)| a + b),
        };
        if weight.is_some_and(|w| w > longest + "其中".chars().count()) {
            return None;
        }
        let j = match joined.take() {
            None => t.clone(),
            Some(j) => j.joined(t),
        };
        joined = Some(j.clone());
        Some((k + 1, j))
    })
}

/// A header found in the stream: the template table, its present columns with their cells,
/// and the index of the first cell after it.
struct Found {
    spec: usize,
    cols: Vec<(usize, Token)>,
    body: usize,
}

/// A table laid out from the stream.
struct Fitted {
    table: Table,
}

/// Where cutting text into cells may start for a header word at `at`: the start of the line
/// `lines` lines before its own (a header cell is at most three cells, each on a line at least,
/// and cells are cut line by line).
fn lines_before(text: &str, at: usize, lines: usize) -> usize {
    let mut start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    for _ in 0..lines {
        if start == 0 {
            break;
        }
        start = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
    }
    start
}

/// The cells near a template word: where a header or an end word may start.
struct Near {
    start: Vec<bool>,
    end: Vec<bool>,
}

/// Find every template table in the stream and lay it out. A header, or a table's end word, is
/// looked for only near one of its words.
fn fit_stream(tokens: &[Token], near: &Near, headers: &Headers) -> (Vec<Fitted>, Vec<Unread>) {
    // Where several templates' headers start here, the one that reads the most header cells
    // (a variant with an extra column), the first of them on a tie.
    let header_at = |i: usize| {
        if !near.start[i] {
            return None;
        }
        headers
            .starting_at(tokens, i)
            .fold(None, |best: Option<Found>, f| match best {
                Some(b) if b.body >= f.body => Some(b),
                _ => Some(f),
            })
    };
    let mut fitted = Vec::new();
    let mut unread = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(Found { spec, cols, body }) = header_at(i) else {
            i += 1;
            continue;
        };
        let spec = &headers.tables[spec];
        // The table's cells run to the next part of the form or the next header.
        // An end word may be broken at spaces (`年度 总体 目标`).
        let ends_at = |at: usize| {
            near.end[at]
                && joined_prefixes(&tokens[at..], headers.longest)
                    .any(|(_, j)| spec.ends.contains(&j.key))
        };
        let mut end = body;
        while end < tokens.len()
            && end - body < MAX_TABLE_TOKENS
            && !ends_at(end)
            && header_at(end).is_none()
        {
            end += 1;
        }
        let columns = Columns {
            spec,
            present: cols.iter().map(|(c, _)| *c).collect(),
        };
        let header_span = cols[0].1.span().cover(cols[cols.len() - 1].1.span());
        match lay_out(&tokens[body..end], &columns) {
            Laid::Rows(rows, partial) => {
                let mut table_rows = vec![row_of(
                    cols.iter().map(|(_, t)| Some(t)).collect(),
                    header_span.start,
                )];
                let mut last = header_span.end;
                for r in &rows {
                    let row = row_of(r.iter().map(Option::as_ref).collect(), last);
                    last = row.span.end;
                    table_rows.push(row);
                }
                let span = header_span.cover(Span::new(last, last));
                // Rows of the table left behind (a part after a page number and a repeated
                // header, 总分 after a row that would not fit): the rows read are not the whole
                // table, and a sum over them would be judged on half its parts. Not read.
                let left: Vec<&Token> = tokens[body..end]
                    .iter()
                    .filter(|t| t.span().start >= last)
                    .collect();
                let cut = left.iter().enumerate().any(|(k, t)| {
                    spec.row_of(&t.key).is_some()
                        || left
                            .get(k + 1)
                            .is_some_and(|n| spec.row_of(&t.joined(n).key).is_some())
                });
                if cut {
                    unread.push(Unread {
                        span: header_span.cover(tokens[end - 1].span()),
                        what: UnreadKind::TableNotFitted {
                            table: spec.name.clone(),
                            ambiguous: false,
                            fund: spec.holds_amounts(),
                        },
                    });
                    i = end;
                    continue;
                }
                if partial {
                    let rest = tokens[body..end]
                        .iter()
                        .find(|t| t.span().start >= last)
                        .map(|t| t.span());
                    if let Some(rest) = rest {
                        unread.push(Unread {
                            span: rest.cover(tokens[end - 1].span()),
                            what: UnreadKind::TableNotFitted {
                                table: spec.name.clone(),
                                ambiguous: true,
                                fund: spec.holds_amounts(),
                            },
                        });
                    }
                }
                fitted.push(Fitted {
                    table: Table {
                        rows: table_rows,
                        span,
                    },
                });
                i = tokens.partition_point(|t| t.span().start < last).max(body);
            }
            Laid::Ambiguous => {
                unread.push(Unread {
                    span: header_span,
                    what: UnreadKind::TableNotFitted {
                        table: spec.name.clone(),
                        ambiguous: true,
                        fund: spec.holds_amounts(),
                    },
                });
                i = body;
            }
            Laid::None => {
                unread.push(Unread {
                    span: header_span,
                    what: UnreadKind::TableNotFitted {
                        table: spec.name.clone(),
                        ambiguous: false,
                        fund: spec.holds_amounts(),
                    },
                });
                i = body;
            }
        }
    }
    (fitted, unread)
}

enum Laid {
    /// The rows, and whether the cells after them were left unread as ambiguous.
    Rows(Vec<Vec<Option<Token>>>, bool),
    Ambiguous,
    None,
}

/// Lay out the cells after a header: strictly (only merged labels missing) where that uses
/// every cell, else loosely (any value cell may have vanished, shown empties are ignored).
fn lay_out(tokens: &[Token], columns: &Columns<'_>) -> Laid {
    let merged = merge(tokens, columns.spec, columns);
    let strict = parse::fit(&merged, columns, true);
    if let Outcome::Fitted {
        rows,
        used,
        partial: false,
    } = &strict
    {
        if *used == merged.len() {
            return Laid::Rows(materialise(rows, &merged), false);
        }
    }
    let informative: Vec<Token> = merged
        .iter()
        .filter(|t| t.class != Class::Empty)
        .cloned()
        .collect();
    match parse::fit(&informative, columns, false) {
        Outcome::Fitted { rows, partial, .. } => {
            Laid::Rows(materialise(&rows, &informative), partial)
        }
        Outcome::Ambiguous => Laid::Ambiguous,
        Outcome::None => match strict {
            Outcome::Fitted { rows, partial, .. } => {
                Laid::Rows(materialise(&rows, &merged), partial)
            }
            Outcome::Ambiguous => Laid::Ambiguous,
            Outcome::None => Laid::None,
        },
    }
}

fn materialise(rows: &[Vec<Option<usize>>], tokens: &[Token]) -> Vec<Vec<Option<Token>>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.map(|i| tokens[i].clone())).collect())
        .collect()
}

/// Cells a layout broke apart, joined again: a target written as operator, number and unit in
/// three cells (`≧ | 95 | %`) where the table has no operator column (or a figure and its
/// unit, `12 | 次`, where it has no unit column), a label broken at a
/// space (`社会效益 | 指标`) where the joined words are a listed label, and a lead-in parted
/// from its label (`其中： | 当年财政拨款`).
fn merge(tokens: &[Token], spec: &TableSpec, columns: &Columns<'_>) -> Vec<Token> {
    let has = |k: Kind| columns.present.iter().any(|&c| spec.columns[c].kind == k);
    let split_targets = !has(Kind::Operator);
    let listed =
        |key: &str| spec.row_of(key).is_some() || spec.names_group(key) || spec.ends.contains(key);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if split_targets
            && t.class == Class::Operator
            && tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.class, Class::Number | Class::Percent))
        {
            let mut j = t.joined(&tokens[i + 1]);
            i += 2;
            if let Some(u) = tokens.get(i) {
                if !has(Kind::Unit) && u.class == Class::Text && tokens::is_unit(&u.key) {
                    j = j.joined(u);
                    i += 1;
                }
            }
            out.push(j);
            continue;
        }
        // A figure parted from its unit by a space (`12 次`) where the table has no unit
        // column: one cell.
        if !has(Kind::Unit)
            && t.class == Class::Number
            && tokens
                .get(i + 1)
                .is_some_and(|u| u.class == Class::Text && tokens::is_unit(&u.key))
        {
            out.push(t.joined(&tokens[i + 1]));
            i += 2;
            continue;
        }
        // A lead-in with nothing of its own (`其中：` parted from `当年财政拨款` by a space)
        // belongs to the label after it.
        if t.class == Class::Text && t.key.is_empty() {
            if let Some(n) = tokens.get(i + 1).filter(|n| n.class == Class::Text) {
                out.push(t.joined(n));
                i += 2;
                continue;
            }
        }
        if t.class == Class::Text {
            let mut joined = t.clone();
            let mut found = None;
            for k in 1..3 {
                let Some(n) = tokens.get(i + k) else { break };
                if n.class != Class::Text {
                    break;
                }
                joined = joined.joined(n);
                if listed(&joined.key) && !listed(&n.key) {
                    found = Some((joined.clone(), i + k + 1));
                    break;
                }
            }
            if let Some((j, next)) = found {
                out.push(j);
                i = next;
                continue;
            }
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// A row of cells from tokens; a column without a token is an empty cell at `at` (after the
/// previous cell).
fn row_of(cells: Vec<Option<&Token>>, mut at: usize) -> Row {
    let mut out = Vec::with_capacity(cells.len());
    let mut span: Option<Span> = None;
    for c in cells {
        match c {
            Some(t) => {
                let cell = cell_of(t);
                span = Some(span.map_or(cell.span, |s| s.cover(cell.span)));
                at = cell.span.end;
                out.push(cell);
            }
            None => out.push(Cell::verbatim("", Span::new(at, at))),
        }
    }
    Row {
        cells: out,
        span: span.unwrap_or(Span::new(at, at)),
    }
}

fn cell_of(t: &Token) -> Cell {
    if t.class == Class::Empty && t.text.is_empty() {
        return Cell::verbatim("", t.span());
    }
    if t.pieces.len() == 1 {
        return Cell::verbatim(t.text.clone(), t.pieces[0]);
    }
    let mut pieces = Vec::with_capacity(t.pieces.len());
    let mut offset = 0;
    for p in &t.pieces {
        pieces.push((offset, *p));
        offset += p.len();
    }
    Cell {
        text: t.text.clone(),
        span: t.span(),
        pieces,
        value: None,
    }
}

/// The run's blocks with the fitted tables in place of the text they were read from: what
/// lies outside every table stays (a whole block as it was, a cut block as a paragraph of
/// what is left of it).
fn replace(run: &[Block], fitted: Vec<Fitted>, source: &str) -> Vec<Block> {
    let cuts: Vec<Span> = fitted.iter().map(|f| f.table.span).collect();
    let mut out: Vec<Block> = Vec::new();
    for block in run {
        let span = block.span();
        let inside: Vec<Span> = cuts
            .iter()
            .filter(|c| c.start < span.end && c.end > span.start)
            .copied()
            .collect();
        if inside.is_empty() {
            out.push(block.clone());
            continue;
        }
        let mut at = span.start;
        for c in inside
            .iter()
            .chain(std::iter::once(&Span::new(span.end, span.end)))
        {
            if c.start > at {
                if let Some(p) = leftover(source, Span::new(at, c.start.min(span.end))) {
                    out.push(p);
                }
            }
            at = at.max(c.end);
        }
    }
    out.extend(fitted.into_iter().map(|f| Block::Table(f.table)));
    out.sort_by_key(|b| b.span().start);
    out
}

/// What is left of a block beside a table, as a paragraph, unless it is only pipes and space.
fn leftover(source: &str, span: Span) -> Option<Block> {
    let text = source.get(span.start..span.end)?;
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '|')
            .len();
    let body = text[lead..].trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    if body.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Block::Paragraph(Paragraph {
        number: None,
        text: body.to_string(),
        span: Span::new(start, start + body.len()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fitted(text: &str) -> Vec<Vec<Vec<String>>> {
        let source = crate::source::SourceFile::new("t.txt", text.to_string(), "UTF-8");
        let doc = crate::read::read(&source, crate::read::Format::Text);
        fit(&doc, text).map_or_else(Vec::new, |doc| doc.table_texts())
    }

    fn fitted_doc(text: &str) -> Option<Document> {
        let source = crate::source::SourceFile::new("t.txt", text.to_string(), "UTF-8");
        let doc = crate::read::read(&source, crate::read::Format::Text);
        fit(&doc, text)
    }

    const FUNDS: &str =
        "项目资金（万元）\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n";
    const INDICATORS: &str =
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施";

    #[test]
    fn one_cell_per_line_restores_merged_first_levels() {
        let text = format!(
            "{FUNDS}年度资金总额\n80.00\n80.00\n72.00\n10\n90.00%\n9.00\n{}\n产出指标\n数量指标\n培训人次\n≥300人次\n320人次\n40\n40\n\n质量指标\n合格率\n≥95%\n97%\n40\n40\n\n总分\n\n\n\n\n90\n89.00\n\n",
            INDICATORS.replace(' ', "\n")
        );
        let tables = fitted(&text);
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(
            tables[0][1],
            [
                "年度资金总额",
                "80.00",
                "80.00",
                "72.00",
                "10",
                "90.00%",
                "9.00"
            ]
        );
        assert_eq!(
            tables[1][2],
            ["", "质量指标", "合格率", "≥95%", "97%", "40", "40", ""]
        );
        assert_eq!(tables[1][3], ["总分", "", "", "", "", "90", "89.00", ""]);
    }

    #[test]
    fn a_lead_in_parted_from_its_label_and_a_part_rate_are_read() {
        // `其中：` parted from its label by a space, and the part printing its own rate after
        // its three amounts (the rate can go nowhere else: no amount is missing).
        let text = format!(
            "{} 年度资金总额 80.00 80.00 72.00 10 90.00% 9.00 其中： 当年财政拨款 80.00 80.00 72.00 90.00% {INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 总分 50 49.00\n",
            FUNDS.replace('\n', " ").trim()
        );
        let tables = fitted(&text);
        assert_eq!(
            tables[0][2],
            [
                "其中：当年财政拨款",
                "80.00",
                "80.00",
                "72.00",
                "",
                "90.00%",
                ""
            ]
        );
    }

    #[test]
    fn a_part_with_an_amount_missing_has_no_rate() {
        // Three figures in a part row are its three amounts, never two amounts and a rate.
        let text = format!(
            "{} 年度资金总额 80.00 80.00 72.00 10 90.00% 9.00 其中：当年财政拨款 80.00 80.00 72.00 {INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 总分 50 49.00\n",
            FUNDS.replace('\n', " ").trim()
        );
        let tables = fitted(&text);
        assert_eq!(
            tables[0][2],
            ["其中：当年财政拨款", "80.00", "80.00", "72.00", "", "", ""]
        );
    }

    #[test]
    fn a_form_in_traditional_characters_is_looked_for_as_its_keys_are_folded() {
        // The quick look for header words folds traditional characters as keys do; it once
        // folded width only, and passed over a form whose headers were all traditional.
        let text = format!(
            "{INDICATORS} 產出指標 數量指標 培訓人次 ≥300人次 320人次 40 40 質量指標 合格率 ≥95% 97% 40 40 總分 80 80\n"
        )
        .replace("一级指标", "一級指標")
        .replace("二级指标", "二級指標")
        .replace("三级指标", "三級指標");
        assert_ne!(text, INDICATORS);
        let tables = fitted(&text);
        assert_eq!(tables.len(), 1, "{tables:#?}");
        assert_eq!(tables[0][1][..3], ["產出指標", "數量指標", "培訓人次"]);
    }

    #[test]
    fn a_header_cell_with_a_long_note_in_full_width_brackets_is_its_word() {
        // The note is dropped from the key, however long: a cell is passed over as too long
        // to be a word only when it has no bracket (full-width ones included).
        let text = format!(
            "{}年度资金总额\n80.00\n80.00\n72.00\n10\n90.00%\n9.00\n{}\n产出指标\n数量指标\n培训人次\n≥300人次\n320人次\n40\n40\n\n总分\n\n\n\n\n40\n40\n\n",
            FUNDS.replace("项目资金（万元）", "项目资金（单位：万元，保留两位小数，含本级及上级补助资金）"),
            INDICATORS.replace(' ', "\n")
        );
        let tables = fitted(&text);
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(tables[0][1][0], "年度资金总额");
    }

    #[test]
    fn a_long_paragraph_before_a_header_is_not_joined_to_it() {
        // A paragraph far longer than any header word is passed over without being joined to
        // the cells after it; the header after it is found as before.
        let prose = "本项目的绩效目标是按计划完成培训任务并提高服务质量，".repeat(20);
        let text = format!(
            "{prose}\n{INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 总分 40 40\n"
        );
        let tables = fitted(&text);
        assert_eq!(tables.len(), 1, "{tables:#?}");
        assert_eq!(tables[0][1][..3], ["产出指标", "数量指标", "培训人次"]);
    }

    #[test]
    fn a_figure_parted_from_its_unit_is_one_cell() {
        let text = format!(
            "{INDICATORS} 产出指标 数量指标 巡检 12 次 12 次 40 40 质量指标 合格率 ≥95% 97% 40 40 总分 80 80\n"
        );
        let tables = fitted(&text);
        assert_eq!(tables[0][1][3..7], ["12次", "12次", "40", "40"]);
    }

    /// A tab-separated form as a web page's text gives it: one cell per line.
    fn cells_per_line(tabs: &str) -> String {
        tabs.lines()
            .flat_map(|l| l.split('\t'))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_provincial_form_with_weights_fits_its_own_template() {
        // Its fund header also starts the department form's (年初预算 … 得分) but goes on with
        // 原因: the template that reads the most header cells is the one.
        let tabs = "年度预算数（万元）\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因\n\
            总额\t500.00\t480.00\t470.40\t98.00%\t10\t9.80\t\n\
            其中：财政资金\t500.00\t480.00\t470.40\t98.00%\t—\t—\t\n\
            一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析\n\
            绩效指标（90分）\t数量指标\t建设面积\t≥\t5000\t亩\t5200\t50\t50\t\n\
            \t效益指标\t亩均增产\t≥\t50\t公斤\t58\t40\t40\t\n\
            合计\t\t\t\t\t\t\t100\t99.80\t\n";
        let tables = fitted(&cells_per_line(tabs));
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(tables[0][0][7], "原因");
        assert_eq!(
            tables[0][2][..6],
            [
                "其中：财政资金",
                "500.00",
                "480.00",
                "470.40",
                "98.00%",
                "—"
            ]
        );
        assert_eq!(tables[1][2][2..7], ["亩均增产", "≥", "50", "公斤", "58"]);
        assert_eq!(tables[1][3][7..9], ["100", "99.80"]);
    }

    #[test]
    fn the_self_and_review_score_table_fits_its_template() {
        let tabs = "一级指标\t二级指标\t三级指标\t分值\t自评分\t复核分\n\
            项目决策\t项目立项\t立项依据充分性\t10\t10\t10\n\
            项目绩效\t产出\t改造公厕数量\t30\t30\t30\n\
            \t效益\t群众满意度\t30\t28\t27\n\
            总分\t\t\t70\t68\t67\n";
        let flat = tabs.replace(['\t', '\n'], " ");
        for text in [cells_per_line(tabs), flat] {
            let tables = fitted(&text);
            assert_eq!(tables.len(), 1, "{tables:#?}");
            assert_eq!(tables[0][3], ["", "效益", "群众满意度", "30", "28", "27"]);
            assert_eq!(tables[0][4][3..], ["70", "68", "67"]);
        }
    }

    #[test]
    fn the_department_form_fits_its_template() {
        let tabs = "年度预算（万元）\t年初预算数\t全年预算数\t全年执行数\t执行率\t执行率权重\t执行率得分\n\
            年度资金总额\t3200.00\t3350.00\t3216.00\t96.00%\t10\t9.60\n\
            其中：基本支出\t1800.00\t1850.00\t1831.50\t99.00%\t—\t—\n\
            项目支出\t1400.00\t1500.00\t1384.50\t92.30%\t—\t—\n\
            一级指标\t二级指标\t三级指标\t指标值\t完成值\t得分系数\t权重\t得分\n\
            产出指标\t数量指标\t活动场次\t≥300场\t326场\t1\t50\t50\n\
            效益指标\t社会效益指标\t接待人次\t≥50万人次\t48万人次\t0.96\t40\t38.40\n\
            总分\t\t\t\t\t\t100\t98.00\n";
        let tables = fitted(&cells_per_line(tabs));
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(tables[0][3][0], "项目支出");
        assert_eq!(tables[1][2][5..8], ["0.96", "40", "38.40"]);
    }

    #[test]
    fn a_fund_block_broken_by_a_page_is_not_read_by_halves() {
        // A page number and a repeated first row between the fund block's parts: the parts
        // after them are not read, so the block is not read at all (its total would be judged
        // on half its parts), and is listed as not recognised.
        let text = format!(
            "{} 年度资金总额 55.00 55.00 54.50 10 99.09% 9.91 其中：当年财政拨款 50.00 50.00 49.50 — 99.00% — —3— 项目名称 阵地建设 其他资金 5.00 5.00 5.00 — 100.00% — {INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 总分 50 49.91\n",
            FUNDS.replace('\n', " ").trim()
        );
        let doc = fitted_doc(&text).expect("fitted");
        let tables = fitted(&text);
        assert_eq!(tables.len(), 1, "only the indicators: {tables:#?}");
        assert_eq!(tables[0][0][0], "一级指标");
        assert!(doc
            .unread
            .iter()
            .any(|u| matches!(u.what, UnreadKind::TableNotFitted { fund: true, .. })));
    }

    #[test]
    fn header_and_end_words_broken_at_spaces_are_found() {
        // `一级 指标` opens the indicator header, and `年度 总体 目标` ends the fund block.
        let text = format!(
            "{} 年度资金总额 80.00 80.00 72.00 10 90.00% 9.00 年度 总体 目标 完成培训 一级 指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 总分 50 49.00\n",
            FUNDS.replace('\n', " ").trim()
        );
        let tables = fitted(&text);
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(tables[0].len(), 2, "the fund block ends at 年度 总体 目标");
        assert_eq!(tables[1][0][0], "一级指标");
        assert_eq!(tables[1][2][5..7], ["50", "49.00"]);
    }

    #[test]
    fn a_flattened_form_with_vanished_empty_cells() {
        let text = format!(
            "来源：某局网站 发布时间：2024-03-01 {} 年度资金总额 80.00 80.00 72.00 10 90.00% 9.00 其中：当年财政拨款 80.00 80.00 72.00 上年结转资金 {INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 效益指标 社会效益 指标 群众知晓率 ≥90% 85% 40 37.78 宣传覆盖不足 总分 90 86.78\n",
            FUNDS.replace('\n', " ").trim()
        );
        let tables = fitted(&text);
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(
            tables[0][2],
            ["其中：当年财政拨款", "80.00", "80.00", "72.00", "", "", ""]
        );
        assert_eq!(
            tables[1][2],
            [
                "效益指标",
                "社会效益指标",
                "群众知晓率",
                "≥90%",
                "85%",
                "40",
                "37.78",
                "宣传覆盖不足"
            ]
        );
        assert_eq!(tables[1][3][5..7], ["90", "86.78"]);
    }

    #[test]
    fn split_targets_and_rows_broken_anywhere() {
        let text = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |\n| 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 产出指标 |\n| 数量指标 | 培训人次 | ≧ |\n| 300 | 人次 | 320人次 | 40 | 40 |\n| 质量指标 | 合格率 | ═ | 100 | % | 100% |\n| 40 | 40 | 总分 | 80 | 80 |\n";
        let tables = fitted(text);
        assert_eq!(tables.len(), 1, "{text}\n{tables:#?}");
        assert_eq!(tables[0][1][3], "≧300人次");
        assert_eq!(tables[0][2][3], "═100%");
        assert_eq!(tables[0][3][..1], ["总分"]);
    }

    #[test]
    fn a_split_cell_keeps_a_piece_map_to_its_source() {
        let text = format!(
            "{}\n产出指标\n数量指标\n培训人次\n≧\n300\n人次\n320人次\n40\n40\n\n",
            INDICATORS.replace(' ', "\n")
        );
        let doc = fitted_doc(&text).expect("fitted");
        let Block::Table(t) = &doc.blocks[0] else {
            panic!("{:?}", doc.blocks)
        };
        let cell = &t.rows[1].cells[3];
        assert_eq!(cell.text, "≧300人次");
        assert_eq!(cell.pieces.len(), 3);
        let number = cell.sub_span(3, 6);
        assert_eq!(&text[number.start..number.end], "300");
    }

    #[test]
    fn four_amounts_under_five_amount_columns_are_not_guessed() {
        // Scores written without 分值 could be read under either column: nothing is guessed.
        let text = format!("{} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 质量指标 合格率 ≥95% 97% 40 总分 80\n", INDICATORS);
        let doc = fitted_doc(&text).expect("listed as not fitted");
        assert!(!doc.blocks.iter().any(|b| matches!(b, Block::Table(_))));
        assert!(
            doc.unread.iter().any(|u| matches!(
                &u.what,
                UnreadKind::TableNotFitted {
                    ambiguous: true,
                    ..
                }
            )),
            "{:?}",
            doc.unread
        );
    }

    #[test]
    fn a_table_cut_off_mid_row_is_read_as_far_as_it_goes() {
        // The last row stops after one figure, which could be the target or the actual value:
        // the rows before it are read, the cut row is listed as not read.
        let text = format!(
            "{INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 质量指标 合格率 ≥95%\n"
        );
        let tables = fitted(&text);
        assert_eq!(tables[0].len(), 2, "{tables:#?}");
        assert_eq!(tables[0][1][..3], ["产出指标", "数量指标", "培训人次"]);
        let doc = fitted_doc(&text).unwrap();
        let cut = doc
            .unread
            .iter()
            .find(|u| matches!(u.what, UnreadKind::TableNotFitted { .. }));
        let cut = cut.expect("the cut row is listed");
        assert_eq!(&text[cut.span.start..cut.span.end], "质量指标 合格率 ≥95%");
        // Cut after a whole row, the table is read to its end.
        let text = format!("{INDICATORS} 产出指标 数量指标 培训人次 ≥300人次 320人次 40 40 质量指标 合格率 ≥95% 97% 40 40\n");
        assert_eq!(fitted(&text)[0].len(), 3);
    }

    #[test]
    fn a_well_formed_tab_or_markdown_table_is_left_alone() {
        let tabs = "一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t培训\t10\t10\n";
        assert!(fitted_doc(tabs).is_none());
        let md = "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n| 产出指标 | 数量指标 | 培训 | 1 | 1 | 10 | 10 |\n";
        assert!(fitted_doc(md).is_none());
    }

    #[test]
    fn prose_without_a_form_costs_nothing() {
        assert!(fitted_doc("一、基本情况\n本项目年初预算 80 万元，执行 72 万元。\n").is_none());
    }

    #[test]
    fn a_first_header_word_counts_only_before_a_later_columns_word() {
        let headers = Headers::get();
        let may = |compact: &str| {
            let end = compact.find("资金").expect("资金 in the text") + "资金".len();
            headers.may_start_header(compact, end)
        };
        // A header: the next cell's word right after, past pipes, colons, a note in brackets
        // and a leading 其中.
        assert!(may("项目资金年初预算数"));
        assert!(may("项目资金|年初预算数"));
        assert!(may("项目资金(万元):|年初预算数"));
        assert!(may("项目资金|其中:年初预算数"));
        // A note with no end, or a marker, may hide anything.
        assert!(may("项目资金(万元"));
        assert!(may("项目资金<!--jxlint:ignore-->"));
        // Prose: 资金 followed by words of no column.
        assert!(!may("项目资金使用合规，年初预算数为 80 万元"));
        assert!(!may("项目资金"));
    }

    #[test]
    fn a_form_after_prose_naming_its_first_word_is_still_fitted() {
        let text = "本项目资金使用合规。\n项目资金（万元）\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n年度资金总额\n100\n100\n90\n10\n90%\n9\n";
        let with_prose = fitted(text);
        let alone = fitted(text.split_once('\n').expect("two parts").1);
        assert!(!alone.is_empty(), "the form alone is fitted");
        assert_eq!(with_prose, alone);
    }

    #[test]
    fn keys_fold_notes_and_traditional_characters() {
        assert_eq!(key("項目資金（萬元）"), "项目资金");
        assert_eq!(key("其中:当年财政 拨款"), "当年财政拨款");
        assert_eq!(key("全年预算数（A）"), "全年预算数");
        assert_eq!(key("（空）"), "(空)");
    }
}

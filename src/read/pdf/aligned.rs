//! Text laid out by spaces — what `pdftotext -layout` writes, and what a supervisor gets when a
//! PDF was turned into text before it reached them — as pages of word boxes, so that the page
//! layout (`layout`) finds its rows: wrapped header cells and merged labels on a middle line
//! joined to their row, page numbers and repeated rows dropped, a table continued after a form
//! feed. Columns in such text are only roughly aligned (`pdftotext -layout` counts a Chinese
//! character as one column, and parts tight cells by one space), so rows are written with
//! their cells parted by two spaces, for the form templates to place (`RowStyle::Spaced`).
//!
//! A character is one column wide, a Chinese one two as a terminal shows it or one as
//! `pdftotext -layout` counts it: whichever lines the cells up better. The box sizes make the
//! layout's distances, in units of the word height, mean what they mean on paper: one space
//! joins the words of a cell, two part cells, and a blank line ends a table.

use super::tsv::{Page, Word};
use crate::text::{char_width, display_width, spaced_runs};

/// The width of one column of text.
pub(crate) const COLUMN: f64 = 7.0;
/// The height of a word: one space (7) is within half of it, two spaces (14) beyond; a blank
/// line (a gap of 24) is more than the 1.2 heights that keep lines together.
const HEIGHT: f64 = 16.0;
/// From one line's top to the next.
pub(crate) const PITCH: f64 = 20.0;

/// How many lines of three or more space-parted cells, each sharing two cell starts with the
/// one before, make a text space-aligned.
const MIN_ALIGNED_LINES: usize = 3;

/// Whether a text is laid out by spaces: no tabs and no pipe rows (those layouts have readers of
/// their own), and a few lines of three or more cells parted by two or more spaces whose cells
/// start in the same columns as the previous such line's. If so, how many columns a Chinese
/// character takes in it: whichever of one or two lines the cells up better.
pub(crate) fn space_aligned(text: &str) -> Option<usize> {
    if text.contains('\t') {
        return None;
    }
    let (one, two) = (alignment(text, 1), alignment(text, 2));
    (one.max(two) >= MIN_ALIGNED_LINES).then_some(if one > two { 1 } else { 2 })
}

/// How many lines of three or more cells share two cell starts with the previous such line,
/// counting a Chinese character as `wide` columns; none if the text has pipe rows.
fn alignment(text: &str, wide: usize) -> usize {
    let mut aligned = 0;
    let mut previous: Vec<usize> = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with('|') {
            return 0;
        }
        let starts: Vec<usize> = spaced_runs(line, wide, 2)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        if starts.len() < 3 {
            continue;
        }
        if starts.iter().filter(|s| previous.contains(s)).count() >= 2 {
            aligned += 1;
        }
        previous = starts;
    }
    aligned
}

/// The pages of a space-aligned text (pages end at form feeds), each word with its box and
/// each page knowing the file line it starts on; a Chinese character is `wide` columns (see
/// [`space_aligned`]).
pub(crate) fn pages(text: &str, wide: usize) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut line_number = 1;
    for (n, page_text) in text.split('\u{c}').enumerate() {
        let mut page = Page {
            number: n + 1,
            first_line: Some(line_number),
            ..Page::default()
        };
        let mut widest = 0usize;
        let mut lines = 0usize;
        for (i, line) in page_text.lines().enumerate() {
            lines = i + 1;
            let words = spaced_runs(line, wide, 1);
            // A line of headings (no figures, no punctuation: not a sentence) parts tight
            // cells by one space only: `全年预算数 全年执行数`. Two words of four Chinese
            // characters or more are two cells.
            let headings = !words.iter().any(|(_, w)| {
                w.chars().any(|c| {
                    c.is_ascii_digit()
                        || matches!(c, '，' | '。' | '；' | '：' | '、' | ',' | ';' | ':' | '.')
                })
            });
            for (k, &(column, word)) in words.iter().enumerate() {
                let width = display_width(word, wide);
                widest = widest.max(column + width);
                let parted = headings
                    && chinese(word) >= 4
                    && words
                        .get(k + 1)
                        .is_some_and(|&(next, w)| next == column + width + 1 && chinese(w) >= 4);
                // The box stops a column short, so that the layout sees two spaces.
                let drawn = if parted { width - 1 } else { width };
                page.words.push(Word {
                    left: column as f64 * COLUMN,
                    top: i as f64 * PITCH,
                    width: drawn as f64 * COLUMN,
                    height: HEIGHT,
                    text: word.to_string(),
                });
            }
        }
        // The next page's lines go on from here (its form feed starts a line of its own count).
        line_number += page_text.matches('\n').count();
        page.width = widest as f64 * COLUMN;
        page.height = lines as f64 * PITCH;
        pages.push(page);
    }
    pages
}

/// How many Chinese characters a word has.
fn chinese(word: &str) -> usize {
    word.chars().filter(|&c| char_width(c, 2) == 2).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_text_is_told_from_prose_tabs_and_pipes() {
        let table = "项目  预算  执行\n甲    10.00  9.00\n乙    20.00  19.00\n丙    30.00  28.00\n";
        assert_eq!(space_aligned(table), Some(2));
        assert_eq!(space_aligned(&table.replace("  ", "\t")), None);
        assert_eq!(
            space_aligned("一、项目概况\n本项目  预算 10 万元。\n"),
            None
        );
        assert_eq!(space_aligned(&format!("| a | b |\n{table}")), None);
    }

    #[test]
    fn pages_end_at_form_feeds_and_keep_the_file_lines() {
        let pages = pages("甲  1  2\n\n乙  3  4\n\u{c}丙  5  6\n", 2);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].first_line, Some(1));
        assert_eq!(pages[1].first_line, Some(4));
        assert_eq!(pages[0].words[3].top, 2.0 * PITCH);
        assert_eq!(pages[1].words[0].text, "丙");
    }
}

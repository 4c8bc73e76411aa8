//! The words of a PDF as `pdftotext -tsv` prints them: one row per word with its box.
//!
//! Poppler's own grouping into blocks and lines is ignored: it splits table cells into blocks
//! of their own, and the layout is rebuilt from the boxes instead (see `layout`). Rows that do
//! not parse are skipped: the output is poppler's, but a reader must survive any text.

/// A word and its box, in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub text: String,
}

impl Word {
    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    pub fn middle(&self) -> f64 {
        self.top + self.height / 2.0
    }
}

/// A page: its size and its words in the order poppler printed them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    /// 1-based, as printed by poppler.
    pub number: usize,
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
    /// For a page of text laid out by spaces (see `aligned`): the file's line at the page's
    /// top, so that places are the file's lines. `None` for a PDF page.
    pub first_line: Option<usize>,
}

/// Coordinates beyond this are not a page (the largest PDF page is 14,400 points wide).
const MAX_COORDINATE: f64 = 1.0e6;

/// Read the TSV. Pages come in order; a word before any page row is dropped.
pub(crate) fn parse(tsv: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    for line in tsv.lines() {
        let fields: Vec<&str> = line.splitn(12, '\t').collect();
        if fields.len() < 12 {
            continue;
        }
        let Ok(level) = fields[0].parse::<u8>() else {
            continue; // the header row
        };
        let number = |i: usize| {
            fields[i]
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= MAX_COORDINATE)
        };
        let (Some(left), Some(top), Some(width), Some(height)) =
            (number(6), number(7), number(8), number(9))
        else {
            continue;
        };
        match level {
            1 => pages.push(Page {
                number: fields[1].parse().unwrap_or(pages.len() + 1),
                width: width.max(0.0),
                height: height.max(0.0),
                words: Vec::new(),
                first_line: None,
            }),
            5 => {
                let text = fields[11].trim();
                if text.is_empty() || height <= 0.0 {
                    continue;
                }
                if let Some(page) = pages.last_mut() {
                    page.words.push(Word {
                        left,
                        top,
                        width: width.max(0.0),
                        height,
                        text: text.to_string(),
                    });
                }
            }
            _ => {}
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_words_are_read_and_poppler_grouping_ignored() {
        let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t595.3\t841.9\t-1\t###PAGE###\n\
            4\t1\t0\t0\t0\t0\t56.8\t59.1\t132\t15.6\t-1\t###LINE###\n\
            5\t1\t0\t0\t0\t0\t56.80\t59.10\t132.00\t15.60\t100\t自评表\n\
            5\t1\t0\t0\t0\t1\tnan\t59.10\t132.00\t15.60\t100\tbad\n\
            5\t1\t0\t0\t0\t1\t1\t2\n\
            1\t2\t0\t0\t0\t0\t0\t0\t595.3\t841.9\t-1\t###PAGE###\n";
        let pages = parse(tsv);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].words.len(), 1);
        assert_eq!(pages[0].words[0].text, "自评表");
        assert_eq!(pages[1].number, 2);
        assert!(pages[1].words.is_empty());
    }
}

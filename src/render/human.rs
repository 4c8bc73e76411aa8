//! Human output: one miette graphical diagnostic per finding, pointing at the cells and
//! sentences involved, with the arithmetic as help.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Finding, Lang, Severity};
use crate::document::Span;
use crate::source::SourceFile;

/// Renders findings of one file.
pub struct HumanRenderer {
    handler: GraphicalReportHandler,
    lang: Lang,
}

impl HumanRenderer {
    pub fn new(color: bool, lang: Lang, width: usize) -> HumanRenderer {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        HumanRenderer {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_context_lines(1),
            lang,
        }
    }

    /// All findings of a file, each followed by a blank line.
    pub fn render(&self, source: &SourceFile, path: &str, findings: &[Finding]) -> String {
        let anchors: Vec<Span> = findings
            .iter()
            .flat_map(|f| f.labels.iter().map(|l| l.span))
            .collect();
        let window = Windowed::new(source.text(), &anchors);
        let line_starts = std::iter::once(0)
            .chain(window.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let named = Arc::new(Snippets {
            named: NamedSource::new(path, window.text.clone()),
            line_starts,
            lang: self.lang,
            window,
            source: source.clone(),
        });
        let mut out = String::new();
        for finding in findings {
            let diagnostic = Rendered::new(finding, Arc::clone(&named), self.lang);
            if self.handler.render_report(&mut out, &diagnostic).is_err() {
                out.push_str(&diagnostic.message);
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }
}

struct Rendered {
    message: String,
    code: String,
    severity: Severity,
    help: String,
    labels: Vec<LabeledSpan>,
    source: Arc<Snippets>,
}

impl Rendered {
    fn new(finding: &Finding, source: Arc<Snippets>, lang: Lang) -> Rendered {
        let labels = finding
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let text = l.text.get(lang);
                let text = (!text.is_empty()).then(|| text.to_string());
                let (start, end) = (
                    source.window.to_window(l.span.start),
                    source.window.to_window(l.span.end),
                );
                let span = (start, end.saturating_sub(start));
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, span)
                } else {
                    LabeledSpan::new_with_span(text, span)
                }
            })
            .collect();
        Rendered {
            message: finding.message(lang),
            code: format!("{} {}", finding.code(), finding.rule.name),
            severity: finding.severity,
            help: finding.help(lang),
            labels,
            source,
        }
    }
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// The file's text for miette, with long lines cut to windows around their labels, reporting
/// for each snippet the number of lines it holds and the column of its start in characters of
/// the file itself.
///
/// miette 7.6 decides whether two labels share one snippet by adding the snippet's
/// `line_count` to its first line, but its own sources report the absolute line number of the
/// snippet's end there; labels far apart in a long report were then drawn as one snippet of
/// hundreds of lines. Its columns are bytes of the text it was given; jxlint's are characters
/// of the file (as in the JSON output).
struct Snippets {
    named: NamedSource<String>,
    /// Where each line of the window text starts.
    line_starts: Vec<usize>,
    lang: Lang,
    window: Windowed,
    source: SourceFile,
}

impl SourceCode for Snippets {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // Read from the first context line on, not from the start of the file: miette scans
        // from the start of what it is given, which for one finding per table of a long file
        // would cost the file's length each time.
        let text = self.window.text.as_bytes();
        let offset = span.offset().min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let first = line.saturating_sub(context_lines_before);
        let base = self.line_starts[first];
        let shifted = SourceSpan::new((offset - base).into(), span.len());
        let inner = text[base..].read_span(&shifted, context_lines_before, context_lines_after)?;
        let data = inner.data();
        let lines = data.iter().filter(|b| **b == b'\n').count() + 1;
        let start = self.window.to_original(inner.span().offset() + base);
        let column = self.source.position(start).column - 1;
        // Word, spreadsheets and web pages: the place a person finds, beside the line of the
        // text view (`jxlint extract` shows the view).
        let label = Span::new(
            self.window.to_original(span.offset()),
            self.window.to_original(span.offset() + span.len()),
        );
        let name = match self.source.locate(label) {
            Some(place) => format!(
                "{} » {}",
                self.named.name(),
                super::describe_place(&place, self.lang)
            ),
            None => self.named.name().to_string(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            name,
            data,
            SourceSpan::new((inner.span().offset() + base).into(), inner.span().len()),
            inner.line() + first,
            column,
            lines,
        )))
    }
}

/// Lines longer than this many characters are shown as windows around their labels.
const MAX_LINE_CHARS: usize = 200;

/// Characters kept on each side of a label in a long line.
const CONTEXT_CHARS: usize = 40;

/// A file's text with every line longer than [`MAX_LINE_CHARS`] cut down to windows around the
/// labels on it, `…` at each cut, and the map between the two texts' offsets. Lines keep their
/// numbers; only long lines change.
struct Windowed {
    text: String,
    /// Pieces in order: (offset in the window, offset in the file, whether the piece is a `…`
    /// standing for a cut).
    pieces: Vec<(usize, usize, bool)>,
}

impl Windowed {
    fn new(text: &str, anchors: &[Span]) -> Windowed {
        let mut out = Windowed {
            text: String::with_capacity(text.len().min(1 << 20)),
            pieces: Vec::new(),
        };
        let mut sorted: Vec<usize> = anchors.iter().flat_map(|s| [s.start, s.end]).collect();
        sorted.sort_unstable();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let end = line_start + line.len();
            if line.len() <= MAX_LINE_CHARS || line.chars().count() <= MAX_LINE_CHARS {
                out.keep(text, line_start, end);
            } else {
                let from = sorted.partition_point(|&a| a < line_start);
                let to = sorted.partition_point(|&a| a <= end);
                out.cut(text, line_start, end, &sorted[from..to]);
            }
            line_start = end;
        }
        out
    }

    fn keep(&mut self, text: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let continues = self
            .pieces
            .last()
            .is_some_and(|&(w, o, cut)| !cut && self.text.len() - w == start - o);
        if !continues {
            self.pieces.push((self.text.len(), start, false));
        }
        self.text.push_str(&text[start..end]);
    }

    fn ellipsis(&mut self, at: usize) {
        self.pieces.push((self.text.len(), at, true));
        self.text.push('…');
    }

    /// One long line, `start..end`, keeping windows around `anchors` (offsets on it).
    fn cut(&mut self, text: &str, start: usize, end: usize, anchors: &[usize]) {
        let line = &text[start..end];
        let body_end = start + line.trim_end_matches(['\n', '\r']).len();
        let back = |at: usize, n: usize| {
            text[start..at]
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(start, |(i, _)| start + i)
        };
        let ahead = |at: usize, n: usize| {
            text[at..body_end]
                .char_indices()
                .nth(n)
                .map_or(body_end, |(i, _)| at + i)
        };
        let mut ranges: Vec<(usize, usize)> = if anchors.is_empty() {
            vec![(start, ahead(start, 2 * CONTEXT_CHARS))]
        } else {
            anchors
                .iter()
                .map(|&a| {
                    let a = a.clamp(start, body_end);
                    let a = (start..=a)
                        .rev()
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(start);
                    (back(a, CONTEXT_CHARS), ahead(a, CONTEXT_CHARS))
                })
                .collect()
        };
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let mut at = start;
        for (s, e) in merged {
            if s > at {
                self.ellipsis(at);
            }
            self.keep(text, s, e);
            at = e;
        }
        if at < body_end {
            self.ellipsis(at);
        }
        self.keep(text, body_end, end);
    }

    /// Where an offset of the file is in the window: a cut offset is at its `…`.
    fn to_window(&self, original: usize) -> usize {
        let i = self.pieces.partition_point(|&(_, o, _)| o <= original);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((w, _, true)) => w,
            Some((w, o, false)) => (w + (original - o)).min(self.text.len()),
            None => 0,
        }
    }

    /// Where an offset of the window is in the file.
    fn to_original(&self, window: usize) -> usize {
        let i = self.pieces.partition_point(|&(w, _, _)| w <= window);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((_, o, true)) => o,
            Some((w, o, false)) => o + (window - w),
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_kept_whole() {
        let w = Windowed::new("一行\n二行\n", &[Span::new(7, 10)]);
        assert_eq!(w.text, "一行\n二行\n");
        assert_eq!(w.to_window(7), 7);
        assert_eq!(w.to_original(7), 7);
    }

    #[test]
    fn a_long_line_is_cut_around_its_labels() {
        let text = format!("头\n{}目标{}\n尾\n", "字".repeat(1000), "字".repeat(1000));
        let at = text.find("目标").unwrap();
        let w = Windowed::new(&text, &[Span::new(at, at + "目标".len())]);
        assert!(w.text.len() < 400, "{}", w.text.len());
        assert!(w.text.contains("…") && w.text.contains("目标"));
        let back = w.to_window(at);
        assert_eq!(&w.text[back..back + "目标".len()], "目标");
        assert_eq!(w.to_original(back), at);
        assert_eq!(w.text.lines().count(), 3, "lines keep their numbers");
    }
}

//! Human output: one miette graphical diagnostic per finding, pointing at the cells and
//! sentences involved, with the arithmetic as help.

use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Finding, Lang, Severity};
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
        let named = Arc::new(Snippets(NamedSource::new(path, source.text().to_string())));
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
                let span = (l.span.start, l.span.len());
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

/// The file's text for miette, reporting for each snippet the number of lines it holds.
///
/// miette 7.6 decides whether two labels share one snippet by adding the snippet's
/// `line_count` to its first line, but its own sources report the absolute line number of the
/// snippet's end there; labels far apart in a long report were then drawn as one snippet of
/// hundreds of lines.
struct Snippets(NamedSource<String>);

impl SourceCode for Snippets {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .0
            .read_span(span, context_lines_before, context_lines_after)?;
        let data = inner.data();
        let lines = data.iter().filter(|b| **b == b'\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name().to_string(),
            data,
            *inner.span(),
            inner.line(),
            inner.column(),
            lines,
        )))
    }
}

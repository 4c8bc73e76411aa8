//! Silencing findings: `--ignore CODE` for a whole run, and `jxlint:ignore CODE` written in the
//! report on the line of a finding or the line before it (in Markdown, inside an HTML comment:
//! `<!-- jxlint:ignore XREF003 -->`). A bare `jxlint:ignore` silences every rule there.

use crate::diagnostic::{Finding, Text};
use crate::document::Span;
use crate::source::SourceFile;

use crate::document::marker::{marker_codes, MARKER};

/// Whether a selector (`SUM001`, or a family such as `XREF`) names a rule code.
pub fn selects(selector: &str, code: &str) -> bool {
    let s = selector.trim();
    let family = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
    s.eq_ignore_ascii_case(code)
        || (family
            && code.len() > s.len()
            && code[..s.len()].eq_ignore_ascii_case(s)
            && code[s.len()..].chars().all(|c| c.is_ascii_digit()))
}

/// Codes written in inline markers that name no rule or family (`jxlint:ignore RATE05`): such a
/// marker silences nothing, which its writer should hear about. Each with its 1-based line.
pub fn unknown_marker_codes(source: &SourceFile) -> Vec<(usize, String)> {
    if !source.text().contains(MARKER) {
        return Vec::new();
    }
    let rules = &crate::catalog::catalog().rules;
    let mut out = Vec::new();
    for (i, line) in source.text().lines().enumerate() {
        for code in marker_codes(line).unwrap_or_default() {
            if !rules.iter().any(|r| selects(&code, &r.code)) {
                out.push((i + 1, code));
            }
        }
    }
    out
}

/// The rule codes of what this module reports itself.
pub const CODES: &[&str] = &["LINT001"];

/// Drop the findings that `ignore` or an inline marker silences, and report the markers that
/// silence nothing (LINT001): a marker's known codes each judged alone, a bare marker as a
/// whole. Codes `ignore` turns off for the run, and unknown codes (warned of elsewhere), are
/// not judged.
pub fn apply(findings: Vec<Finding>, source: &SourceFile, ignore: &[String]) -> Vec<Finding> {
    if ignore.is_empty() && !source.text().contains(MARKER) {
        return findings;
    }
    // Each marker: where it is in the text, its line, its codes, and which of them (or, for a
    // bare marker, itself) silenced a finding.
    struct Marker {
        at: usize,
        line: usize,
        codes: Vec<String>,
        used: Vec<bool>,
    }
    let mut markers: Vec<Marker> = Vec::new();
    if source.text().contains(MARKER) {
        let mut offset = 0;
        for (i, piece) in source.text().split_inclusive('\n').enumerate() {
            if let (Some(codes), Some(pos)) = (marker_codes(piece), piece.find(MARKER)) {
                let used = vec![false; codes.len().max(1)];
                markers.push(Marker {
                    at: offset + pos,
                    line: i + 1,
                    codes,
                    used,
                });
            }
            offset += piece.len();
        }
    }
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        if ignore.iter().any(|s| selects(s, f.code())) {
            continue;
        }
        let mut silenced = false;
        for label in &f.labels {
            let line = source.position(label.span.start).line;
            for m in markers
                .iter_mut()
                .filter(|m| m.line == line || m.line + 1 == line)
            {
                if m.codes.is_empty() {
                    m.used[0] = true;
                    silenced = true;
                }
                for (k, code) in m.codes.iter().enumerate() {
                    if selects(code, f.code()) {
                        m.used[k] = true;
                        silenced = true;
                    }
                }
            }
        }
        if !silenced {
            kept.push(f);
        }
    }
    if ignore.iter().any(|s| selects(s, CODES[0])) {
        return kept;
    }
    let rules = &crate::catalog::catalog().rules;
    for m in &markers {
        let unused: Vec<&str> = if m.codes.is_empty() {
            if m.used[0] {
                continue;
            }
            Vec::new()
        } else {
            m.codes
                .iter()
                .zip(&m.used)
                .filter(|(code, used)| {
                    !**used
                        && rules.iter().any(|r| selects(code, &r.code))
                        && !ignore.iter().any(|i| {
                            rules
                                .iter()
                                .any(|r| selects(i, &r.code) && selects(code, &r.code))
                        })
                })
                .map(|(code, _)| code.as_str())
                .collect()
        };
        if !m.codes.is_empty() && unused.is_empty() {
            continue;
        }
        let (marker, what) = if unused.is_empty() {
            (Text::same(MARKER), Text::new("任何规则", "any rule"))
        } else {
            let list = unused.join(", ");
            (Text::same(format!("{MARKER} {list}")), Text::same(list))
        };
        let span = Span::new(m.at, m.at + MARKER.len());
        kept.push(
            Finding::new("LINT001")
                .arg("marker", marker)
                .arg("what", what)
                .label(span, Text::new("未屏蔽任何发现", "silences nothing")),
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_and_markers() {
        assert!(selects("XREF", "XREF003"));
        assert!(selects("xref003", "XREF003"));
        assert!(!selects("XREF00", "XREF003"));
        assert!(!selects("SUM", "SUMMARY1"));
        assert!(!selects("RATE", "XREF003"));
        assert!(!selects("", "XREF003"));
        assert_eq!(
            marker_codes("某句。 jxlint:ignore XREF003, DATE002"),
            Some(vec!["XREF003".into(), "DATE002".into()])
        );
        assert_eq!(
            marker_codes("<!-- jxlint:ignore XREF003 -->"),
            Some(vec!["XREF003".into()])
        );
        assert_eq!(marker_codes("jxlint:ignore"), Some(vec![]));
        assert_eq!(marker_codes("nothing here"), None);
    }
}

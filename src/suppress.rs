//! Silencing findings: `--ignore CODE` for a whole run, and `jxlint:ignore CODE` written in the
//! report on the line of a finding or the line before it (in Markdown, inside an HTML comment:
//! `<!-- jxlint:ignore XREF003 -->`). A bare `jxlint:ignore` silences every rule there.

use crate::diagnostic::Finding;
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

/// Drop the findings that `ignore` or an inline marker silences.
pub fn apply(findings: Vec<Finding>, source: &SourceFile, ignore: &[String]) -> Vec<Finding> {
    if ignore.is_empty() && !source.text().contains(MARKER) {
        return findings;
    }
    let lines: Vec<&str> = source.text().lines().collect();
    let silenced_at = |line: usize, code: &str| {
        [line, line.saturating_sub(1)]
            .iter()
            .filter(|l| **l >= 1)
            .filter_map(|l| lines.get(l - 1))
            .filter_map(|l| marker_codes(l))
            .any(|codes| codes.is_empty() || codes.iter().any(|c| selects(c, code)))
    };
    findings
        .into_iter()
        .filter(|f| !ignore.iter().any(|s| selects(s, f.code())))
        .filter(|f| {
            !f.labels
                .iter()
                .any(|l| silenced_at(source.position(l.span.start).line, f.code()))
        })
        .collect()
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

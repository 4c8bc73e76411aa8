//! Inline instructions to jxlint written in a report: `jxlint:ignore CODE` (in Markdown inside
//! an HTML comment). Readers hand them over as text and drop them from what they read, so a
//! marker never changes how the report is read; `suppress` decides what they silence.

/// The marker's keyword.
pub const MARKER: &str = "jxlint:ignore";

/// A line without its inline marker: the marker is an instruction to jxlint, not part of the
/// report, so readers drop it (and the `<!--` that hides it in Markdown) before reading.
pub fn without_marker(line: &str) -> &str {
    match find_marker(line) {
        Some(at) => {
            let before = line[..at].trim_end();
            before.strip_suffix("<!--").unwrap_or(before).trim_end()
        }
        None => line,
    }
}

/// Where the marker starts in `line`. Every line read is asked, so the searcher is built once
/// (`str::find` sets one up for each call).
fn find_marker(line: &str) -> Option<usize> {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(MARKER));
    FINDER.find(line.as_bytes())
}

/// The codes an inline marker on a line silences: `None` when the line has no marker,
/// `Some(vec![])` for a bare marker (everything).
pub fn marker_codes(line: &str) -> Option<Vec<String>> {
    let at = find_marker(line)?;
    let rest = &line[at + MARKER.len()..];
    let codes = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '，')
        .map(|w| w.trim_end_matches("-->").trim())
        .filter(|w| !w.is_empty())
        .take_while(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_string)
        .collect();
    Some(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_dropped_from_the_line() {
        assert_eq!(
            without_marker("标题 <!-- jxlint:ignore XREF003 -->"),
            "标题"
        );
        assert_eq!(without_marker("A\t1\tjxlint:ignore"), "A\t1");
        assert_eq!(without_marker("nothing here"), "nothing here");
    }
}

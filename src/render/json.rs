//! JSON output: one array, one object per finding. This is an interface people script
//! against; `docs/json.md` documents it and changes to it must stay backwards compatible.

use serde::Serialize;

use crate::diagnostic::{Finding, Lang};
use crate::document::Place;
use crate::source::SourceFile;

#[derive(Debug, Serialize)]
pub struct JsonFinding {
    pub path: String,
    /// The path's bytes in base64, when they are not UTF-8 and `path` had to replace some:
    /// what reopens the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_base64: Option<String>,
    pub code: String,
    pub name: String,
    pub severity: &'static str,
    pub message: String,
    pub help: String,
    /// Where the primary label is in the original file, for formats with places beyond lines
    /// (Word, spreadsheets, web pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Place>,
    pub labels: Vec<JsonLabel>,
}

/// Lines and columns are 1-based; columns count characters; `end_column` is one past the last
/// character of the label (so an empty label has `end_column == column`).
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Place>,
}

pub fn findings(
    path: &str,
    source: &SourceFile,
    findings: &[Finding],
    lang: Lang,
) -> Vec<JsonFinding> {
    findings
        .iter()
        .map(|f| JsonFinding {
            path: path.to_string(),
            path_base64: None,
            code: f.code().to_string(),
            name: f.rule.name.clone(),
            severity: f.severity.as_str(),
            message: f.message(lang),
            help: f.help(lang),
            location: f.primary_span().and_then(|s| source.locate(s)),
            labels: f
                .labels
                .iter()
                .map(|l| {
                    let (start, end) = source.range(l.span);
                    JsonLabel {
                        line: start.line,
                        column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                        message: l.text.get(lang).to_string(),
                        location: source.locate(l.span),
                    }
                })
                .collect(),
        })
        .collect()
}

/// A path's bytes in base64 when they are not valid UTF-8 (a file name from another system's
/// encoding); `None` for the usual path, which `path` gives exactly.
pub fn raw_path(path: &std::path::Path) -> Option<String> {
    if path.to_str().is_some() {
        return None;
    }
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    Some(base64(&bytes))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The whole output: a pretty-printed array and a final newline.
pub fn to_string(all: &[JsonFinding]) -> String {
    let mut s = serde_json::to_string_pretty(all).expect("findings serialise");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_raw_bytes() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(&[0xB2, 0xE2, 0xCA, 0xD4]), "suLK1A==");
    }
}

//! Bytes to text: byte-order marks, UTF-8, GB18030/GBK and UTF-16, and refusing binary files.
//!
//! Reports reach evaluators as UTF-8 from modern tools, as GBK from older Windows tools, and
//! occasionally as UTF-16 from "Unicode text" exports. Decoding happens once, here; every span
//! and every line/column in a finding refers to the decoded text.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("looks like a binary file, not a text or Markdown report (found {what})")]
    Binary { what: &'static str },
    #[error("is not valid {encoding} text (bad byte sequence near byte {offset}); save it as UTF-8 or GB18030")]
    Malformed {
        encoding: &'static str,
        offset: usize,
    },
}

/// Text decoded from a file, and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decode the bytes of a report file.
///
/// Order of evidence: a byte-order mark wins; otherwise valid UTF-8 is UTF-8; otherwise the
/// bytes are sniffed (chardetng, hinted towards Chinese) and decoded strictly, so that a file
/// in an unexpected encoding is refused with a message instead of being read as mojibake.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(encoding, &bytes[bom_len..]);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary { what: "NUL bytes" });
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
        },
        Err(utf8_error) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let guess = detector.guess(Some(b"cn"), true);
            // GBK is a subset of GB18030; decoding with the superset accepts both.
            let encoding = if guess == encoding_rs::GBK {
                GB18030
            } else {
                guess
            };
            match decode_strict(encoding, bytes) {
                Ok(decoded) => decoded,
                Err(_) if encoding != GB18030 => {
                    decode_strict(GB18030, bytes).map_err(|_| DecodeError::Malformed {
                        encoding: "UTF-8",
                        offset: utf8_error.valid_up_to(),
                    })?
                }
                Err(e) => return Err(e),
            }
        }
    };
    refuse_control_characters(&decoded.text)?;
    Ok(decoded)
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| DecodeError::Malformed {
            encoding: encoding.name(),
            offset: first_bad_offset(encoding, bytes),
        })?;
    if encoding == UTF_16LE || encoding == UTF_16BE {
        refuse_control_characters(&text)?;
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// The byte offset where strict decoding first fails, for the error message.
fn first_bad_offset(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, _) => read.saturating_sub(bad as usize),
        _ => read,
    }
}

/// Text reports contain tabs and line breaks but almost no other control characters; a file
/// where they are common is binary data that happened to decode.
fn refuse_control_characters(text: &str) -> Result<(), DecodeError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return Err(DecodeError::Binary {
                what: "NUL characters",
            });
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    if total > 0 && control * 20 > total {
        return Err(DecodeError::Binary {
            what: "many control characters",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("合计\t100".as_bytes()).unwrap();
        assert_eq!(plain.text, "合计\t100");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("合计".as_bytes());
        assert_eq!(decode(&with_bom).unwrap().text, "合计");
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode("该项目总体得分为 94.57 分，评价等级为优。");
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "该项目总体得分为 94.57 分，评价等级为优。");
        assert_eq!(decoded.encoding, "gb18030");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "得分\t9.5".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "得分\t9.5");
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]),
            Err(DecodeError::Binary { .. })
        ));
        let junk: Vec<u8> = (0u8..32).filter(|b| *b != 0).cycle().take(400).collect();
        assert!(decode(&junk).is_err());
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}

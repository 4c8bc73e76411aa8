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
    #[error("is not valid {encoding} text (bad byte sequence at byte {offset}, line {line}); save it as UTF-8 or GB18030")]
    Malformed {
        encoding: &'static str,
        offset: usize,
        /// The 1-based line of the offset, counting line breaks before it.
        line: usize,
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
    let mut decoded = decode_text(bytes)?;
    // Whatever the encoding, a text with NULs or many control characters is binary data that
    // happened to decode (a byte-order mark in front of junk, too).
    refuse_control_characters(&decoded.text)?;
    decoded.text = lone_cr_to_lf(decoded.text);
    Ok(decoded)
}

/// Decode bytes whose encoding the file declares (a web page's `<meta charset>`): a byte-order
/// mark still wins, an unknown label falls back to [`decode`], and GBK and GB2312 are read as
/// GB18030, the superset pages labelled so are really written in.
pub fn decode_declared(bytes: &[u8], label: &str) -> Result<Decoded, DecodeError> {
    let declared = Encoding::for_label(label.trim().as_bytes());
    let encoding = match declared {
        Some(e) if Encoding::for_bom(bytes).is_none() && e != UTF_16LE && e != UTF_16BE => e,
        _ => return decode(bytes),
    };
    let encoding = if encoding == encoding_rs::GBK {
        GB18030
    } else {
        encoding
    };
    let mut decoded = match decode_strict(encoding, bytes) {
        Ok(d) => d,
        // A page mislabelled (UTF-8 declared, GBK written, or the other way): what the bytes
        // say wins over the label.
        Err(_) => return decode(bytes),
    };
    refuse_control_characters(&decoded.text)?;
    decoded.text = lone_cr_to_lf(decoded.text);
    Ok(decoded)
}

fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_strict(encoding, bytes);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary { what: "NUL bytes" });
    }
    // Validated with SIMD first: std's validator takes Chinese text (three bytes a
    // character) a character at a time, and every text file passes here. Invalid bytes are
    // looked at again by std, which says where they are.
    let decoded = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
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
            // Neither UTF-8 nor the likeliest legacy encoding: most often a file that mixes
            // them, valid UTF-8 up to one place. That place is what to show, not a byte inside
            // the part that reads fine.
            let utf8_failure = || {
                let offset = utf8_error.valid_up_to();
                DecodeError::Malformed {
                    encoding: "UTF-8",
                    offset,
                    line: line_of(bytes, offset),
                }
            };
            match decode_strict(encoding, bytes) {
                Ok(decoded) => decoded,
                Err(_) if encoding != GB18030 => {
                    decode_strict(GB18030, bytes).map_err(|_| utf8_failure())?
                }
                Err(_) if utf8_error.valid_up_to() > 0 => return Err(utf8_failure()),
                Err(e) => return Err(e),
            }
        }
    };
    Ok(decoded)
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| {
            let offset = first_bad_offset(encoding, bytes);
            DecodeError::Malformed {
                encoding: encoding.name(),
                offset,
                line: line_of(bytes, offset),
            }
        })?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// The 1-based line a byte offset is on (for an ASCII-compatible encoding).
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: text in Chinese and ASCII puts a
/// zero byte in most code units of ASCII characters, always on the same side (the high byte:
/// odd offsets in little-endian, even in big-endian).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let units = sample.len() / 2;
    let (mut zeros_even, mut zeros_odd) = (0usize, 0usize);
    for unit in sample.chunks_exact(2) {
        zeros_even += usize::from(unit[0] == 0);
        zeros_odd += usize::from(unit[1] == 0);
    }
    // At least a fifth of the units carry a zero byte, and (nearly) all on one side.
    let one_sided = |side: usize, other: usize| side * 5 >= units && other * 50 <= side;
    if one_sided(zeros_odd, zeros_even) {
        Some(UTF_16LE)
    } else if one_sided(zeros_even, zeros_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Line breaks written as a lone CR (old Mac text) become LF, so that lines are lines. A CR
/// and an LF are one byte each, so every offset into the text stays where it was.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return text;
    }
    let mut out = text.into_bytes();
    for i in 0..out.len() {
        if out[i] == b'\r' && out.get(i + 1) != Some(&b'\n') {
            out[i] = b'\n';
        }
    }
    String::from_utf8(out).expect("one ASCII byte replaced by another")
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

/// A one-byte control character other than tab, line feed, carriage return and form feed
/// (U+0000-U+001F, U+007F).
fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// Text reports contain tabs and line breaks but almost no other control characters; a file
/// where they are common is binary data that happened to decode.
fn refuse_control_characters(text: &str) -> Result<(), DecodeError> {
    // By bytes, not characters: every text read passes here. A character starts at each byte
    // that is no continuation byte; the control characters are U+0000-U+001F, U+007F and
    // U+0080-U+009F (C2 80-C2 9F).
    let bytes = text.as_bytes();
    // Nearly every text has no byte that could start a control character: said in one pass
    // the compiler can vectorise, before counting characters.
    let suspect = |b: u8| is_control_byte(b) || b == 0xC2;
    if !bytes.iter().fold(false, |any, &b| any | suspect(b)) {
        return Ok(());
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        if total == 64 * 1024 {
            break;
        }
        total += 1;
        if b == 0 {
            return Err(DecodeError::Binary {
                what: "NUL characters",
            });
        }
        let is_control =
            is_control_byte(b) || (b == 0xC2 && matches!(bytes.get(i + 1), Some(0x80..=0x9F)));
        control += usize::from(is_control);
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
    fn utf16_without_bom_is_told_by_its_zero_bytes() {
        let text = "项目名称\t社区助餐\n合计\t100.00\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        let d = decode("合计\r100\r\n得分\r".as_bytes()).unwrap();
        assert_eq!(d.text, "合计\n100\r\n得分\n");
    }

    #[test]
    fn mixed_encodings_point_at_where_utf8_stops() {
        let mut bytes = "第一行正常\n第二行".as_bytes().to_vec();
        let (gbk, _, _) = encoding_rs::GBK.encode("乱码开始");
        bytes.extend_from_slice(&gbk);
        let Err(DecodeError::Malformed { offset, line, .. }) = decode(&bytes) else {
            panic!("mixed encodings are refused");
        };
        assert_eq!(offset, "第一行正常\n第二行".len());
        assert_eq!(line, 2);
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
    fn junk_behind_a_byte_order_mark_is_binary() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("3年度".as_bytes());
        bytes.extend_from_slice(&[0; 64]);
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}

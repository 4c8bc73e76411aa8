//! Inputs for the office readers: raw bytes that already are a zip are used as they are;
//! anything else becomes the main part of a minimal container, so that the fuzzer spends its
//! time in the XML the reader walks rather than in zip headers.

use std::io::Write;

/// A zip of the given parts, stored uncompressed.
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in parts {
            if w.start_file(*name, options).is_err() || w.write_all(bytes).is_err() {
                return Vec::new();
            }
        }
        let _ = w.finish();
    }
    out.into_inner()
}

/// Split fuzz input at the first NUL into two parts (a main part and a second one), so both
/// vary.
pub fn two_parts(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

//! Reading parts of a zip container (DOCX, XLSX) within limits, so that a zip bomb or a part of
//! gigabytes is refused with a message instead of filling the memory.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::ReadError;

/// The largest part read, unpacked.
pub(super) const MAX_PART: u64 = 128 << 20;
/// The most unpacked bytes a file may declare in all its parts.
pub(super) const MAX_TOTAL: u64 = 512 << 20;
/// Parts larger than a megabyte that compress better than this are a zip bomb, not a report.
const MAX_RATIO: u64 = 200;

/// The signature of a Compound File (Word and Excel 97-2003, and encrypted Office 2007+ files).
pub(super) const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(super) struct Zipped<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    format: &'static str,
}

/// Whether a Compound File holds an encrypted Office 2007+ package (what Word and Excel write
/// for a password-protected .docx/.xlsx): its directory names the `EncryptedPackage` stream.
pub(super) fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

impl<'a> Zipped<'a> {
    /// Open a container, refusing encrypted files, old binary formats under a new name, damaged
    /// zips, and archives whose declared sizes pass the limits.
    pub fn open(
        bytes: &'a [u8],
        format: &'static str,
        old_format: &'static str,
    ) -> Result<Zipped<'a>, ReadError> {
        if bytes.starts_with(CFB_MAGIC) {
            if is_encrypted_package(bytes) {
                return Err(ReadError::Encrypted);
            }
            return Err(ReadError::WrongFormat {
                claimed: format,
                actual: old_format,
            });
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Corrupt {
            format,
            detail: format!("the zip container is damaged ({e})"),
        })?;
        let mut zipped = Zipped { archive, format };
        zipped.check_sizes()?;
        Ok(zipped)
    }

    fn check_sizes(&mut self) -> Result<(), ReadError> {
        let mut total: u64 = 0;
        for i in 0..self.archive.len() {
            let Ok(file) = self.archive.by_index_raw(i) else {
                continue;
            };
            let (size, packed) = (file.size(), file.compressed_size().max(1));
            let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
            if size > MAX_PART {
                return Err(ReadError::TooLarge(format!(
                    "part {} unpacks to {} MB (the limit is {} MB)",
                    name,
                    size >> 20,
                    MAX_PART >> 20
                )));
            }
            if size > 1 << 20 && size / packed > MAX_RATIO {
                return Err(ReadError::TooLarge(format!(
                    "part {} unpacks {}:1, like a zip bomb",
                    name,
                    size / packed
                )));
            }
            total = total.saturating_add(size);
        }
        if total > MAX_TOTAL {
            return Err(ReadError::TooLarge(format!(
                "the parts unpack to {} MB (the limit is {} MB)",
                total >> 20,
                MAX_TOTAL >> 20
            )));
        }
        Ok(())
    }

    /// Whether the container has a part.
    pub fn has(&mut self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The text of a part, `None` when the container has no such part. Reading stops at the
    /// limit whatever size the part declares.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, ReadError> {
        let format = self.format;
        let file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(what)) if what.contains("ncrypt") => {
                return Err(ReadError::Encrypted)
            }
            Err(e) => {
                return Err(ReadError::Corrupt {
                    format,
                    detail: format!("part {name}: {e}"),
                })
            }
        };
        let mut bytes = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ReadError::Corrupt {
                format,
                detail: format!("part {name}: {e}"),
            })?;
        if bytes.len() as u64 > MAX_PART {
            return Err(ReadError::TooLarge(format!(
                "part {name} unpacks to more than {} MB",
                MAX_PART >> 20
            )));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|_| ReadError::Corrupt {
                format,
                detail: format!("part {name} is not UTF-8 XML"),
            })
    }
}

/// Parse XML within limits: no DTDs (entity expansion), a bounded number of nodes.
pub(super) fn parse_xml<'x>(
    text: &'x str,
    format: &'static str,
    part: &str,
) -> Result<roxmltree::Document<'x>, ReadError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| ReadError::Corrupt {
        format,
        detail: format!("part {part}: {e}"),
    })
}

//! How large the grids of an .xls or .ods workbook will be, found before the spreadsheet
//! library reads it. The library lays each sheet out as a dense grid from its first to its
//! last filled cell, so a small damaged or hostile file naming a far cell would cost
//! gigabytes (a 17 KB .xls found by fuzzing took 5 GB). This reads only where cells are.

use std::io::{Cursor, Read};

use super::zipped::Zipped;
use super::ReadError;

/// The area of one sheet's grid, from the cells seen so far.
#[derive(Default, Clone, Copy)]
struct Extent {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Extent {
    fn add(&mut self, row: u32, first_col: u32, last_col: u32) {
        let r = self.rows.get_or_insert((row, row));
        r.0 = r.0.min(row);
        r.1 = r.1.max(row);
        let c = self.cols.get_or_insert((first_col, last_col));
        c.0 = c.0.min(first_col);
        c.1 = c.1.max(last_col);
    }

    fn area(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                (u64::from(r1 - r0) + 1) * (u64::from(c1.saturating_sub(c0)) + 1)
            }
            _ => 0,
        }
    }
}

/// The cells of all the dense grids an .xls workbook's sheets make. `None` when the file is
/// not a readable compound file (the library then says what is wrong with it).
pub(super) fn xls_area(bytes: &[u8]) -> Option<u64> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"]
        .into_iter()
        .find(|n| file.is_stream(n))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .ok()?
        .take(super::zipped::MAX_PART)
        .read_to_end(&mut stream)
        .ok()?;
    let mut total = 0u64;
    let mut sheet = Extent::default();
    let mut at = 0;
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        let u16_at = |i: usize| {
            data.get(i..i + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        match kind {
            // BOF: a new substream (a sheet); EOF ends one.
            0x0809 | 0x0409 | 0x0209 | 0x0009 | 0x000A => {
                total = total.saturating_add(sheet.area());
                sheet = Extent::default();
            }
            // NUMBER, LABELSST, RK, LABEL, BOOLERR, BLANK, FORMULA: row, column.
            0x0203 | 0x00FD | 0x027E | 0x0204 | 0x0205 | 0x0201 | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(0), u16_at(2)) {
                    sheet.add(row, col, col);
                }
            }
            // MULRK, MULBLANK: row, first column, …, last column.
            0x00BD | 0x00BE => {
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(0), u16_at(2), u16_at(data.len().saturating_sub(2)))
                {
                    sheet.add(row, first.min(last), first.max(last));
                }
            }
            _ => {}
        }
    }
    Some(total.saturating_add(sheet.area()))
}

/// The cells of all the dense grids an .ods workbook's tables make, counting repeated rows
/// and columns that hold something. `None` when it has no readable content.xml.
pub(super) fn ods_area(zip: &mut Zipped<'_>) -> Result<Option<u64>, ReadError> {
    let Some(content) = zip.part("content.xml")? else {
        return Ok(None);
    };
    let Ok(xml) = super::zipped::parse_xml(&content, ".ods", "content.xml") else {
        return Ok(None);
    };
    let repeat = |n: roxmltree::Node<'_, '_>, attr: &str| -> u32 {
        n.attributes()
            .find(|a| a.name() == attr)
            .and_then(|a| a.value().parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let mut total = 0u64;
    for table in xml.descendants().filter(|n| n.tag_name().name() == "table") {
        let mut sheet = Extent::default();
        let mut row = 0u32;
        for tr in table
            .descendants()
            .filter(|n| n.tag_name().name() == "table-row")
        {
            let rows = repeat(tr, "number-rows-repeated");
            let mut col = 0u32;
            for cell in tr
                .children()
                .filter(|c| matches!(c.tag_name().name(), "table-cell" | "covered-table-cell"))
            {
                let cols = repeat(cell, "number-columns-repeated");
                let filled = cell.has_children() || cell.attributes().any(|a| a.name() == "value");
                if filled {
                    let last_col = col.saturating_add(cols - 1);
                    sheet.add(row, col, last_col);
                    sheet.add(row.saturating_add(rows - 1), col, last_col);
                }
                col = col.saturating_add(cols);
            }
            row = row.saturating_add(rows);
        }
        total = total.saturating_add(sheet.area());
    }
    Ok(Some(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods(content: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file("content.xml", options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
            zip.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn repeated_rows_and_columns_that_hold_something_count() {
        let ns = "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"";
        let empty_tail = format!(
            "<office:document-content {ns}><table:table>\
             <table:table-row><table:table-cell><text:p>合计</text:p></table:table-cell><table:table-cell office:value=\"1\"/></table:table-row>\
             <table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>\
             </table:table></office:document-content>"
        );
        let area = |bytes: Vec<u8>| {
            let mut zip = Zipped::open(&bytes, ".ods", "").unwrap();
            ods_area(&mut zip).unwrap()
        };
        assert_eq!(area(ods(&empty_tail)), Some(2));
        let filled = format!(
            "<office:document-content {ns}><table:table>\
             <table:table-row table:number-rows-repeated=\"100000\"><table:table-cell table:number-columns-repeated=\"100\"><text:p>x</text:p></table:table-cell></table:table-row>\
             </table:table></office:document-content>"
        );
        assert_eq!(area(ods(&filled)), Some(10_000_000));
    }

    #[test]
    fn an_extent_is_the_box_around_its_cells() {
        let mut e = Extent::default();
        assert_eq!(e.area(), 0);
        e.add(0, 0, 0);
        assert_eq!(e.area(), 1);
        e.add(9, 3, 4);
        assert_eq!(e.area(), 10 * 5);
    }
}

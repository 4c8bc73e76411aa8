//! Spreadsheets (.xlsx, .xlsm, .xls, .ods) through calamine.
//!
//! Every visible sheet is read; a sheet holds one or more forms, split where two or more empty
//! rows lie between them. Rows with a single filled cell above or below a table (a title, a
//! note) are paragraphs. Merged regions are resolved into the grid (the value at the top-left
//! cell, the rest covered). Cells are shown as the spreadsheet displays them: a number
//! formatted `0.00%` holding 0.98437 is `98.44%`; the precision comes from the display format,
//! never from the binary float. Formulas are read as their cached results. Hidden sheets and
//! hidden rows are skipped, each with a note.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Dimensions, Reader, SheetVisible, Xlsx};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::view::{Grid, GridCell, TablePlaces, View, MAX_GRID_CELLS};
use super::zipped::{is_encrypted_package, Zipped, CFB_MAGIC};
use super::ReadError;
use crate::document::{Document, TypedValue, UnreadKind};
use crate::source::SourceFile;

/// The most cells the whole grids of an .xls or .ods workbook may span.
const MAX_SHEET_AREA: u64 = 2_000_000;

/// The most cells read from one workbook.
const MAX_CELLS: usize = 1_000_000;
/// How many empty rows may separate two parts of one table.
const MAX_BLANK_ROWS_INSIDE: u32 = 2;

/// A sheet's filled cells by (row, column), with merged regions.
#[derive(Default)]
struct SheetCells {
    cells: BTreeMap<(u32, u32), GridCell>,
    merges: Vec<Dimensions>,
    hidden_rows: Vec<u32>,
}

pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<(SourceFile, Document), ReadError> {
    // .xls and .ods sheets are laid out as whole grids by the library: how large they would
    // be is found first.
    let sheets = if bytes.starts_with(b"PK") {
        let mut zip = Zipped::open(bytes, ".xlsx", "an Excel 97-2003 workbook (.xls)")?;
        if zip.has("xl/workbook.xml") {
            contained(|| read_xlsx(bytes, &mut zip))?
        } else {
            within_area(super::sheet_size::ods_area(&mut zip)?)?;
            contained(|| read_other(bytes, true))?
        }
    } else {
        if bytes.starts_with(CFB_MAGIC) && is_encrypted_package(bytes) {
            return Err(ReadError::Encrypted);
        }
        if bytes.starts_with(CFB_MAGIC) {
            within_area(contained(|| Ok(super::sheet_size::xls_area(bytes)))?)?;
        }
        contained(|| read_other(bytes, false))?
    };
    let mut view = View::new();
    for (name, visible, cells) in sheets {
        if !visible {
            view.unread(UnreadKind::HiddenSheet { sheet: name });
            continue;
        }
        render_sheet(&mut view, &name, cells);
    }
    Ok(view.finish(path, "XLSX"))
}

/// Run the spreadsheet library on the file's bytes. It can panic on damaged files (a broken
/// sector chain in an .xls, found by fuzzing); that is a damaged file, not a bug of this one.
fn contained<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|payload| {
        let what = crate::text::panic_message(payload.as_ref()).unwrap_or_default();
        Err(ReadError::Corrupt {
            format: "spreadsheet",
            detail: format!("the file is damaged (the spreadsheet reader stopped: {what})"),
        })
    })
}

/// Refuse a workbook whose whole grids would pass [`MAX_SHEET_AREA`] cells.
fn within_area(area: Option<u64>) -> Result<(), ReadError> {
    match area.filter(|a| *a > MAX_SHEET_AREA) {
        Some(area) => Err(ReadError::TooLarge(format!(
            "its sheets span {area} cells from their first to their last filled cell (the limit is {MAX_SHEET_AREA})"
        ))),
        None => Ok(()),
    }
}

type Sheets = Vec<(String, bool, SheetCells)>;

/// An error of the spreadsheet library: a password-protected workbook is said to be one,
/// anything else is a damaged file.
fn library_error(e: impl Into<calamine::Error>) -> ReadError {
    let e = e.into();
    let password = matches!(
        e,
        calamine::Error::Xlsx(calamine::XlsxError::Password)
            | calamine::Error::Xls(calamine::XlsError::Password)
            | calamine::Error::Ods(calamine::OdsError::Password)
            | calamine::Error::Xlsb(calamine::XlsbError::Password)
    );
    if password {
        return ReadError::Encrypted;
    }
    ReadError::Corrupt {
        format: "spreadsheet",
        detail: e.to_string(),
    }
}

fn too_many() -> ReadError {
    ReadError::TooLarge(format!(
        "the workbook has more than {MAX_CELLS} filled cells"
    ))
}

/// An .xlsx, streamed cell by cell; `zip` is the same file, for what calamine does not
/// report (which part each sheet is, its hidden rows).
fn read_xlsx(bytes: &[u8], zip: &mut Zipped<'_>) -> Result<Sheets, ReadError> {
    let paths = sheet_paths(zip)?;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(library_error)?;
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut out = Vec::new();
    let mut total = 0usize;
    for (i, (name, visible)) in meta.into_iter().enumerate() {
        let mut sheet = SheetCells::default();
        if visible {
            let mut reader = wb.worksheet_cells_reader(&name).map_err(library_error)?;
            let formats: Vec<String> = reader
                .styles()
                .iter()
                .map(|s| {
                    s.number_format
                        .as_ref()
                        .map(|f| f.format_code.clone())
                        .unwrap_or_default()
                })
                .collect();
            while let Some((cell, style)) =
                reader.next_cell_with_style_id().map_err(library_error)?
            {
                let format = formats.get(style).map_or("", String::as_str);
                if let Some(gc) = cell_of_ref(cell.get_value(), format) {
                    total += 1;
                    if total > MAX_CELLS {
                        return Err(too_many());
                    }
                    sheet.cells.insert(cell.get_position(), gc);
                }
            }
            drop(reader);
            if let Ok(merges) = wb.merge_cells_by_sheet_name(&name) {
                sheet.merges = merges;
            }
            if let Some(part) = paths.get(i) {
                sheet.hidden_rows = hidden_rows(zip, part)?;
            }
        }
        out.push((name, visible, sheet));
    }
    Ok(out)
}

/// The part of each sheet, in workbook order (from the relationships of `xl/workbook.xml`).
fn sheet_paths(zip: &mut Zipped<'_>) -> Result<Vec<String>, ReadError> {
    let (Some(wb), Some(rels)) = (
        zip.part("xl/workbook.xml")?,
        zip.part("xl/_rels/workbook.xml.rels")?,
    ) else {
        return Ok(Vec::new());
    };
    let wb = super::zipped::parse_xml(&wb, ".xlsx", "xl/workbook.xml")?;
    let rels = super::zipped::parse_xml(&rels, ".xlsx", "xl/_rels/workbook.xml.rels")?;
    let targets: HashMap<&str, &str> = rels
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
        .filter_map(|n| Some((n.attribute("Id")?, n.attribute("Target")?)))
        .collect();
    Ok(wb
        .descendants()
        .filter(|n| n.tag_name().name() == "sheet")
        .map(|n| {
            let id = n
                .attributes()
                .find(|a| a.name() == "id")
                .map(|a| a.value())
                .unwrap_or("");
            let target = targets.get(id).copied().unwrap_or("");
            let target = target.trim_start_matches('/');
            if target.starts_with("xl/") {
                target.to_string()
            } else {
                format!("xl/{target}")
            }
        })
        .collect())
}

/// The hidden rows of a worksheet part (calamine does not report them): `<row r="5"
/// hidden="1">`, 0-based.
fn hidden_rows(zip: &mut Zipped<'_>, part: &str) -> Result<Vec<u32>, ReadError> {
    let Some(xml) = zip.part(part)? else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("<row ") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if tag.contains("hidden=\"1\"") || tag.contains("hidden=\"true\"") {
            if let Some(r) = attribute(tag, "r").and_then(|r| r.parse::<u32>().ok()) {
                rows.push(r.saturating_sub(1));
            }
        }
        rest = &rest[tag_end..];
    }
    Ok(rows)
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// .xls (a compound file) and .ods (a zip): whole ranges, merges where the format has them,
/// numbers as General.
fn read_other(bytes: &[u8], ods: bool) -> Result<Sheets, ReadError> {
    let cursor = Cursor::new(bytes);
    let mut wb = if ods {
        calamine::Sheets::Ods(calamine::Ods::new(cursor).map_err(library_error)?)
    } else {
        calamine::Sheets::Xls(calamine::Xls::new(cursor).map_err(library_error)?)
    };
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut out = Vec::new();
    let mut total = 0usize;
    for (name, visible) in meta {
        let mut sheet = SheetCells::default();
        if visible {
            let range = wb.worksheet_range(&name).map_err(library_error)?;
            for (row, col, value) in range.used_cells() {
                let Some(gc) = cell_of(value, "") else {
                    continue;
                };
                total += 1;
                if total > MAX_CELLS {
                    return Err(too_many());
                }
                let (r0, c0) = range.start().unwrap_or((0, 0));
                sheet.cells.insert((r0 + row as u32, c0 + col as u32), gc);
            }
            if let calamine::Sheets::Xls(x) = &wb {
                sheet.merges = x.merge_cells_by_sheet_name(&name).unwrap_or_default();
            }
        }
        out.push((name, visible, sheet));
    }
    Ok(out)
}

fn cell_of_ref(value: &DataRef<'_>, format: &str) -> Option<GridCell> {
    let data = match value {
        DataRef::Int(i) => Data::Int(*i),
        DataRef::Float(f) => Data::Float(*f),
        DataRef::String(s) => Data::String(s.clone()),
        DataRef::SharedString(s) => Data::String(s.to_string()),
        DataRef::Bool(b) => Data::Bool(*b),
        DataRef::DateTime(d) => Data::DateTime(*d),
        DataRef::DateTimeIso(s) => Data::DateTimeIso(s.clone()),
        DataRef::DurationIso(s) => Data::DurationIso(s.clone()),
        DataRef::Error(e) => Data::Error(e.clone()),
        DataRef::Empty => return None,
    };
    cell_of(&data, format)
}

fn cell_of(value: &Data, format: &str) -> Option<GridCell> {
    let (text, typed) = match value {
        Data::Empty => return None,
        Data::String(s) => (s.trim().to_string(), None),
        Data::Int(i) => display_number(*i as f64, format),
        Data::Float(f) => display_number(*f, format),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), None),
        Data::DateTime(d) => (date_text(d.as_f64(), format), None),
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (e.to_string(), None),
    };
    if text.is_empty() {
        return None;
    }
    let mut cell = GridCell::text(text);
    cell.value = typed;
    Some(cell)
}

/// How a number format shows a number: its decimals, whether as a percentage, with thousands
/// separators, and the literal text around it (`0.00"万元"`).
#[derive(Debug, PartialEq, Eq)]
struct NumberFormat {
    decimals: Option<u32>,
    percent: bool,
    thousands: bool,
    prefix: String,
    suffix: String,
}

fn parse_format(code: &str) -> NumberFormat {
    // The format for positive numbers is the first section.
    let section = code.split(';').next().unwrap_or("");
    let mut out = NumberFormat {
        decimals: None,
        percent: false,
        thousands: false,
        prefix: String::new(),
        suffix: String::new(),
    };
    if section.is_empty() || section.eq_ignore_ascii_case("general") || section == "@" {
        return out;
    }
    let mut chars = section.chars().peekable();
    let mut seen_digit = false;
    let mut after_point = false;
    let mut decimals = 0;
    let mut literal = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    literal.push(q);
                }
            }
            '\\' => literal.extend(chars.next()),
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                if !seen_digit {
                    out.prefix = std::mem::take(&mut literal);
                }
                seen_digit = true;
                if after_point {
                    decimals += 1;
                }
            }
            '.' if seen_digit || chars.peek().is_some_and(|n| matches!(n, '0' | '#' | '?')) => {
                after_point = true;
                seen_digit = true;
            }
            ',' if seen_digit => out.thousands = true,
            '%' => out.percent = true,
            c if !seen_digit => literal.push(c),
            c => literal.push(c),
        }
    }
    if seen_digit {
        out.decimals = Some(decimals);
        out.suffix = literal;
    }
    out
}

/// A number as its format displays it, and its typed value.
fn display_number(value: f64, code: &str) -> (String, Option<TypedValue>) {
    let format = parse_format(code);
    let shown = if format.percent { value * 100.0 } else { value };
    let Some(decimal) = Decimal::from_f64(shown) else {
        return (format!("{value}"), None);
    };
    let (number, decimals) = match format.decimals {
        Some(d) => (
            decimal.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero),
            d,
        ),
        None => {
            // General: what fits in about 10 significant digits, without trailing zeros.
            let whole_digits = decimal
                .trunc()
                .abs()
                .to_string()
                .trim_start_matches('0')
                .len() as u32;
            let d = 10u32.saturating_sub(whole_digits).min(9);
            let n = decimal
                .round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero)
                .normalize();
            (n, n.scale())
        }
    };
    let mut digits = format!("{:.*}", decimals as usize, number);
    if format.thousands {
        digits = with_thousands(&digits);
    }
    let text = format!(
        "{}{digits}{}{}",
        format.prefix,
        if format.percent { "%" } else { "" },
        format.suffix
    );
    let typed = TypedValue {
        number,
        decimals,
        percent: format.percent,
        format: if code.is_empty() {
            "General".into()
        } else {
            code.to_string()
        },
    };
    (text.trim().to_string(), Some(typed))
}

fn with_thousands(digits: &str) -> String {
    let (sign, rest) = match digits.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", digits),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A date serial as a date: `2023年3月15日` where the format writes 年, else `2023-03-15`.
fn date_text(serial: f64, format: &str) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    // Days since 1899-12-30 (the epoch that absorbs Excel's 1900 leap-year bug).
    let days = serial.floor() as i64 - 25_569; // to days since 1970-01-01
    let (y, m, d) = civil_from_days(days);
    if format.contains('年') {
        format!("{y}年{m}月{d}日")
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Howard Hinnant's days-to-civil conversion.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Split a sheet into paragraphs and tables and hand them to the view.
fn render_sheet(view: &mut View, name: &str, mut sheet: SheetCells) {
    let hidden: std::collections::HashSet<u32> = sheet.hidden_rows.iter().copied().collect();
    if !sheet.hidden_rows.is_empty() {
        let rows: Vec<u32> = sheet.hidden_rows.iter().map(|r| r + 1).collect();
        view.unread(UnreadKind::HiddenRows {
            sheet: name.to_string(),
            rows,
        });
    }
    // Merged regions: the top-left cell spans the region, the rest is covered.
    for m in &sheet.merges {
        let (r0, c0) = m.start;
        let (r1, c1) = m.end;
        if r1 < r0 || c1 < c0 || (r1 - r0) as u64 * (c1 - c0) as u64 > 100_000 {
            continue;
        }
        if let Some(origin) = sheet.cells.get_mut(&(r0, c0)) {
            origin.row_span = (r1 - r0 + 1) as usize;
            origin.col_span = (c1 - c0 + 1) as usize;
        }
        for r in r0..=r1 {
            for c in c0..=c1 {
                if (r, c) != (r0, c0) {
                    sheet.cells.insert((r, c), GridCell::covered());
                }
            }
        }
    }
    // Rows in order, with how many cells each fills.
    let mut rows: BTreeMap<u32, Vec<(u32, GridCell)>> = BTreeMap::new();
    for ((r, c), cell) in sheet.cells {
        if hidden.contains(&r) {
            continue;
        }
        rows.entry(r).or_default().push((c, cell));
    }
    let filled = |cells: &Vec<(u32, GridCell)>| {
        cells
            .iter()
            .filter(|(_, c)| !c.covered && c.paragraphs.iter().any(|p| !p.trim().is_empty()))
            .count()
    };
    // A title merged across the sheet (财政项目支出绩效自评表 over the next form) is a
    // paragraph between tables, however close the tables are.
    let banner = |cells: &Vec<(u32, GridCell)>| {
        let mut live = cells
            .iter()
            .filter(|(_, c)| !c.covered && c.paragraphs.iter().any(|p| !p.trim().is_empty()));
        matches!((live.next(), live.next()), (Some((_, c)), None) if c.col_span >= 3)
    };
    let numbers: Vec<u32> = rows.keys().copied().collect();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut after_banner = false;
    for r in numbers {
        if filled(&rows[&r]) == 0 {
            continue;
        }
        let is_banner = banner(&rows[&r]);
        let visible_gap = |from: u32| (from + 1..r).filter(|x| !hidden.contains(x)).count() as u32;
        match groups.last_mut() {
            Some(g)
                if !is_banner
                    && !after_banner
                    && visible_gap(*g.last().expect("groups are not empty"))
                        <= MAX_BLANK_ROWS_INSIDE =>
            {
                g.push(r)
            }
            _ => groups.push(vec![r]),
        }
        after_banner = is_banner;
    }
    // A row holding one piece of prose — a sentence, a numbered title, or a line set off by
    // an empty row (a report's text opened in a spreadsheet) — is a paragraph between tables,
    // as a line without tabs is in text. A short label alone in its row inside a table (其中：
    // 上年结转 with its values blank) stays a row.
    let visible_before = |r: u32| (0..r).rev().find(|x| !hidden.contains(x));
    let prose_row = |r: u32, cells: &Vec<(u32, GridCell)>, group_start: u32| -> bool {
        if filled(cells) != 1 {
            return false;
        }
        let Some((_, cell)) = cells
            .iter()
            .find(|(_, c)| !c.covered && !c.paragraphs.is_empty())
        else {
            return false;
        };
        let text = cell.paragraphs.join(" ");
        let text = text.trim();
        let sentence = text.chars().count() > 40
            || text.ends_with(['。', '！', '？', '；', '：', ':'])
            || super::lines::is_heading_line(text);
        let set_off = r > group_start
            && visible_before(r).is_some_and(|p| !rows.contains_key(&p) || filled(&rows[&p]) == 0)
            || {
                let mut next = r + 1;
                while hidden.contains(&next) {
                    next += 1;
                }
                rows.get(&next).is_none_or(|c| filled(c) == 0)
            };
        sentence || set_off
    };
    let mut split: Vec<Vec<u32>> = Vec::new();
    for group in groups {
        let start = group[0];
        let mut current = Vec::new();
        for r in group {
            if prose_row(r, &rows[&r], start) {
                if !current.is_empty() {
                    split.push(std::mem::take(&mut current));
                }
                split.push(vec![r]);
            } else {
                current.push(r);
            }
        }
        if !current.is_empty() {
            split.push(current);
        }
    }
    for group in split {
        let multi: Vec<bool> = group.iter().map(|r| filled(&rows[r]) >= 2).collect();
        let first = multi.iter().position(|m| *m);
        let last = multi.iter().rposition(|m| *m);
        let (first, last) = match (first, last) {
            (Some(f), Some(l)) => (f, l),
            _ => (group.len(), group.len()),
        };
        for r in &group[..first.min(group.len())] {
            paragraphs_of(view, rows.get(r));
        }
        if first < group.len() {
            let table_rows = &group[first..=last];
            let min_col = table_rows
                .iter()
                .flat_map(|r| rows[r].iter().map(|(c, _)| *c))
                .min()
                .unwrap_or(0);
            let max_col = table_rows
                .iter()
                .flat_map(|r| rows[r].iter().map(|(c, _)| *c))
                .max()
                .unwrap_or(0);
            let area = table_rows.len() * (max_col - min_col + 1) as usize;
            if area > MAX_GRID_CELLS {
                view.unread(UnreadKind::TableTooLarge {
                    rows: table_rows.len(),
                    columns: (max_col - min_col + 1) as usize,
                });
                continue;
            }
            let mut grid = Grid {
                col_numbers: (min_col..=max_col).collect(),
                ..Grid::default()
            };
            for r in table_rows {
                let mut line: Vec<GridCell> =
                    (min_col..=max_col).map(|_| GridCell::default()).collect();
                if let Some(cells) = rows.remove(r) {
                    for (c, cell) in cells {
                        line[(c - min_col) as usize] = cell;
                    }
                }
                grid.rows.push(line);
                grid.row_numbers.push(*r);
            }
            view.table(grid, TablePlaces::Sheet(name));
            for r in &group[last + 1..] {
                paragraphs_of(view, rows.get(r));
            }
        }
    }
}

fn paragraphs_of(view: &mut View, cells: Option<&Vec<(u32, GridCell)>>) {
    for (_, cell) in cells.into_iter().flatten() {
        if cell.covered {
            continue;
        }
        for p in &cell.paragraphs {
            view.paragraph(p, None, &[]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shown_as_their_format_displays_them() {
        assert_eq!(display_number(0.98437, "0.00%").0, "98.44%");
        assert_eq!(display_number(89.974, "0.00").0, "89.97");
        assert_eq!(display_number(2.5, "0").0, "3");
        assert_eq!(display_number(1234567.5, "#,##0.00").0, "1,234,567.50");
        assert_eq!(display_number(89.974 + 1e-14, "General").0, "89.974");
        assert_eq!(display_number(100.0, "").0, "100");
        assert_eq!(display_number(72.0, "0.00\"万元\"").0, "72.00万元");
        let (_, typed) = display_number(0.98437, "0.00%");
        let typed = typed.unwrap();
        assert_eq!(
            (typed.number.to_string(), typed.decimals, typed.percent),
            ("98.44".to_string(), 2, true)
        );
    }

    #[test]
    fn dates_from_serials() {
        assert_eq!(date_text(45000.0, "yyyy-mm-dd"), "2023-03-15");
        assert_eq!(
            date_text(45000.0, "yyyy\"年\"m\"月\"d\"日\""),
            "2023年3月15日"
        );
    }
}

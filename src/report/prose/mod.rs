//! Figures stated in prose: quantities with their units and bounds, dates, and the claims
//! they make (a budget, a total score, a group's score, a count, a target).

pub mod claims;
pub mod date;
pub mod lists;
pub mod reach;
pub mod scan;
pub mod statements;
pub mod weights;

/// The lines of a paragraph that are table rows flattened onto one line, as byte ranges:
/// - a converter's or a web page's text (`1 平台软件运维 18.60 18.60 100%`): no sentence
///   punctuation, and three or more of the line's space-parted words, at least a third of
///   them, are figures;
/// - a row of text laid out by spaces (`pdftotext -layout`: `预算执行率      100%`): cells
///   parted by wide gaps, three or more of them or two with a figure.
///
/// Their figures state nothing in a sentence, so no claim is read from them.
pub fn flattened_rows(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if is_flattened_row(line) || is_spaced_row(line) {
            out.push(start..start + line.trim_end().len());
        }
        start = end;
    }
    out
}

fn is_flattened_row(line: &str) -> bool {
    if line.contains(['，', '。', '；', '！', '？', ',', ';']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let figure = |w: &&str| crate::number::looks_numeric(w);
    let figures = words.iter().filter(|w| figure(w)).count();
    // Chinese words parted by a space: a sentence has none, cells have one between them.
    let cjk = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2E80);
    let parted = words
        .windows(2)
        .filter(|w| cjk(w[0].chars().last()) && cjk(w[1].chars().next()))
        .count();
    (figures >= 3 && 3 * figures >= words.len())
        || (words.len() >= 3 && words.iter().rev().take(2).all(figure))
        || (parted >= 2 && figures >= 1)
}

/// A row of cells aligned by spaces: parted by gaps of three or more columns (a sentence has
/// single spaces at most), or of two where no cell ends a sentence.
fn is_spaced_row(line: &str) -> bool {
    let cells = crate::text::spaced_cells(line.trim(), 3);
    let cells = if cells.len() >= 2 || line.contains('。') {
        cells
    } else {
        crate::text::spaced_cells(line.trim(), 2)
    };
    let figures = cells
        .iter()
        .filter(|c| crate::number::looks_numeric(c))
        .count();
    cells.len() >= 3 || (cells.len() == 2 && figures >= 1)
}

#[cfg(test)]
mod tests {
    use super::flattened_rows;

    #[test]
    fn flattened_rows_are_told_from_sentences() {
        let flat = |t: &str| !flattened_rows(t).is_empty();
        assert!(flat("1 平台软件运维 18.60 18.60 100%"));
        assert!(flat("合计 73.00 71.86 98.44%"));
        assert!(!flat(
            "项目预算 73.00 万元，实际支出 71.86 万元，执行率 98.44%。"
        ));
        assert!(!flat("本项目共 3 个子项目"));
        assert!(!flat("一、基本情况"));
        // Rows flattened with single spaces: two figures at the end, or cells of words.
        assert!(flat("2、验收户数 25 24"));
        assert!(flat("合计 100 80.00"));
        assert!(flat("投入和管理目标 投入管理 预算执行率 100%"));
        assert!(!flat("预算执行率为 98.09%"));
        assert!(!flat("2022 年 12 月"));
        // Rows of text laid out by spaces, whatever their punctuation.
        assert!(flat(
            "投入和管理目标      投入管理         预算执行率              100%"
        ));
        assert!(flat("  预算执行率              100%"));
        assert!(flat(
            "B2.2 项目过程管理制度建立与落实情况    /          3       1.00"
        ));
        assert!(flat("产出指标  数量指标  运维报告  4份"));
        assert!(!flat(
            "  该项目预算金额为 19.37 万元，实际支出 19.00 万元，执行率为 98.09%。"
        ));
        assert!(!flat("预算执行率为 98.09%。  下同"));
        let text = "合计 90.00 88.00 97.78%\n\n项目预算 90.00 万元，支出 88.00 万元。";
        let rows = flattened_rows(text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0], 0..25);
    }
}

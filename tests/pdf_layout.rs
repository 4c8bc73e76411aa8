//! How the words of a PDF page become paragraphs and tables: pages described word by word as
//! `pdftotext -tsv` gives them (each word with its box), so these tests need no poppler. Each
//! test pins one thing real forms do in print: merged labels centred on their rows, header
//! cells wrapped over lines, page numbers, tables running over a page break with their first
//! row repeated, pages with no text.

use std::path::Path;

use jxlint::document::{Block, Document, UnreadKind};
use jxlint::read::read_pdf_tsv;

/// The height of a 9 pt word as poppler reports it.
const H: f64 = 11.7;

/// Pages of words, written as pdftotext's TSV.
#[derive(Default)]
struct Pdf {
    pages: Vec<Vec<(f64, f64, String)>>,
}

impl Pdf {
    fn page(mut self) -> Self {
        self.pages.push(Vec::new());
        self
    }

    /// Words at a line's top, each at its left edge; a word is as wide as its characters.
    fn line(mut self, top: f64, words: &[(f64, &str)]) -> Self {
        let page = self.pages.last_mut().expect("a page first");
        page.extend(
            words
                .iter()
                .map(|(left, text)| (*left, top, text.to_string())),
        );
        self
    }

    fn tsv(&self) -> String {
        let mut out =
            String::from("level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        for (n, page) in self.pages.iter().enumerate() {
            let n = n + 1;
            out.push_str(&format!(
                "1\t{n}\t0\t0\t0\t0\t0\t0\t841.9\t595.3\t-1\t###PAGE###\n"
            ));
            for (left, top, text) in page {
                let width: f64 = text
                    .chars()
                    .map(|c| if c.is_ascii() { 5.0 } else { 9.0 })
                    .sum();
                out.push_str(&format!(
                    "5\t{n}\t0\t0\t0\t0\t{left}\t{top}\t{width}\t{H}\t100\t{text}\n"
                ));
            }
        }
        out
    }

    fn read(&self) -> Document {
        read_pdf_tsv(Path::new("t.pdf"), &self.tsv())
            .expect("read")
            .1
    }
}

fn tables(doc: &Document) -> Vec<Vec<Vec<String>>> {
    doc.table_texts()
}

fn paragraphs(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.clone()),
            _ => None,
        })
        .collect()
}

/// Row `r` of a table, cells trimmed, trailing empty cells dropped.
fn row(table: &[Vec<String>], r: usize) -> Vec<&str> {
    let mut cells: Vec<&str> = table[r].iter().map(|c| c.trim()).collect();
    while cells.last() == Some(&"") {
        cells.pop();
    }
    cells
}

const COLUMNS: [f64; 5] = [60.0, 150.0, 260.0, 400.0, 460.0];

fn header(pdf: Pdf, top: f64) -> Pdf {
    pdf.line(
        top,
        &[
            (COLUMNS[0], "一级指标"),
            (COLUMNS[1], "二级指标"),
            (COLUMNS[2], "三级指标"),
            (COLUMNS[3], "分值"),
            (COLUMNS[4], "得分"),
        ],
    )
}

#[test]
fn merged_labels_centred_on_their_rows_go_to_the_first_row() {
    let pdf = header(Pdf::default().page(), 100.0)
        .line(
            120.0,
            &[
                (150.0, "数量指标"),
                (260.0, "甲"),
                (400.0, "10.00"),
                (460.0, "9.00"),
            ],
        )
        .line(
            140.0,
            &[
                (60.0, "产出指标"),
                (150.0, "质量指标"),
                (260.0, "乙"),
                (400.0, "10.00"),
                (460.0, "10.00"),
            ],
        )
        .line(
            160.0,
            &[
                (150.0, "时效指标"),
                (260.0, "丙"),
                (400.0, "10.00"),
                (460.0, "8.00"),
            ],
        )
        .line(
            180.0,
            &[
                (150.0, "社会效益"),
                (260.0, "丁"),
                (400.0, "20.00"),
                (460.0, "20.00"),
            ],
        )
        .line(190.0, &[(60.0, "效益指标")])
        .line(
            200.0,
            &[
                (150.0, "可持续影响"),
                (260.0, "戊"),
                (400.0, "20.00"),
                (460.0, "19.00"),
            ],
        )
        .line(220.0, &[(60.0, "总分"), (400.0, "70.00"), (460.0, "66.00")]);
    let doc = pdf.read();
    let t = &tables(&doc)[0];
    assert_eq!(row(t, 1), ["产出指标", "数量指标", "甲", "10.00", "9.00"]);
    assert_eq!(row(t, 2), ["", "质量指标", "乙", "10.00", "10.00"]);
    assert_eq!(row(t, 4), ["效益指标", "社会效益", "丁", "20.00", "20.00"]);
    assert_eq!(row(t, 5), ["", "可持续影响", "戊", "20.00", "19.00"]);
    assert_eq!(row(t, 6), ["总分", "", "", "70.00", "66.00"]);
    assert_eq!(t.len(), 7);
}

/// A header whose last cell, centred on the header line, wraps above and below it.
fn wrapped_remark_header(pdf: Pdf) -> Pdf {
    pdf.line(94.0, &[(560.0, "偏差原因分析")])
        .line(
            100.5,
            &[(60.0, "三级指标"), (260.0, "分值"), (400.0, "得分")],
        )
        .line(107.0, &[(560.0, "及改进措施")])
}

#[test]
fn a_header_cell_wrapped_over_three_lines_is_one_cell() {
    // The last header cell is centred on the header line: its text wraps above and below.
    let pdf = wrapped_remark_header(Pdf::default().page())
        .line(
            125.0,
            &[
                (60.0, "甲"),
                (260.0, "10.00"),
                (400.0, "9.00"),
                (560.0, "进度略慢"),
            ],
        )
        .line(145.0, &[(60.0, "乙"), (260.0, "10.00"), (400.0, "10.00")]);
    let t = &tables(&pdf.read())[0];
    assert_eq!(
        row(t, 0),
        ["三级指标", "分值", "得分", "偏差原因分析及改进措施"]
    );
    assert_eq!(row(t, 1), ["甲", "10.00", "9.00", "进度略慢"]);
    assert_eq!(row(t, 2), ["乙", "10.00", "10.00"]);
}

#[test]
fn a_remark_column_empty_in_every_row_keeps_its_header() {
    // No row reaches the last column: only its wrapped header does.
    let pdf = wrapped_remark_header(Pdf::default().page())
        .line(125.0, &[(60.0, "甲"), (260.0, "10.00"), (400.0, "9.00")])
        .line(145.0, &[(60.0, "乙"), (260.0, "10.00"), (400.0, "10.00")]);
    let t = &tables(&pdf.read())[0];
    assert_eq!(
        row(t, 0),
        ["三级指标", "分值", "得分", "偏差原因分析及改进措施"]
    );
}

#[test]
fn page_numbers_are_dropped() {
    let mut pdf = Pdf::default();
    for n in 1..=3 {
        pdf = pdf
            .page()
            .line(
                60.0,
                &[(80.0, &format!("第{n}页的正文，说明项目资金的使用情况。"))],
            )
            .line(
                560.0,
                &[(400.0, "—"), (412.0, &n.to_string()), (420.0, "—")],
            );
    }
    let doc = pdf.read();
    let text = paragraphs(&doc).join("\n");
    assert!(text.contains("第2页的正文"), "{text}");
    assert!(!text.contains('—'), "page numbers left in: {text}");
}

#[test]
fn a_table_runs_over_a_page_break_and_its_repeated_first_row_is_dropped() {
    let rows = |pdf: Pdf, from: usize, top: f64| {
        (0..4).fold(pdf, |pdf, i| {
            let n = from + i;
            pdf.line(
                top + 20.0 * i as f64,
                &[
                    (60.0, "指标"),
                    (150.0, "二级"),
                    (260.0, &format!("第{n}项")),
                    (400.0, "5.00"),
                    (460.0, "5.00"),
                ],
            )
        })
    };
    let pdf = rows(header(Pdf::default().page(), 440.0), 1, 460.0);
    let pdf = rows(header(pdf.page(), 50.0), 5, 70.0);
    let doc = pdf.read();
    let all = tables(&doc);
    assert_eq!(all.len(), 1, "one table: {all:?}");
    let t = &all[0];
    assert_eq!(t.len(), 9, "a header and 8 rows: {t:?}");
    assert_eq!(row(t, 5), ["指标", "二级", "第5项", "5.00", "5.00"]);
}

#[test]
fn a_page_without_text_is_listed_as_unread() {
    let pdf = Pdf::default()
        .page()
        .line(60.0, &[(80.0, "第一页正文。")])
        .page()
        .page()
        .line(60.0, &[(80.0, "第三页正文。")]);
    let doc = pdf.read();
    let unread: Vec<&UnreadKind> = doc.unread.iter().map(|u| &u.what).collect();
    assert_eq!(unread, [&UnreadKind::PageWithoutText { page: 2 }]);
}

#[test]
fn places_are_page_and_line() {
    let pdf = Pdf::default()
        .page()
        .line(60.0, &[(80.0, "第一页正文。")])
        .page()
        .line(60.0, &[(80.0, "标题")])
        .line(80.0, &[(80.0, "第二页第二行。")]);
    let (source, doc) = read_pdf_tsv(Path::new("t.pdf"), &pdf.tsv()).unwrap();
    let last = doc.blocks.last().unwrap().span();
    assert_eq!(
        source.locate(last),
        Some(jxlint::document::Place::PageLine { page: 2, line: 2 })
    );
}

#[test]
fn a_header_over_columns_the_rows_leave_empty_keeps_its_cells() {
    // Most rows have a gap under 二级指标 and 三级指标: the header's cells still part them.
    let pdf = header(Pdf::default().page(), 100.0)
        .line(120.0, &[(60.0, "甲"), (400.0, "10.00"), (460.0, "9.00")])
        .line(140.0, &[(60.0, "乙"), (400.0, "10.00"), (460.0, "10.00")]);
    let t = &tables(&pdf.read())[0];
    assert_eq!(
        row(t, 0),
        ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    );
    assert_eq!(row(t, 1), ["甲", "", "", "10.00", "9.00"]);
}

#[test]
fn a_header_set_top_aligned_wraps_downwards_into_its_row() {
    // Cells aligned to their top: a long header cell goes on on the line below, under the same
    // cells; that line is the header's rest, not a row of its own.
    let pdf = Pdf::default()
        .page()
        .line(
            100.0,
            &[
                (60.0, "项目资金"),
                (160.0, "年初预算数"),
                (260.0, "全年预"),
                (330.0, "全年执行数"),
            ],
        )
        .line(113.0, &[(60.0, "(万元)"), (260.0, "算数")])
        .line(
            131.0,
            &[
                (60.0, "总额"),
                (160.0, "35.00"),
                (260.0, "34.50"),
                (330.0, "34.16"),
            ],
        )
        .line(
            149.0,
            &[
                (60.0, "其中"),
                (160.0, "35.00"),
                (260.0, "34.50"),
                (330.0, "34.16"),
            ],
        );
    let t = &tables(&pdf.read())[0];
    assert_eq!(
        row(t, 0),
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数"]
    );
    assert_eq!(row(t, 1), ["总额", "35.00", "34.50", "34.16"]);
    assert_eq!(t.len(), 3);
}

#[test]
fn headings_and_paragraphs_set_as_close_as_rows_are_not_the_tables() {
    // Word's default: paragraphs as close as table rows, the table flush with the text. The
    // paragraph above the first row is wider than its first cell, and the heading under the
    // last row reads as a heading: neither is the table's.
    let pdf = Pdf::default()
        .page()
        .line(
            80.0,
            &[(60.0, "各项指标得分如下表所示，项目决策类指标得分率最高。")],
        )
        .line(93.0, &[(60.0, "指标"), (200.0, "满分值"), (300.0, "得分")])
        .line(106.0, &[(60.0, "A项目决策"), (200.0, "10"), (300.0, "9.3")])
        .line(119.0, &[(60.0, "合计"), (200.0, "10"), (300.0, "9.3")])
        .line(132.0, &[(60.0, "摘要")])
        .line(145.0, &[(60.0, "受委托开展评价。")]);
    let doc = pdf.read();
    let t = &tables(&doc)[0];
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(row(t, 0), ["指标", "满分值", "得分"]);
    assert_eq!(row(t, 2), ["合计", "10", "9.3"]);
    assert!(
        doc.blocks
            .iter()
            .any(|b| matches!(b, Block::Heading(h) if h.text == "摘要")),
        "{:?}",
        doc.blocks
    );
    assert!(paragraphs(&doc)[0].starts_with("各项指标得分"));
}

#[test]
fn two_rows_figures_set_close_are_two_rows() {
    // Rows set close together (no borders, little padding): the second row's figures are not
    // the first row's wrapped, as a figure wrapped in a narrow cell (`10.0` / `0`) would be.
    let pdf = header(Pdf::default().page(), 100.0)
        .line(
            114.0,
            &[
                (60.0, "效益指标"),
                (150.0, "社会效益"),
                (260.0, "甲"),
                (400.0, "15.00"),
                (460.0, "15.00"),
            ],
        )
        .line(122.0, &[(260.0, "乙"), (400.0, "15.00"), (460.0, "14.00")])
        .line(141.0, &[(60.0, "总分"), (400.0, "30.00"), (460.0, "29.00")]);
    let t = &tables(&pdf.read())[0];
    assert_eq!(row(t, 1)[3..], ["15.00", "15.00"]);
    assert_eq!(row(t, 2), ["", "", "乙", "15.00", "14.00"]);
}

#[test]
fn a_label_row_with_no_figures_under_a_short_label_is_a_row_of_its_own() {
    // `经济效益指标` (a group with no indicators yet) under `质量指标`, whose line had room
    // for more: not the rest of `质量指标` wrapped, but a row of its own.
    let pdf = header(Pdf::default().page(), 100.0)
        .line(
            120.0,
            &[
                (60.0, "产出指标"),
                (150.0, "数量指标"),
                (260.0, "甲"),
                (400.0, "25"),
                (460.0, "25"),
            ],
        )
        .line(
            136.0,
            &[
                (150.0, "质量指标"),
                (260.0, "乙"),
                (400.0, "25"),
                (460.0, "25"),
            ],
        )
        .line(152.0, &[(150.0, "经济效益指标")])
        .line(
            168.0,
            &[
                (60.0, "效益指标"),
                (150.0, "服务对象满意度指标"),
                (260.0, "丙"),
                (400.0, "50"),
                (460.0, "49"),
            ],
        );
    let t = &tables(&pdf.read())[0];
    assert_eq!(row(t, 2), ["", "质量指标", "乙", "25", "25"]);
    assert_eq!(row(t, 3), ["", "经济效益指标"]);
    assert_eq!(t.len(), 5);
}

#[test]
fn a_label_one_row_from_the_rows_on_both_sides_is_a_row_of_its_own() {
    // `D2 经济效益指标` sits a row's distance below `D11` and above `D3`: a second-level
    // label with no figures, not the label of `D11`'s row (which would put D11 under D2).
    let pdf = header(Pdf::default().page(), 100.0)
        .line(116.0, &[(150.0, "D1数量指标"), (400.0, "10"), (460.0, "8")])
        .line(
            132.0,
            &[(260.0, "D11受益人数"), (400.0, "10"), (460.0, "8")],
        )
        .line(148.0, &[(150.0, "D2经济效益")])
        .line(164.0, &[(150.0, "D3社会效益"), (400.0, "10"), (460.0, "7")])
        .line(
            180.0,
            &[(260.0, "D31事故下降"), (400.0, "10"), (460.0, "7")],
        );
    let t = &tables(&pdf.read())[0];
    assert_eq!(row(t, 2), ["", "", "D11受益人数", "10", "8"]);
    assert_eq!(row(t, 3), ["", "D2经济效益"]);
    assert_eq!(row(t, 4), ["", "D3社会效益", "", "10", "7"]);
}

#[test]
fn a_two_level_header_stays_two_rows() {
    // `预算金额` spans `年初` and `调整后` below it: joined into one row, the second budget
    // column would lose its name and the first would be read as the only budget.
    let pdf = Pdf::default()
        .page()
        .line(
            100.0,
            &[(150.0, "预算金额"), (330.0, "实际支出"), (420.0, "执行率")],
        )
        .line(108.0, &[(60.0, "项目")])
        .line(116.0, &[(150.0, "年初"), (240.0, "调整后")])
        .line(
            132.0,
            &[
                (60.0, "设备购置"),
                (150.0, "50.00"),
                (240.0, "48.00"),
                (330.0, "48.00"),
                (420.0, "100.00%"),
            ],
        )
        .line(
            148.0,
            &[
                (60.0, "运维服务"),
                (150.0, "40.00"),
                (240.0, "42.00"),
                (330.0, "40.00"),
                (420.0, "95.24%"),
            ],
        );
    let t = &tables(&pdf.read())[0];
    assert_eq!(row(t, 0), ["项目", "预算金额", "", "实际支出", "执行率"]);
    assert_eq!(row(t, 1), ["", "年初", "调整后"]);
    assert_eq!(
        row(t, 2),
        ["设备购置", "50.00", "48.00", "48.00", "100.00%"]
    );
}

#[test]
fn a_cells_last_line_above_a_repeated_header_stays_with_its_row() {
    // A row's long cell ends (`度`) just above the table's header, repeated in the middle of
    // the table: `度` is not the start of a header cell `度四级指标`, whose line had room.
    let pdf = header(Pdf::default().page(), 100.0)
        .line(
            116.0,
            &[
                (60.0, "C项目效益"),
                (260.0, "平台操作便捷性"),
                (400.0, "5"),
                (460.0, "3.70"),
            ],
        )
        .line(128.0, &[(260.0, "度")]);
    let pdf = header(pdf, 144.0).line(
        160.0,
        &[
            (150.0, "C2可持续"),
            (260.0, "长效机制"),
            (400.0, "2"),
            (460.0, "2.00"),
        ],
    );
    let t = &tables(&pdf.read())[0];
    let all: Vec<Vec<&str>> = (0..t.len()).map(|r| row(t, r)).collect();
    assert!(
        all.iter()
            .any(|r| r.as_slice() == ["一级指标", "二级指标", "三级指标", "分值", "得分"]),
        "{all:#?}"
    );
    assert!(
        all.iter().all(|r| !r.iter().any(|c| c.starts_with("度"))),
        "{all:#?}"
    );
}

#[test]
fn a_table_ending_with_a_page_break_reads_without_panicking() {
    // Found by the sample corpus: a table whose last line opens a new page (the search for
    // a repeated header after a cut row's rest ran past the table's end).
    let pdf = header(Pdf::default().page(), 100.0)
        .line(
            116.0,
            &[(60.0, "甲"), (260.0, "乙"), (400.0, "10"), (460.0, "9")],
        )
        .line(
            560.0,
            &[(60.0, "丙"), (260.0, "丁"), (400.0, "10"), (460.0, "8")],
        )
        .page()
        .line(60.0, &[(260.0, "续")]);
    let doc = pdf.read();
    assert!(!tables(&doc).is_empty());
}

#[test]
fn a_forms_title_set_close_under_the_form_before_ends_that_table() {
    // Forms printed one after another: the next form's title, as close under the last row
    // (`评分等级 | 优`) as rows are, is that form's title, not the rest of `评分等级`.
    let pdf = header(Pdf::default().page(), 100.0)
        .line(
            116.0,
            &[
                (60.0, "产出指标"),
                (150.0, "数量指标"),
                (400.0, "90"),
                (460.0, "90"),
            ],
        )
        .line(132.0, &[(60.0, "总分"), (400.0, "90"), (460.0, "90")])
        .line(148.0, &[(60.0, "评分等级"), (150.0, "优")])
        .line(162.0, &[(60.0, "2023年度项目支出绩效自评表")]);
    let pdf = header(pdf, 178.0).line(
        194.0,
        &[
            (60.0, "效益指标"),
            (150.0, "社会效益"),
            (400.0, "90"),
            (460.0, "88"),
        ],
    );
    let doc = pdf.read();
    assert!(
        paragraphs(&doc)
            .iter()
            .any(|p| p.contains("2023年度项目支出绩效自评表")),
        "{:#?}",
        tables(&doc)
    );
    for table in tables(&doc) {
        assert!(
            table.iter().flatten().all(|c| !c.contains("自评表")),
            "{table:#?}"
        );
    }
}

#[test]
fn fund_rows_of_placeholders_set_close_stay_rows() {
    // Part rows with no amounts, only `—` under points and score, printed without borders so
    // that their lines are as close as a wrapped cell's: each is a row, not the rest of the one
    // above (a dash is a whole cell).
    let pdf = Pdf::default()
        .page()
        .line(
            100.0,
            &[
                (60.0, "项目资金"),
                (150.0, "年初预算数"),
                (240.0, "全年执行数"),
                (330.0, "分值"),
                (400.0, "得分"),
            ],
        )
        .line(
            114.0,
            &[
                (60.0, "总额"),
                (150.0, "50.00"),
                (240.0, "47.50"),
                (330.0, "10"),
                (400.0, "9.50"),
            ],
        )
        .line(128.0, &[(60.0, "财政专户资金"), (330.0, "—"), (400.0, "—")])
        .line(140.0, &[(60.0, "单位资金"), (330.0, "—"), (400.0, "—")])
        .line(152.0, &[(60.0, "其他资金"), (330.0, "—"), (400.0, "—")]);
    let t = &tables(&pdf.read())[0];
    let labels: Vec<&str> = (0..t.len()).map(|r| row(t, r)[0]).collect();
    assert_eq!(
        labels,
        ["项目资金", "总额", "财政专户资金", "单位资金", "其他资金"]
    );
    assert!(
        (2..5).all(|r| row(t, r).iter().filter(|c| **c == "—").count() == 2),
        "{t:#?}"
    );
}

#[test]
fn a_header_with_one_line_cells_centred_between_wrapped_ones_is_one_row() {
    // `年度预算数（万` / `元）` and `预算执行` / `数` wrap over two lines; `年初预算` and `权重`,
    // on one line, are centred between them. The second lines are the header's, not a row.
    let pdf = Pdf::default()
        .page()
        .line(100.0, &[(60.0, "年度预算数（万"), (240.0, "预算执行")])
        .line(106.0, &[(150.0, "年初预算"), (330.0, "权重")])
        .line(112.0, &[(60.0, "元）"), (240.0, "数")])
        .line(
            130.0,
            &[
                (60.0, "总额"),
                (150.0, "500.00"),
                (240.0, "470.40"),
                (330.0, "10"),
            ],
        )
        .line(
            146.0,
            &[
                (60.0, "其中：财政资金"),
                (150.0, "500.00"),
                (240.0, "470.40"),
                (330.0, "—"),
            ],
        );
    let t = &tables(&pdf.read())[0];
    assert_eq!(
        row(t, 0),
        ["年度预算数（万元）", "年初预算", "预算执行数", "权重"]
    );
    assert_eq!(row(t, 1), ["总额", "500.00", "470.40", "10"]);
    assert_eq!(t.len(), 3);
}

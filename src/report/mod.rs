//! Recognising the parts of a report in a [`Document`]: score tables and indicator trees,
//! score summaries, budget and fund tables, self-evaluation forms, and the total and grade
//! stated in prose.
//!
//! Recognition is by header words and row shapes, never by fixed positions. What cannot be
//! recognised is recorded in [`Report::skipped`] (shown by `--verbose`) and otherwise ignored:
//! a linter that guesses produces findings that are wrong.

mod align;
mod amounts;
pub mod columns;
pub mod facts;
pub mod fit;
pub mod labels;
mod model;
pub mod prose;
mod scores;
mod segments;
pub mod structure;

pub use model::*;

use crate::diagnostic::Text;
use crate::document::{Block, Document, NumberStyle, Span};
use crate::text::{compact, is_total_label};
use prose::claims::{self, Claim, DateMention, Region};
use segments::Segment;

/// The longest paragraph read as part of a table's caption.
const MAX_CAPTION_BYTES: usize = 300;

/// The most figures read from a document's prose.
const MAX_PROSE_FIGURES: usize = 100_000;

/// Prose gathered while walking the document: claims and dates, and where the walk is.
#[derive(Default)]
struct ProseSink {
    claims: Vec<Claim>,
    dates: Vec<DateMention>,
    breakdowns: Vec<claims::Breakdown>,
    /// Claims made inside a form, by the form's index.
    form_claims: Vec<(usize, usize)>,
    /// Figures too large or too precise to judge.
    unjudged: Vec<Span>,
    /// The first block left unread once [`MAX_PROSE_FIGURES`] figures were read.
    unread: Option<Span>,
    blocks: usize,
}

impl ProseSink {
    /// The figures of a table cell, placed through the cell's piece map when its text is not a
    /// verbatim copy of the source.
    fn add_cell(&mut self, cell: &crate::document::Cell, region: Region, form: Option<usize>) {
        if cell.is_verbatim() {
            self.add(&cell.text, cell.span.start, region, form, |s| s);
        } else {
            self.add(&cell.text, 0, region, form, |s| {
                cell.sub_span(s.start, s.end)
            });
        }
    }

    fn add(
        &mut self,
        text: &str,
        base: usize,
        region: Region,
        form: Option<usize>,
        place: impl Fn(Span) -> Span,
    ) {
        // A report states a few hundred figures; past this many the text is generated or
        // flattened data, and holding every figure would cost memory out of all proportion.
        if self.claims.len() >= MAX_PROSE_FIGURES {
            self.unread
                .get_or_insert(Span::new(base, base + text.len()));
            return;
        }
        let limit = MAX_PROSE_FIGURES - self.claims.len();
        let mut analysis = claims::analyse_at_most(text, base, region, self.blocks, limit);
        analysis.map_spans(&place);
        let claims::Analysis {
            claims,
            dates,
            breakdowns,
            unjudged,
            stopped,
        } = analysis;
        if let Some(at) = stopped {
            let at = place(Span::new(at, at)).start;
            self.unread
                .get_or_insert(Span::new(at, (base + text.len()).max(at)));
        }
        self.unjudged.extend(unjudged);
        self.blocks += 1;
        let offset = self.claims.len();
        self.breakdowns.extend(breakdowns.into_iter().map(|mut b| {
            b.total += offset;
            for p in &mut b.parts {
                *p += offset;
            }
            b
        }));
        if let Some(f) = form {
            self.form_claims
                .extend((offset..offset + claims.len()).map(|c| (c, f)));
        }
        self.claims.extend(claims);
        self.dates.extend(dates);
    }
}

/// Recognise the report's parts.
pub fn recognise(doc: &Document) -> Report {
    let mut report = Report {
        revisions: doc.revisions.clone(),
        skipped: doc.unread.iter().map(unread).collect(),
        ..Report::default()
    };
    let mut evaluation_tables: Vec<Scorecard> = Vec::new();
    let mut forms: Vec<Form> = Vec::new();
    let mut prose_totals = Vec::new();
    let mut prose_grades = Vec::new();
    let mut sink = ProseSink::default();
    let mut region = Region::Cover;
    let mut abstract_opened = false;
    let mut caption = String::new();
    // Where table rows flattened into text hold a total (`合计 100 80.00`): a table not read.
    let mut unread_totals: Vec<usize> = Vec::new();

    // Fund blocks of forms that were found but could not be read: the form below one has an
    // execution-rate item of unknown figures.
    let unread_of = |fund: bool| -> Vec<Span> {
        doc.unread
            .iter()
            .filter(|u| {
                matches!(
                    u.what,
                    crate::document::UnreadKind::TableNotFitted { fund: f, .. } if f == fund
                )
            })
            .map(|u| u.span)
            .collect()
    };
    let mut unread_funds = unread_of(true);
    // Indicator tables of forms found but not read: the form above one is closed by it.
    let unread_indicators = unread_of(false);
    for block in &doc.blocks {
        match block {
            Block::Table(table) => {
                // A table whose header cells ran together (printed without gaps between its
                // columns): its columns cannot be told apart, so nothing in it is judged.
                if let Some(cell) = table
                    .rows
                    .iter()
                    .filter(|r| {
                        !r.cells
                            .iter()
                            .any(|c| crate::number::looks_numeric(c.text.trim()))
                    })
                    .flat_map(|r| r.cells.iter())
                    .find(|c| columns::runs_columns_together(&c.text))
                {
                    report.skipped.push(Skipped {
                        span: table.span,
                        what: crate::diagnostic::Text::new(
                            format!("表格的表头单元格连在一起（“{}”），各列无法分开，未识别", cell.text.trim()),
                            format!("a table whose header cells run together (“{}”): its columns cannot be told apart, not recognised", cell.text.trim()),
                        ),
                    });
                    caption.clear();
                    continue;
                }
                for cell in table.rows.iter().flat_map(|r| r.cells.iter()) {
                    if crate::number::too_large_to_judge(&cell.text) {
                        report.skipped.push(Skipped {
                            span: cell.span,
                            what: too_large(),
                        });
                    }
                    let mut found = prose::weights::statements(&cell.text, 0);
                    for statement in &mut found {
                        statement.span = cell.sub_span(statement.span.start, statement.span.end);
                        for item in &mut statement.items {
                            item.span = cell.sub_span(item.span.start, item.span.end);
                            item.points.span =
                                cell.sub_span(item.points.span.start, item.points.span.end);
                        }
                    }
                    report.weight_statements.extend(found);
                }
                let segs = segments::segments(table);
                recognise_table(
                    &segs,
                    table.span,
                    &mut report,
                    &mut evaluation_tables,
                    &mut forms,
                    &mut sink,
                    Around {
                        caption: &caption,
                        unread_funds: &mut unread_funds,
                        unread_indicators: &unread_indicators,
                    },
                );
                caption.clear();
            }
            Block::Paragraph(p) => {
                // A form's title starts another form: the one before is complete, and
                // indicators after this are not its.
                if starts_form(&p.text) {
                    if let Some(open) = forms.last_mut() {
                        open.has_indicators = true;
                    }
                }
                let totals = prose::statements::totals(p);
                let grades = prose::statements::grades(p);
                let paragraph_total = totals.first().map(|t| t.num.clone());
                for g in grades {
                    prose_grades.push(StatedGrade {
                        text: g.text,
                        span: g.span,
                        origin: Origin::Prose,
                        total: paragraph_total.clone(),
                    });
                }
                prose_totals.extend(totals.into_iter().map(|t| t.num));
                report
                    .weight_statements
                    .extend(prose::weights::statements(&p.text, p.span.start));
                // Lines that are table rows flattened into text state nothing: the rest of
                // the paragraph is read around them.
                let mut from = 0;
                for flat in prose::flattened_rows(&p.text) {
                    let row = &p.text[flat.clone()];
                    if row.split_whitespace().next().is_some_and(is_total_label)
                        && row.chars().any(|c| c.is_ascii_digit())
                    {
                        unread_totals.push(p.span.start + flat.start);
                    }
                    sink.add(
                        &p.text[from..flat.start],
                        p.span.start + from,
                        region,
                        None,
                        |s| s,
                    );
                    report.skipped.push(Skipped {
                        span: Span::new(p.span.start + flat.start, p.span.start + flat.end),
                        what: crate::diagnostic::Text::new(
                            "表格行被展平为一行文字：其中的数字不作为正文陈述核对",
                            "a table row flattened onto one line: its figures are not read as statements",
                        ),
                    });
                    from = flat.end;
                }
                sink.add(&p.text[from..], p.span.start + from, region, None, |s| s);
                // The lines between two tables caption the next one (表 3：… / 单位：万元):
                // the last few short ones, not every paragraph since the last table.
                if p.text.len() <= MAX_CAPTION_BYTES {
                    if caption.len() > 4 * MAX_CAPTION_BYTES {
                        caption.clear();
                    }
                    caption.push_str(&p.text);
                    caption.push('\n');
                }
            }
            Block::Heading(h) => {
                region = match compact(&h.text).as_str() {
                    "目录" => Region::Contents,
                    "摘要" => {
                        abstract_opened = false;
                        Region::Abstract
                    }
                    "前言" => Region::Preface,
                    _ => match (region, h.number) {
                        (Region::Abstract, Some(n))
                            if n.style == NumberStyle::ChineseEnumeration =>
                        {
                            // The abstract's own 一、二、三 end when the body's 一、 begins.
                            if n.value == 1 && abstract_opened {
                                Region::Body
                            } else {
                                abstract_opened = true;
                                Region::Abstract
                            }
                        }
                        (Region::Abstract, _) => Region::Abstract,
                        (_, Some(_)) => Region::Body,
                        (r, None) => r,
                    },
                };
            }
        }
    }

    let mut cards = assemble_evaluation(evaluation_tables);
    if cards.is_empty()
        && (!prose_totals.is_empty() || !prose_grades.is_empty())
        && forms.is_empty()
    {
        let span = prose_totals
            .iter()
            .map(|t| t.span)
            .chain(prose_grades.iter().map(|g| g.span))
            .reduce(Span::cover)
            .unwrap_or_default();
        cards.push(Scorecard::new(ScorecardKind::Evaluation, span));
    }
    // The first score table read is taken as the report's, unless a table with a total that
    // could not be read comes before it: that may be the report's own, and the one read a
    // breakdown (by district, by year). Then what the prose states is not held to it.
    if let Some(card) = cards
        .first()
        .filter(|c| c.nodes.len() > 1 && unread_totals.iter().any(|&at| at < c.span.start))
    {
        report.skipped.push(Skipped {
            span: card.span,
            what: crate::diagnostic::Text::new(
                "此前有一个带合计行的表格未能读取，无法确定哪张是报告的评分表：正文所述总分、等级不与此表核对",
                "a table with a total row before this one could not be read, so which one is the report's score table is not known: the totals and grades stated in the prose are not checked against this one",
            ),
        });
        cards.insert(
            0,
            Scorecard::new(ScorecardKind::Evaluation, Span::default()),
        );
    }
    let evaluation_cards = cards.len();
    if let Some(card) = cards.first_mut() {
        card.prose_totals.extend(prose_totals);
        card.grades.extend(prose_grades);
    }
    report.scorecards = cards;
    report.scorecards.extend(forms.into_iter().map(|f| f.card));
    for card in &mut report.scorecards {
        if let Some(skipped) = unfilled(card) {
            report.skipped.push(skipped);
        }
    }

    // Claims belong to their form, or to the report's evaluation.
    for claim in &mut sink.claims {
        claim.scope = (evaluation_cards > 0).then_some(0);
    }
    for &(claim, form) in &sink.form_claims {
        sink.claims[claim].scope = Some(evaluation_cards + form);
    }
    let table_activities = std::mem::take(&mut report.facts.activities);
    report.facts = facts::find(&sink.dates);
    report.facts.activities.extend(table_activities);
    report.structure = structure::build(doc);
    report.facts.kind = document_kind(&report);
    report.facts.fragment = fragment(doc, &report);
    report.claims = sink.claims;
    report.breakdowns = sink.breakdowns;
    if let Some(span) = sink.unread {
        report.skipped.push(Skipped {
            span,
            what: Text::new(
                format!("前 {MAX_PROSE_FIGURES} 个数字之后的正文未读取（是生成或压平的文本？）"),
                format!(
                    "prose after the first {MAX_PROSE_FIGURES} figures: not read (a generated or flattened text?)"
                ),
            ),
        });
    }
    report
        .skipped
        .extend(sink.unjudged.into_iter().map(|span| Skipped {
            span,
            what: too_large(),
        }));
    report.dates = sink.dates;
    report
}

/// What a reader saw but did not read, as a "cannot check" note.
fn unread(u: &crate::document::Unread) -> Skipped {
    Skipped {
        span: u.span,
        what: describe_unread(&u.what),
    }
}

/// What a reader did not read, in words (for `--verbose`, `inspect` and `extract`).
pub fn describe_unread(what: &crate::document::UnreadKind) -> Text {
    use crate::document::UnreadKind;
    match what {
        UnreadKind::HiddenRows { sheet, rows } => {
            let rows: Vec<String> = rows.iter().take(10).map(u32::to_string).collect();
            Text::new(
                format!(
                    "工作表「{sheet}」的隐藏行（第 {} 行）未读取",
                    rows.join("、")
                ),
                format!(
                    "hidden rows of sheet “{sheet}” (row {}), not read",
                    rows.join(", ")
                ),
            )
        }
        UnreadKind::PageWithoutText { page } => Text::new(
            format!("第 {page} 页没有文字层（扫描页？），未读取；需先做文字识别（OCR）"),
            format!("page {page} has no text layer (a scanned page?), not read; it needs OCR"),
        ),
        UnreadKind::HiddenSheet { sheet } => Text::new(
            format!("隐藏的工作表「{sheet}」未读取"),
            format!("hidden sheet “{sheet}”, not read"),
        ),
        UnreadKind::Images { count } => Text::new(
            format!("{count} 个图片或嵌入对象：不是文字，未读取"),
            format!("{count} pictures or embedded objects: not text, not read"),
        ),
        UnreadKind::TableTooLarge { rows, columns } => Text::new(
            format!("{rows} 行 × {columns} 列的表格过大，未读取"),
            format!("a table of {rows} rows × {columns} columns, too large to read"),
        ),
        UnreadKind::TableNotFitted {
            table,
            ambiguous: true,
            ..
        } => Text::new(
            format!("表格（{table}）的单元格可以按多种方式排成行，未识别，不作判断"),
            format!("a table ({table}) whose cells fit its rows in more than one way: not recognised, not judged"),
        ),
        UnreadKind::TableNotFitted {
            table,
            ambiguous: false,
            ..
        } => Text::new(
            format!("表格（{table}）的单元格无法排成该表的行，未识别"),
            format!("a table ({table}) whose cells do not fit its rows: not recognised"),
        ),
        UnreadKind::TooDeep => Text::new(
            "嵌套过深的内容（表中套表……）未读取",
            "content nested too deep (tables in tables…), not read",
        ),
    }
}

fn too_large() -> Text {
    Text::new(
        format!(
            "数字过大或过精确，无法判断（整数部分超过 {} 位或小数超过 {} 位）",
            crate::number::MAX_INTEGER_DIGITS,
            crate::number::MAX_DECIMALS
        ),
        format!(
            "a figure too large or too precise to judge (more than {} digits before the point or {} after it)",
            crate::number::MAX_INTEGER_DIGITS,
            crate::number::MAX_DECIMALS
        ),
    )
}

/// A scorecard whose indicator scores are all blank is an unfilled form: nothing can be
/// checked against its scores, and its rows are not each missing a score. Returns the note
/// for `--verbose`.
fn unfilled(card: &mut Scorecard) -> Option<Skipped> {
    let blanks = card
        .nodes
        .iter()
        .filter(|n| n.missing_score.is_some())
        .count();
    let scored = card
        .nodes
        .iter()
        .skip(1)
        .any(|n| n.score.iter().any(|s| s.origin == Origin::Detail));
    if blanks == 0 || scored {
        return None;
    }
    for node in &mut card.nodes {
        node.missing_score = None;
    }
    Some(Skipped {
        span: card.span,
        what: Text::new(
            format!("自评表未填写得分（{blanks} 个指标）：无法检查得分"),
            format!(
                "a form with no scores filled in ({blanks} indicators): cannot check its scores"
            ),
        ),
    })
}

/// What the document is: a project's evaluation report, a 部门整体 report, a file of
/// self-evaluation forms, or none of these. Forms with a page title around them (a web page
/// titled `…年度报告`) are forms: a report has an outline of its own.
fn document_kind(report: &Report) -> facts::DocumentKind {
    use facts::DocumentKind;
    let title = report
        .structure
        .title
        .as_ref()
        .map(|(t, _)| compact(t))
        .unwrap_or_default();
    let forms = report
        .scorecards
        .iter()
        .any(|c| c.kind == ScorecardKind::SelfEvaluation);
    let evaluation = report
        .scorecards
        .iter()
        .any(|c| c.kind == ScorecardKind::Evaluation && c.nodes.len() > 1);
    let numbered_sections = report
        .structure
        .top_level()
        .filter(|i| i.number.is_some())
        .count();
    let outline = numbered_sections >= 3
        && report
            .structure
            .top_level()
            .any(|i| compact(&i.title).contains("评价"));
    if title.contains("部门整体") {
        return DocumentKind::DepartmentReport;
    }
    if forms && !evaluation && numbered_sections < 3 {
        return DocumentKind::SelfEvaluationForms;
    }
    if title.contains("评价报告") || title.ends_with("报告") || outline {
        DocumentKind::EvaluationReport
    } else if forms {
        DocumentKind::SelfEvaluationForms
    } else {
        DocumentKind::Unknown
    }
}

/// Whether the document is an excerpt: its last paragraph stops mid-sentence, or it ends
/// inside a score table that never reaches its 合计/总分 row.
fn fragment(doc: &Document, report: &Report) -> Option<facts::Fragment> {
    let last = doc.blocks.iter().rev().find(|b| match b {
        Block::Paragraph(p) => !p.text.trim().is_empty(),
        _ => true,
    })?;
    match last {
        Block::Paragraph(p) => {
            let text = p.text.trim_end();
            let stops = text.ends_with([
                '。', '！', '？', '!', '?', '…', '”', '"', '）', ')', '」', '》', '；', ';',
            ]);
            // A signature, a date or a caption is short and ends without a full stop.
            (!stops && text.chars().count() >= 30 && p.number.is_none())
                .then_some(facts::Fragment::EndsMidSentence(p.span))
        }
        Block::Table(t) => {
            let cut = report.scorecards.iter().any(|c| {
                c.span.end >= t.span.end
                    && c.nodes.len() > 1
                    && c.root().full.is_empty()
                    && c.root().score.is_empty()
            });
            cut.then_some(facts::Fragment::EndsMidTable(t.span))
        }
        Block::Heading(_) => None,
    }
}

/// A self-evaluation form being assembled: its fund block has been seen, its indicator block
/// may follow.
struct Form {
    card: Scorecard,
    has_indicators: bool,
}

/// What surrounds a table: the lines captioning it, and the fund blocks and indicator tables
/// of forms that were found but could not be read (fund blocks missing their header are added
/// as they are met).
struct Around<'a> {
    caption: &'a str,
    unread_funds: &'a mut Vec<Span>,
    unread_indicators: &'a [Span],
}

fn recognise_table(
    segs: &[Segment<'_>],
    table_span: Span,
    report: &mut Report,
    evaluation_tables: &mut Vec<Scorecard>,
    forms: &mut Vec<Form>,
    sink: &mut ProseSink,
    around: Around<'_>,
) {
    let Around {
        caption,
        unread_funds,
        unread_indicators,
    } = around;
    let mut recognised_any = false;
    let mut title: Option<String> = None;
    let mut i = 0;
    while i < segs.len() {
        let seg = &segs[i];
        if seg.header.is_none() {
            title = title.or_else(|| form_title(seg));
            if amounts::is_headerless_fund(seg) {
                unread_funds.extend(seg.span());
            }
            i += 1;
            continue;
        }
        if amounts::is_fund_segment(seg) {
            if let Some(table) =
                amounts::read_amount_table(&[seg], AmountTableKind::FundBlock, caption)
            {
                let span = table.span;
                report.amount_tables.push(table);
                let fund = report.amount_tables.len() - 1;
                let mut card = Scorecard::new(ScorecardKind::SelfEvaluation, span);
                card.title = title.take();
                card.fund = Some(fund);
                add_execution_node(&mut card, &report.amount_tables[fund]);
                forms.push(Form {
                    card,
                    has_indicators: false,
                });
                recognised_any = true;
            }
        } else if scores::is_score_segment(seg) {
            // A score table continued in another segment with the same header (page break
            // with an interrupting row) is one table.
            let mut group = vec![seg];
            while i + 1 < segs.len()
                && scores::is_score_segment(&segs[i + 1])
                && same_roles(seg, &segs[i + 1])
            {
                i += 1;
                group.push(&segs[i]);
            }
            // An indicator table with 年度指标值 and 实际完成值 columns is a self-evaluation
            // form's, with or without a fund block above it.
            let form_layout = seg
                .header
                .as_ref()
                .is_some_and(|h| h.has(columns::Role::Target) && h.has(columns::Role::Actual));
            // A form whose own indicator table was found but not read ends there: the next
            // indicator table is another form's.
            if let Some(open) = forms.last_mut().filter(|f| !f.has_indicators) {
                let start = group_span(&group).start;
                if unread_indicators
                    .iter()
                    .any(|s| s.start >= open.card.span.end && s.end <= start)
                {
                    open.has_indicators = true;
                }
            }
            if form_layout && forms.last().is_none_or(|f| f.has_indicators) {
                let span = group_span(&group);
                let mut card = Scorecard::new(ScorecardKind::SelfEvaluation, span);
                card.title = title.take();
                let after = forms.last().map_or(0, |f| f.card.span.end);
                if let Some(fund) = unread_funds
                    .iter()
                    .find(|s| s.start >= after && s.end <= span.start)
                {
                    add_unread_execution_node(&mut card, *fund);
                }
                forms.push(Form {
                    card,
                    has_indicators: false,
                });
            }
            let open_form = forms.last_mut().filter(|f| !f.has_indicators);
            match open_form {
                Some(form) => {
                    let table = form
                        .card
                        .nodes
                        .iter()
                        .filter_map(|n| n.table)
                        .max()
                        .map_or(0, |t| t + 1);
                    scores::add_score_table(&mut form.card, table, &group);
                    form.card.span = form.card.span.cover(group_span(&group));
                    form.has_indicators = true;
                }
                None => {
                    let mut card = Scorecard::new(ScorecardKind::Evaluation, group_span(&group));
                    scores::add_score_table(&mut card, 0, &group);
                    evaluation_tables.push(card);
                }
            }
            recognised_any = true;
        } else if amounts::is_amount_segment(seg) {
            if let Some(table) = amounts::read_amount_table(&[seg], AmountTableKind::Table, caption)
            {
                report.amount_tables.push(table);
                recognised_any = true;
            }
        } else if let Some(activities) = activity_dates(seg, caption) {
            report.facts.activities.extend(activities);
            recognised_any = true;
        } else if let Some(rows) = goal_rows(seg) {
            report.goal_rows.extend(rows);
            recognised_any = true;
        } else if let Some(form) = forms.last_mut() {
            // The form's goal row: what it expected, and what it achieved.
            form.card.span = form.card.span.cover(group_span(&[seg]));
            if let Some(header) = &seg.header {
                let target = header.find(columns::Role::Target);
                let actual = header.find(columns::Role::Actual);
                if let (Some(row), Some(target), Some(actual)) = (seg.rows.first(), target, actual)
                {
                    let index = forms.len() - 1;
                    for (col, cell) in row.filled() {
                        let region = if col >= actual && actual > target {
                            Region::FormResult
                        } else {
                            Region::FormGoal
                        };
                        sink.add_cell(cell, region, Some(index));
                    }
                }
            }
            recognised_any = true;
        }
        i += 1;
    }
    if !recognised_any {
        report.skipped.push(Skipped {
            span: table_span,
            what: describe_unrecognised(segs),
        });
    }
}

/// Dates of a table of evaluation activities (访谈时间 | 访谈对象 | 访谈内容): a date column in a
/// table whose header or caption names an activity.
fn activity_dates(seg: &Segment<'_>, caption: &str) -> Option<Vec<facts::Activity>> {
    let header = seg.header.as_ref()?;
    let date_col = (0..header.texts.len()).find(|&i| {
        let t = compact(header.text(i));
        t.contains("时间") || t.contains("日期")
    })?;
    let header_words = compact(&header.texts.join(""));
    let caption_line = caption
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let what = facts::ACTIVITY_WORDS
        .iter()
        .find(|w| header_words.contains(**w) || compact(caption_line).contains(**w))?;
    let mut out = Vec::new();
    for row in &seg.rows {
        let Some(cell) = row.cell(date_col).filter(|c| !c.is_empty()) else {
            continue;
        };
        for token in prose::scan::scan(&cell.text, 0) {
            if let prose::scan::Token::Date(range, at) = token {
                out.push(facts::Activity {
                    range,
                    span: cell.sub_span(at.start, at.end),
                    text: cell.text[at.start..at.end].to_string(),
                    what: what.to_string(),
                    source: facts::ActivitySource::Table,
                });
            }
        }
    }
    Some(out)
}

/// Rows of a performance-goal table (一级目标 | 二级目标 | 三级目标 | 目标值): the deepest name of
/// each row and its target.
fn goal_rows(seg: &Segment<'_>) -> Option<Vec<GoalRow>> {
    let header = seg.header.as_ref()?;
    let target = header.find(columns::Role::Target)?;
    if header.has(columns::Role::Score) || header.roles.iter().any(|r| r.is_value()) {
        return None;
    }
    let labels = header.level_columns();
    let first_label = *labels.first()?;
    let mut out = Vec::new();
    for row in &seg.rows {
        let Some(cell) = row.cell(target).filter(|c| !c.is_empty()) else {
            continue;
        };
        let name = (first_label..target)
            .rev()
            .filter_map(|c| row.cell(c))
            .find(|c| !c.is_empty())
            .map(|c| c.text.clone());
        if let Some(name) = name {
            out.push(GoalRow {
                name,
                target: CellText::new(cell.text.clone(), cell.span),
                row: row.span,
            });
        }
    }
    (!out.is_empty()).then_some(out)
}

fn same_roles(a: &Segment<'_>, b: &Segment<'_>) -> bool {
    match (&a.header, &b.header) {
        (Some(x), Some(y)) => x.roles == y.roles,
        _ => false,
    }
}

fn group_span(group: &[&Segment<'_>]) -> Span {
    group
        .iter()
        .filter_map(|s| s.span())
        .reduce(Span::cover)
        .unwrap_or_default()
}

fn describe_unrecognised(segs: &[Segment<'_>]) -> Text {
    match segs.iter().find_map(|s| s.header.as_ref()) {
        Some(h) => {
            let words: Vec<&str> = h
                .row
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .filter(|t| !t.is_empty())
                .collect();
            Text::new(
                format!(
                    "表头为 [{}] 的表格：没有得分、金额或比率列",
                    words.join(" | ")
                ),
                format!(
                    "table with header [{}]: no score, amount or rate columns",
                    words.join(" | ")
                ),
            )
        }
        None => Text::new(
            "没有可识别表头的表格",
            "table without a recognisable header row",
        ),
    }
}

/// `项目名称 | | 某系统运维` in the rows before a form's fund block.
/// Whether a paragraph opens a form: its title (…绩效自评表). Not its 项目名称 line, which a
/// PDF repeats at the top of every page the form runs over.
fn starts_form(text: &str) -> bool {
    // Asked of every paragraph: most have no 表, or are longer than a title (40 characters
    // without white space, which compacting keeps one for one).
    static TABLE: std::sync::LazyLock<crate::text::Cues> =
        std::sync::LazyLock::new(|| crate::text::Cues::new(&["表"]));
    if !TABLE.any_in(text)
        || text
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(40)
            .is_some()
    {
        return false;
    }
    compact(text).ends_with("自评表")
}

fn form_title(seg: &Segment<'_>) -> Option<String> {
    seg.rows.iter().find_map(|row| {
        let mut filled = row.filled();
        let (_, first) = filled.next()?;
        (compact(&first.text) == "项目名称").then(|| filled.next().map(|(_, c)| c.text.clone()))?
    })
}

/// The execution-rate item of a form: the fund block's total row carries its 分值 and 得分.
fn add_execution_node(card: &mut Scorecard, fund: &AmountTable) {
    let Some(total) = fund.rows.iter().find(|r| r.kind == RowKind::Total) else {
        return;
    };
    let value = |col: Option<usize>| {
        col.and_then(|c| total.values[c].clone()).map(|num| Stated {
            num,
            origin: Origin::FundBlock,
            row: total.span,
        })
    };
    let (full, score) = (
        value(fund.full_marks_column()),
        value(fund.column(columns::Role::Score)),
    );
    if full.is_none() && score.is_none() {
        return;
    }
    let mut node = execution_node(total.span, total.label_span);
    node.full.extend(full);
    node.score.extend(score);
    card.add_child(0, node);
}

/// The execution-rate item of a form whose fund block (at `fund`) could not be read: there,
/// but of unknown figures.
fn add_unread_execution_node(card: &mut Scorecard, fund: Span) {
    let mut node = execution_node(fund, fund);
    node.unread = true;
    card.add_child(0, node);
}

/// A form's execution-rate item, on the row at `row` labelled at `label`, with no figures yet.
fn execution_node(row: Span, label: Span) -> Node {
    let mut node = Node::new(NodeKind::ExecutionRate, 1, None);
    node.row = Some(row);
    node.label = Some(Label {
        code: None,
        name: "预算执行率".to_string(),
        span: label,
    });
    node
}

/// Combine the score tables of an evaluation report: a summary table (first-level rows only)
/// lends its figures to the first-level nodes of the detailed table it matches.
fn assemble_evaluation(tables: Vec<Scorecard>) -> Vec<Scorecard> {
    let (details, summaries): (Vec<Scorecard>, Vec<Scorecard>) = tables
        .into_iter()
        .partition(|c| c.nodes.iter().any(|n| n.level >= 2));
    let mut cards = details;
    for summary in summaries {
        let merged = cards
            .first_mut()
            .is_some_and(|detail| merge_summary(detail, &summary));
        if !merged {
            cards.push(summary);
        }
    }
    // Keep cards in document order.
    cards.sort_by_key(|c| c.span.start);
    cards
}

/// Merge `summary` into `detail` if every summary row names a first-level indicator of the
/// detailed table (by code, else by name). Returns whether it merged.
fn merge_summary(detail: &mut Scorecard, summary: &Scorecard) -> bool {
    let first_level = detail.root().children.clone();
    let mut pairs: Vec<(NodeId, NodeId)> = Vec::new();
    for &s in &summary.root().children {
        let Some(s_label) = summary.nodes[s].label.as_ref() else {
            return false;
        };
        let labels = |d: &NodeId| detail.nodes[*d].label.as_ref();
        // By code; else by the same name; else by a name that contains the other (项目决策 /
        // 决策), when exactly one indicator matches that way.
        let by_code = first_level.iter().find(|d| {
            labels(d).is_some_and(
                |b| matches!((&s_label.code, &b.code), (Some(x), Some(y)) if x.text == y.text),
            )
        });
        let name = compact(&s_label.name);
        let by_name = || {
            first_level
                .iter()
                .find(|d| labels(d).is_some_and(|b| !name.is_empty() && compact(&b.name) == name))
        };
        let by_containment = || {
            let found: Vec<&NodeId> = first_level
                .iter()
                .filter(|d| {
                    labels(d).is_some_and(|b| {
                        let other = compact(&b.name);
                        name.chars().count() >= 2
                            && other.chars().count() >= 2
                            && (other.contains(&name) || name.contains(&other))
                    })
                })
                .collect();
            (found.len() == 1).then(|| found[0])
        };
        let found = match (&s_label.code, by_code) {
            (_, Some(d)) => Some(*d),
            (Some(_), None)
                if first_level
                    .iter()
                    .any(|d| labels(d).is_some_and(|b| b.code.is_some())) =>
            {
                None
            }
            _ => by_name().or_else(by_containment).copied(),
        };
        match found {
            Some(d) if !pairs.iter().any(|(_, used)| *used == d) => pairs.push((s, d)),
            _ => return false,
        }
    }
    if pairs.is_empty() {
        return false;
    }
    let retag = |values: &[Stated]| -> Vec<Stated> {
        values
            .iter()
            .filter(|v| v.origin == Origin::Detail)
            .map(|v| Stated {
                origin: Origin::Summary,
                ..v.clone()
            })
            .collect()
    };
    for (s, d) in pairs.into_iter().chain(std::iter::once((0, 0))) {
        let from = &summary.nodes[s];
        let (full, score, rate) = (retag(&from.full), retag(&from.score), retag(&from.rate));
        let to = &mut detail.nodes[d];
        to.full.extend(full);
        to.score.extend(score);
        to.rate.extend(rate);
    }
    detail.grades.extend(summary.grades.iter().cloned());
    detail.span = detail.span.cover(summary.span);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read, Format};
    use crate::source::SourceFile;
    use rust_decimal_macros::dec;

    fn report(text: &str) -> Report {
        let src = SourceFile::new("t.txt", text.to_string(), "UTF-8");
        recognise(&read(&src, Format::Text))
    }

    #[test]
    fn summary_rows_named_differently_still_merge() {
        let r = report(
            "指标\t分值\t得分\n项目决策\t10\t9\n项目绩效\t90\t80\n合计\t100\t89\n\n\n\n一级指标\t二级指标\t分值\t得分\n决策\t立项\t10\t9\n绩效\t产出\t90\t80\n合计\t\t100\t89\n",
        );
        assert_eq!(r.scorecards.len(), 1, "merged into one scorecard");
        let card = &r.scorecards[0];
        let decision = &card.nodes[card.root().children[0]];
        assert!(decision.score.iter().any(|s| s.origin == Origin::Summary));
    }

    #[test]
    fn summary_rows_that_match_nothing_stay_apart() {
        let r = report(
            "指标\t分值\t得分\n甲\t10\t9\n乙\t90\t80\n\n\n\n一级指标\t二级指标\t分值\t得分\n决策\t立项\t10\t9\n绩效\t产出\t90\t80\n",
        );
        assert_eq!(r.scorecards.len(), 2);
    }

    #[test]
    fn weights_as_a_percentage_column() {
        let r = report("一级指标\t二级指标\t权重\t得分\n决策\t立项\t10%\t9\n绩效\t产出\t90%\t80\n合计\t\t100%\t89\n");
        let card = &r.scorecards[0];
        assert_eq!(card.root().full[0].num.value, dec!(100));
        let leaf = &card.nodes[card.nodes[card.root().children[0]].children[0]];
        assert_eq!(leaf.full[0].num.value, dec!(10));
    }

    #[test]
    fn forms_are_separate_scorecards_with_their_fund_blocks() {
        let form = "项目名称\t\t甲系统运维\n项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额:\t10\t10\t10\t10.00\t100.00\t10.00\n\t其中: 当年财政拨款\t10\t10\t10\t-\t100.00\t-\n一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t报告\t90.00\t90.00\n总分\t\t\t100.00\t100.00\n评分等级\t优\n\n\n\n";
        let r = report(&format!("{form}{}", form.replace("甲", "乙")));
        let forms: Vec<&Scorecard> = r
            .scorecards
            .iter()
            .filter(|c| c.kind == ScorecardKind::SelfEvaluation)
            .collect();
        assert_eq!(forms.len(), 2);
        assert_eq!(forms[1].title.as_deref(), Some("乙系统运维"));
        assert_eq!(forms[0].grades[0].text, "优");
        assert!(forms[0].fund.is_some() && forms[0].fund != forms[1].fund);
        let exec = &forms[0].nodes[forms[0].root().children[0]];
        assert_eq!(exec.kind, NodeKind::ExecutionRate);
    }
}

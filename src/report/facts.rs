//! What the report says about itself: which fiscal year it evaluates, when the evaluation
//! started and when the report is dated, the project's own dates, and when the evaluation's
//! activities (interviews, surveys, site checks) took place.

use super::prose::claims::{DateMention, Region};
use super::prose::date::{DateRange, Precision};
use crate::document::Span;

#[derive(Debug, Clone, Copy)]
pub struct Dated {
    pub range: DateRange,
    pub span: Span,
}

/// Where an activity date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivitySource {
    /// A date column of a table of interviews, surveys or visits.
    Table,
    /// A sentence that dates an activity.
    Prose,
}

#[derive(Debug, Clone)]
pub struct Activity {
    pub range: DateRange,
    pub span: Span,
    /// The date as printed.
    pub text: String,
    /// The activity word: 访谈, 调研, 问卷, 现场核查…
    pub what: String,
    pub source: ActivitySource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentKind {
    /// A project's 绩效评价报告 (third-party, or the department's own).
    EvaluationReport,
    /// A 部门整体 (whole-department) evaluation or self-evaluation report.
    DepartmentReport,
    /// One or more 绩效自评表, with at most a page title or a short text around them.
    SelfEvaluationForms,
    #[default]
    Unknown,
}

impl DocumentKind {
    /// The kind as users call it.
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            DocumentKind::EvaluationReport => ("评价报告", "report"),
            DocumentKind::DepartmentReport => ("部门整体报告", "department report"),
            DocumentKind::SelfEvaluationForms => ("自评表", "forms"),
            DocumentKind::Unknown => ("未识别", "unknown"),
        }
    }
}

/// Why a document is taken to be a part of one rather than the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fragment {
    /// Its last paragraph stops mid-sentence.
    EndsMidSentence(Span),
    /// It ends inside a score table that has no 合计/总分 row.
    EndsMidTable(Span),
}

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub kind: DocumentKind,
    /// Set when the document is an excerpt: findings about what the whole report lacks do not
    /// apply to it.
    pub fragment: Option<Fragment>,
    pub fiscal_year: Option<(i32, Span)>,
    pub evaluation_start: Option<Dated>,
    pub report_date: Option<Dated>,
    pub project_start: Option<Dated>,
    pub project_end: Option<Dated>,
    pub activities: Vec<Activity>,
}

/// Words naming an evaluation activity.
pub const ACTIVITY_WORDS: &[&str] = &[
    "现场核查",
    "实地核查",
    "访谈",
    "座谈",
    "调研",
    "问卷",
    "走访",
    "核查",
    "实地",
];

/// Verbs that, right after a date, say something was done then.
const DONE_THEN: &[&str] = &[
    "开展", "进行", "组织", "召开", "赴", "到", "前往", "发放", "回收", "完成", "实施",
];

/// Words that mark a date as a document's, not an activity's.
const DOCUMENT_WORDS: &[&str] = &["《", "〔", "印发", "发布", "文件", "通知", "办法", "意见"];

pub fn find(dates: &[DateMention]) -> Facts {
    let mut facts = Facts::default();
    for d in dates {
        let dated = Dated {
            range: d.range,
            span: d.span,
        };
        let standalone =
            d.before.is_empty() && d.after.is_empty() && d.sentence.chars().count() <= 12;
        match d.region {
            Region::Cover => {
                if standalone && d.range.precision != Precision::Year && facts.report_date.is_none()
                {
                    facts.report_date = Some(dated);
                } else if facts.fiscal_year.is_none()
                    && (d.range.precision == Precision::Year || d.after.starts_with('度'))
                {
                    facts.fiscal_year = Some((d.range.first.year, d.span));
                }
            }
            Region::Abstract | Region::Preface | Region::Body => {
                if facts.evaluation_start.is_none() && starts_evaluation(d) {
                    facts.evaluation_start = Some(dated);
                }
                if facts.fiscal_year.is_none()
                    && d.range.precision == Precision::Year
                    && d.before.ends_with("针对")
                {
                    facts.fiscal_year = Some((d.range.first.year, d.span));
                }
                if let Some(what) = dated_activity(d) {
                    facts.activities.push(Activity {
                        range: d.range,
                        span: d.span,
                        text: d.text.clone(),
                        what,
                        source: ActivitySource::Prose,
                    });
                }
            }
            _ => {}
        }
        // Project dates are fields wherever they stand.
        if d.range.precision == Precision::Day || d.range.precision == Precision::Month {
            if d.before.contains("开始时间")
                || d.before.contains("开工时间")
                || d.before.contains("启动时间")
            {
                facts.project_start.get_or_insert(dated);
            } else if ["完成时间", "结束时间", "竣工时间", "截止时间"]
                .iter()
                .any(|w| d.before.contains(w))
            {
                facts.project_end.get_or_insert(dated);
            }
        }
    }
    // A report dated only at its end.
    if facts.report_date.is_none() {
        if let Some(last) = dates.last() {
            if last.before.is_empty()
                && last.after.is_empty()
                && last.range.precision != Precision::Year
            {
                facts.report_date = Some(Dated {
                    range: last.range,
                    span: last.span,
                });
            }
        }
    }
    facts
}

/// `于 2019 年 4 月开始…开展绩效评价`, `自2022年3月起…评价`.
fn starts_evaluation(d: &DateMention) -> bool {
    let starts = ["开始", "起", "启动"]
        .iter()
        .any(|w| d.after.starts_with(w))
        || (["于", "自", "从"].iter().any(|w| d.before.ends_with(w)) && d.after.is_empty());
    starts && d.sentence.contains("评价") && d.range.precision != Precision::Year
}

/// The activity a sentence dates, if the date is when it was done: `于2018年5月开展现场核查`,
/// `2018年5月，评价组赴现场进行访谈`. Dates of documents and of data are not activities.
fn dated_activity(d: &DateMention) -> Option<String> {
    if d.range.precision == Precision::Year {
        return None;
    }
    if DOCUMENT_WORDS.iter().any(|w| d.sentence.contains(w)) {
        return None;
    }
    let what = ACTIVITY_WORDS.iter().find(|w| d.sentence.contains(**w))?;
    let verb_follows = DONE_THEN.iter().any(|v| d.rest.contains(v));
    // 于2018年5月开展…, 2018年5月开展…, and a sentence opening with its date: 2022年4月，评价组赴…
    let done_then = DONE_THEN.iter().any(|v| d.after.starts_with(v))
        || (["于", "在"].iter().any(|w| d.before.ends_with(w)) && verb_follows)
        || (d.before.is_empty() && d.after.is_empty() && verb_follows);
    done_then.then(|| what.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::prose::claims::analyse;

    fn dates(parts: &[(&str, Region)]) -> Vec<DateMention> {
        parts
            .iter()
            .enumerate()
            .flat_map(|(i, (text, region))| analyse(text, 0, *region, i).dates)
            .collect()
    }

    #[test]
    fn evaluation_period_and_fiscal_year() {
        let f = find(&dates(&[
            ("项目名称：2018 年信息化项目经费", Region::Cover),
            ("二〇一九年六月", Region::Cover),
            ("上海科技咨询有限公司于 2019 年 4 月开始，针对 2018 年“信息化项目经费”项目开展绩效评价工作。", Region::Abstract),
        ]));
        assert_eq!(f.fiscal_year.unwrap().0, 2018);
        assert_eq!(f.report_date.unwrap().range.first.month, 6);
        assert_eq!(f.evaluation_start.unwrap().range.first.month, 4);
    }

    #[test]
    fn activities_are_dated_by_what_was_done_then() {
        let f = find(&dates(&[
            ("评价组于2018年5月赴现场开展访谈。", Region::Body),
            ("满意度调查：通过查询2017年信息化项目评价过程中统计的服务平台调研数据了解满意度。", Region::Body),
            ("根据《关于印发〈上海市预算绩效管理实施办法〉的通知》（沪财绩〔2014〕22号），于2014年5月发布。", Region::Body),
        ]));
        assert_eq!(f.activities.len(), 1);
        assert_eq!(f.activities[0].what, "访谈");
        let f = find(&dates(&[
            (
                "评价组于 2022 年 3 月至 4 月开展案卷研究、现场核查和问卷调查。",
                Region::Body,
            ),
            (
                "2022 年 4 月，评价组赴 6 个街道养老服务中心开展现场核查。",
                Region::Body,
            ),
        ]));
        assert_eq!(f.activities.len(), 2);
    }

    #[test]
    fn project_dates_from_fields() {
        let f = find(&dates(&[
            ("项目开始时间：2023年4月26日", Region::Cover),
            ("项目完成时间：2023年12月31日", Region::Cover),
        ]));
        assert_eq!(f.project_start.unwrap().range.first.day, 26);
        assert_eq!(f.project_end.unwrap().range.first.month, 12);
    }
}

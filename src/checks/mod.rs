//! The rules. Each check lives in its own file under its family and reads only the recognised
//! [`Report`]; none of them looks at text. [`CHECKS`] is the registry: the order is the
//! priority when several findings fold into one.

mod arith;
mod blame;
mod code;
mod date;
mod grade;
mod levels;
mod rate;
mod score;
mod structure;
mod sum;
mod target;
mod tree;
mod weight;
mod words;
pub(crate) mod xref;

use crate::diagnostic::Finding;
use crate::profile::Profile;
use crate::report::Report;

/// What a check sees.
pub struct Context<'a> {
    pub report: &'a Report,
    pub profile: &'a Profile,
    /// Each scorecard's level sums, of full marks and of scores: four checks judge them, each
    /// for its own tables, and finding them walks the tree.
    level_sums: [std::sync::OnceLock<Vec<Vec<tree::LevelSum<'a>>>>; 2],
}

impl<'a> Context<'a> {
    pub fn new(report: &'a Report, profile: &'a Profile) -> Context<'a> {
        Context {
            report,
            profile,
            level_sums: Default::default(),
        }
    }

    /// [`tree::level_sums`] of scorecard `card`, found once.
    pub(crate) fn level_sums(&self, card: usize, measure: tree::Measure) -> &[tree::LevelSum<'a>] {
        let slot = match measure {
            tree::Measure::Full => &self.level_sums[0],
            tree::Measure::Score => &self.level_sums[1],
        };
        let report: &'a Report = self.report;
        &slot.get_or_init(|| {
            report
                .scorecards
                .iter()
                .map(|c| tree::level_sums(c, measure))
                .collect()
        })[card]
    }
}

pub trait Check: Sync {
    /// The rule codes this check reports.
    fn codes(&self) -> &'static [&'static str];
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Every check, most specific first.
pub static CHECKS: &[&dyn Check] = &[
    &score::missing::MissingScore,
    &score::missing::MissingFullMarks,
    &score::range::ScoreRange,
    &sum::tree_levels::LevelScores,
    &sum::total_reachable::TotalReachable,
    &sum::summary_detail::SummaryScores,
    &sum::table_total::TableTotals,
    &sum::fund_total::FundTotals,
    &sum::prose_parts_exceed::PartsExceedTotal,
    &sum::prose_parts_short::PartsShortOfTotal,
    &sum::prose_parts_readings::PartsTwoReadings,
    &weight::declared::DeclaredWeights,
    &weight::summary_detail::SummaryFullMarks,
    &weight::total::FullMarksTotal,
    &weight::stated::StatedWeights,
    &rate::execution_rate::ExecutionRates,
    &rate::score_rate::ScoreRates,
    &rate::named_rate::NamedRates,
    &rate::prose_rate::ProseRate,
    &rate::execution_score::ExecutionScore,
    &rate::indicator_execution_score::IndicatorExecutionScore,
    &rate::over_budget::OverBudget,
    &rate::undefined_rate::UndefinedRate,
    &rate::execution_cap::ExecutionCap,
    &rate::coefficient_score::CoefficientScore,
    &grade::band::GradeBand,
    &target::goal_vs_table::GoalVsTable,
    &target::met_vs_points::MetVsPoints,
    &target::deviation::MissingDeviation,
    &target::over_hundred::ActualOverHundred,
    &target::set_too_low::SetTooLow,
    &xref::prose_vs_table::ProseVsTable,
    &xref::prose_vs_prose::ProseVsProse,
    &xref::same_words::SameWords,
    &xref::grades::GradeWords,
    &date::activity::ActivityInTable,
    &date::activity::ActivityInProse,
    &date::project_year::ProjectYear,
    &date::order::EndBeforeStart,
    &structure::numbering::Numbering,
    &structure::contents::Contents,
    &structure::broken_field::BrokenField,
    &structure::outline::RequiredSections,
    &structure::result::StatesResult,
    &structure::template_text::TemplateText,
    &structure::revisions::Revisions,
    &code::duplicate::DuplicateCodes,
    &code::prefix::CodePrefix,
];

/// Run every check and fold findings that share a root cause.
pub fn run(cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in CHECKS {
        check.run(cx, &mut findings);
    }
    blame::fold(findings)
}

/// Every rule code some check can report.
pub fn registered_codes() -> Vec<&'static str> {
    CHECKS
        .iter()
        .flat_map(|c| c.codes().iter().copied())
        // Markers that silence nothing are found where markers are applied.
        .chain(crate::suppress::CODES.iter().copied())
        .collect()
}

//! XREF: the same quantity stated in two places disagrees.
//!
//! Places are linked by meaning, never by position: a figure in prose takes a role from the
//! words before it (预算金额, 实际支出, 预算执行率, 总体得分, 项目决策类指标…得分), and table cells
//! have roles from their headers and rows. Figures without a role are linked only when they are
//! stated with the same words, and counts are linked to the indicator row whose name they share;
//! those links are weaker, and reported as warnings that say which words made them.

pub mod grades;
pub mod prose_vs_prose;
pub mod prose_vs_table;
pub mod same_words;

use rust_decimal::Decimal;

use super::tree::{node_name, origin_name, rep, Measure, Rep};
use super::Context;
use crate::diagnostic::Text;
use crate::number::{Num, Precision, Unit};
use crate::report::columns::Role;
use crate::report::prose::claims::{BudgetKind, Claim, ClaimRole, Region};
use crate::report::{AmountTable, AmountTableKind, NodeId, RateKind, RowKind, Scorecard, Stated};
use crate::text::compact;

/// A stated figure in one place, in the unit of its quantity (money in 元).
#[derive(Debug, Clone)]
pub struct Figure {
    pub num: Num,
    /// The same figure read in another unit, when its table does not say which (万元 or 元).
    pub alternative: Option<Num>,
    /// Where it is: 摘要, 正文, 得分汇总表…
    pub place: Text,
    /// Whether the figure is printed in one cell (not a sum jxlint worked out).
    pub cell: bool,
    /// How many of the common unit one printed unit is (10,000 for a figure in 万元 compared
    /// in 元): what another place implies for this cell is said in its own unit.
    pub factor: Decimal,
    /// The printed unit (`万元`, `%`, `份`), `""` when the figure has none.
    pub unit: String,
}

impl Figure {
    /// Whether two figures can be the same value.
    pub fn agrees(&self, other: &Figure, cx: &Context<'_>) -> bool {
        let same = |a: &Num, b: &Num| super::arith::same_value(a, b, cx.profile.rounding);
        let mine = std::iter::once(&self.num).chain(self.alternative.as_ref());
        mine.into_iter().any(|a| {
            std::iter::once(&other.num)
                .chain(other.alternative.as_ref())
                .any(|b| same(a, b))
        })
    }

    /// The figure as printed, with its unit for prose.
    pub fn shown(&self) -> String {
        self.num.text.clone()
    }

    /// Decimals the figure is printed with, in its own unit (2 for `72.00万元`, though it is
    /// compared as 720,000 元).
    pub fn printed_decimals(&self) -> u32 {
        self.decimals_in(self.factor)
    }

    /// Decimals that carry this figure's precision in a unit `factor` times the common one:
    /// `72.00万元` has 2 in 万元 and none in 元.
    fn decimals_in(&self, factor: Decimal) -> u32 {
        match self.num.step() {
            Some(step) => (step / factor).normalize().scale(),
            None => (self.num.value / factor).normalize().scale(),
        }
    }

    /// Decimals for a value `from` implies for this figure: this figure's own, and as many
    /// as `from`'s precision carries in this figure's unit.
    fn decimals_from(&self, from: &Figure) -> u32 {
        self.printed_decimals().max(from.decimals_in(self.factor))
    }

    /// How far `other` is from this figure, in this figure's printed unit.
    pub fn difference(&self, other: &Figure) -> Text {
        let diff = (self.num.value - other.num.value).abs() / self.factor;
        let decimals = self.decimals_from(other);
        let plain = crate::number::format_decimal(diff, decimals);
        match self.unit.as_str() {
            "%" => Text::new(
                format!("{plain} 个百分点"),
                format!("{plain} percentage points"),
            ),
            unit => Text::same(format!("{plain}{unit}")),
        }
    }
}

/// What a quantity is, for messages: 预算金额, 项目决策的得分…
pub fn quantity_name(role: &ClaimRole) -> Text {
    let (zh, en) = role.name();
    Text::new(zh, en)
}

pub fn region_name(region: Region) -> Text {
    match region {
        Region::Cover => Text::new("封面", "the cover"),
        Region::Contents => Text::new("目录", "the contents"),
        Region::Abstract => Text::new("摘要", "the abstract"),
        Region::Preface => Text::new("前言", "the preface"),
        Region::Body => Text::new("正文", "the text"),
        Region::FormGoal => Text::new("年度总体目标", "the annual goal"),
        Region::FormResult => Text::new("实际完成情况", "the results"),
    }
}

/// A prose claim as a figure.
pub fn claim_figure(claim: &Claim) -> Figure {
    let q = &claim.quantity;
    let num = Num::new(
        q.value,
        Precision::Decimals(q.decimals),
        q.number,
        format!("{}{}", q.text, q.unit),
    );
    let factor = q.yuan_factor().unwrap_or(Decimal::ONE);
    Figure {
        num: num.scaled(factor),
        alternative: None,
        place: region_name(claim.region),
        cell: true,
        factor,
        unit: q.unit.clone(),
    }
}

/// A money cell of `table` as a figure in 元.
fn money_figure(table: &AmountTable, num: &Num, place: Text) -> Figure {
    let factor = |u: Unit| u.yuan_factor().unwrap_or(Decimal::ONE);
    let (unit_factor, alternative) = match table.unit {
        Some(u) => (factor(u), None),
        // The table does not say: 万元 or 元.
        None => (factor(Unit::WanYuan), Some(num.clone())),
    };
    let mut scaled = num.scaled(unit_factor);
    if let Some(u) = table.unit {
        scaled.text = format!("{}{}", num.text, u.name());
    }
    Figure {
        num: scaled,
        alternative,
        place,
        cell: true,
        factor: unit_factor,
        unit: table.unit.map(Unit::name).unwrap_or_default().to_string(),
    }
}

fn table_name(table: &AmountTable) -> Text {
    match table.kind {
        AmountTableKind::FundBlock => Text::new("自评表资金栏", "the form's fund block"),
        AmountTableKind::Table if table.rates.iter().any(|l| l.kind == RateKind::Execution) => {
            Text::new("预算执行情况表", "the budget execution table")
        }
        AmountTableKind::Table => Text::new("预算表", "the budget table"),
    }
}

/// Which budget a column holds.
fn budget_kind(table: &AmountTable, col: usize) -> Option<BudgetKind> {
    let c = &table.columns[col];
    match c.role {
        Role::InitialBudget => Some(BudgetKind::Initial),
        Role::Budget
            if ["全年", "调整"]
                .iter()
                .any(|w| compact(&c.header).contains(w)) =>
        {
            Some(BudgetKind::Adjusted)
        }
        Role::Budget => Some(BudgetKind::Generic),
        _ => None,
    }
}

/// The column of `table` that holds the quantity a role names.
fn column_for(table: &AmountTable, role: &ClaimRole) -> Option<usize> {
    match role {
        ClaimRole::Spent => table.column(Role::Spent),
        ClaimRole::ExecutionRate => table
            .rates
            .iter()
            .find(|l| l.kind == RateKind::Execution)
            .map(|l| l.rate),
        ClaimRole::Budget(kind) => {
            let budgets: Vec<(usize, BudgetKind)> = (0..table.columns.len())
                .filter_map(|c| budget_kind(table, c).map(|k| (c, k)))
                .collect();
            budgets
                .iter()
                .find(|(_, k)| k == kind)
                .or_else(|| {
                    (*kind == BudgetKind::Generic && budgets.len() == 1).then(|| &budgets[0])
                })
                .map(|(c, _)| *c)
        }
        _ => None,
    }
}

/// The table figure for a budget, spending or execution-rate claim, in the claim's scope: the
/// total row of the budget execution table (or of the form's fund block). Also the values of
/// its other rows, which a sentence may be about instead of the total.
/// The report's amount tables in the order a claim outside any form is held to them (the
/// execution table first: it has budget, spending and rate), and for each claim role the first
/// table that states a total for it, found once: a file of many tables and many sentences must
/// not cost tables × sentences.
pub struct TableLookup<'r> {
    ordered: Vec<&'r AmountTable>,
    first: std::collections::HashMap<ClaimRole, Option<(usize, usize)>>,
}

impl<'r> TableLookup<'r> {
    pub fn new(report: &'r crate::report::Report) -> TableLookup<'r> {
        let mut ordered: Vec<&AmountTable> = report
            .amount_tables
            .iter()
            .filter(|t| t.kind == AmountTableKind::Table)
            .collect();
        ordered.sort_by_key(|t| !t.rates.iter().any(|l| l.kind == RateKind::Execution));
        TableLookup {
            ordered,
            first: std::collections::HashMap::new(),
        }
    }

    /// The first table, in order, with a stated total for `role`, and the column.
    fn first_for(&mut self, role: &ClaimRole) -> Option<(&'r AmountTable, usize)> {
        let ordered = &self.ordered;
        let found = *self.first.entry(role.clone()).or_insert_with(|| {
            ordered
                .iter()
                .enumerate()
                .find_map(|(i, t)| total_column(t, role).map(|c| (i, c)))
        });
        found.map(|(i, c)| (self.ordered[i], c))
    }
}

/// The column of `role` in a table whose total row states it.
fn total_column(table: &AmountTable, role: &ClaimRole) -> Option<usize> {
    let col = column_for(table, role)?;
    let total = table.rows.iter().find(|r| r.kind == RowKind::Total)?;
    total.values[col].as_ref().map(|_| col)
}

pub fn table_figures(
    cx: &Context<'_>,
    lookup: &mut TableLookup<'_>,
    claim: &Claim,
) -> Option<(Figure, Vec<Figure>)> {
    let scope_fund = claim
        .scope
        .and_then(|s| cx.report.scorecards.get(s))
        .and_then(|c| c.fund);
    let found = match scope_fund {
        Some(f) => {
            let table = &cx.report.amount_tables[f];
            total_column(table, &claim.role).map(|c| (table, c))
        }
        None => lookup.first_for(&claim.role),
    };
    if let Some((table, col)) = found {
        let total = table.rows.iter().find(|r| r.kind == RowKind::Total)?;
        let num = total.values[col].as_ref()?;
        let place = table_name(table);
        let figure = |num: &Num| {
            if table.columns[col].role.is_money() {
                money_figure(table, num, place.clone())
            } else {
                Figure {
                    num: num.clone(),
                    alternative: None,
                    place: place.clone(),
                    cell: true,
                    factor: Decimal::ONE,
                    unit: if num.text.ends_with('%') || table.columns[col].role.is_rate() {
                        "%".to_string()
                    } else {
                        String::new()
                    },
                }
            }
        };
        let rows = table
            .rows
            .iter()
            .filter(|r| r.kind != RowKind::Total)
            .filter_map(|r| r.values[col].as_ref())
            .map(&figure)
            .collect();
        return Some((figure(num), rows));
    }
    None
}

pub use super::tree::first_level_named as group_node;

/// The scorecard figures for a score claim: the total's or a group's stated values, or their
/// sum when none is stated.
pub fn score_figures(cx: &Context<'_>, claim: &Claim) -> Vec<Figure> {
    let Some(card) = claim.scope.and_then(|s| cx.report.scorecards.get(s)) else {
        return Vec::new();
    };
    let (node, measure, rate) = match &claim.role {
        ClaimRole::TotalScore => (0, Measure::Score, false),
        ClaimRole::GroupScore(g) => match group_node(card, g) {
            Some(n) => (n, Measure::Score, false),
            None => return Vec::new(),
        },
        ClaimRole::GroupFull(g) => match group_node(card, g) {
            Some(n) => (n, Measure::Full, false),
            None => return Vec::new(),
        },
        ClaimRole::GroupRate(g) => match group_node(card, g) {
            Some(n) => (n, Measure::Score, true),
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let n = &card.nodes[node];
    let stated_figure = |s: &Stated| Figure {
        num: s.num.clone(),
        alternative: None,
        place: origin_name(s.origin),
        cell: true,
        factor: Decimal::ONE,
        unit: if rate { "%" } else { "" }.to_string(),
    };
    if rate {
        return n.rate.iter().map(stated_figure).collect();
    }
    let stated: Vec<&Stated> = match measure {
        Measure::Full => n.full.iter().collect(),
        Measure::Score => n.score.iter().collect(),
    };
    if !stated.is_empty() {
        return stated.into_iter().map(stated_figure).collect();
    }
    // Nothing stated for it: the sum of what is stated below it, when nothing below it is
    // missing (an excerpt that stops before its last groups is not summed as if whole).
    if !whole_below(cx, card, node) {
        return Vec::new();
    }
    if let Rep::Known(parts) = rep(card, node, measure, None, None) {
        let sum: Decimal = crate::number::total(parts.iter().map(|p| p.num.value));
        let decimals = parts
            .iter()
            .map(|p| p.num.display_decimals())
            .max()
            .unwrap_or(0);
        let exact = parts.iter().all(|p| p.num.precision == Precision::Exact);
        let precision = if exact {
            Precision::Exact
        } else {
            Precision::Step(Decimal::new(parts.len() as i64, decimals))
        };
        let text = crate::number::format_decimal(sum, decimals);
        return vec![Figure {
            num: Num::new(
                sum,
                precision,
                card.nodes[node].row.unwrap_or(card.span),
                text,
            ),
            alternative: None,
            place: Text::new(
                format!("评分表（{}各项之和）", node_name(card, node).zh),
                format!(
                    "the score table (the sum under {})",
                    node_name(card, node).en
                ),
            ),
            cell: false,
            factor: Decimal::ONE,
            unit: String::new(),
        }];
    }
    Vec::new()
}

/// Whether the indicators below `node` are all there: their full marks add up to the node's
/// own (for the root without one, to the standard's total).
fn whole_below(cx: &Context<'_>, card: &Scorecard, node: NodeId) -> bool {
    let Rep::Known(parts) = super::tree::children_rep(card, node, Measure::Full, None, None) else {
        return false;
    };
    let sum: Decimal = crate::number::total(parts.iter().map(|p| p.num.value));
    let expected = match super::tree::pick(&card.nodes[node].full, None) {
        Some(full) => full.num.value,
        None if node == 0 => cx.profile.full_marks_total,
        None => return false,
    };
    sum == expected
}

/// A finding that two places state different values of one quantity; both are labelled, and
/// the arithmetic lets the blame pass fold it with other findings that point at either.
pub fn disagreement(
    code: &str,
    what: Text,
    a: &Figure,
    b: &Figure,
    link: Text,
    cx: &Context<'_>,
) -> crate::diagnostic::Finding {
    use crate::diagnostic::{Constraint, Finding, Implied};
    let policy = cx.profile.rounding;
    // What each place implies for the other, in the other's printed unit.
    let implied = |from: &Figure, to: &Figure| Implied {
        span: to.num.span,
        value: super::arith::possible(&from.num, policy).scale(Decimal::ONE / to.factor),
        point: from.num.value / to.factor,
        decimals: to.decimals_from(from),
    };
    let mut cells = vec![implied(b, a)];
    if b.cell {
        cells.push(implied(a, b));
    }
    // "In the text … in the text" says nothing: two places of one kind are "one" and "another".
    let (place, other_place) = if a.place.zh == b.place.zh {
        (
            Text::new(
                format!("{}一处", a.place.zh),
                format!("in one place in {}", a.place.en),
            ),
            Text::new("另一处", "in another"),
        )
    } else {
        let within = |p: &Text| Text::new(format!("{}中", p.zh), format!("in {}", p.en));
        (within(&a.place), within(&b.place))
    };
    Finding::new(code)
        .arg("what", what)
        .arg("place", place)
        .arg_same("stated", a.shown())
        .arg("other_place", other_place)
        .arg_same("other", b.shown())
        .arg("link", link)
        .arg("diff", a.difference(b))
        .label(
            a.num.span,
            Text::new(
                format!("{} {}", a.place.zh, a.shown()),
                format!("{} {}", a.place.en, a.shown()),
            ),
        )
        .label(
            b.num.span,
            Text::new(
                format!("{} {}", b.place.zh, b.shown()),
                format!("{} {}", b.place.en, b.shown()),
            ),
        )
        .constraint(Constraint {
            subject: Some(a.num.span),
            cells,
        })
}

/// Whether a claim is about the year the report evaluates: not tied to another year
/// (`2017 年…增长 183.66%` in a 2018 report is a comparison, not this year's figure).
pub fn of_the_year(cx: &Context<'_>, claim: &Claim) -> bool {
    match (claim.year, cx.report.facts.fiscal_year) {
        (Some(year), Some((fiscal, _))) => year == fiscal,
        _ => true,
    }
}

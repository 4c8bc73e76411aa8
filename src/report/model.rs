//! The recognised parts of a report, independent of where and how they were printed.

use super::columns::Role;
use super::labels::{Code, LabelParts};
use crate::document::Span;
use crate::number::Num;

pub type NodeId = usize;

/// Where a stated value was read. Rules use it to pick the finding code (a summary table
/// disagreeing with the detailed table is not the same defect as a 合计 row disagreeing with
/// its own rows) and to say where each figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The node's own row in a detailed indicator table (or its 合计/总分 row for the root).
    Detail,
    /// The score summary table (项目绩效得分情况表).
    Summary,
    /// A weight written in the indicator's name (`A1 项目立项 6%`).
    NameWeight,
    /// The fund block of a self-evaluation form (执行率 分值/得分).
    FundBlock,
    /// A sentence of prose (总体得分为 94.57 分).
    Prose,
}

#[derive(Debug, Clone)]
pub struct Stated {
    pub num: Num,
    pub origin: Origin,
    /// The row the value was printed in, for labels.
    pub row: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Indicator,
    /// The budget-execution item (预算执行率): a form's fund block 分值/得分, or an indicator row
    /// of that name. Its score follows from the execution rate by the standard's formula.
    ExecutionRate,
}

/// A cell that should be there and is not: a row has full marks but no score, or a score but
/// no full marks.
#[derive(Debug, Clone, Copy)]
pub struct MissingCell {
    pub row: Span,
    /// Where the value should be: the empty cell, or the end of the row when the cell is gone.
    pub at: Span,
}

#[derive(Debug, Clone)]
pub struct Label {
    pub code: Option<Code>,
    pub name: String,
    /// The whole label cell.
    pub span: Span,
}

impl Label {
    pub fn from_parts(parts: &LabelParts, span: Span) -> Label {
        Label {
            code: parts.code.clone(),
            name: parts.name.clone(),
            span,
        }
    }

    /// `B32 实施管理执行情况`, or the name alone.
    pub fn display(&self) -> String {
        match &self.code {
            Some(code) if self.name.is_empty() => code.text.clone(),
            Some(code) => format!("{} {}", code.text, self.name),
            None => self.name.clone(),
        }
    }
}

/// The text of a cell, where it is, and what it states: the figure it holds (`≥90.00(%)`,
/// `411.00(个)`) and whether it says nothing (empty, `无`, `/`, `—`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellText {
    pub text: String,
    pub span: Span,
    /// The first figure of the cell, with its unit and bound.
    pub quantity: Option<super::prose::scan::Quantity>,
    /// Empty, or a placeholder that says nothing.
    pub blank: bool,
    /// The figure is written as an exact target (`=100%`, `＝12个`, `═1份`), not a bare number
    /// whose direction is unsaid.
    pub equals: bool,
}

impl CellText {
    pub fn new(text: impl Into<String>, span: Span) -> CellText {
        let text = text.into();
        let trimmed = text.trim();
        CellText {
            quantity: super::prose::scan::cell_quantity(&text, span.start),
            blank: trimmed.is_empty() || crate::text::is_placeholder(trimmed),
            equals: trimmed.starts_with(['=', '＝', '═']) || trimmed.starts_with("等于"),
            text,
            span,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// 0 for the root, 1 for first-level indicators.
    pub level: usize,
    pub kind: NodeKind,
    pub label: Option<Label>,
    /// Index of the detailed table (within the scorecard) the node's row came from.
    pub table: Option<usize>,
    /// The row that printed the node's values (or its label, if it has no values).
    pub row: Option<Span>,
    pub full: Vec<Stated>,
    pub score: Vec<Stated>,
    /// 得分率 stated for this node.
    pub rate: Vec<Stated>,
    /// 得分系数 stated for this node: its score is the coefficient times its full marks.
    pub coefficient: Option<Stated>,
    pub missing_score: Option<MissingCell>,
    /// A full-marks cell that should be there and is not: the row has a score but no 分值,
    /// while the table gives other rows theirs.
    pub missing_full: Option<MissingCell>,
    /// 年度指标值 / 目标值, 实际完成值 and 偏差原因分析 of the node's row, where the table has
    /// those columns (an empty cell is an empty text).
    pub target: Option<CellText>,
    pub actual: Option<CellText>,
    pub deviation: Option<CellText>,
    /// Its row is in a table that could not be read (a form's fund block whose cells fit its
    /// rows in more than one way): its figures are unknown, so no sum over it is judged.
    pub unread: bool,
}

impl Node {
    pub fn new(kind: NodeKind, level: usize, parent: Option<NodeId>) -> Node {
        Node {
            parent,
            children: Vec::new(),
            level,
            kind,
            label: None,
            table: None,
            row: None,
            full: Vec::new(),
            score: Vec::new(),
            rate: Vec::new(),
            coefficient: None,
            missing_score: None,
            missing_full: None,
            target: None,
            actual: None,
            deviation: None,
            unread: false,
        }
    }

    /// A name for messages: the label, or what the node stands for.
    pub fn title(&self) -> String {
        match (&self.label, self.kind) {
            (Some(label), _) => label.display(),
            (None, NodeKind::Root) => "合计".to_string(),
            (None, NodeKind::ExecutionRate) => "预算执行率".to_string(),
            (None, NodeKind::Indicator) => "?".to_string(),
        }
    }

    pub fn has_values(&self) -> bool {
        !self.full.is_empty() || !self.score.is_empty() || self.missing_score.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScorecardKind {
    /// A third-party or departmental evaluation report.
    Evaluation,
    /// One 项目支出绩效自评表.
    SelfEvaluation,
}

/// A grade word as stated: 优, 良好, …
#[derive(Debug, Clone)]
pub struct StatedGrade {
    pub text: String,
    pub span: Span,
    pub origin: Origin,
    /// A total stated in the same sentence group, which the grade refers to.
    pub total: Option<Num>,
}

/// One scored evaluation: an indicator tree with every figure stated for its nodes, the grades
/// given, and for a self-evaluation form its fund block.
#[derive(Debug, Clone)]
pub struct Scorecard {
    pub kind: ScorecardKind,
    pub title: Option<String>,
    /// `nodes[0]` is the root.
    pub nodes: Vec<Node>,
    pub grades: Vec<StatedGrade>,
    /// Index into [`Report::amount_tables`] of the form's fund block.
    pub fund: Option<usize>,
    /// Total scores stated in prose (总体得分为 94.57 分).
    pub prose_totals: Vec<Num>,
    pub span: Span,
}

impl Scorecard {
    pub fn new(kind: ScorecardKind, span: Span) -> Scorecard {
        Scorecard {
            kind,
            title: None,
            nodes: vec![Node::new(NodeKind::Root, 0, None)],
            grades: Vec::new(),
            fund: None,
            prose_totals: Vec::new(),
            span,
        }
    }

    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub fn add_child(&mut self, parent: NodeId, mut node: Node) -> NodeId {
        let id = self.nodes.len();
        node.parent = Some(parent);
        self.nodes.push(node);
        self.nodes[parent].children.push(id);
        id
    }

    /// Ids of the nodes below `id`, depth first.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The stated total score of the whole evaluation, preferring a table's 合计/总分 row
    /// over the summary table over prose.
    pub fn stated_total(&self) -> Option<&Num> {
        let root = self.root();
        [Origin::Detail, Origin::Summary]
            .iter()
            .find_map(|o| root.score.iter().find(|s| s.origin == *o))
            .map(|s| &s.num)
            .or(self.prose_totals.first())
    }
}

/// What a row of an amount table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Item,
    /// 合计 / 总计 / 年度资金总额
    Total,
    /// 小计
    Subtotal,
    /// A 其中 row: a part of the row above it, not of the total.
    Part,
}

#[derive(Debug, Clone)]
pub struct AmountColumn {
    pub role: Role,
    pub header: String,
    pub header_span: Span,
}

#[derive(Debug, Clone)]
pub struct AmountRow {
    pub label: String,
    pub label_span: Span,
    pub kind: RowKind,
    /// One entry per column of [`AmountTable::columns`].
    pub values: Vec<Option<Num>>,
    /// Columns where the cell is empty or lost, for columns that other rows fill.
    pub missing: Vec<usize>,
    /// The row this one is a part of: the row above a 其中 row, or the outline group
    /// (`一、设备购置`) of a numbered sub-item (`1、服务器`).
    pub parent: Option<usize>,
    /// The numbered item rows whose outline group this row is (the other way round from
    /// `parent`, for item rows only).
    pub items: Vec<usize>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateKind {
    /// 执行率 = 实际支出 / 预算 (or 全年执行数 / 全年预算数)
    Execution,
    /// Another rate whose numerator and denominator columns are named in the header.
    Named,
}

#[derive(Debug, Clone, Copy)]
pub struct RateLink {
    pub kind: RateKind,
    pub rate: usize,
    pub numerator: usize,
    pub denominator: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountTableKind {
    /// Budget breakdown or execution tables, surveys: any table with amounts or counts.
    Table,
    /// The fund block of a self-evaluation form: 年度资金总额 and its 其中 rows.
    FundBlock,
}

/// A table of amounts, counts and rates: budget breakdown, budget execution, survey response,
/// or a self-evaluation fund block.
#[derive(Debug, Clone)]
pub struct AmountTable {
    pub kind: AmountTableKind,
    /// The money unit, from the header or a `单位：万元` line above the table.
    pub unit: Option<crate::number::Unit>,
    pub columns: Vec<AmountColumn>,
    pub rows: Vec<AmountRow>,
    pub rates: Vec<RateLink>,
    pub span: Span,
}

impl AmountTable {
    pub fn column(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// The 分值 or 权重 column.
    pub fn full_marks_column(&self) -> Option<usize> {
        self.columns.iter().position(|c| c.role.is_full_marks())
    }
}

/// Something that looked like a part of a report but could not be used, listed by `--verbose`.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub span: Span,
    /// What it is and why it was not used, in Chinese and English.
    pub what: crate::diagnostic::Text,
}

/// A row of a performance-goal table: the target set for an indicator.
#[derive(Debug, Clone)]
pub struct GoalRow {
    pub name: String,
    pub target: CellText,
    pub row: Span,
}

/// Everything recognised in one document.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub scorecards: Vec<Scorecard>,
    pub amount_tables: Vec<AmountTable>,
    pub goal_rows: Vec<GoalRow>,
    /// Figures stated in prose and in a form's goal texts.
    pub claims: Vec<super::prose::claims::Claim>,
    pub dates: Vec<super::prose::claims::DateMention>,
    /// Totals stated with their 其中 parts.
    pub breakdowns: Vec<super::prose::claims::Breakdown>,
    /// Weights of indicator groups stated in words (a note under a form, a sentence).
    pub weight_statements: Vec<super::prose::weights::WeightStatement>,
    pub facts: super::facts::Facts,
    pub structure: super::structure::Structure,
    pub skipped: Vec<Skipped>,
    /// Tracked changes not accepted or rejected, and comments, as the reader found them.
    pub revisions: Vec<crate::document::Revision>,
}

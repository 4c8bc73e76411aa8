//! Score tables (indicator tables, score summaries, the indicator block of a self-evaluation
//! form) into indicator trees.
//!
//! Levels come from codes when the table has them (`B32` belongs under the open `B3` wherever
//! extraction put its cell) and from column positions otherwise; an empty level cell continues
//! the node above it (a merged cell). Values go to the deepest label of their row.

use super::align::{best_shift, cell_at, value_of, Value};
use super::columns::{header_is_percent, Role};
use super::labels::{parse_label, LabelParts};
use super::model::{
    CellText, Label, MissingCell, Node, NodeId, NodeKind, Origin, Scorecard, Stated, StatedGrade,
};
use super::segments::Segment;
use crate::document::{Cell, Row, Span};
use crate::number::{Num, Precision, Printed};
use crate::text::{compact, is_placeholder, is_subtotal_label, is_total_label};

/// Whether a segment is a score table: a score column and a label column.
pub fn is_score_segment(segment: &Segment<'_>) -> bool {
    segment
        .header
        .as_ref()
        .is_some_and(|h| h.has(Role::Score) && !h.level_columns().is_empty() && !h.has(Role::Spent))
}

/// Labels of grade rows: `评分等级 | 优`.
fn is_grade_label(text: &str) -> bool {
    matches!(
        crate::text::compact_cow(text).trim_end_matches([':', '：']),
        "评分等级" | "评价等级" | "绩效等级" | "自评等级" | "等级" | "评价结果"
    )
}

/// The values of one row read against the header.
struct RowValues<'r> {
    full: Value<'r>,
    score: Value<'r>,
    rate: Value<'r>,
    coefficient: Value<'r>,
}

/// Columns of a score table and the display precision of its value columns.
struct Columns {
    full: Option<usize>,
    /// 分值 or 权重: whether full marks may be printed as percentages.
    full_role: Role,
    score: usize,
    rate: Option<usize>,
    rate_is_percent: bool,
    levels: Vec<usize>,
    /// A weight column right after a level column (`一级指标 | 分值 | 二级指标 | 分值 | …`):
    /// (level, column).
    level_weights: Vec<(usize, usize)>,
    /// 年度指标值, 实际完成值 and 偏差原因分析 columns.
    target: Option<usize>,
    actual: Option<usize>,
    deviation: Option<usize>,
    /// 得分系数: the share of the weight earned.
    coefficient: Option<usize>,
    /// 指标性质 and 度量单位 columns: a target's operator and unit printed apart from it.
    operator: Option<usize>,
    unit: Option<usize>,
    /// First column after the labels (where label cells end, before any shift).
    labels_end: usize,
    /// How precisely scores are known: the column's display precision, or exact when every
    /// score is a whole or half point (assigned by the evaluator, not computed).
    score_precision: Precision,
    rate_decimals: u32,
    /// Whether any row prints a full-marks value: only then is a row without one missing it.
    full_filled: bool,
}

/// Add the rows of score segments (one logical table) to `card` under its root.
pub fn add_score_table(card: &mut Scorecard, table: usize, segments: &[&Segment<'_>]) {
    let Some(header) = segments.first().and_then(|s| s.header.as_ref()) else {
        return;
    };
    let roles = &header.roles;
    let score = header
        .find(Role::Score)
        .expect("score segments have a score column");
    let levels = header.level_columns();
    // A full-marks column right after a level column, with another full-marks column further
    // on, holds that level's weights; the last full-marks column holds the leaves'.
    let last_full = roles.iter().rposition(|r| r.is_full_marks());
    let level_weights: Vec<(usize, usize)> = levels
        .iter()
        .enumerate()
        .filter(|(_, &c)| {
            roles.get(c + 1).is_some_and(|r| r.is_full_marks()) && last_full > Some(c + 1)
        })
        .map(|(k, &c)| (k + 1, c + 1))
        .collect();
    let labels_end = (0..roles.len())
        .find(|&i| {
            !matches!(roles[i], Role::Level(_) | Role::Label | Role::Serial)
                && !level_weights.iter().any(|(_, c)| *c == i)
        })
        .unwrap_or(roles.len());
    let mut columns = Columns {
        full: last_full,
        full_role: last_full.map_or(Role::FullMarks, |c| roles[c]),
        score,
        rate: header.find(Role::ScoreRate),
        rate_is_percent: header
            .find(Role::ScoreRate)
            .is_some_and(|c| header_is_percent(header.text(c))),
        levels,
        level_weights,
        target: header.find(Role::Target),
        actual: header.find(Role::Actual),
        deviation: header.find(Role::Deviation),
        coefficient: header.find(Role::Coefficient),
        operator: header.find(Role::Operator),
        unit: header.find(Role::Unit),
        labels_end,
        score_precision: Precision::Exact,
        rate_decimals: 0,
        full_filled: false,
    };
    let rows: Vec<(&Row, isize)> = segments
        .iter()
        .flat_map(|s| s.rows.iter())
        .map(|row| (*row, best_shift(roles, row)))
        .collect();
    // Display precision per column: "2" in a column that also prints "3.96" stands for 2.00.
    let mut score_decimals = 0;
    let mut half_points = true;
    let half = rust_decimal::Decimal::new(5, 1);
    for (row, shift) in &rows {
        let v = read_values(&columns, row, *shift);
        if let Value::Number(p, _) = v.score {
            score_decimals = score_decimals.max(p.decimals);
            half_points &= (p.value % half).is_zero();
        }
        // A 合计 row's full marks alone do not say the rows print theirs.
        let total_row = row.filled().any(|(_, c)| is_total_label(&c.text));
        columns.full_filled |= matches!(v.full, Value::Number(..)) && !total_row;
        if let Value::Number(p, _) = v.rate {
            columns.rate_decimals = columns.rate_decimals.max(p.decimals);
            columns.rate_is_percent |= p.percent;
        }
    }
    columns.score_precision = if half_points {
        Precision::Exact
    } else {
        Precision::Decimals(score_decimals)
    };
    let mut builder = TreeBuilder {
        card,
        table,
        path: vec![0],
    };
    for (row, shift) in rows {
        builder.add_row(&columns, row, shift);
    }
}

fn read_values<'r>(columns: &Columns, row: &'r Row, shift: isize) -> RowValues<'r> {
    let at = |col: Option<usize>, role: Role| match col {
        Some(c) => value_of(role, cell_at(row, c, shift)),
        None => Value::Missing(None),
    };
    RowValues {
        full: at(columns.full, columns.full_role),
        score: at(Some(columns.score), Role::Score),
        rate: at(columns.rate, Role::ScoreRate),
        coefficient: at(columns.coefficient, Role::Coefficient),
    }
}

struct TreeBuilder<'c> {
    card: &'c mut Scorecard,
    table: usize,
    /// The open node at each level; `path[0]` is the root.
    path: Vec<NodeId>,
}

/// A label cell of a row with the level it was placed at.
struct PlacedLabel<'r> {
    cell: &'r Cell,
    parts: LabelParts,
    level: usize,
}

impl TreeBuilder<'_> {
    fn add_row(&mut self, columns: &Columns, row: &Row, shift: isize) {
        let values = read_values(columns, row, shift);
        let has_values =
            matches!(values.full, Value::Number(..)) || matches!(values.score, Value::Number(..));

        // Grade rows and total rows are recognised by their words wherever extraction put them.
        if let Some((i, _)) = row.filled().find(|(_, c)| is_grade_label(&c.text)) {
            if let Some((_, grade)) = row
                .filled()
                .find(|(j, c)| *j > i && !is_placeholder(&c.text))
            {
                self.card.grades.push(StatedGrade {
                    text: compact(&grade.text),
                    span: grade.span,
                    origin: Origin::Detail,
                    total: None,
                });
            }
            return;
        }
        if row.filled().any(|(_, c)| is_total_label(&c.text)) {
            self.attach(0, columns, &values, row, shift);
            return;
        }

        let label_region_end = (columns.labels_end as isize + shift).max(0) as usize;
        let region: Vec<&Cell> = row.cells.iter().take(label_region_end).collect();
        let subtotal = region.iter().position(|c| is_subtotal_label(&c.text));
        let labels = if columns.level_weights.is_empty() {
            label_cells(columns, &region)
        } else {
            mapped_label_cells(columns, row, shift)
        };

        if labels.is_empty() {
            if let Some(pos) = subtotal {
                // 小计 belongs to the group whose column is left of it.
                let level = pos.clamp(1, self.path.len().saturating_sub(1).max(1));
                if let Some(&node) = self.path.get(level) {
                    self.attach(node, columns, &values, row, shift);
                }
            }
            return;
        }

        // Open nodes left to right, so that each code is placed against the path as it stands.
        let deepest = labels.len() - 1;
        let mut min_level = 1;
        let mut node = 0;
        for (i, (positional, cell)) in labels.into_iter().enumerate() {
            let parts = parse_label(cell);
            let level = match &parts.code {
                Some(code) => self.code_level(code, positional),
                None => positional,
            }
            .max(min_level);
            min_level = level + 1;
            let label = PlacedLabel { cell, parts, level };
            node = self.open(label, row, i == deepest && has_values);
            // The weight printed after this level's label.
            let weight = columns.level_weights.iter().find(|(k, _)| *k == positional);
            if let Some(&(_, col)) = weight {
                if let Value::Number(p, cell) = value_of(Role::Weight, cell_at(row, col, shift)) {
                    self.card.nodes[node].full.push(Stated {
                        num: Num::new(p.value, Precision::Exact, cell.span, &cell.text),
                        origin: Origin::Detail,
                        row: row.span,
                    });
                }
            }
        }
        if subtotal.is_none() || has_values {
            self.attach(node, columns, &values, row, shift);
        }
    }

    /// The level of a coded label: one below the deepest open node whose code is its prefix;
    /// the level of an open node with the same code; else what the code itself implies.
    fn code_level(&self, code: &super::labels::Code, positional: usize) -> usize {
        for &id in self.path.iter().skip(1).rev() {
            let node = &self.card.nodes[id];
            if let Some(open) = node.label.as_ref().and_then(|l| l.code.as_ref()) {
                if open.text == code.text {
                    return node.level;
                }
                if open.is_prefix_of(code) {
                    return node.level + 1;
                }
            }
        }
        let depth = code.depth();
        if depth <= 4 {
            depth
        } else {
            positional
        }
    }

    /// Open (or continue) the node for a label at its level and return its id.
    fn open(&mut self, label: PlacedLabel<'_>, row: &Row, carries_values: bool) -> NodeId {
        let level = label.level;
        if let Some(&existing) = self.path.get(level) {
            let node = &self.card.nodes[existing];
            let same = node.label.as_ref().is_some_and(|l| {
                compact(&l.name) == compact(&label.parts.name)
                    && l.code.as_ref().map(|c| &c.text)
                        == label.parts.code.as_ref().map(|c| &c.text)
            });
            // The same parent printed again on each row continues; a leaf with values printed
            // twice (two rows coded C23) is two nodes.
            if same && !(carries_values && node.has_values()) {
                self.path.truncate(level + 1);
                return existing;
            }
        }
        self.path.truncate(level.min(self.path.len()));
        let parent = *self.path.last().expect("the root is always open");
        let kind = if is_execution_item(&label.parts.name) {
            NodeKind::ExecutionRate
        } else {
            NodeKind::Indicator
        };
        let mut node = Node::new(kind, level, None);
        node.label = Some(Label::from_parts(&label.parts, label.cell.span));
        node.table = Some(self.table);
        node.row = Some(row.span);
        if let Some((weight, span)) = &label.parts.weight {
            node.full.push(Stated {
                num: weight_num(weight, *span),
                origin: Origin::NameWeight,
                row: row.span,
            });
        }
        let id = self.card.add_child(parent, node);
        self.path.push(id);
        id
    }

    fn attach(
        &mut self,
        node: NodeId,
        columns: &Columns,
        values: &RowValues<'_>,
        row: &Row,
        shift: isize,
    ) {
        let n = &mut self.card.nodes[node];
        n.row = Some(row.span);
        let text_at = |col: Option<usize>| {
            col.map(|c| match cell_at(row, c, shift) {
                Some(cell) => CellText::new(cell.text.clone(), cell.span),
                None => CellText::new(String::new(), Span::new(row.span.end, row.span.end)),
            })
        };
        if node != 0 {
            // A target printed as operator, figure and unit in cells of their own
            // (`≥ | 5000 | 亩`) is read as one: `≥5000亩`.
            let cell = |col: Option<usize>| col.and_then(|c| cell_at(row, c, shift));
            let (operator, unit) = (cell(columns.operator), cell(columns.unit));
            let target = match (text_at(columns.target), cell(columns.target)) {
                (Some(_), Some(value)) if operator.is_some() || unit.is_some() => {
                    Some(joined(operator, value, unit))
                }
                (t, _) => t,
            };
            let actual = match (text_at(columns.actual), cell(columns.actual)) {
                (Some(_), Some(value)) if unit.is_some() => Some(joined(None, value, unit)),
                (a, _) => a,
            };
            n.target = target.or(n.target.take());
            n.actual = actual.or(n.actual.take());
            n.deviation = text_at(columns.deviation).or(n.deviation.take());
        }
        if n.table.is_none() {
            n.table = Some(self.table);
        }
        let stated = |num: Num| Stated {
            num,
            origin: Origin::Detail,
            row: row.span,
        };
        if let Value::Number(p, cell) = values.full {
            n.full.push(stated(Num::new(
                p.value,
                Precision::Exact,
                cell.span,
                &cell.text,
            )));
        }
        if let Value::Number(p, cell) = values.score {
            let precision = match columns.score_precision {
                Precision::Decimals(d) => Precision::Decimals(d.max(p.decimals)),
                other => other,
            };
            n.score
                .push(stated(Num::new(p.value, precision, cell.span, &cell.text)));
            if node != 0 && columns.full_filled && n.full.is_empty() {
                if let Some(at) = missing_at(values.full, row, false) {
                    n.missing_full = Some(MissingCell { row: row.span, at });
                }
            }
        } else if matches!(values.full, Value::Number(..)) && node != 0 {
            if let Some(at) = missing_at(values.score, row, true) {
                n.missing_score = Some(MissingCell { row: row.span, at });
            }
        }
        if let (Value::Number(p, cell), true) = (values.coefficient, node != 0) {
            n.coefficient = Some(stated(Num::new(
                p.value,
                Precision::Decimals(p.decimals),
                cell.span,
                &cell.text,
            )));
        }
        if let Value::Number(p, cell) = values.rate {
            n.rate.push(stated(rate_num(
                &p,
                cell,
                columns.rate_is_percent,
                columns.rate_decimals,
            )));
        }
    }
}

/// Whether an indicator is the budget-execution item (预算执行率, 资金执行率, 预算资金执行率),
/// scored by the standard's formula rather than by the evaluator.
fn is_execution_item(name: &str) -> bool {
    let name = compact(name);
    let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '%' || c == '分');
    name.ends_with("执行率") && (name.contains("预算") || name.contains("资金") || name == "执行率")
}

/// A figure with its operator and unit from cells of their own, as one cell's text: the
/// figure keeps its own cell's place, the whole covers all three.
fn joined(operator: Option<&Cell>, value: &Cell, unit: Option<&Cell>) -> CellText {
    let keep = !value.is_empty();
    let operator = operator.filter(|c| keep && !c.is_empty());
    let unit = unit.filter(|c| keep && !c.is_empty());
    let text = format!(
        "{}{}{}",
        operator.map_or("", |c| c.text.as_str()),
        value.text,
        unit.map_or("", |c| c.text.as_str())
    );
    let span = [operator, Some(value), unit]
        .into_iter()
        .flatten()
        .map(|c| c.span)
        .reduce(Span::cover)
        .unwrap_or(value.span);
    let mut cell = CellText::new(text, span);
    if let Some(q) = &mut cell.quantity {
        q.number = value.span;
        q.span = span;
    }
    cell
}

/// Where a value that is not there belongs: its empty cell, or the end of the row when the
/// cell is gone. `None` when the value is there. A placeholder (`—`) is a missing score, but a
/// row that says it has no full marks of its own.
fn missing_at(value: Value<'_>, row: &Row, placeholder_missing: bool) -> Option<Span> {
    match value {
        Value::Missing(Some(cell)) | Value::Text(cell) => Some(cell.span),
        Value::Placeholder(cell) if placeholder_missing => Some(cell.span),
        Value::Missing(None) => Some(Span::new(row.span.end, row.span.end)),
        Value::Placeholder(_) | Value::Number(..) => None,
    }
}

/// The non-empty label cells of a row's label region with their positional level. The region
/// is fitted to the level columns: surplus leading empty cells (an extra leading tab) are
/// dropped, and when cells were lost the remaining ones stay left-aligned.
fn label_cells<'r>(columns: &Columns, region: &[&'r Cell]) -> Vec<(usize, &'r Cell)> {
    let level_count = columns.levels.len().max(1);
    let first_level_col = columns.levels.first().copied().unwrap_or(0);
    let mut cells: Vec<&Cell> = region
        .iter()
        .skip(first_level_col.min(region.len()))
        .copied()
        .collect();
    while cells.len() > level_count && cells.first().is_some_and(|c| c.is_empty()) {
        cells.remove(0);
    }
    cells
        .into_iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty() && !is_placeholder(&c.text) && !is_subtotal_label(&c.text))
        .map(|(i, c)| (i + 1, c))
        .collect()
}

/// The label cells of a row in a table that prints a weight after each level: each level
/// column read where the header puts it (after the row's shift).
fn mapped_label_cells<'r>(columns: &Columns, row: &'r Row, shift: isize) -> Vec<(usize, &'r Cell)> {
    columns
        .levels
        .iter()
        .enumerate()
        .filter_map(|(k, &col)| cell_at(row, col, shift).map(|c| (k + 1, c)))
        .filter(|(_, c)| !c.is_empty() && !is_placeholder(&c.text) && !is_subtotal_label(&c.text))
        .collect()
}

/// A weight in a name (`6%`, `（6分）`) as exact points.
fn weight_num(weight: &Printed, span: Span) -> Num {
    Num::new(
        weight.value,
        Precision::Exact,
        span,
        crate::number::format_plain(weight.value),
    )
}

/// A rate cell as a percentage: `95%`, `95` under a `(%)` header, or `0.95`.
pub fn rate_num(p: &Printed, cell: &Cell, header_percent: bool, column_decimals: u32) -> Num {
    let decimals = column_decimals.max(p.decimals);
    if p.percent || header_percent || p.value > rust_decimal::Decimal::new(15, 1) {
        Num::new(
            p.value,
            Precision::Decimals(decimals),
            cell.span,
            &cell.text,
        )
    } else {
        // A fraction (0.9523): scale to percent; two decimals of precision move with it.
        Num::new(
            p.value * rust_decimal::Decimal::ONE_HUNDRED,
            Precision::Decimals(decimals.saturating_sub(2)),
            cell.span,
            &cell.text,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::first_table;
    use crate::report::segments::segments;
    use rust_decimal_macros::dec;

    fn card(text: &str) -> Scorecard {
        let table = first_table(text);
        let segs = segments(&table);
        let refs: Vec<&Segment<'_>> = segs.iter().filter(|s| is_score_segment(s)).collect();
        let mut card = Scorecard::new(super::super::model::ScorecardKind::Evaluation, table.span);
        add_score_table(&mut card, 0, &refs);
        card
    }

    fn find<'c>(card: &'c Scorecard, code: &str) -> &'c Node {
        card.nodes
            .iter()
            .find(|n| {
                n.label
                    .as_ref()
                    .and_then(|l| l.code.as_ref())
                    .is_some_and(|c| c.text == code)
            })
            .unwrap_or_else(|| panic!("no node {code}"))
    }

    #[test]
    fn merged_cells_and_shifted_rows_build_the_right_tree() {
        let c = card(
            "一级指标\t二级指标\t三级指标\t满分值\t得分值\nB 项目管理\tB1 投入管理\tB11 项目预算执行率\t4\t3.96\n\t\tB12 预算编制\t4\t4\n\tB3 实施管理\tB31 制度建设\t2\t1\nB32 实施管理执行情况\t\t8\t6.5\t\n合计\t\t\t18\t15.46\n",
        );
        let b32 = find(&c, "B32");
        assert_eq!(b32.level, 3);
        assert_eq!(
            c.nodes[b32.parent.unwrap()].label.as_ref().unwrap().name,
            "实施管理"
        );
        assert_eq!(b32.full[0].num.value, dec!(8));
        assert_eq!(b32.score[0].num.value, dec!(6.5));
        // "4" in a column printing 3.96 is known to two decimals.
        assert_eq!(
            find(&c, "B12").score[0].num.precision,
            Precision::Decimals(2)
        );
        assert_eq!(c.root().score[0].num.value, dec!(15.46));
        assert_eq!(find(&c, "B").children.len(), 2);
    }

    #[test]
    fn lost_score_cell_is_recorded_once_and_weights_come_from_names() {
        let c = card(
            "一级指标\t二级指标\t三级指标\t四级指标\t满分值\t得分情况\nC 项目绩效 10%\tC1. 项目产出 10%\tC1.2 质量目标 10%\tC1.2.1 故障重复发生率\t5\t\n\t\t\tC1.2.2 故障修复及时率\t5\t4.56\n",
        );
        let lost = find(&c, "C1.2.1");
        assert!(lost.missing_score.is_some());
        assert_eq!(lost.full[0].num.value, dec!(5));
        let c12 = find(&c, "C1.2");
        assert_eq!(c12.children.len(), 2);
        assert_eq!(c12.full[0].origin, Origin::NameWeight);
    }

    #[test]
    fn a_weight_column_after_each_level() {
        let c = card(
            "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t评分标准\t得分\n决策\t20\t项目立项\t8\t立项依据\t4\t酌情扣分\t4\n\t\t\t\t立项程序\t4\t酌情扣分\t3\n\t\t绩效目标\t12\t目标合理性\t12\t酌情扣分\t11\n",
        );
        let decision = &c.nodes[c.root().children[0]];
        assert_eq!(decision.full[0].num.value, dec!(20));
        assert_eq!(decision.children.len(), 2);
        let setup = &c.nodes[decision.children[0]];
        assert_eq!(setup.full[0].num.value, dec!(8));
        assert_eq!(setup.children.len(), 2);
        let leaf = &c.nodes[setup.children[1]];
        assert_eq!(leaf.label.as_ref().unwrap().name, "立项程序");
        assert_eq!(leaf.full[0].num.value, dec!(4));
        assert_eq!(leaf.score[0].num.value, dec!(3));
    }

    #[test]
    fn whole_and_half_point_scores_are_exact_computed_ones_are_not() {
        let c = card("指标\t满分值\t得分\nA 决策\t10\t9.5\nB 管理\t90\t80\n");
        assert_eq!(c.nodes[1].score[0].num.precision, Precision::Exact);
        let c = card("指标\t满分值\t得分\nA 决策\t10\t9.5\nB 管理\t90\t79.86\n");
        assert_eq!(c.nodes[1].score[0].num.precision, Precision::Decimals(2));
    }

    #[test]
    fn duplicate_codes_become_two_nodes() {
        let c = card(
            "一级指标\t二级指标\t三级指标\t满分值\t得分值\nC 绩效\tC2 效益\tC22 改善\t8\t8\n\t\tC23 可持续\t8\t6\n\t\tC23 满意度\t8\t7.61\n",
        );
        let c2 = find(&c, "C2");
        assert_eq!(c2.children.len(), 3);
    }

    #[test]
    fn uncoded_form_rows_with_a_collapsed_level() {
        let c = card(
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析\n产出指标\t数量指标\t运维报告\t1份\t达成\t10.00\t10.00\t\n成本指标\t成本控制有效性\t有效\t达成指标\t10.00\t10.00\t\t\n",
        );
        let root = c.root();
        assert_eq!(root.children.len(), 2);
        let cost = &c.nodes[root.children[1]];
        assert_eq!(cost.children.len(), 1);
        let leaf = &c.nodes[cost.children[0]];
        assert_eq!(leaf.label.as_ref().unwrap().name, "成本控制有效性");
        assert_eq!(leaf.full[0].num.value, dec!(10));
    }
}

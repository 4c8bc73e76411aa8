//! Laying a stream of cells out as the rows of a template's table.
//!
//! The header fixes the columns. Each cell can only go under a column whose kind it could be
//! (a bare number under an amount, points or score column; `≥95%` under a target or actual
//! column; a listed group name under its level). A row starts with its label: a listed special
//! label (总分, 上年结转资金) at the first column, or else the first label column the cell can
//! fill, the label columns before it merged with the row above. Between labels and values,
//! value columns whose cells vanished may be skipped, but only in the loose reading; the strict
//! reading (for layouts that show empty cells) skips nothing but merged labels.
//!
//! Every way of laying the cells out is counted (saturating at two) by dynamic programming over
//! the cells, linear in their number. One way is a fit; more than one is ambiguous and nothing
//! is guessed.

use super::template::{Kind, TableSpec};
use super::tokens::{Class, Token};

/// A table of a template with the columns its header actually has.
pub struct Columns<'a> {
    pub spec: &'a TableSpec,
    /// Indices into `spec.columns`, in order.
    pub present: Vec<usize>,
}

impl Columns<'_> {
    fn kind(&self, col: usize) -> Kind {
        self.spec.columns[self.present[col]].kind
    }

    fn len(&self) -> usize {
        self.present.len()
    }

    /// The last label column (the indicator's own name, or the fund row's label).
    fn leaf(&self) -> usize {
        (0..self.len())
            .take_while(|&c| self.kind(c).is_label())
            .last()
            .unwrap_or(0)
    }
}

/// How the cells were laid out.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// One way: the rows (a token index or nothing for each column) and how many of the tokens
    /// they use (from the first).
    Fitted {
        rows: Vec<Vec<Option<usize>>>,
        used: usize,
        /// The cells after `used` could be laid out more than one way and were not read.
        partial: bool,
    },
    /// More than one way.
    Ambiguous,
    /// No way.
    None,
}

/// The row type of a state: 0 for an ordinary row, `k + 1` for the template's special row `k`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct State {
    row: usize,
    col: usize,
    /// The row holds a figure (a number, rate or quantity) under a value column.
    figure: bool,
    /// A special row left one of its `values` columns without a cell: it may then hold
    /// nothing under its `then` columns (a part row's rate follows its three amounts).
    skipped: bool,
}

#[derive(Clone, Copy, Default)]
struct Entry {
    count: u8,
    back: u32,
    new_row: bool,
}

const START: u32 = u32::MAX;

pub fn fit(tokens: &[Token], columns: &Columns<'_>, strict: bool) -> Outcome {
    let n = columns.len();
    let specials = columns.spec.rows.len();
    let states = (specials + 1) * n * 4;
    let id = |s: State| {
        ((s.row * n + s.col) * 4 + 2 * usize::from(s.skipped) + usize::from(s.figure)) as u32
    };
    let state = |id: u32| {
        let id = id as usize;
        State {
            figure: id % 2 == 1,
            skipped: (id / 2) % 2 == 1,
            col: (id / 4) % n,
            row: id / 4 / n,
        }
    };
    let leaf = columns.leaf();
    let complete = |s: State| {
        if s.row == 0 {
            s.col >= leaf && s.figure
        } else {
            true
        }
    };
    // layers[i][state]: ways to lay out tokens[..i] ending in `state`; the start is implicit.
    let mut layers: Vec<Vec<Entry>> = Vec::with_capacity(tokens.len() + 1);
    // (end, ways, the one complete end state) for every prefix that ends with complete rows.
    let mut ends: Vec<(usize, u8, u32)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let mut next = vec![Entry::default(); states];
        let mut add = |to: State, from: u32, count: u8, new_row: bool| {
            let e = &mut next[id(to) as usize];
            if e.count == 0 {
                e.back = from;
                e.new_row = new_row;
            }
            e.count = (e.count + count).min(2);
        };
        let special = columns.spec.row_of(&t.key);
        let starts = |from: Option<State>, add: &mut dyn FnMut(State, u8)| {
            if let Some(k) = special {
                add(
                    State {
                        row: k + 1,
                        col: 0,
                        figure: false,
                        skipped: false,
                    },
                    0,
                );
                return;
            }
            for s in 0..n {
                if !columns.kind(s).is_label() {
                    break;
                }
                let merged_ok = s == 0 || from.is_some_and(|f| f.row == 0);
                if merged_ok && accepts(columns, 0, s, t, strict) {
                    add(
                        State {
                            row: 0,
                            col: s,
                            figure: false,
                            skipped: false,
                        },
                        0,
                    );
                }
            }
        };
        if i == 0 {
            starts(None, &mut |to, _| add(to, START, 1, true));
        } else {
            let prev = &layers[i - 1];
            for (pid, e) in prev.iter().enumerate() {
                if e.count == 0 {
                    continue;
                }
                let p = state(pid as u32);
                // The cell continues the row.
                let special_row = (p.row > 0).then(|| &columns.spec.rows[p.row - 1]);
                let mut skipped = p.skipped;
                for c in p.col + 1..n {
                    let kind = columns.kind(c);
                    let then = special_row.is_some_and(|r| r.then.contains(&kind));
                    // Under a `then` column only while none of the row's values is missing.
                    let open = strict || (then && !skipped);
                    if accepts(columns, p.row, c, t, open) {
                        let figure = p.figure || is_figure(kind, t);
                        add(
                            State {
                                row: p.row,
                                col: c,
                                figure,
                                skipped,
                            },
                            pid as u32,
                            e.count,
                            false,
                        );
                    }
                    if strict || !can_vanish(columns, p.row, c) {
                        break;
                    }
                    // Column `c` is left without a cell.
                    let listed = special_row
                        .and_then(|r| r.values.as_ref())
                        .is_some_and(|v| v.contains(&kind));
                    skipped |= listed;
                }
                // The cell starts a new row.
                let last = p.row > 0 && columns.spec.rows[p.row - 1].last;
                let done = complete(p) && (!strict || p.col == n - 1);
                if done && !last {
                    starts(Some(p), &mut |to, _| add(to, pid as u32, e.count, true));
                }
            }
        }
        let alive = next.iter().any(|e| e.count > 0);
        if !alive {
            break;
        }
        let mut ways = 0u8;
        let mut at = 0;
        for (s, e) in next.iter().enumerate() {
            if e.count > 0 && complete(state(s as u32)) {
                ways = (ways + e.count).min(2);
                at = s as u32;
            }
        }
        if ways > 0 {
            ends.push((i + 1, ways, at));
        }
        layers.push(next);
    }
    let Some(&(last_end, last_ways, last_at)) = ends.last() else {
        return Outcome::None;
    };
    // Past the point where the cells fit more than one way, nothing is read: the table is read
    // up to the last row that fits one way only, and that row is kept only where it is surely
    // whole (it reached the last column, or what follows can only start a row).
    let (end, at, partial) = if last_ways == 1 {
        (last_end, last_at, false)
    } else {
        match ends.iter().rev().find(|e| e.1 == 1) {
            Some(&(end, _, at)) => (end, at, true),
            None => return Outcome::Ambiguous,
        }
    };
    // Walk the one way back.
    let mut placed = Vec::with_capacity(end);
    let mut s = at;
    for i in (0..end).rev() {
        let e = layers[i][s as usize];
        placed.push((state(s).col, e.new_row));
        s = e.back;
    }
    placed.reverse();
    let mut rows: Vec<Vec<Option<usize>>> = Vec::new();
    for (i, (col, new_row)) in placed.into_iter().enumerate() {
        if new_row || rows.is_empty() {
            rows.push(vec![None; n]);
        }
        rows.last_mut().expect("a row")[col] = Some(i);
    }
    if partial {
        let whole = state(at).col == n - 1
            || tokens.get(end).is_some_and(|t| {
                columns.spec.row_of(&t.key).is_some() || columns.spec.names_group(&t.key)
            });
        if !whole {
            rows.pop();
        }
        if rows.is_empty() {
            return Outcome::Ambiguous;
        }
    }
    let used = rows.iter().flatten().flatten().max().map_or(0, |&i| i + 1);
    Outcome::Fitted {
        rows,
        used,
        partial,
    }
}

/// Whether a value column of a row may have no cell (it vanished from the text).
fn can_vanish(columns: &Columns<'_>, row: usize, col: usize) -> bool {
    row > 0 || !columns.kind(col).is_label()
}

/// A figure under a value column: what makes a row a row of values rather than stray text.
fn is_figure(kind: Kind, t: &Token) -> bool {
    !kind.is_label() && matches!(t.class, Class::Number | Class::Percent | Class::Quantity)
}

/// Longest names read as labels: past this a cell is prose, not a label.
const MAX_LABEL_CHARS: usize = 40;

/// Whether `t` can stand under column `col` in a row of type `row`. A special row's listed
/// value kinds bound where its cells may go when empty cells vanished (the loose reading);
/// `open` lifts that bound: where the layout shows every cell (strict), a cell's place is
/// given, and a `then` column may be filled once the row's values are all there.
fn accepts(columns: &Columns<'_>, row: usize, col: usize, t: &Token, open: bool) -> bool {
    let spec = columns.spec;
    if t.class == Class::Empty {
        return true;
    }
    let kind = columns.kind(col);
    if row > 0 {
        let allowed = match &spec.rows[row - 1].values {
            None => true,
            Some(kinds) => open || kinds.contains(&kind),
        };
        if !allowed || kind.is_label() {
            return false;
        }
    }
    let listed = spec.row_of(&t.key).is_some() || spec.ends.contains(&t.key);
    let text = t.class == Class::Text;
    let short = t.text.chars().count() <= MAX_LABEL_CHARS;
    match kind {
        Kind::Label => text && short && !listed,
        Kind::Group => {
            let column = &spec.columns[columns.present[col]];
            text && short
                && (column.names.contains(&t.key)
                    || (!spec.names_group(&t.key)
                        && column.ends_with.iter().any(|w| t.key.ends_with(w.as_str()))))
        }
        Kind::Name => text && short && !listed && !spec.names_group(&t.key),
        Kind::Amount | Kind::Points | Kind::Score => t.class == Class::Number,
        Kind::Weight | Kind::Rate => matches!(t.class, Class::Number | Class::Percent),
        Kind::Target | Kind::Actual => {
            !listed && !spec.names_group(&t.key) && t.class != Class::Operator
        }
        Kind::Text => text && !listed && !spec.names_group(&t.key),
        Kind::Operator => t.class == Class::Operator || (text && t.text.chars().count() <= 4),
        Kind::Unit => text && super::tokens::is_unit(&t.key),
    }
}

//! Form templates as data: `rules/templates/*.toml`, built into the binary by `build.rs` so that
//! a template is added by adding a file.
//!
//! A template describes each table of a form the way a person filling it in sees it: the header
//! cells in order (with the other words forms use for them), what each column holds, and the
//! labels of rows that fill only some columns (总分 holds 分值 and 得分; 上年结转资金 holds
//! amounts). The fitter reads nothing else about a form.

use std::collections::HashSet;

use serde::Deserialize;

use super::key;

/// What a column holds: the fitter places a cell under a column only where the cell could be
/// what the column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A row label (年度资金总额, 其中：当年财政拨款).
    Label,
    /// A level of the indicator tree above the indicator's own name (一级指标, 二级指标): its
    /// names are listed or end with a listed word; a merged cell is printed once, so a row may
    /// start below it.
    Group,
    /// The indicator's own name (三级指标).
    Name,
    Amount,
    Points,
    Score,
    Weight,
    Rate,
    Target,
    Actual,
    /// Prose (偏差原因分析及改进措施).
    Text,
    /// The target's operator in a cell of its own (指标性质: ≥, ≤, ＝).
    Operator,
    /// The unit in a cell of its own (度量单位).
    Unit,
}

impl Kind {
    /// Columns that label a row rather than hold one of its values.
    pub fn is_label(self) -> bool {
        matches!(self, Kind::Label | Kind::Group | Kind::Name)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    name: String,
    table: Vec<TableFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    name: String,
    #[serde(default)]
    ends: Vec<String>,
    column: Vec<ColumnFile>,
    #[serde(default)]
    row: Vec<RowFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnFile {
    words: Vec<String>,
    kind: Kind,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default, rename = "ends-with")]
    ends_with: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RowFile {
    labels: Vec<String>,
    #[serde(default)]
    values: Option<Vec<Kind>>,
    #[serde(default)]
    then: Vec<Kind>,
    #[serde(default)]
    last: bool,
}

/// One table of a form, with its words in comparison form ([`key`]).
#[derive(Debug)]
pub struct TableSpec {
    /// `模板名 / 表名`, for messages.
    pub name: String,
    pub ends: HashSet<String>,
    pub columns: Vec<ColumnSpec>,
    pub rows: Vec<RowSpec>,
}

#[derive(Debug)]
pub struct ColumnSpec {
    pub words: HashSet<String>,
    pub kind: Kind,
    pub optional: bool,
    pub names: HashSet<String>,
    pub ends_with: Vec<String>,
}

/// Rows that fill only some columns: the label goes in the first column, values only under
/// columns of the listed kinds (all kinds when `values` is `None`).
#[derive(Debug)]
pub struct RowSpec {
    pub labels: HashSet<String>,
    pub values: Option<Vec<Kind>>,
    /// Columns the row may also fill, only after every one of its `values` columns (a part
    /// row's own rate after its three amounts): where empty cells vanished, a figure goes
    /// there only when no amount is missing, so three figures stay three amounts.
    pub then: Vec<Kind>,
    /// The table ends with this row (总分).
    pub last: bool,
}

impl TableSpec {
    /// The special row a label starts, if any.
    pub fn row_of(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.labels.contains(key))
    }

    /// Whether the table holds amounts: a form's fund block.
    pub fn holds_amounts(&self) -> bool {
        self.columns.iter().any(|c| c.kind == Kind::Amount)
    }

    /// Whether `key` names a group of the column at `index` (and so cannot be a name or a
    /// value elsewhere).
    pub fn names_group(&self, key: &str) -> bool {
        self.columns.iter().any(|c| c.names.contains(key))
    }
}

fn keys(words: Vec<String>) -> HashSet<String> {
    words.iter().map(|w| key(w)).collect()
}

/// Parse one template file.
pub fn parse(text: &str) -> Result<Vec<TableSpec>, String> {
    specs(toml::from_str(text).map_err(|e| e.to_string())?)
}

/// A built-in template, which build.rs made JSON.
fn parse_built_in(json: &str) -> Result<Vec<TableSpec>, String> {
    specs(serde_json::from_str(json).map_err(|e| e.to_string())?)
}

fn specs(file: TemplateFile) -> Result<Vec<TableSpec>, String> {
    let mut tables = Vec::new();
    for t in file.table {
        if t.column.is_empty() {
            return Err(format!("table {} has no columns", t.name));
        }
        if t.column[0].optional {
            return Err(format!(
                "table {}: the first column cannot be optional",
                t.name
            ));
        }
        tables.push(TableSpec {
            name: format!("{} / {}", file.name, t.name),
            ends: keys(t.ends),
            columns: t
                .column
                .into_iter()
                .map(|c| ColumnSpec {
                    words: keys(c.words),
                    kind: c.kind,
                    optional: c.optional,
                    names: keys(c.names),
                    ends_with: c.ends_with.iter().map(|w| key(w)).collect(),
                })
                .collect(),
            rows: t
                .row
                .into_iter()
                .map(|r| RowSpec {
                    labels: keys(r.labels),
                    values: r.values,
                    then: r.then,
                    last: r.last,
                })
                .collect(),
        });
    }
    Ok(tables)
}

/// Every table of every built-in template, in file-name order.
pub fn tables() -> &'static [TableSpec] {
    static TABLES: std::sync::OnceLock<Vec<TableSpec>> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        BUILT_IN
            .iter()
            .flat_map(|(file, json)| {
                parse_built_in(json)
                    .unwrap_or_else(|e| panic!("rules/templates/{file} is invalid: {e}"))
            })
            .collect()
    })
}

// `BUILT_IN: &[(&str, &str)]`: (file name, contents as JSON) of every `rules/templates/*.toml`.
include!(concat!(env!("OUT_DIR"), "/templates.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_parses_as_its_toml_does() {
        assert!(!BUILT_IN.is_empty());
        // What a table is made of, in an order that does not depend on hashing.
        let shape = |t: &TableSpec| {
            let sorted = |words: &HashSet<String>| {
                let mut v: Vec<String> = words.iter().cloned().collect();
                v.sort();
                v
            };
            let columns: Vec<_> = t
                .columns
                .iter()
                .map(|c| (sorted(&c.words), format!("{:?} {}", c.kind, c.optional)))
                .collect();
            (t.name.clone(), sorted(&t.ends), columns, t.rows.len())
        };
        for (file, json) in BUILT_IN {
            let built = parse_built_in(json).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(!built.is_empty(), "{file} has no table");
            let path = format!("{}/rules/templates/{file}", env!("CARGO_MANIFEST_DIR"));
            let toml = parse(&std::fs::read_to_string(path).unwrap()).unwrap();
            let shapes = |tables: &[TableSpec]| tables.iter().map(shape).collect::<Vec<_>>();
            assert_eq!(shapes(&built), shapes(&toml), "{file}");
        }
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let err = parse("name = \"x\"\n[[table]]\nname = \"t\"\ncolor = 1\n[[table.column]]\nwords = [\"a\"]\nkind = \"label\"\n")
            .unwrap_err();
        assert!(err.contains("color"), "{err}");
    }
}

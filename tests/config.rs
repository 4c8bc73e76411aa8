//! Configuration files end to end, in a temporary tree: discovery (the nearest file above each
//! checked file), `extend`, `--config`, `--isolated`, the user's file, precedence of the
//! command line, every key, and the errors a wrong file gives.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary tree with a faulty form (SUM002, an error) and a report with a duplicate code
/// (CODE001) in `reports/`, and no configuration file yet.
struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    fn new() -> Tree {
        let tree = Tree {
            dir: tempfile::tempdir().unwrap(),
        };
        tree.copy("faulty/SUM002-form-total.txt", "reports/form.txt");
        tree.copy("faulty/CODE001-duplicate-code.txt", "reports/codes.txt");
        tree
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn copy(&self, from: &str, to: &str) {
        let to = self.path(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata")
            .join(from);
        std::fs::copy(from, to).unwrap();
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Run jxlint in the tree's root, with no user configuration unless `xdg` names one.
    fn run(&self, args: &[&str]) -> Output {
        self.run_with_xdg(args, &self.path("no-such-xdg"))
    }

    fn run_with_xdg(&self, args: &[&str], xdg: &Path) -> Output {
        Command::new(env!("CARGO_BIN_EXE_jxlint"))
            .current_dir(self.dir.path())
            .args(args)
            .env("XDG_CONFIG_HOME", xdg)
            .env_remove("NO_COLOR")
            .output()
            .expect("run jxlint")
    }

    /// `(code, path, severity)` of every finding, checking `args` as JSON.
    fn findings(&self, args: &[&str]) -> Vec<(String, String, String)> {
        let mut all = vec!["check", "--format", "json"];
        all.extend(args);
        let o = self.run(&all);
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        let found: Vec<serde_json::Value> =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
        let mut out: Vec<(String, String, String)> = found
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["path"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        out.sort();
        out
    }
}

fn codes(found: &[(String, String, String)]) -> Vec<&str> {
    found.iter().map(|f| f.0.as_str()).collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn without_a_file_every_rule_reports() {
    let tree = Tree::new();
    let found = tree.findings(&["reports"]);
    assert_eq!(codes(&found), ["CODE001", "SUM002"], "{found:?}");
}

#[test]
fn the_nearest_file_wins_and_files_are_not_merged_across_folders() {
    let tree = Tree::new();
    tree.write("jxlint.toml", "ignore = [\"SUM\"]\n");
    tree.write("reports/jxlint.toml", "ignore = [\"CODE001\"]\n");
    // reports/ has its own file: the root's ignore of SUM is not in force there.
    assert_eq!(codes(&tree.findings(&["reports"])), ["SUM002"]);
    // A hidden name works too, and a file beside it in a folder above is not read.
    std::fs::remove_file(tree.path("reports/jxlint.toml")).unwrap();
    tree.write("reports/.jxlint.toml", "ignore = [\"CODE\"]\n");
    assert_eq!(codes(&tree.findings(&["reports"])), ["SUM002"]);
    std::fs::remove_file(tree.path("reports/.jxlint.toml")).unwrap();
    assert_eq!(codes(&tree.findings(&["reports"])), ["CODE001"]);
}

#[test]
fn extend_inherits_and_the_extending_file_overrides() {
    let tree = Tree::new();
    tree.write(
        "base/common.toml",
        "ignore = [\"CODE\"]\n[severity]\nSUM002 = \"info\"\n",
    );
    tree.write(
        "jxlint.toml",
        "extend = \"base/common.toml\"\n[severity]\nSUM = \"warning\"\n",
    );
    let found = tree.findings(&["reports"]);
    // ignore comes from the base; severity from the extending file, which replaces the base's.
    assert_eq!(
        found,
        [(
            "SUM002".to_string(),
            "reports/form.txt".to_string(),
            "warning".to_string()
        )]
    );
    // Only warnings: exit 0.
    assert_eq!(tree.run(&["check", "-q", "reports"]).status.code(), Some(0));
    let shown =
        String::from_utf8_lossy(&tree.run(&["config", "reports/form.txt"]).stdout).into_owned();
    assert!(
        shown.contains("jxlint.toml (extends) base/common.toml"),
        "{shown}"
    );
    assert!(
        shown.contains("ignore = [\"CODE\"]  # base/common.toml"),
        "{shown}"
    );
    assert!(shown.contains("[severity]  # jxlint.toml"), "{shown}");
}

#[test]
fn config_and_isolated_choose_the_file_or_none() {
    let tree = Tree::new();
    tree.write("jxlint.toml", "ignore = [\"SUM\"]\n");
    tree.write("ci.toml", "ignore = [\"CODE\"]\n");
    assert_eq!(codes(&tree.findings(&["reports"])), ["CODE001"]);
    assert_eq!(
        codes(&tree.findings(&["--config", "ci.toml", "reports"])),
        ["SUM002"]
    );
    assert_eq!(
        codes(&tree.findings(&["--isolated", "reports"])),
        ["CODE001", "SUM002"]
    );
    let o = tree.run(&["check", "--config", "ci.toml", "--isolated", "reports"]);
    assert_eq!(o.status.code(), Some(2), "the two cannot go together");
}

#[test]
fn the_users_file_is_the_last_fallback() {
    let tree = Tree::new();
    let xdg = tree.path("home-config");
    tree.write("home-config/jxlint/jxlint.toml", "ignore = [\"SUM\"]\n");
    let o = tree.run_with_xdg(&["check", "--format", "concise", "reports"], &xdg);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("CODE001") && !out.contains("SUM002"), "{out}");
    // A project file comes first.
    tree.write("jxlint.toml", "ignore = [\"CODE\"]\n");
    let o = tree.run_with_xdg(&["check", "--format", "concise", "reports"], &xdg);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(!out.contains("CODE001") && out.contains("SUM002"), "{out}");
}

#[test]
fn the_command_line_overrides_the_file() {
    let tree = Tree::new();
    tree.write(
        "jxlint.toml",
        "standard = \"no-such-standard\"\nlang = \"en\"\nselect = [\"CODE\"]\n",
    );
    // The file's unknown standard is its own error …
    let o = tree.run(&["check", "reports"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("jxlint.toml: standard"),
        "{}",
        stderr(&o)
    );
    // … and the file's language, selection and standard give way to the command line's.
    tree.write("jxlint.toml", "lang = \"en\"\nselect = [\"CODE\"]\n");
    assert_eq!(codes(&tree.findings(&["reports"])), ["CODE001"]);
    assert_eq!(
        codes(&tree.findings(&["--select", "SUM", "reports"])),
        ["SUM002"]
    );
    assert_eq!(
        codes(&tree.findings(&["--extend-select", "SUM002", "reports"])),
        ["CODE001", "SUM002"]
    );
    assert!(codes(&tree.findings(&["--ignore", "CODE", "reports"])).is_empty());
    // The file says English; the command line says Chinese.
    let english = tree.run(&["check", "--format", "concise", "reports"]);
    let chinese = tree.run(&["check", "--lang", "zh", "--format", "concise", "reports"]);
    let english = String::from_utf8_lossy(&english.stdout).into_owned();
    let chinese = String::from_utf8_lossy(&chinese.stdout).into_owned();
    assert!(
        english.contains("CODE001") && !english.contains("指标编码"),
        "{english}"
    );
    assert!(chinese.contains("指标编码"), "{chinese}");
}

#[test]
fn per_file_ignores_severity_off_include_and_exclude() {
    let tree = Tree::new();
    tree.copy("faulty/SUM002-form-total.txt", "reports/drafts/old.txt");
    tree.write(
        "jxlint.toml",
        "exclude = [\"reports/drafts/**\"]\n[per-file-ignores]\n\"reports/codes.txt\" = [\"CODE001\"]\n",
    );
    assert_eq!(
        tree.findings(&["reports"]),
        [(
            "SUM002".to_string(),
            "reports/form.txt".to_string(),
            "error".to_string()
        )]
    );
    // A file named on the command line is checked even if excluded.
    let named = tree.findings(&["reports/drafts/old.txt"]);
    assert_eq!(codes(&named), ["SUM002"]);
    // include: only what matches; severity off: not reported at all.
    tree.write(
        "jxlint.toml",
        "include = [\"**/codes.txt\"]\n[severity]\nCODE001 = \"off\"\n",
    );
    assert!(tree.findings(&["reports"]).is_empty());
    tree.write("jxlint.toml", "include = [\"**/codes.txt\"]\n");
    assert_eq!(codes(&tree.findings(&["reports"])), ["CODE001"]);
}

#[test]
fn a_wrong_file_is_an_error_naming_the_file_and_the_key() {
    let tree = Tree::new();
    for (text, says) in [
        ("selct = [\"SUM\"]\n", "unknown field `selct`"),
        ("ignore = [\"SUM0099\"]\n", "ignore: `SUM0099` is no rule"),
        ("[severity]\nSUM002 = \"loud\"\n", "severity.SUM002: `loud`"),
        (
            "[per-file-ignores]\n\"a/[b\" = [\"SUM\"]\n",
            "per-file-ignores: `a/[b` is not a glob",
        ),
        ("exclude = [\"a/{b\"]\n", "exclude: `a/{b` is not a glob"),
        ("lang = \"fr\"\n", "lang: `fr`"),
        ("extend = \"jxlint.toml\"\n", "circle"),
        ("ignore = \"SUM\"\n", "ignore"),
    ] {
        tree.write("jxlint.toml", text);
        let o = tree.run(&["check", "reports"]);
        assert_eq!(o.status.code(), Some(2), "{text}");
        let err = stderr(&o);
        assert!(err.contains("jxlint.toml"), "{text}: {err}");
        assert!(err.contains(says), "{text}: {err}");
        assert!(o.stdout.is_empty(), "nothing is checked with a wrong file");
    }
}

#[test]
fn config_without_a_file_shows_the_defaults() {
    let tree = Tree::new();
    let o = tree.run(&["config", "reports/form.txt"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("no configuration file"), "{out}");
    assert!(out.contains("standard = \"national-2020\""), "{out}");
}

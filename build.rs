//! Builds every form template in `rules/templates/` into the binary, so that adding a template
//! is adding a file; and the rule catalogue as JSON, which reads faster at start than its TOML.

use std::fmt::Write;
use std::path::Path;

fn main() {
    catalog_as_json();
    let dir = Path::new("rules/templates");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("rules/templates exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    files.sort();
    let mut out = String::from("const BUILT_IN: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed=rules/templates/{f}");
        // Named from the package's folder at compile time, not by an absolute path here: the
        // generated file stays right when the same target folder builds another checkout of
        // the package (pre-commit's build in scripts/test-pre-commit.sh).
        writeln!(
            out,
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/templates/{f}\"))),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("templates.rs");
    std::fs::write(target, out).expect("write templates.rs");
}

/// `rules/catalog.toml` as JSON in `OUT_DIR/catalog.json`: the same values, for
/// `src/catalog.rs` to read at start with serde_json instead of parsing TOML.
fn catalog_as_json() {
    let source = "rules/catalog.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("rules/catalog.toml exists");
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("rules/catalog.toml is not TOML: {e}"));
    let json = serde_json::to_string(&value).expect("TOML values are JSON values");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog.json");
    std::fs::write(target, json).expect("write catalog.json");
}

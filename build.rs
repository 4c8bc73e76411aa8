//! Builds every form template in `rules/templates/` into the binary, so that adding a template
//! is adding a file; templates and the rule catalogue as JSON, which reads faster at start than
//! their TOML.

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
    let json_dir = Path::new(&std::env::var("OUT_DIR").unwrap()).join("templates");
    std::fs::create_dir_all(&json_dir).expect("make OUT_DIR/templates");
    for f in &files {
        let source = format!("rules/templates/{f}");
        println!("cargo:rerun-if-changed={source}");
        std::fs::write(json_dir.join(format!("{f}.json")), toml_as_json(&source))
            .expect("write a template's JSON");
        writeln!(
            out,
            "    ({f:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/templates/{f}.json\"))),"
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
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog.json");
    std::fs::write(target, toml_as_json(source)).expect("write catalog.json");
}

/// The TOML file `source` as JSON: the same values, which serde_json reads several times
/// quicker than toml reads the TOML.
fn toml_as_json(source: &str) -> String {
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not TOML: {e}"));
    serde_json::to_string(&value).expect("TOML values are JSON values")
}

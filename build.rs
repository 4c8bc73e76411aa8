//! Builds every form template in `rules/templates/` into the binary, so that adding a template
//! is adding a file.

use std::fmt::Write;
use std::path::Path;

fn main() {
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

//! Helpers the command-line tests share: run the binary, find a sample, read its output.

#![allow(dead_code)] // each test file uses some of them

use std::path::Path;
use std::process::{Command, Output};

/// Run jxlint with `args`, colour left to its own choice.
pub fn jxlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jxlint"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run jxlint")
}

/// The path of a bundled sample, `testdata/<rel>`.
pub fn testdata(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

//! The whole check on any bytes, under every built-in standard, with every renderer: human
//! (with and without colour, in both languages), JSON, the summary line and inspect.
#![no_main]

use jxlint::diagnostic::Lang;
use jxlint::lint::check_bytes;
use jxlint::profile::Profile;
use jxlint::read::Format;
use jxlint::render::{human::HumanRenderer, inspect, json, summary};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn profiles() -> &'static [Profile] {
    static P: OnceLock<Vec<Profile>> = OnceLock::new();
    P.get_or_init(|| {
        Profile::builtin_names()
            .into_iter()
            .map(|n| Profile::load(n).expect("built-in profile"))
            .collect()
    })
}

fuzz_target!(|input: (u8, &[u8])| {
    let (choice, bytes) = input;
    let profile = &profiles()[choice as usize % profiles().len()];
    let format = if choice & 0x80 == 0 {
        Format::Text
    } else {
        Format::Markdown
    };
    let Ok(checked) = check_bytes(Path::new("fuzz.txt"), bytes, format, profile) else {
        return;
    };
    let lang = if choice & 0x40 == 0 {
        Lang::Zh
    } else {
        Lang::En
    };
    let human = HumanRenderer::new(choice & 0x20 != 0, lang, 100);
    let _ = human.render(&checked.source, "fuzz.txt", &checked.findings);
    let found = json::findings("fuzz.txt", &checked.source, &checked.findings, lang);
    let _ = json::to_string(&found);
    let section = jxlint::render::html::section(&checked.source, &checked.findings, lang);
    let (total, grade) = summary::headline(&checked.report);
    let mut page = jxlint::render::html::Page::new(lang);
    page.add(
        summary::SummaryRow {
            path: "fuzz.txt".into(),
            kind: Some(checked.report.facts.kind),
            total,
            grade,
            tally: Default::default(),
            failed: None,
        },
        &section,
        &found,
    );
    let _ = page.finish();
    let doc = jxlint::read::read(&checked.source, format);
    let _ = inspect::render(&checked.source, &doc, &checked.report, lang);
    let _ = jxlint::render::extract::text(&checked.source, &doc, lang);
    let _ = jxlint::render::extract::json(&checked.source, &doc);
});

//! The rule catalogue, the checks and the generated documentation agree.

use jxlint::catalog::catalog;
use jxlint::checks::registered_codes;

#[test]
fn every_code_a_check_reports_is_in_the_catalogue() {
    for code in registered_codes() {
        assert!(
            catalog().get(code).is_some(),
            "{code} is reported by a check but missing from rules/catalog.toml"
        );
    }
}

#[test]
fn every_catalogue_rule_is_reported_by_a_check() {
    let codes = registered_codes();
    for rule in &catalog().rules {
        assert!(
            codes.contains(&rule.code.as_str()),
            "{} is in rules/catalog.toml but no check reports it",
            rule.code
        );
    }
}

#[test]
fn codes_are_unique_across_checks() {
    let mut codes = registered_codes();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n, "two checks report the same code");
}

#[test]
fn every_rule_has_an_explanation_and_both_examples() {
    for rule in &catalog().rules {
        assert!(
            !rule.explanation.zh.is_empty() && !rule.explanation.en.is_empty(),
            "{}",
            rule.code
        );
        assert!(
            !rule.example_wrong.is_empty() && !rule.example_right.is_empty(),
            "{}",
            rule.code
        );
        assert_ne!(rule.example_wrong, rule.example_right, "{}", rule.code);
        assert!(
            !rule.message.zh.is_empty() && !rule.message.en.is_empty(),
            "{}",
            rule.code
        );
    }
}

/// `docs/rules.md` is generated from the catalogue; regenerate it with
/// `cargo run -- rules --format markdown > docs/rules.md` (or run the tests with
/// `JXLINT_BLESS=1`).
#[test]
fn docs_rules_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let expected = catalog().markdown();
    if std::env::var_os("JXLINT_BLESS").is_some() {
        std::fs::write(path, &expected).expect("write docs/rules.md");
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn the_embedded_catalogue_reads_as_its_toml_does() {
    // The binary reads the catalogue as JSON that build.rs makes of rules/catalog.toml.
    let toml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/catalog.toml"))
        .expect("rules/catalog.toml");
    let parsed = jxlint::catalog::Catalog::parse(&toml).expect("the catalogue parses");
    assert!(!parsed.rules.is_empty());
    assert_eq!(format!("{parsed:?}"), format!("{:?}", catalog()));
}

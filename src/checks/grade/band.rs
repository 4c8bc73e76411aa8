//! GRADE001: a stated grade that is not the profile's band for the total (national: 优 ≥ 90,
//! 良 ≥ 80, 中 ≥ 60, 差 < 60; 良好 for 良 and other synonyms). The printed total is used as
//! printed: 89.99 is 良, never rounded up into 优.

use crate::checks::{Check, Context};
use crate::diagnostic::{Constraint, Finding, Implied, Text};
use crate::number::format_plain;

pub struct GradeBand;

impl Check for GradeBand {
    fn codes(&self) -> &'static [&'static str] {
        &["GRADE001"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for grade in &card.grades {
                let Some(stated_band) = cx.profile.band_named(&grade.text) else {
                    continue;
                };
                let Some(total) = grade.total.as_ref().or_else(|| card.stated_total()) else {
                    continue;
                };
                let Some(band) = cx.profile.band_for(total.value) else {
                    continue;
                };
                if band.name == stated_band.name {
                    continue;
                }
                let range = cx.profile.band_interval(stated_band);
                let bounds = Text::new(bounds_text(cx, band, "分"), bounds_text(cx, band, ""));
                out.push(
                    Finding::new("GRADE001")
                        .arg_same("grade", grade.text.clone())
                        .arg_same("total", total.text.clone())
                        .arg_same("expected", band.name.clone())
                        .arg("bounds", bounds)
                        .arg(
                            "standard",
                            Text::new(cx.profile.title_zh.clone(), cx.profile.title_en.clone()),
                        )
                        .label(
                            grade.span,
                            Text::new(
                                format!("应为{}", band.name),
                                format!("should be {}", band.name),
                            ),
                        )
                        .label(
                            total.span,
                            Text::new(
                                format!("总分 {}", total.text),
                                format!("total {}", total.text),
                            ),
                        )
                        .constraint(Constraint {
                            subject: Some(grade.span),
                            cells: vec![Implied {
                                span: total.span,
                                value: range,
                                point: total.value.clamp(range.lo, range.hi),
                                decimals: total.display_decimals(),
                            }],
                        }),
                );
            }
        }
    }
}

/// `80 ≤ 总分 < 90`
fn bounds_text(cx: &Context<'_>, band: &crate::profile::GradeBand, unit: &str) -> String {
    let index = cx
        .profile
        .grades
        .iter()
        .position(|g| g.name == band.name)
        .unwrap_or(0);
    let lower = format_plain(band.min);
    match index {
        0 => format!("≥ {lower}{unit}"),
        _ => {
            let upper = format_plain(cx.profile.grades[index - 1].min);
            if band.min.is_zero() {
                format!("< {upper}{unit}")
            } else {
                format!("{lower}{unit} ≤ x < {upper}{unit}")
            }
        }
    }
}

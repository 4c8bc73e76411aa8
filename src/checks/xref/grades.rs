//! XREF004: the report gives different grades in different places, and no total decides which
//! is right (when a total does, GRADE001 reports the wrong one).

use crate::checks::tree::origin_name;
use crate::checks::{Check, Context};
use crate::diagnostic::{Finding, Text};

pub struct GradeWords;

impl Check for GradeWords {
    fn codes(&self) -> &'static [&'static str] {
        &["XREF004"]
    }

    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for card in &cx.report.scorecards {
            for (i, a) in card.grades.iter().enumerate() {
                for b in &card.grades[i + 1..] {
                    let (Some(ga), Some(gb)) = (
                        cx.profile.band_named(&a.text),
                        cx.profile.band_named(&b.text),
                    ) else {
                        continue;
                    };
                    if ga.name == gb.name {
                        continue;
                    }
                    let decided = |g: &crate::report::StatedGrade| {
                        g.total.is_some() || card.stated_total().is_some()
                    };
                    if decided(a) && decided(b) {
                        continue;
                    }
                    // Two sentences of the text are "one place" and "another", not "the text"
                    // twice.
                    let (place, other_place) = if a.origin == b.origin {
                        (
                            Text::new(
                                format!("{}一处", origin_name(a.origin).zh),
                                format!("one place in {}", origin_name(a.origin).en),
                            ),
                            Text::new("另一处", "another"),
                        )
                    } else {
                        (origin_name(a.origin), origin_name(b.origin))
                    };
                    out.push(
                        Finding::new("XREF004")
                            .arg_same("grade", a.text.clone())
                            .arg("place", place)
                            .arg_same("other", b.text.clone())
                            .arg("other_place", other_place)
                            .label(a.span, Text::same(a.text.clone()))
                            .label(b.span, Text::same(b.text.clone())),
                    );
                }
            }
        }
    }
}

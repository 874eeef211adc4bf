use super::*;

/// Every text and what it is drawn on, and every boundary and focus ring
/// and what it sits on, with the ratio each must reach.
fn pairs(v: &Visuals) -> Vec<(&'static str, Color32, Color32, f32)> {
    let text = v.text_color();
    let w = &v.widgets;
    let field = v.text_edit_bg_color();
    [
        ("text on a panel", text, v.panel_fill, 4.5),
        ("text on a window", text, v.window_fill, 4.5),
        ("text in a field", text, field, 4.5),
        (
            "weak text on a panel",
            v.weak_text_color(),
            v.panel_fill,
            4.5,
        ),
        ("a link", v.hyperlink_color, v.panel_fill, 4.5),
        ("a progress bar", progress_fill(v), v.panel_fill, 3.0),
        ("an error", v.error_fg_color, v.panel_fill, 4.5),
        ("a warning", v.warn_fg_color, v.panel_fill, 4.5),
        (
            "a button's text",
            v.override_text_color.unwrap_or(w.inactive.fg_stroke.color),
            w.inactive.weak_bg_fill,
            4.5,
        ),
        (
            "a hovered button's text",
            v.override_text_color.unwrap_or(w.hovered.fg_stroke.color),
            w.hovered.weak_bg_fill,
            4.5,
        ),
        (
            "a selected item's text",
            v.selection.stroke.color,
            v.selection.bg_fill,
            4.5,
        ),
        (
            "a field's or button's border",
            w.inactive.bg_stroke.color,
            v.panel_fill,
            3.0,
        ),
    ]
    .into_iter()
    .chain(focus_pairs(v))
    .chain(score_pairs(v))
    .collect()
}

/// The focus ring, and the marks of what is focused or selected.
fn focus_pairs(v: &Visuals) -> Vec<(&'static str, Color32, Color32, f32)> {
    let field = v.text_edit_bg_color();
    let w = &v.widgets;
    vec![
        (
            "the focus ring",
            w.active.bg_stroke.color,
            v.panel_fill,
            3.0,
        ),
        (
            "a focused field's border",
            v.selection.stroke.color,
            field,
            3.0,
        ),
        (
            "the mark of a selected row (a grid's selected cell, the day shown)",
            v.selection.stroke.color,
            v.panel_fill,
            3.0,
        ),
    ]
}

/// A grid score's colour on the panel and on its button.
fn score_pairs(v: &Visuals) -> Vec<(&'static str, Color32, Color32, f32)> {
    let button = v.widgets.inactive.weak_bg_fill;
    (1..=5)
        .flat_map(|score| {
            let colour = score_colour(v, score);
            [
                ("a score on a panel", colour, v.panel_fill, 4.5),
                ("a score on its button", colour, button, 4.5),
            ]
        })
        .collect()
}

#[test]
fn every_theme_meets_wcag_aa_for_text_boundaries_and_focus() {
    let mut failures = Vec::new();
    for (theme, dark, high) in [
        ("light", false, false),
        ("dark", true, false),
        ("high-contrast light", false, true),
        ("high-contrast dark", true, true),
    ] {
        for (what, fg, bg, least) in pairs(&visuals(dark, high)) {
            let ratio = contrast(fg, bg);
            if ratio < least {
                failures.push(format!("{theme}: {what} {ratio:.2}:1 (at least {least}:1)"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn contrast_is_measured_as_wcag_defines_it() {
    assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    let grey = contrast(Color32::from_gray(0x76), Color32::WHITE);
    assert!((4.5..4.6).contains(&grey), "{grey}");
}

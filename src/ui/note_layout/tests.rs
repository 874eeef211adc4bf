use std::sync::Arc;

use egui::{Id, Ui};

use super::*;

/// Runs `check` with a laid-out frame's `Ui`, fonts installed.
fn with_ui(check: impl FnOnce(&mut Ui)) {
    let ctx = egui::Context::default();
    super::super::fonts::setup_fonts(&ctx);
    let mut check = Some(check);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        if let Some(check) = check.take() {
            check(ui);
        }
    });
    output.textures_delta.clear();
}

#[test]
fn wrapped_rows_of_a_list_item_hang_under_its_text() {
    with_ui(|ui| {
        let item = "長い項目の文章が続きます。".repeat(8);
        let paragraph = "普通の段落もまた長く続いて折り返します。".repeat(4);
        let text = format!("- {item}\n{paragraph}");
        let galley = layout_note(ui, Id::unique("t"), &text, 240.0).galley;
        let xs: Vec<f32> = galley.rows.iter().take(3).map(|r| r.pos.x).collect();
        assert_eq!(xs[0], 0.0);
        assert!(xs[1] > 5.0 && xs[2] == xs[1], "{xs:?}");
        let last = galley.rows.last().unwrap();
        assert_eq!(last.pos.x, 0.0, "a paragraph does not hang");
    });
}

#[test]
fn the_layout_is_kept_until_the_text_changes() {
    with_ui(|ui| {
        let id = Id::unique("kept");
        let first = layout_note(ui, id, "# 見出し\n- **太字**", 300.0).galley;
        let again = layout_note(ui, id, "# 見出し\n- **太字**", 300.0).galley;
        assert!(Arc::ptr_eq(&first, &again));
        let changed = layout_note(ui, id, "# 見出し\n- **太字** を足した", 300.0).galley;
        assert!(!Arc::ptr_eq(&first, &changed));
    });
}

#[test]
fn an_empty_line_is_as_tall_as_a_line_of_text() {
    with_ui(|ui| {
        let galley = layout_note(ui, Id::unique("empty"), "a\n\nb\n", 300.0).galley;
        let heights: Vec<f32> = galley.rows.iter().map(|r| r.rect().height()).collect();
        assert_eq!(heights.len(), 4, "{heights:?}");
        assert!(heights.iter().all(|h| *h == heights[0]), "{heights:?}");
        assert_eq!(galley.text(), "a\n\nb\n");
    });
}

/// A window made narrower (a new look) lays the note out anew, whatever
/// it held for the old width: rows and marks as a fresh layout's.
#[test]
fn a_new_width_lays_out_as_new() {
    with_ui(|ui| {
        let id = Id::unique("narrowed");
        let text = "- [ ] 項目が長く続いて折り返すほどの文章\n- b\n本文";
        layout_note(ui, id, text, 400.0);
        let narrowed = layout_note(ui, id, text, 120.0);
        let fresh = layout_note(ui, Id::unique("narrow-fresh"), text, 120.0);
        assert_eq!(rows(&narrowed), rows(&fresh));
        assert_eq!(narrowed.marks, fresh.marks);
        let shorter = layout_note(ui, id, "x", 200.0);
        assert_eq!(shorter.galley.rows.len(), 1);
        assert!(shorter.marks.is_empty());
    });
}

/// The joined galley is drawn: tessellated, it gives the vertices of
/// every glyph, as a galley laid out by egui itself would.
#[test]
fn the_note_is_drawn() {
    with_ui(|ui| {
        let text = "- 項目\nふつうの行\n";
        let view = layout_note(ui, Id::unique("drawn"), text, 300.0);
        let shape =
            egui::Shape::galley(egui::Pos2::ZERO, view.galley.clone(), egui::Color32::WHITE);
        let clipped = egui::epaint::ClippedShape {
            clip_rect: egui::Rect::EVERYTHING,
            shape,
            transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
        };
        let meshes = ui.ctx().tessellate(vec![clipped], 1.0);
        let vertices: usize = meshes
            .iter()
            .map(|m| match &m.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        assert!(vertices > 0);
        assert_eq!(vertices, view.galley.num_vertices);
    });
}

/// When egui lays its text out anew (new fonts, a rebuilt glyph atlas),
/// the note does too: lines kept from before would point at glyphs that
/// are gone.
#[test]
fn new_fonts_lay_the_note_out_anew() {
    let ctx = egui::Context::default();
    super::super::fonts::setup_fonts(&ctx);
    let id = Id::unique("fonts");
    let frame = || {
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            galley = Some(layout_note(ui, id, "- 項目", 300.0).galley);
        });
        output.textures_delta.clear();
        galley.expect("laid out")
    };
    let first = frame();
    assert!(Arc::ptr_eq(&first, &frame()), "kept while nothing changes");
    ctx.set_fonts(egui::FontDefinitions::default());
    frame();
    let after = frame();
    assert!(
        !Arc::ptr_eq(&first, &after),
        "laid out anew after new fonts"
    );
}

/// Rows as comparable facts: position, text, and whether a newline ends
/// them; then the galley's size, bounds and mesh counts.
fn rows(view: &NoteView) -> (Vec<(i32, i32, String, bool)>, String) {
    let galley = &view.galley;
    let rows = galley
        .rows
        .iter()
        .map(|r| {
            let text: String = r.row.glyphs.iter().map(|g| g.chr).collect();
            (r.pos.x as i32, r.pos.y as i32, text, r.ends_with_newline)
        })
        .collect();
    let whole = format!(
        "{:?} {:?} {} {}",
        galley.rect, galley.mesh_bounds, galley.num_vertices, galley.num_indices
    );
    (rows, whole)
}

/// A note edited in place looks exactly like the same text laid out anew:
/// rows, their places, and the marks, through edits that open and close
/// code fences, join and split lines, and touch the first and last lines.
#[test]
fn an_edited_note_is_laid_out_as_if_new() {
    let start = "# 見出し\n- [ ] 箱\n  - 子の項目が長く続いて折り返すほどの文章になっている\n```\ncode\n```\n後\n- 最後";
    let edits: &[(&str, &str)] = &[
        ("code", "code\n- 中"),
        ("```\ncode", "code"),
        ("# 見出し\n", ""),
        ("- 最後", "- 最後\n```"),
        ("後", "後\n\n"),
        ("[ ]", "[x]"),
        ("箱", "箱\n1. 番号"),
        ("\n```\n", "\n"),
    ];
    with_ui(|ui| {
        let id = Id::unique("edited");
        let mut text = start.to_owned();
        layout_note(ui, id, &text, 260.0);
        for (i, (from, to)) in edits.iter().enumerate() {
            if let Some(at) = text.find(from) {
                text.replace_range(at..at + from.len(), to);
            }
            let edited = layout_note(ui, id, &text, 260.0);
            let fresh = layout_note(ui, Id::unique(("fresh", i)), &text, 260.0);
            assert_eq!(rows(&edited), rows(&fresh), "after edit {i}: {text:?}");
            assert_eq!(edited.marks, fresh.marks, "after edit {i}");
            assert_eq!(edited.galley.text(), text);
        }
    });
}

mod edits {
    use proptest::prelude::*;

    use super::*;

    const LINES: &[&str] = &[
        "```",
        "~~~",
        "- a",
        "  - b が長く続いて折り返すほどの文章になっている行",
        "# h",
        "",
        "text",
        "- [ ] c",
        "- [x] d",
        "> q",
        "1. n",
        "    ```",
        "\t- e",
    ];

    fn note() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(LINES), 0..14).prop_map(|l| l.join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any edit of any note (a range replaced by any piece, at
        /// character boundaries) lays out as the edited text would anew.
        #[test]
        fn any_edit_lays_out_as_new(
            before in note(),
            piece in note(),
            a in 0usize..400,
            b in 0usize..400,
        ) {
            let boundaries: Vec<usize> = before
                .char_indices()
                .map(|(i, _)| i)
                .chain([before.len()])
                .collect();
            let (a, b) = (boundaries[a % boundaries.len()], boundaries[b % boundaries.len()]);
            let mut after = before.clone();
            after.replace_range(a.min(b)..a.max(b), &piece);
            with_ui(|ui| {
                let id = Id::unique("prop-edited");
                layout_note(ui, id, &before, 230.0);
                let edited = layout_note(ui, id, &after, 230.0);
                let fresh = layout_note(ui, Id::unique("prop-fresh"), &after, 230.0);
                assert_eq!(rows(&edited), rows(&fresh), "{before:?} -> {after:?}");
                assert_eq!(edited.marks, fresh.marks);
            });
        }
    }
}

#[test]
fn code_in_a_fence_with_a_language_is_coloured_in_the_editor() {
    with_ui(|ui| {
        crate::ui::code_colours::wait_for_grammars(ui.ctx());
        let text = "説明\n```rust\nfn main() { let n: u32 = 1; }\n```\n```\nplain text\n```";
        let style = MarkdownStyle::of(ui);
        let mut maker = line::LineMaker {
            ui,
            style: &style,
            wrap_width: 600.0,
        };
        let lines = maker.lines(text, Default::default());
        let colours = |n: usize| {
            let mut colours: Vec<egui::Color32> = lines[n]
                .galley
                .job
                .sections
                .iter()
                .map(|s| s.format.color)
                .collect();
            colours.sort_by_key(|c| c.to_array());
            colours.dedup();
            colours
        };
        assert!(colours(2).len() >= 3, "fn main(): {:?}", colours(2));
        assert_eq!(
            colours(5).len(),
            1,
            "no language, one colour: {:?}",
            colours(5)
        );
    });
}

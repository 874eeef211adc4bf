use super::*;

/// The pieces of `text` that are not plain, as (text, mark).
fn marked(text: &str) -> Vec<(&str, Mark)> {
    highlight(text)
        .0
        .into_iter()
        .filter(|s| s.mark != Mark::Plain)
        .map(|s| (&text[s.range], s.mark))
        .collect()
}

#[test]
fn spans_cover_the_text_in_order() {
    let text = "# 見出し\n- [ ] **読む** `cargo` と [本](https://x)\n\n```rust\n# code\n```\n最後";
    let (spans, _) = highlight(text);
    let mut at = 0;
    for span in &spans {
        assert_eq!(span.range.start, at, "{spans:?}");
        at = span.range.end;
    }
    assert_eq!(at, text.len());
}

#[test]
fn headings_emphasis_code_and_links_in_japanese() {
    assert_eq!(
        marked("## 学んだこと"),
        [("## 学んだこと", Mark::Heading(2))]
    );
    assert_eq!(
        marked("今日は**重要**な*話*と`ECS`、[公式](https://aws.amazon.com)。"),
        [
            ("**重要**", Mark::Bold),
            ("*話*", Mark::Italic),
            ("`ECS`", Mark::Code),
            ("[公式](https://aws.amazon.com)", Mark::Link),
        ]
    );
    assert_eq!(marked("``a ` b``"), [("``a ` b``", Mark::Code)]);
}

#[test]
fn lone_markers_stay_plain() {
    assert!(marked("2 * 3 = 6、a_b_c は変数名").is_empty());
    assert!(marked("`閉じていない").is_empty());
    assert!(marked("**閉じていない").is_empty());
}

#[test]
fn list_items_show_bullets_checkboxes_and_hang_at_any_depth() {
    let text = "- 項目\n\t- [x] 済み\n  1. 番号\n- [ ] 未";
    assert_eq!(
        marked(text),
        [
            ("- ", Mark::Bullet),
            ("\t- ", Mark::Bullet),
            ("[x]", Mark::Checkbox { checked: true }),
            ("  1. ", Mark::Bullet),
            ("- ", Mark::Bullet),
            ("[ ]", Mark::Checkbox { checked: false }),
        ]
    );
    let (_, hangs) = highlight(text);
    let starts: Vec<usize> = hangs.iter().map(|h| h.text_start).collect();
    assert_eq!(starts, [2, 7, 5, 6]);
}

#[test]
fn code_blocks_are_code_to_their_end_and_nothing_inside_is_structure() {
    let text = "```sh\n# コメント\n- not a list\n```\n- 項目";
    assert_eq!(
        marked(text),
        [
            ("```sh\n# コメント\n- not a list\n```", Mark::CodeBlock),
            ("- ", Mark::Bullet),
        ]
    );
}

#[test]
fn quotes_and_rules() {
    assert_eq!(marked("> 引用"), [("> 引用", Mark::Quote)]);
    assert_eq!(marked("---"), [("---", Mark::Rule)]);
    assert_eq!(marked("* * *"), [("* * *", Mark::Rule)]);
}

#[test]
fn a_table_shows_its_pipes_as_syntax_and_its_cells_as_text() {
    assert_eq!(
        marked("| `ECS` | 安い |"),
        [
            ("|", Mark::TableSyntax),
            ("`ECS`", Mark::Code),
            ("|", Mark::TableSyntax),
            ("|", Mark::TableSyntax),
        ]
    );
    assert_eq!(
        marked("| --- | :-: |"),
        [("| --- | :-: |", Mark::TableSyntax)]
    );
}

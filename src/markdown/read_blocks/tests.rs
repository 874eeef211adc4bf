use super::*;

#[test]
fn a_note_is_cut_into_text_code_tables_and_pictures() {
    let note = "前置き\n\n```rust\nfn main() {}\n```\n\n| 方式 | 費用 |\n| :- | -: |\n| Fargate | 高い |\n| EC2 |\n\n![図](a.png)\n説明 ![b](b.png) つづき\n後";
    let blocks = read_blocks(note);
    assert_eq!(blocks[0], ReadBlock::Text("前置き".into()));
    assert_eq!(
        blocks[1],
        ReadBlock::Code {
            language: "rust",
            code: "fn main() {}".into()
        }
    );
    let ReadBlock::Table(table) = &blocks[2] else {
        panic!("{blocks:?}")
    };
    assert_eq!(table.header, ["方式", "費用"]);
    assert_eq!(table.align, [Align::Left, Align::Right]);
    assert_eq!(table.rows, [vec!["Fargate", "高い"], vec!["EC2", ""]]);
    // A line of pictures only is the pictures; a line with words keeps them.
    assert!(matches!(&blocks[3], ReadBlock::Pictures(p) if p[0].target == "a.png"));
    assert_eq!(blocks[4], ReadBlock::Text("説明 ![b](b.png) つづき".into()));
    assert!(matches!(&blocks[5], ReadBlock::Pictures(p) if p[0].target == "b.png"));
    assert_eq!(blocks[6], ReadBlock::Text("後".into()));
    assert_eq!(blocks.len(), 7);
}

#[test]
fn code_in_a_list_item_loses_its_indentation_and_ends_with_the_item() {
    let note = "- 手順\n  ```sh\n  ls -la\n  ```\n- 次";
    let blocks = read_blocks(note);
    assert_eq!(blocks[0], ReadBlock::Text("- 手順".into()));
    assert_eq!(
        blocks[1],
        ReadBlock::Code {
            language: "sh",
            code: "ls -la".into()
        }
    );
    assert_eq!(blocks[2], ReadBlock::Text("- 次".into()));
}

#[test]
fn an_unclosed_fence_runs_to_the_end_and_a_picture_in_code_is_code() {
    let blocks = read_blocks("~~~\n![no](x.png)\n| a | b |\n|---|---|");
    assert_eq!(
        blocks,
        [ReadBlock::Code {
            language: "",
            code: "![no](x.png)\n| a | b |\n|---|---|".into()
        }]
    );
}

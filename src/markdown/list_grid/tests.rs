use super::*;

const FOUR_PATTERNS: &str = "実行基盤を比べた。

比較の観点
- コスト
- スケーラビリティ
- 信頼性
- 採用のしやすさ

- ECS on EC2
  - コスト: 安い
  - ノードの面倒を見る
- ECS on Fargate
  - スケーラビリティ: 自動で増える
  - 起動が少し遅い
- EKS on EC2
  - 採用のしやすさ: Kubernetes 経験者が多い
- EKS on Fargate
  - 信頼性: マネージド

あとで料金を試算する。";

#[test]
fn the_four_patterns_become_options_criteria_and_notes() {
    let found = grid_from_list(FOUR_PATTERNS, Language::Ja).expect("a grid");
    let grid = &found.grid;
    assert_eq!(
        grid.options,
        [
            "ECS on EC2",
            "ECS on Fargate",
            "EKS on EC2",
            "EKS on Fargate"
        ]
    );
    let names: Vec<&str> = grid.criteria.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "コスト",
            "スケーラビリティ",
            "信頼性",
            "採用のしやすさ",
            "メモ"
        ]
    );
    assert_eq!(grid.cells[0][0].text, "安い");
    assert_eq!(grid.cells[0][4].text, "ノードの面倒を見る");
    assert_eq!(grid.cells[1][1].text, "自動で増える");
    assert_eq!(grid.cells[3][2].text, "マネージド");
    assert!(!grid.total_column, "no scores, no total");
}

#[test]
fn replacing_the_list_keeps_the_text_around_it() {
    let found = grid_from_list(FOUR_PATTERNS, Language::Ja).unwrap();
    assert_eq!(
        found.text_without_list(FOUR_PATTERNS),
        "実行基盤を比べた。\n\n比較の観点\n\nあとで料金を試算する。"
    );
}

#[test]
fn without_a_criteria_list_shared_keys_become_criteria() {
    let text = "- A\n  - 速さ: 速い\n  - 安い\n- B\n  - 速さ: 遅い\n  - 値段: 高い";
    let grid = grid_from_list(text, Language::En).unwrap().grid;
    let names: Vec<&str> = grid.criteria.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["速さ", "Notes"]);
    assert_eq!(grid.cells[0][1].text, "安い");
    assert_eq!(grid.cells[1][1].text, "値段: 高い");
}

#[test]
fn criteria_right_before_the_options_without_a_blank_line_are_found_too() {
    let text = "- コスト\n- 速さ\n- A\n  - コスト: 低\n- B\n  - 速い";
    let found = grid_from_list(text, Language::Ja).unwrap();
    assert_eq!(found.grid.options, ["A", "B"]);
    assert_eq!(found.grid.criteria.len(), 3);
    assert_eq!(found.lines, 0..6);
}

#[test]
fn plain_lists_and_single_items_are_no_grid() {
    assert_eq!(grid_from_list("- a\n- b\n- c", Language::Ja), None);
    assert_eq!(grid_from_list("- a\n  - b", Language::Ja), None);
    assert_eq!(grid_from_list("ただの文章", Language::Ja), None);
}

use super::*;

fn targets(text: &str) -> Vec<&str> {
    picture_links(text).into_iter().map(|l| l.target).collect()
}

#[test]
fn finds_pictures_with_alt_title_and_brackets() {
    let text =
        "図:\n![構成図](images/arch.png)\n- ![a](b.png \"title\") と ![](<my pics/c d.png>)\n";
    let links = picture_links(text);
    assert_eq!(
        targets(text),
        ["images/arch.png", "b.png", "my pics/c d.png"]
    );
    assert_eq!(links[0].alt, "構成図");
    assert_eq!(links[0].line, 1);
    assert_eq!(links[2].line, 2);
    assert_eq!(&text[links[1].target_at.clone()], "b.png");
}

#[test]
fn code_is_not_a_picture() {
    let text = "`![no](x.png)` but ![yes](y.png)\n```md\n![no](z.png)\n```\n";
    assert_eq!(targets(text), ["y.png"]);
}

#[test]
fn plain_links_and_broken_syntax_are_not_pictures() {
    let text = "[link](a.png) ![unclosed](b.png ![x] (c.png) \\![escaped](d.png) ![t](e.png bad)\n";
    assert!(targets(text).is_empty(), "{:?}", targets(text));
}

#[test]
fn balanced_parentheses_stay_in_the_target() {
    assert_eq!(targets("![](shot_(1).png)"), ["shot_(1).png"]);
}

#[test]
fn rewriting_changes_only_the_targets() {
    let text = "前\n![図](images/a.png \"t\")\n![](https://x/y.png)\n後";
    let out = rewrite_pictures(text, |t| {
        (!is_remote(t)).then(|| format!("j.studylog.assets/{}", t.replace("images/", "")))
    });
    assert_eq!(
        out,
        "前\n![図](j.studylog.assets/a.png \"t\")\n![](https://x/y.png)\n後"
    );
}

#[test]
fn a_target_with_a_space_is_bracketed_when_rewritten() {
    let out = rewrite_pictures("![](a.png)", |_| Some("my pics/a.png".into()));
    assert_eq!(out, "![](<my pics/a.png>)");
    assert_eq!(targets(&out), ["my pics/a.png"]);
    let out = rewrite_pictures("![](<a b.png>)", |_| Some("c d.png".into()));
    assert_eq!(out, "![](<c d.png>)");
}

#[test]
fn the_inserted_line_names_the_picture() {
    assert_eq!(
        targets(&picture_line("j.assets/ab.png")),
        ["j.assets/ab.png"]
    );
    assert_eq!(targets(&picture_line("a (1).png")), ["a (1).png"]);
    assert!(is_remote("HTTPS://example.com/a.png"));
    assert!(!is_remote("images/a.png"));
}

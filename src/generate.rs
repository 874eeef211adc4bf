//! Deterministic synthetic journals, for benchmarks, tests and the
//! `gen_journal` example.
//!
//! The same `years` and `seed` always give the same journal, so benchmark runs
//! compare like with like. The text imitates a real Japanese study log: bullet
//! notes with nested points, code spans, questions, plans and an occasional
//! four-option comparison grid.

use chrono::{Days, NaiveDate};

use crate::model::{
    Block, Cell, ChapterId, ChapterNotes, ChapterStatus, Day, Entry, FreeText, Grid, Journal,
    Language, Learned, LearnedBook, Mark, Marker, NextItem, Question, Score, SectionBody,
    StudiedBook, StudiedChapter, WorkItem,
};

/// Books in a generated library.
pub const BOOKS: usize = 40;
/// Chapters per generated book.
pub const CHAPTERS_PER_BOOK: usize = 15;

const SUBJECTS: [&str; 10] = [
    "データ指向アプリケーション",
    "コンテナ運用",
    "分散システム",
    "Rust プログラミング",
    "データベース内部構造",
    "ネットワーク",
    "Kubernetes",
    "AWS アーキテクチャ",
    "オペレーティングシステム",
    "コンパイラ",
];

const TOPICS: [&str; 15] = [
    "レプリケーション",
    "パーティショニング",
    "トランザクション",
    "一貫性と合意",
    "ストレージエンジン",
    "エンコーディング",
    "バッチ処理",
    "ストリーム処理",
    "スケジューリング",
    "ネットワークの基礎",
    "可観測性",
    "セキュリティ",
    "メモリ管理",
    "並行処理",
    "テスト戦略",
];

const PHRASES: [&str; 16] = [
    "リーダーベースのレプリケーションでは書き込みは必ずリーダーを通る",
    "フォロワーは同じ順序でログを適用するので、読み取りは少し遅れることがある",
    "`fsync` を呼ばないとページキャッシュに残ったままで電源断に弱い",
    "クォーラムは w + r > n を満たすように選ぶのが基本",
    "コンテナはカーネルを共有するので、VM より起動が速い",
    "ECS はタスク定義、EKS はマニフェストで宣言的に管理する",
    "Fargate ではノードの管理が不要だが、コストはやや高くなる",
    "LSM ツリーは書き込みに強く、B ツリーは読み取りに強い",
    "所有権と借用のおかげでデータ競合がコンパイル時に検出される",
    "二相コミットはコーディネーターが落ちると参加者がブロックされる",
    "スナップショット分離でも書き込みスキューは防げない",
    "イベントソーシングでは状態をイベントの畳み込みとして得る",
    "TCP の輻輳制御はパケットロスを混雑のシグナルとして扱う",
    "インデックスを増やすと読み取りは速くなるが書き込みは遅くなる",
    "ベンチマークは中央値だけでなく 99 パーセンタイルも見る",
    "障害注入テストで想定外の依存関係が見つかった",
];

/// A journal of `years * 365` consecutive days from 2016-01-01, with
/// [`BOOKS`] books of [`CHAPTERS_PER_BOOK`] chapters and ~3 KB of notes a day.
pub fn generate(years: u32, seed: u64) -> Journal {
    let mut rng = SplitMix64(seed);
    let mut journal = Journal::new("10 年分の学習ログ", Language::Ja);
    for b in 0..BOOKS {
        let book = journal.add_book(format!(
            "{}入門 第{}版",
            SUBJECTS[b % SUBJECTS.len()],
            b / 10 + 1
        ));
        for (number, topic) in (1..).zip(&TOPICS[..CHAPTERS_PER_BOOK]) {
            journal.add_chapter(book, format!("{number} 章 {topic}"));
        }
    }
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).expect("valid date");
    for n in 0..u64::from(years) * 365 {
        let date = first + Days::new(n);
        let day = generate_day(&journal, &mut rng, n);
        journal.days.insert(date, day);
    }
    mark_progress(&mut journal, &mut rng);
    journal
}

fn generate_day(journal: &Journal, rng: &mut SplitMix64, n: u64) -> Day {
    let book = &journal.books[rng.below(journal.books.len())];
    let start = rng.below(book.chapters.len() - 1);
    let chapters: Vec<ChapterId> = book.chapters[start..start + 2]
        .iter()
        .map(|c| c.id)
        .collect();
    let studied = WorkItem::Book(StudiedBook {
        book: book.id,
        chapters: chapters
            .iter()
            .zip(start + 1..)
            .map(|(&chapter, number)| StudiedChapter {
                chapter,
                written_as: number.to_string(),
            })
            .collect(),
        marker: Marker::default(),
        chapter_prefix: String::new(),
    });
    let exercise = WorkItem::text("AWS の資格の過去問を 20 問");
    let mut learned = LearnedBook {
        book: book.id,
        intro: String::new(),
        chapters: Vec::new(),
    };
    for (i, &chapter) in chapters.iter().enumerate() {
        let mut blocks = vec![Block::Text(notes(rng, 14))];
        if i == 0 && n.is_multiple_of(10) {
            blocks.push(Block::Grid(four_patterns(rng)));
        }
        learned.chapters.push(ChapterNotes { chapter, blocks });
    }
    let question = Question::new(PHRASES[rng.below(PHRASES.len())].to_owned() + "のはなぜか");
    let mut next = vec![
        NextItem::new("次の章を読む"),
        NextItem::new("演習問題を解く"),
    ];
    next[0].done = rng.below(2) == 0;
    let impressions = format!(
        "今日は {} 分集中できた。{}",
        30 + rng.below(90),
        PHRASES[rng.below(PHRASES.len())]
    );
    let bodies = [
        SectionBody::WorkedOn(vec![Entry::Item(studied), Entry::Item(exercise)]),
        SectionBody::Learned(Learned {
            intro: String::new(),
            books: vec![learned],
        }),
        SectionBody::Questions(vec![Entry::Item(question)]),
        SectionBody::Next(next.into_iter().map(Entry::Item).collect()),
        SectionBody::Impressions(FreeText::new(impressions)),
    ];
    let mut day = Day::from_template(&journal.template);
    for (section, body) in day.sections.iter_mut().zip(bodies) {
        section.body = body;
    }
    day
}

/// About `lines` bullet lines (every third with a nested point): ~100 bytes each.
fn notes(rng: &mut SplitMix64, lines: usize) -> String {
    let mut text = String::new();
    for i in 0..lines {
        if !text.is_empty() {
            text.push('\n');
        }
        let indent = if i % 3 == 2 { "  " } else { "" };
        text.push_str(indent);
        text.push_str("- ");
        text.push_str(PHRASES[rng.below(PHRASES.len())]);
    }
    text
}

fn four_patterns(rng: &mut SplitMix64) -> Grid {
    let options = [
        "ECS on EC2",
        "ECS on Fargate",
        "EKS on EC2",
        "EKS on Fargate",
    ];
    let criteria = ["コスト", "拡張性", "信頼性", "人材確保のしやすさ"];
    let mut grid = Grid::new(
        options.map(str::to_owned).to_vec(),
        criteria.map(str::to_owned).to_vec(),
    );
    grid.title = "コンテナ実行基盤の 4 パターン".to_owned();
    grid.corner = "構成".to_owned();
    for row in &mut grid.cells {
        for cell in row.iter_mut() {
            *cell = Cell {
                text: PHRASES[rng.below(PHRASES.len())].chars().take(12).collect(),
                score: Some(if rng.below(2) == 0 {
                    Score::Points(1 + rng.below(5) as u8)
                } else {
                    Score::Mark(Mark::ALL[rng.below(4)])
                }),
            };
        }
    }
    grid
}

fn mark_progress(journal: &mut Journal, rng: &mut SplitMix64) {
    for chapter in journal.books.iter_mut().flat_map(|b| &mut b.chapters) {
        chapter.status = match rng.below(3) {
            0 => ChapterStatus::NotStarted,
            1 => ChapterStatus::Reading,
            _ => ChapterStatus::Done,
        };
    }
}

/// A small, fast, well-mixed generator; enough for synthetic text, not for secrets.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

//! The journal file survives what happens to it: a save killed at any moment,
//! saves that cannot happen, and many saves over time (rolling backups).

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use studylog::model::Journal;
use studylog::{generate, markdown, store};

fn studylog() -> Command {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
}

/// A deterministic stream of numbers (no randomness crate needed).
struct Xorshift(u64);

impl Xorshift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn import(markdown: &Path, journal: &Path) -> std::process::Child {
    studylog()
        .args(["import", "--replace", "--year", "2016", "-o"])
        .arg(journal)
        .arg(markdown)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("studylog runs")
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_journal() {
    let dir = tempfile::tempdir().unwrap();
    // Two different logs of the same ~1,100 days.
    let logs: Vec<_> = [1, 2]
        .iter()
        .map(|seed| {
            let mut journal = generate::generate(3, *seed);
            journal
                .days
                .retain(|d, _| d.to_string().as_str() < "2019-01-01");
            let path = dir.path().join(format!("log-{seed}.md"));
            fs::write(&path, markdown::export_journal(&journal)).unwrap();
            path
        })
        .collect();
    // What each log gives when its import runs to the end.
    let expected: Vec<Journal> = logs
        .iter()
        .enumerate()
        .map(|(i, log)| {
            let out = dir.path().join(format!("expected-{i}.studylog.ron"));
            assert!(import(log, &out).wait().unwrap().success());
            store::load(&out).unwrap()
        })
        .collect();
    let journal = dir.path().join("journal.studylog.ron");
    // The quickest of three whole runs: a run measured while the machine
    // was busy would make the kills land after later, quicker runs ended.
    let full_run = (0..3)
        .map(|_| {
            let start = Instant::now();
            assert!(import(&logs[0], &journal).wait().unwrap().success());
            start.elapsed().as_millis() as u64
        })
        .min()
        .unwrap_or(0);

    let mut random = Xorshift(0x5eed_1234_abcd_9876);
    let mut killed = 0;
    // At least 16 rounds, and more (up to 48) until 8 were killed mid-way:
    // how long a run takes varies with what else the machine is doing.
    for round in 0..48 {
        if round >= 16 && killed >= 8 {
            break;
        }
        let mut child = import(&logs[round % 2], &journal);
        std::thread::sleep(Duration::from_millis(random.below(full_run + 20)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        let loaded = store::load(&journal)
            .unwrap_or_else(|e| panic!("round {round}: the journal does not load: {e}"));
        // Compared by what the days say (the library's ids depend on which
        // log named a book first).
        let said = markdown::export_journal(&loaded);
        assert!(
            expected.iter().any(|e| markdown::export_journal(e) == said),
            "round {round}: the journal is neither the old nor the new one"
        );
    }
    assert!(killed >= 8, "only {killed} runs were killed mid-way");
    // A killed save leaves its hidden temp file; the next save clears it.
    assert!(import(&logs[0], &journal).wait().unwrap().success());
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_save_that_cannot_happen_leaves_the_file_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let journal = generate::generate(1, 3);
    // The "folder" is a file: every write inside it fails.
    let not_a_folder = dir.path().join("notes.txt");
    fs::write(&not_a_folder, "keep me").unwrap();
    let error = store::save(&not_a_folder.join("j.studylog.ron"), &journal).unwrap_err();
    assert!(
        error.to_string().contains("The file on disk is unchanged"),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&not_a_folder).unwrap(), "keep me");
    // The target is a folder, not a file.
    let folder = dir.path().join("folder.studylog.ron");
    fs::create_dir(&folder).unwrap();
    assert!(store::save(&folder, &journal).is_err());
    assert!(folder.is_dir());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temp files left"
    );
}

fn age(path: &Path, by: Duration) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - by).unwrap();
}

#[test]
fn backups_roll_and_stay_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.studylog.ron");
    let mut journal = Journal::new("v0", studylog::model::Language::Ja);
    store::save(&path, &journal).unwrap();
    assert!(
        store::backups(&path).is_empty(),
        "a new file has no older version"
    );
    for version in 1..=12 {
        journal.title = format!("v{version}");
        store::save(&path, &journal).unwrap();
        // Every save replaces .bak unless it is old; age it so the next save rolls it.
        age(
            &store::backup_path(&path),
            store::ROTATE_AFTER + Duration::from_secs(1),
        );
    }
    let backups = store::backups(&path);
    assert_eq!(backups.len(), store::KEPT_BACKUPS);
    let titles: Vec<String> = backups
        .iter()
        .map(|b| store::load(&b.path).unwrap().title)
        .collect();
    assert_eq!(titles, ["v11", "v10", "v9", "v8", "v7"], "newest first");
    // Saves close together replace .bak instead of rolling: .bak is always the
    // version before the last save, the older ones stay at least ROTATE_AFTER apart.
    journal.title = "v13".into();
    store::save(&path, &journal).unwrap();
    journal.title = "v14".into();
    store::save(&path, &journal).unwrap();
    let backups = store::backups(&path);
    assert_eq!(store::load(&backups[0].path).unwrap().title, "v13");
    assert_eq!(store::load(&backups[1].path).unwrap().title, "v11");
    assert_eq!(backups.len(), store::KEPT_BACKUPS);
}

/// Logs of different days (January–April, May–August, September–December
/// 2016), as Markdown files in `dir`, with the dates each holds.
fn disjoint_logs(dir: &Path) -> Vec<(std::path::PathBuf, Vec<chrono::NaiveDate>)> {
    let months = [1..=4, 5..=8, 9..=12];
    months
        .into_iter()
        .enumerate()
        .map(|(i, range)| {
            let mut journal = generate::generate(1, i as u64 + 1);
            journal
                .days
                .retain(|d, _| range.contains(&chrono::Datelike::month(d)));
            let path = dir.join(format!("part-{i}.md"));
            fs::write(&path, markdown::export_journal(&journal)).unwrap();
            (path, journal.days.keys().copied().collect())
        })
        .collect()
}

#[test]
fn imports_at_once_never_lose_each_others_days() {
    let dir = tempfile::tempdir().unwrap();
    let logs = disjoint_logs(dir.path());
    let (mut succeeded, mut refused) = (0, 0);
    for round in 0..20 {
        let journal = dir.path().join(format!("round-{round}.studylog.ron"));
        let running: Vec<_> = logs
            .iter()
            .take(2 + round % 2)
            .map(|(log, dates)| {
                let child = studylog()
                    .args(["import", "--year", "2016", "-o"])
                    .arg(&journal)
                    .arg(log)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap();
                (child, dates)
            })
            .collect();
        let mut landed = Vec::new();
        for (child, dates) in running {
            let output = child.wait_with_output().unwrap();
            if output.status.success() {
                succeeded += 1;
                landed.push(dates);
            } else {
                refused += 1;
                let message = String::from_utf8_lossy(&output.stderr);
                assert!(
                    message.contains("is being written by another studylog"),
                    "round {round}: an import failed without saying why it refused: {message}"
                );
            }
        }
        let saved = store::load(&journal).unwrap();
        for dates in landed {
            assert!(
                dates.iter().all(|d| saved.days.contains_key(d)),
                "round {round}: an import that said `saved` lost days"
            );
        }
    }
    assert!(
        succeeded >= 40,
        "{succeeded} imports succeeded, {refused} refused"
    );
}

#[test]
fn a_writer_killed_while_holding_the_lock_does_not_block_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = generate::generate(4, 9);
    journal
        .days
        .retain(|d, _| d.to_string().as_str() < "2019-06-01");
    let log = dir.path().join("big.md");
    fs::write(&log, markdown::export_journal(&journal)).unwrap();
    let target = dir.path().join("j.studylog.ron");
    let lock = store::lock_path(&target);
    let mut child = import(&log, &target);
    let started = Instant::now();
    while !lock.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the import never locked"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        lock.exists(),
        "killed while holding it: its lock file is left"
    );
    let started = Instant::now();
    assert!(import(&log, &target).wait().unwrap().success());
    assert!(
        started.elapsed() < store::WRITER_WAIT,
        "the next writer did not wait for a dead one"
    );
    assert!(!lock.exists());
}

//! Whole-process start-up, measured from the screen: studylog on the
//! generated 10-year journal against an eframe hello-world built with the
//! same eframe features, run interleaved under the same X server. For each
//! run: the time from starting the process until the screen shows the
//! window with its content and stays unchanged (the last change before
//! 400 ms of stillness), and the resident memory then. Each run has a fresh
//! home (no settings, no journal remembered) but the caches a machine has
//! once a program ran on it (Mesa's compiled shaders, studylog's kept first
//! look): one untimed run of each fills them.
//!
//! Needs an X server (Linux): `Xvfb :99 -screen 0 1280x860x24 &
//! DISPLAY=:99 cargo bench --bench startup`. Without one it says so and
//! stops. It builds `target/release/studylog` and the `hello_window`
//! example first.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat};
use x11rb::rust_connection::RustConnection;

const RUNS: usize = 5;
/// The screen must stay unchanged this long to count as settled.
const STILL: Duration = Duration::from_millis(400);
const GIVE_UP: Duration = Duration::from_secs(20);

struct Screen {
    conn: RustConnection,
    root: u32,
    width: u16,
    height: u16,
}

impl Screen {
    fn open() -> Option<Screen> {
        let (conn, n) = x11rb::connect(None).ok()?;
        let screen = &conn.setup().roots[n];
        let (root, width, height) = (screen.root, screen.width_in_pixels, screen.height_in_pixels);
        Some(Screen {
            conn,
            root,
            width,
            height,
        })
    }

    fn park_pointer(&self) {
        let (x, y) = (self.width as i16 / 2, self.height as i16 / 2);
        let _ = self
            .conn
            .warp_pointer(x11rb::NONE, self.root, 0, 0, 0, 0, x, y);
        let _ = self.conn.flush();
    }

    /// A hash of what the whole screen shows now: every pixel, so a change
    /// anywhere (a focus ring, a scrollbar, a field growing) counts.
    fn look(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.pixels().hash(&mut hasher);
        hasher.finish()
    }

    /// Every pixel of the screen, 4 bytes each (blue, green, red, unused).
    fn pixels(&self) -> Vec<u8> {
        let (w, h) = (self.width, self.height);
        let image = self
            .conn
            .get_image(ImageFormat::Z_PIXMAP, self.root, 0, 0, w, h, !0)
            .ok()
            .and_then(|cookie| cookie.reply().ok());
        image.map(|i| i.data).unwrap_or_default()
    }

    /// Save what the screen shows as a PPM picture (STARTUP_SAVE=DIR).
    fn save(&self, path: &Path) {
        let pixels = self.pixels();
        let mut ppm = format!("P6 {} {} 255\n", self.width, self.height).into_bytes();
        for bgrx in pixels.chunks_exact(4) {
            ppm.extend([bgrx[2], bgrx[1], bgrx[0]]);
        }
        let _ = std::fs::write(path, ppm);
    }
}

/// What the screen did after a program started: when each new picture
/// appeared (the first is the window with its content), and when it
/// settled (the last change before [`STILL`] of stillness).
struct Timeline {
    pictures: Vec<Duration>,
    settled: Duration,
}

/// Start `command` and watch the screen until it changed from `empty` and
/// then stood still; the process, for its memory and to stop it.
// The caller reads the child's memory, then kills and waits for it.
#[allow(clippy::zombie_processes)]
fn watch_start(screen: &Screen, empty: u64, command: &mut Command) -> (Timeline, Child) {
    let start = Instant::now();
    let child = command.spawn().expect("the program starts");
    let mut last = empty;
    let mut pictures = Vec::new();
    loop {
        let now = screen.look();
        let elapsed = start.elapsed();
        if now != last {
            last = now;
            pictures.push(elapsed);
            if let Some(dir) = std::env::var_os("STARTUP_SAVE") {
                let name = format!("picture-{}-{}.ppm", child.id(), pictures.len());
                screen.save(&Path::new(&dir).join(name));
            }
        }
        let settled = pictures.last().copied();
        if let Some(at) = settled
            && last != empty
            && elapsed - at >= STILL
        {
            return (
                Timeline {
                    pictures,
                    settled: at,
                },
                child,
            );
        }
        if elapsed > GIVE_UP {
            let settled = elapsed;
            return (Timeline { pictures, settled }, child);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Zim (if installed) on a notebook of the same ten years, a page a day,
/// its index built once beforehand (Zim's first start indexes for seconds).
fn zim_case(scratch: &tempfile::TempDir, journal: &studylog::model::Journal) -> Option<Case> {
    let zim = std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("zim"))
        .find(|path| path.is_file())?;
    let notebook = scratch.path().join("notebook");
    std::fs::create_dir_all(&notebook).ok()?;
    let header = "[Notebook]\nname=Study\nversion=0.4\nendofline=unix\n";
    std::fs::write(notebook.join("notebook.zim"), header).ok()?;
    for date in journal.days.keys() {
        let page = notebook.join(date.format("Journal/%Y/%m/%d.txt").to_string());
        std::fs::create_dir_all(page.parent()?).ok()?;
        let text = studylog::markdown::export_day(journal, *date).unwrap_or_default();
        let wiki = format!("Content-Type: text/x-zim-wiki\nWiki-Format: zim 0.6\n\n{text}");
        std::fs::write(page, wiki).ok()?;
    }
    let home = scratch.path().join("zim-home");
    let args = vec!["--standalone".into(), notebook.display().to_string()];
    let mut indexing = Command::new(&zim)
        .args(&args)
        .env("HOME", &home)
        .spawn()
        .ok()?;
    std::thread::sleep(Duration::from_secs(25));
    let _ = indexing.kill();
    let _ = indexing.wait();
    Some(Case {
        name: "Zim, same ten years (indexed)",
        program: zim,
        args,
        times: vec![],
        memory: vec![],
        later: vec![],
        own_home: Some(home),
    })
}

/// Resident memory of a process, in MB.
fn resident_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn stop(mut child: Child, screen: &Screen, empty: u64) {
    let _ = child.kill();
    let _ = child.wait();
    let start = Instant::now();
    while screen.look() != empty && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn build(args: &[&str]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo).args(args).status().expect("cargo runs");
    assert!(status.success(), "cargo {args:?}");
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

struct Case {
    name: &'static str,
    program: PathBuf,
    args: Vec<String>,
    times: Vec<f64>,
    memory: Vec<f64>,
    /// Pictures shown after the first one with content, per run.
    later: Vec<usize>,
    /// Its own home, kept between runs (Zim's index lives there).
    own_home: Option<PathBuf>,
}

fn main() {
    let Some(screen) = Screen::open() else {
        println!("startup: no X server (set DISPLAY, e.g. Xvfb :99 & DISPLAY=:99); skipped");
        return;
    };
    build(&[
        "build",
        "--release",
        "--bin",
        "studylog",
        "--example",
        "hello_window",
    ]);
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release");
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let ten = scratch.path().join("ten.studylog.ron");
    studylog::store::save(&ten, &studylog::generate::generate(10, 1))
        .expect("the journal is written");
    let home = scratch.path().join("home");
    let studylog = |journal: Option<&Path>| {
        journal
            .map(|j| vec![j.display().to_string()])
            .unwrap_or_default()
    };
    let mut cases = vec![
        Case {
            name: "eframe hello-world",
            program: target.join("examples/hello_window"),
            args: vec![],
            times: vec![],
            memory: vec![],
            later: vec![],
            own_home: None,
        },
        Case {
            name: "hello-world + the two fonts",
            program: target.join("examples/hello_window"),
            args: vec!["--fonts".into()],
            times: vec![],
            memory: vec![],
            later: vec![],
            own_home: None,
        },
        Case {
            name: "studylog, bundled sample",
            program: target.join("studylog"),
            args: studylog(None),
            times: vec![],
            memory: vec![],
            later: vec![],
            own_home: None,
        },
        Case {
            name: "studylog, 10-year journal",
            program: target.join("studylog"),
            args: studylog(Some(&ten)),
            times: vec![],
            memory: vec![],
            later: vec![],
            own_home: None,
        },
    ];
    if let Some(zim) = zim_case(&scratch, &studylog::generate::generate(10, 1)) {
        cases.push(zim);
    }
    // The pointer rests over the window, where `ttd.py`'s pointer ends up on
    // Xvfb (xdotool's move does not hold once it exits): a window must not
    // change its first picture for a pointer that has not moved.
    screen.park_pointer();
    let empty = screen.look();
    // The caches of a machine that ran each program before (Mesa's
    // compiled shaders, studylog's kept first look), shared by every run:
    // one run of each, not timed, fills them, as a user's first start does.
    let cache = scratch.path().join("cache");
    for run in 0..=RUNS {
        for case in &mut cases {
            // A fresh home each time: no remembered journal, window or settings.
            let _ = std::fs::remove_dir_all(&home);
            let mut command = Command::new(&case.program);
            command.args(&case.args);
            match &case.own_home {
                // Zim keeps its index under its home's cache.
                Some(own) => command.env("HOME", own),
                None => command.env("HOME", &home).env("XDG_CACHE_HOME", &cache),
            };
            let (timeline, child) = watch_start(&screen, empty, &mut command);
            if run == 0 {
                // Let it finish what it does after its first frame.
                std::thread::sleep(Duration::from_secs(1));
                stop(child, &screen, empty);
                continue;
            }
            case.memory.push(resident_mb(child.id()));
            case.times.push(timeline.settled.as_secs_f64() * 1000.0);
            case.later.push(timeline.pictures.len().saturating_sub(1));
            if std::env::var_os("STARTUP_TIMELINE").is_some() {
                let at: Vec<String> = timeline
                    .pictures
                    .iter()
                    .map(|t| format!("{}", t.as_millis()))
                    .collect();
                println!("{}: pictures at {} ms", case.name, at.join(", "));
            }
            stop(child, &screen, empty);
        }
    }
    let floor = median(cases[0].times.clone());
    println!(
        "{:<32} {:>10} {:>8} {:>10} {:>8}",
        "", "settled", "ratio", "memory", "changes"
    );
    for case in &cases {
        let time = median(case.times.clone());
        println!(
            "{:<32} {:>8.0} ms {:>7.2}× {:>7.0} MB {:>8}   (runs: {})",
            case.name,
            time,
            time / floor,
            median(case.memory.clone()),
            case.later.iter().max().copied().unwrap_or(0),
            case.times
                .iter()
                .map(|t| format!("{t:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let ten_mb = std::fs::metadata(&ten)
        .map(|m| m.len() as f64 / 1_048_576.0)
        .unwrap_or(0.0);
    let extra = median(cases[3].memory.clone()) - median(cases[2].memory.clone());
    println!(
        "10-year journal: {ten_mb:.1} MB on disk, {extra:.0} MB more resident than the sample ({:.1}× its size)",
        extra / ten_mb
    );
}

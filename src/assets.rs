//! Files bundled into the binary: the sample journal opened on first run,
//! the icon in every size, the desktop entry and the MIME type. (The fonts
//! are bundled by `ui::fonts`, which is the only code that uses them.)

/// The journal opened, as an untitled copy, the very first time.
pub const SAMPLE_JOURNAL: &str = include_str!("../assets/sample.studylog.ron");

/// The icon as SVG, the source of the PNGs.
pub const ICON_SVG: &[u8] = include_bytes!("../assets/icons/studylog.svg");

/// The icon as PNG, by size in pixels.
pub const ICON_PNGS: [(u32, &[u8]); 7] = [
    (16, include_bytes!("../assets/icons/studylog-16.png")),
    (32, include_bytes!("../assets/icons/studylog-32.png")),
    (48, include_bytes!("../assets/icons/studylog-48.png")),
    (64, include_bytes!("../assets/icons/studylog-64.png")),
    (128, include_bytes!("../assets/icons/studylog-128.png")),
    (256, include_bytes!("../assets/icons/studylog-256.png")),
    (512, include_bytes!("../assets/icons/studylog-512.png")),
];

/// The 128-pixel icon, for the window: what window managers draw (the
/// desktop entry names the bigger ones), a quarter of the 256-pixel one to
/// decode at start-up and send to the X server.
pub const WINDOW_ICON_PNG: &[u8] = ICON_PNGS[4].1;

/// The freedesktop application entry (`Exec=studylog %f`).
pub const DESKTOP_ENTRY: &str = include_str!("../assets/studylog.desktop");

/// The shared-mime-info type for `*.studylog.ron`.
pub const MIME_XML: &str = include_str!("../assets/studylog-mime.xml");

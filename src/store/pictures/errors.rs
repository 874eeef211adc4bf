//! Why a picture could not be stored, read or shown: each names the file.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum PictureError {
    #[error("{path}: not a PNG, JPEG, GIF, WebP or SVG picture")]
    NotAnImage { path: PathBuf },
    #[error("{path}: the picture is damaged ({reason})")]
    Broken { path: PathBuf, reason: String },
    #[error("{path}: {width}×{height} is too large a picture (at most 16384 on a side)")]
    TooLarge {
        path: PathBuf,
        width: u32,
        height: u32,
    },
    #[error("{path}: larger than 64 MB, not read")]
    TooBig { path: PathBuf },
    #[error("{path}: not a file")]
    NotAFile { path: PathBuf },
    #[error("{path}: the SVG loads {reference} from outside itself, which studylog does not do")]
    ExternalReference { path: PathBuf, reference: String },
    #[error("{path}: no such picture")]
    Missing { path: PathBuf },
    #[error("{path}: outside the journal's folder, not shown")]
    Outside { path: PathBuf },
    #[error("{path}: cannot be read: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot be written: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the journal has no folder yet: save it first, and its pictures go beside it")]
    Untitled,
}

use std::path::Path;

use super::*;

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 200, 30, 255]));
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

/// A PNG that only says how large it is (a decode bomb's header).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend(13u32.to_be_bytes());
    bytes.extend(&ihdr);
    bytes.extend(crc32(&ihdr).to_be_bytes());
    for chunk in [&b"IDAT"[..], b"IEND"] {
        bytes.extend(0u32.to_be_bytes());
        bytes.extend(chunk);
        bytes.extend(crc32(chunk).to_be_bytes());
    }
    bytes
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn journal_in(dir: &Path) -> PathBuf {
    dir.join("my-study.studylog.ron")
}

#[test]
fn a_picture_is_stored_once_under_a_name_from_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    let first = add_picture(&journal, &png(4, 3), Path::new("a.png")).unwrap();
    let again = add_picture(&journal, &png(4, 3), Path::new("b.png")).unwrap();
    let other = add_picture(&journal, &png(5, 3), Path::new("c.png")).unwrap();
    assert_eq!(first, again);
    assert_ne!(first, other);
    assert!(first.starts_with("my-study.studylog.assets/") && first.ends_with(".png"));
    assert_eq!(stored_pictures(&journal).len(), 2);
    let path = resolve_picture(dir.path(), &first).unwrap();
    assert_eq!(fs::read(path).unwrap(), png(4, 3));
}

#[test]
fn pasted_pixels_become_a_png_that_decodes_back() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    let rgba = [255u8, 0, 0, 255].repeat(6);
    let link = add_picture_pixels(&journal, [3, 2], rgba).unwrap();
    let decoded = decode_picture(&resolve_picture(dir.path(), &link).unwrap(), 100).unwrap();
    assert_eq!(decoded.size, [3, 2]);
    assert_eq!(&decoded.rgba[..4], &[255, 0, 0, 255]);
}

#[test]
fn a_picture_is_decoded_no_wider_than_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.png");
    fs::write(&path, png(400, 100)).unwrap();
    let decoded = decode_picture(&path, 100).unwrap();
    assert_eq!(decoded.size, [100, 25]);
    assert_eq!(decoded.full_size, [400, 100]);
    assert_eq!(decoded.rgba.len(), 100 * 25 * 4);
}

#[test]
fn a_picture_is_decoded_exactly_as_wide_as_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.png");
    fs::write(&path, png(1000, 10)).unwrap();
    for width in [251, 253, 333, 502, 506, 511, 999] {
        let decoded = decode_picture(&path, width).unwrap();
        assert_eq!(decoded.size[0], width as usize, "drawn {width} wide");
    }
}

#[test]
fn a_picture_taller_than_a_texture_may_be_is_drawn_smaller() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tall.png");
    let tall = MAX_DRAWN_SIDE + MAX_DRAWN_SIDE / 4;
    fs::write(&path, png(20, tall)).unwrap();
    let decoded = decode_picture(&path, 800).unwrap();
    assert_eq!(decoded.size, [16, MAX_DRAWN_SIDE as usize]);
    assert_eq!(decoded.full_size, [20, tall]);
}

#[test]
fn what_is_not_a_picture_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    let text = add_picture(&journal, b"hello, not a picture", Path::new("notes.png"));
    assert!(
        matches!(text, Err(PictureError::NotAnImage { .. })),
        "{text:?}"
    );
    let truncated = png(50, 50)[..60].to_vec();
    let path = dir.path().join("cut.png");
    fs::write(&path, &truncated).unwrap();
    let error = decode_picture(&path, 100).err().unwrap();
    assert!(
        error.to_string().starts_with(&path.display().to_string()),
        "{error}"
    );
    assert!(matches!(error, PictureError::Broken { .. }), "{error}");
}

#[test]
fn a_decode_bomb_is_refused_before_it_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    let bomb = png_header(30_000, 30_000);
    let added = add_picture(&journal, &bomb, Path::new("bomb.png"));
    assert!(
        matches!(added, Err(PictureError::TooLarge { width: 30_000, .. })),
        "{added:?}"
    );
    let path = dir.path().join("bomb.png");
    fs::write(&path, &bomb).unwrap();
    assert!(decode_picture(&path, 100).is_err());
    assert!(stored_pictures(&journal).is_empty());
}

#[test]
fn an_svg_is_drawn_unless_it_reaches_outside_itself() {
    let dir = tempfile::tempdir().unwrap();
    let journal = journal_in(dir.path());
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#f00"/></svg>"##;
    let link = add_picture(&journal, svg, Path::new("box.svg")).unwrap();
    assert!(link.ends_with(".svg"));
    let decoded = decode_picture(&resolve_picture(dir.path(), &link).unwrap(), 40).unwrap();
    assert_eq!(decoded.size, [40, 20]);
    assert_eq!(&decoded.rgba[..4], &[255, 0, 0, 255]);
    let outside = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="/etc/secret.png"/></svg>"#;
    let refused = add_picture(&journal, outside, Path::new("spy.svg"));
    assert!(
        matches!(&refused, Err(PictureError::ExternalReference { reference, .. }) if reference == "/etc/secret.png"),
        "{refused:?}"
    );
}

#[test]
fn links_leaving_the_journal_folder_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let journal_dir = dir.path().join("journal");
    fs::create_dir(&journal_dir).unwrap();
    fs::write(dir.path().join("secret.png"), png(2, 2)).unwrap();
    let up = resolve_picture(&journal_dir, "../secret.png");
    assert!(matches!(up, Err(PictureError::Outside { .. })), "{up:?}");
    let absolute = resolve_picture(
        &journal_dir,
        &dir.path().join("secret.png").display().to_string(),
    );
    assert!(
        matches!(absolute, Err(PictureError::Outside { .. })),
        "{absolute:?}"
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("secret.png"), journal_dir.join("link.png"))
            .unwrap();
        let linked = resolve_picture(&journal_dir, "link.png");
        assert!(
            matches!(linked, Err(PictureError::Outside { .. })),
            "{linked:?}"
        );
    }
    let missing = resolve_picture(&journal_dir, "gone%20away.png");
    assert!(
        matches!(&missing, Err(PictureError::Missing { path }) if path.ends_with("gone away.png")),
        "{missing:?}"
    );
}

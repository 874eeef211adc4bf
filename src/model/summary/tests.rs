use super::*;

#[test]
fn weeks_and_months_are_read_and_written() {
    let week = iso_week("2025-W49").unwrap();
    assert_eq!(*week.start(), "2025-12-01".parse().unwrap());
    assert_eq!(*week.end(), "2025-12-07".parse().unwrap());
    assert_eq!(week_of("2025-12-03".parse().unwrap()), "2025-W49");
    assert_eq!(iso_week("2025-W54"), None);
    let december = month("2025-12").unwrap();
    assert_eq!(*december.end(), "2025-12-31".parse().unwrap());
    assert_eq!(month("2025-13"), None);
}

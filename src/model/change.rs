//! The two smallest changes every edit is made of: set a value, move an
//! item within a list; each says whether anything changed (an edit that
//! changes nothing records no undo step).

/// Put `value` in `slot`; whether that changed it. The one way edits report
/// "nothing to do" for a value that is already there.
pub(super) fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}

/// Move `items[from]` to `to`; false (and nothing moved) when either is out of range or equal.
pub(super) fn move_in<T>(items: &mut Vec<T>, from: usize, to: usize) -> bool {
    let valid = from < items.len() && to < items.len() && from != to;
    if valid {
        let item = items.remove(from);
        items.insert(to, item);
    }
    valid
}

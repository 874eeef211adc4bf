//! A hash that is the same in every release and on every machine (FNV-1a,
//! 64 bits), for names and records that outlive one run of studylog: the
//! standard library's hasher is free to change between Rust releases.

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv_1a() {
        // Values from an independent FNV-1a implementation.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"/home/u/j.studylog.ron"), 0x0068_81fe_b8ff_d142);
    }
}

//! UUIDs (RFC 9562) as text, made from bytes the caller provides (the pure
//! core has no random source): the certificates' random and name-based
//! ids, the xAPI statements' name-based ids.

/// `bytes` as a UUID's text (`8-4-4-4-12` lowercase hexadecimal digits)
/// with the given `version` (1–15) and the RFC variant set, whatever the
/// bytes held in those bits.
pub fn text(mut bytes: [u8; 16], version: u8) -> String {
    bytes[6] = (bytes[6] & 0x0f) | (version << 4);
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn version_and_variant_are_set() {
        assert_eq!(
            super::text([0xff; 16], 4),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        assert_eq!(
            super::text([0; 16], 5),
            "00000000-0000-5000-8000-000000000000"
        );
        assert_eq!(
            super::text([0; 16], 8),
            "00000000-0000-8000-8000-000000000000"
        );
    }
}

//! Small formatting helpers that do not depend on the language.

/// Formats a byte count in decimal units, as browsers report storage quota (1 KB = 1,000 B):
/// `512 B`, `340 KB` (whole kilobytes, rounded up, so a small file never shows as 0 KB), then
/// `1.2 MB`, `12 MB`, `1.2 GB`, `3.5 TB` (a tenth below ten units, whole units above).
/// The one byte formatter of the app.
pub fn format_bytes(bytes: u64) -> String {
    // Integer arithmetic only: float formatting would add kilobytes to the wasm.
    if bytes < 1_000 {
        return format!("{bytes} B");
    }
    let kb = bytes.div_ceil(1_000);
    if kb < 1_000 {
        return format!("{kb} KB");
    }
    const UNITS: [&str; 3] = ["MB", "GB", "TB"];
    let mut unit = 0;
    let mut scale: u64 = 1_000_000;
    while unit < UNITS.len() - 1 && bytes / scale >= 1_000 {
        scale *= 1_000;
        unit += 1;
    }
    // Tenths of the unit, rounded to nearest.
    let tenths = (u128::from(bytes) * 10 + u128::from(scale) / 2) / u128::from(scale);
    if tenths < 100 {
        format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    } else {
        format!("{} {}", (tenths + 5) / 10, UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::format_bytes;

    #[test]
    fn bytes_and_kilobytes_are_whole_and_decimal() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(999), "999 B");
        assert_eq!(format_bytes(1_000), "1 KB");
        assert_eq!(format_bytes(1_001), "2 KB", "rounded up");
        assert_eq!(format_bytes(340_000), "340 KB");
        assert_eq!(format_bytes(999_000), "999 KB");
    }

    #[test]
    fn larger_sizes_show_a_tenth_below_ten_units() {
        assert_eq!(format_bytes(999_999), "1.0 MB");
        assert_eq!(format_bytes(1_250_000), "1.3 MB");
        assert_eq!(format_bytes(20_000_000), "20 MB");
        assert_eq!(format_bytes(1_200_000_000), "1.2 GB");
        assert_eq!(format_bytes(3_500_000_000_000), "3.5 TB");
        assert_eq!(
            format_bytes(20 * 1024 * 1024),
            "21 MB",
            "decimal, not binary"
        );
    }
}

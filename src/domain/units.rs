//! Small formatting helpers that do not depend on the language.

/// Formats a byte count with binary units: `512 B`, `1.5 KB`, `12 MB`, `1.2 GB`.
pub fn format_bytes(bytes: u64) -> String {
    // Integer arithmetic only: float formatting would add kilobytes to the wasm.
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut scale: u64 = 1;
    while unit < UNITS.len() - 1 && bytes / scale >= 1024 {
        scale *= 1024;
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} B");
    }
    // Tenths of the unit, rounded to nearest.
    let tenths = (bytes as u128 * 10 + scale as u128 / 2) / scale as u128;
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
    fn formats_each_scale() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(1023), "1023 B");
        assert_eq!(format_bytes(1536), "1.5 KB");
        assert_eq!(format_bytes(20 * 1024 * 1024), "20 MB");
        assert_eq!(format_bytes(1288490189), "1.2 GB");
    }
}

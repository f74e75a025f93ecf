//! Heading ids as the OMA site makes them: GitHub-style slugs, unique per page.

use std::collections::HashMap;

/// Hands out heading ids for one page: repeats get `-1`, `-2`, ….
#[derive(Debug, Default)]
pub struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// The id for a heading whose text is `text`.
    pub fn slug(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut candidate = base.clone();
        while let Some(count) = self.seen.get_mut(&candidate) {
            *count += 1;
            candidate = format!("{base}-{count}");
        }
        self.seen.insert(candidate.clone(), 0);
        candidate
    }
}

/// Lower-cased; letters, digits, `_`, `-` kept; spaces become `-`; runs of `-` collapsed,
/// `-` trimmed at both ends; a leading digit gets a `_` before it.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if (c == ' ' || c == '-') && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_the_real_site() {
        assert_eq!(
            slug("Device Management & Smart Objects (DMSO)"),
            "device-management-smart-objects-dmso"
        );
        assert_eq!(
            slug("Open Mobile Alliance - Lightweight Machine to Machine (LwM2M)"),
            "open-mobile-alliance-lightweight-machine-to-machine-lwm2m"
        );
        assert_eq!(slug("IPSO WG’s charter"), "ipso-wgs-charter");
        assert_eq!(slug("2024 plans"), "_2024-plans");
        assert_eq!(slug("  -Trim me-  "), "trim-me");
        assert_eq!(slug("snake_case"), "snake_case");
    }

    #[test]
    fn repeated_headings_get_numbered() {
        let mut slugger = Slugger::default();
        assert_eq!(slugger.slug("About"), "about");
        assert_eq!(slugger.slug("About"), "about-1");
        assert_eq!(slugger.slug("About"), "about-2");
        assert_eq!(slugger.slug("About 1"), "about-1-1");
    }
}

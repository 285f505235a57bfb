//! The one link allowlist: which link targets readers may follow. The server applies it when
//! it converts an editor's HTML to blocks; the front end applies it again when it renders
//! blocks, because a backend other than ours may send anything.

/// A link target readers may follow, or `None` for anything else (`javascript:`, `data:`,
/// protocol-relative `//host` and `/\host`, which browsers send to another host).
///
/// Allowed: `https://`, `http://`, `mailto:` and paths of this site (`/article/x`).
/// Whitespace and control characters are removed first, as browsers do when they follow it.
pub fn safe_href(href: &str) -> Option<String> {
    let href: String = href
        .chars()
        .filter(|ch| !ch.is_whitespace() && !ch.is_control())
        .collect();
    let lower = href.to_ascii_lowercase();
    let site_path = lower.starts_with('/') && !lower.starts_with("//") && !lower.starts_with("/\\");
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || site_path;
    allowed.then_some(href)
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn web_mail_and_site_links_are_kept() {
        for href in [
            "https://example.org/a",
            "http://x.example",
            "mailto:desk@example.org",
            "/article/a",
        ] {
            assert_eq!(safe_href(href).as_deref(), Some(href));
        }
    }

    #[test]
    fn script_data_and_other_hosts_are_dropped() {
        for href in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "//evil.example/x",
            "/\\evil.example/x",
            "vbscript:x",
            "",
        ] {
            assert_eq!(safe_href(href), None, "{href:?}");
        }
    }
}

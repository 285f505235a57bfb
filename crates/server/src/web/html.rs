//! Escaping of text for HTML and XML (element text and quoted attribute values): every page
//! part the server writes as markup (head tags, first screen, feeds, sitemap) goes through it.

/// HTML text and attribute escaping.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Text for an XML document (feeds, sitemap): escaped, and without the characters XML 1.0
/// does not allow at all (most control characters, U+FFFE, U+FFFF), one of which would make
/// the whole document invalid for every reader.
pub fn xml_text(text: &str) -> String {
    escape(&xml_characters(text))
}

/// `text` without the characters XML 1.0 forbids (C0 controls but tab and line ends,
/// U+FFFE, U+FFFF): one of them makes a whole feed unreadable.
pub fn xml_characters(text: &str) -> String {
    text.chars()
        .filter(|&ch| {
            matches!(ch, '\t' | '\n' | '\r')
                || (ch >= ' ' && !matches!(ch, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect()
}

/// Text for an RSS element that feed readers show as HTML (`title`, `description`),
/// before the feed writer escapes it for XML: escaped for HTML, so a title such as
/// `<img onerror=…>` is shown as those characters and never becomes markup in the reader.
pub fn rss_text(text: &str) -> String {
    escape(&xml_characters(text))
}

#[cfg(test)]
mod tests {
    use super::{escape, rss_text, xml_text};

    #[test]
    fn feed_text_is_valid_xml_and_never_markup() {
        assert_eq!(xml_text("a\u{FFFE}b\u{FFFF}c\u{0}d\u{1b}e\tf"), "abcde\tf");
        assert_eq!(
            rss_text("<img src=x onerror=alert(1)>\u{FFFE}"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(rss_text("Tom & Jerry"), "Tom &amp; Jerry");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }
}

//! Property tests of the converter: for any HTML built from hostile and ordinary pieces
//! (nested at random, attributes quoted or not, entities and odd case), the blocks carry no
//! link the allowlist refuses, no text of a script, style or frame, no picture that was not
//! uploaded, and converting never panics. `PROPTEST_CASES` sets how many inputs are tried
//! (256 by default, in `make test`; `make fuzz` tries far more).

use proptest::prelude::*;

use super::*;

/// Text that only ever appears inside elements whose content must be dropped.
const DROPPED_MARKER: &str = "DROPPEDMARKER";

fn tag() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "p",
        "a",
        "b",
        "strong",
        "i",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "ul",
        "ol",
        "li",
        "figure",
        "figcaption",
        "img",
        "div",
        "span",
        "section",
        "u",
        "small",
        "br",
        "A",
        "P",
        "IMG",
    ])
}

/// The dropped elements an HTML parser keeps as elements with content inside a body fragment.
/// (`<frame>`, `<frameset>` and `<head>` tags are ignored there by the HTML parsing rules, and
/// void elements such as `<meta>` end at once, so text written "inside" them is ordinary,
/// inert text beside them; proptest found both. Tables are left out of the ordinary tags for
/// the same reason: text inside a table is moved out of a `<form>` in it, "foster-parented";
/// and a `<select>` inside a `<select>` closes the first.)
fn dropped_tag() -> impl Strategy<Value = &'static str> {
    let kept_by_the_parser = DROPPED
        .iter()
        .copied()
        .filter(|tag| {
            !matches!(
                *tag,
                "frame"
                    | "frameset"
                    | "head"
                    | "meta"
                    | "link"
                    | "base"
                    | "input"
                    | "embed"
                    | "select"
            )
        })
        .collect::<Vec<_>>();
    prop::sample::select(kept_by_the_parser)
}

fn attribute_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "href",
        "src",
        "alt",
        "onclick",
        "onerror",
        "onload",
        "style",
        "srcset",
        "formaction",
        "xlink:href",
        "data-x",
        "HREF",
        "SRC",
        "action",
        "background",
        "poster",
    ])
}

fn hostile_url() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java&#x09;script:alert(1)",
            "java\tscript:alert(1)",
            "jav&#x41;script:alert(1)",
            "&#106;avascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example",
            "/\t/evil.example",
            "https://ok.example/a?b=c",
            "http://ok.example",
            "mailto:desk@ok.example",
            "/article/ok",
            "/media/images/0123456789abcdef0123456789abcdef/w640.webp",
            "x",
            "",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,24}",
    ]
}

fn quoted(value: String) -> impl Strategy<Value = String> {
    prop::sample::select(vec!["\"", "'", ""]).prop_map(move |quote| {
        let value = if quote.is_empty() {
            // What an unquoted attribute value cannot hold.
            value.replace([' ', '\t', '\n', '>', '"', '\'', '`', '=', '<'], "")
        } else {
            value.replace(quote, "")
        };
        format!("{quote}{value}{quote}")
    })
}

fn attribute() -> impl Strategy<Value = String> {
    (attribute_name(), hostile_url().prop_flat_map(quoted))
        .prop_map(|(name, value)| format!(" {name}={value}"))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Printable text without `<` and `&`, which would start markup of their own.
        "[ -%(-;=-~]{0,16}",
        prop::sample::select(vec![
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&amp;",
            "&#0;",
            "\u{0}",
            "\u{FFFE}",
            "<!-- comment -->",
            "<![CDATA[x]]>",
            "</p>",
            "a < b",
            "Ереван ու Երևան",
        ])
        .prop_map(str::to_owned),
    ]
}

/// `html` without any `</tag` (in any case). Inside a raw-text element (`<script>`,
/// `<style>`, `<iframe>`, `<textarea>`, …) the first `</tag` ends it wherever it stands, even
/// inside what looks like an attribute value (`<script><b title="</script>">`), and what
/// follows is ordinary text a browser shows too, inert; proptest found that. The marker is
/// meant to be inside the dropped element, so its content never ends it early.
fn without_end_tag(html: &str, tag: &str) -> String {
    let end = format!("</{tag}");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.to_ascii_lowercase().find(&end) {
        out.push_str(&rest[..at]);
        rest = &rest[at + end.len()..];
    }
    out.push_str(rest);
    out
}

/// HTML of nested elements, hostile attributes, dropped elements with the marker inside.
fn html() -> impl Strategy<Value = String> {
    let leaf = text();
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            4 => (tag(), prop::collection::vec(attribute(), 0..3), prop::collection::vec(inner.clone(), 0..4))
                .prop_map(|(tag, attributes, children)| {
                    format!("<{tag}{}>{}</{tag}>", attributes.concat(), children.concat())
                }),
            1 => (dropped_tag(), prop::collection::vec(attribute(), 0..2), inner.clone())
                .prop_map(|(tag, attributes, child)| {
                    let child = without_end_tag(&child, tag);
                    format!("<{tag}{}>{DROPPED_MARKER}{child}</{tag}>", attributes.concat())
                }),
            1 => prop::collection::vec(inner, 0..4).prop_map(|children| children.concat()),
        ]
    })
}

fn every_href(blocks: &[Block]) -> Vec<String> {
    let inline_hrefs = |inlines: &[Inline]| -> Vec<String> {
        inlines
            .iter()
            .filter_map(|inline| inline.href.clone())
            .collect()
    };
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph { inlines } | Block::Quote { inlines, .. } => inline_hrefs(inlines),
            Block::List { items, .. } => items.iter().flat_map(|item| inline_hrefs(item)).collect(),
            Block::Embed { url, .. } => vec![url.clone()],
            Block::Heading { .. } | Block::Image { .. } => Vec::new(),
        })
        .collect()
}

proptest! {
    #[test]
    fn no_conversion_carries_an_active_link_dropped_text_or_a_foreign_picture(html in html()) {
        let converted = html_to_blocks(&html);
        for href in every_href(&converted.blocks) {
            let allowed = safe_href(&href);
            prop_assert_eq!(allowed.as_deref(), Some(href.as_str()), "link {:?} from {:?}", href, html);
            let lower = href.to_ascii_lowercase();
            prop_assert!(!lower.contains("script:"), "{:?}", href);
            prop_assert!(!lower.starts_with("data:"), "{:?}", href);
        }
        let json = serde_json::to_string(&converted.blocks).expect("blocks serialise");
        prop_assert!(!json.contains(DROPPED_MARKER), "dropped text survived: {} from {:?}", json, html);
        prop_assert!(!converted.text.contains(DROPPED_MARKER));
        prop_assert!(
            !converted.blocks.iter().any(|block| matches!(block, Block::Image { .. })),
            "a picture nobody uploaded: {:?}", html
        );
        prop_assert!(!json.contains('\u{0}') && !json.contains('\u{FFFE}'), "{}", json);
    }

    #[test]
    fn any_text_at_all_converts_without_panicking(html in "\\PC{0,200}") {
        let converted = html_to_blocks(&html);
        for href in every_href(&converted.blocks) {
            let allowed = safe_href(&href);
            prop_assert_eq!(allowed.as_deref(), Some(href.as_str()));
        }
    }
}

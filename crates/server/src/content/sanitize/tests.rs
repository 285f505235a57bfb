//! Tests of the HTML → blocks converter.

use super::*;

fn plain(text: &str) -> Inline {
    Inline {
        text: text.into(),
        ..Inline::default()
    }
}

#[test]
fn paragraphs_headings_quotes_and_lists_become_blocks() {
    let converted = html_to_blocks(
        "<p>First <strong>bold</strong> and <em>soft</em>.</p><h2>Trade</h2>\
         <blockquote><p>Quoted</p></blockquote><ol><li>one</li><li>two</li></ol>",
    );
    assert_eq!(converted.blocks.len(), 4);
    assert_eq!(
        converted.blocks[0],
        Block::Paragraph {
            inlines: vec![
                plain("First "),
                Inline {
                    text: "bold".into(),
                    bold: true,
                    ..Inline::default()
                },
                plain(" and "),
                Inline {
                    text: "soft".into(),
                    italic: true,
                    ..Inline::default()
                },
                plain("."),
            ]
        }
    );
    assert_eq!(
        converted.blocks[1],
        Block::Heading {
            level: 2,
            text: "Trade".into()
        }
    );
    assert_eq!(
        converted.blocks[2],
        Block::Quote {
            inlines: vec![plain("Quoted")],
            cite: None
        }
    );
    assert_eq!(
        converted.blocks[3],
        Block::List {
            ordered: true,
            items: vec![vec![plain("one")], vec![plain("two")]]
        }
    );
    assert_eq!(
        converted.text,
        "First bold and soft.\nTrade\nQuoted\none\ntwo"
    );
}

#[test]
fn scripts_handlers_and_javascript_links_do_not_survive() {
    let converted = html_to_blocks(
        "<p onclick=\"steal()\">Hi<script>alert(1)</script> \
         <a href=\"javascript:alert(2)\">there</a> <a href=\" JaVa\tScript:x\">x</a></p>\
         <iframe src=\"https://evil.example\">frame text</iframe>\
         <img src=x onerror=alert(3)><style>p{}</style><svg><script>alert(4)</script></svg>",
    );
    assert_eq!(
        converted.blocks,
        vec![Block::Paragraph {
            inlines: vec![plain("Hi there x")]
        }]
    );
    let json = serde_json::to_string(&converted.blocks).unwrap();
    for bad in ["alert", "onclick", "javascript", "iframe", "onerror"] {
        assert!(
            !json.to_lowercase().contains(bad),
            "{bad} survived in {json}"
        );
    }
}

#[test]
fn safe_links_are_kept() {
    let converted = html_to_blocks("<p><a href=\"https://example.org/a\">report</a></p>");
    assert_eq!(
        converted.blocks,
        vec![Block::Paragraph {
            inlines: vec![Inline {
                text: "report".into(),
                href: Some("https://example.org/a".into()),
                ..Inline::default()
            }]
        }]
    );
    assert_eq!(safe_href("//evil.example"), None);
    assert_eq!(safe_href("/\\evil.example"), None);
    assert_eq!(safe_href("data:text/html,x"), None);
    assert_eq!(safe_href("/article/x").as_deref(), Some("/article/x"));
}

#[test]
fn loose_text_and_unknown_wrappers_become_paragraphs() {
    let converted = html_to_blocks("Loose <span>text</span><div><p>inner</p>tail</div>");
    assert_eq!(
        converted.blocks,
        vec![
            Block::Paragraph {
                inlines: vec![plain("Loose text")]
            },
            Block::Paragraph {
                inlines: vec![plain("inner")]
            },
            Block::Paragraph {
                inlines: vec![plain("tail")]
            },
        ]
    );
}

#[test]
fn clean_text_folds_space_and_control_characters() {
    assert_eq!(clean_text("  a\u{1}b \n c\t"), "a b c");
}

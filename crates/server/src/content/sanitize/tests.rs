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

#[test]
fn only_urls_of_uploads_name_a_picture() {
    let id = "0123456789abcdef0123";
    for src in [
        format!("/media/images/{id}/960.jpg"),
        format!(" https://gazette.example/media/images/{id}/480.webp "),
        format!("http://127.0.0.1:8080/media/images/{id}/og.jpg"),
    ] {
        assert_eq!(uploaded_picture_id(&src), Some(id), "{src}");
    }
    for src in [
        format!("/media/images/{id}/"),
        format!("/media/images/{id}/a/b.jpg"),
        format!("/media/images/{id}"),
        format!("javascript:alert(1)//media/images/{id}/960.jpg"),
        format!("data://x/media/images/{id}/960.jpg"),
        "/media/images/../secret/960.jpg".to_owned(),
        "/media/stories/1.svg".to_owned(),
        "x".to_owned(),
    ] {
        assert_eq!(uploaded_picture_id(&src), None, "{src}");
    }
    let html = format!(
        "<p><img src=\"/media/images/{id}/960.jpg\"></p><figure><img src=\"/media/images/{id}/480.jpg\"></figure><img src=x>"
    );
    assert_eq!(picture_ids(&html), [id]);
    // Without the upload's record every picture is dropped, as before.
    assert!(html_to_blocks(&html).blocks.is_empty());
}

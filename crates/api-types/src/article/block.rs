//! Reading a [`Block`] from its JSON object in one pass. Its `type` may come anywhere in the
//! object: the fields are kept as they come and the block is built at the end. Serde's
//! derived decoder for an internally tagged enum buffers every block first (its private
//! `Content` tree) and then decodes it again, which compiles a second decoder for every field
//! type — the largest single item of the article page's WebAssembly.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::flat::{required, take};
use super::{Block, Image, Inline};

/// The keys of every kind of block; unknown keys are skipped, as derived decoders do.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Type,
    Inlines,
    Level,
    Text,
    Cite,
    Ordered,
    Items,
    Image,
    Url,
    Title,
    #[serde(other)]
    Other,
}

/// The `type` of a block.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Paragraph,
    Heading,
    Quote,
    List,
    Image,
    Embed,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Block, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

/// Every field any block may have, as read so far.
#[derive(Default)]
struct Fields {
    kind: Option<Kind>,
    inlines: Option<Vec<Inline>>,
    level: Option<u8>,
    text: Option<String>,
    cite: Option<Option<String>>,
    ordered: Option<bool>,
    items: Option<Vec<Vec<Inline>>>,
    image: Option<Image>,
    url: Option<String>,
    title: Option<String>,
}

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a block object with a \"type\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Type => take(&mut map, &mut fields.kind, "type")?,
                Key::Inlines => take(&mut map, &mut fields.inlines, "inlines")?,
                Key::Level => take(&mut map, &mut fields.level, "level")?,
                Key::Text => take(&mut map, &mut fields.text, "text")?,
                Key::Cite => take(&mut map, &mut fields.cite, "cite")?,
                Key::Ordered => take(&mut map, &mut fields.ordered, "ordered")?,
                Key::Items => take(&mut map, &mut fields.items, "items")?,
                Key::Image => take(&mut map, &mut fields.image, "image")?,
                Key::Url => take(&mut map, &mut fields.url, "url")?,
                Key::Title => take(&mut map, &mut fields.title, "title")?,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let Fields {
            kind,
            inlines,
            level,
            text,
            cite,
            ordered,
            items,
            image,
            url,
            title,
        } = fields;
        Ok(match required(kind, "type")? {
            Kind::Paragraph => Block::Paragraph {
                inlines: required(inlines, "inlines")?,
            },
            Kind::Heading => Block::Heading {
                level: required(level, "level")?,
                text: required(text, "text")?,
            },
            Kind::Quote => Block::Quote {
                inlines: required(inlines, "inlines")?,
                cite: cite.flatten(),
            },
            Kind::List => Block::List {
                ordered: required(ordered, "ordered")?,
                items: required(items, "items")?,
            },
            Kind::Image => Block::Image {
                image: required(image, "image")?,
            },
            Kind::Embed => Block::Embed {
                url: required(url, "url")?,
                title: required(title, "title")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Block> {
        let inline = |text: &str| Inline {
            text: text.into(),
            bold: true,
            href: Some("https://example.com/".into()),
            ..Inline::default()
        };
        vec![
            Block::Paragraph {
                inlines: vec![inline("one"), inline("two")],
            },
            Block::Heading {
                level: 3,
                text: "Trade".into(),
            },
            Block::Quote {
                inlines: vec![inline("said")],
                cite: Some("Minister".into()),
            },
            Block::Quote {
                inlines: vec![inline("unsigned")],
                cite: None,
            },
            Block::List {
                ordered: true,
                items: vec![vec![inline("a")], vec![inline("b")]],
            },
            Block::Image {
                image: Image {
                    url: "/media/a.jpg".into(),
                    alt: "A port".into(),
                    width: 960,
                    height: 540,
                    caption: Some("The port".into()),
                    credit: None,
                    variants: Vec::new(),
                },
            },
            Block::Embed {
                url: "https://example.com/video".into(),
                title: "Video".into(),
            },
        ]
    }

    #[test]
    fn every_kind_of_block_reads_back_what_the_server_writes() {
        for block in every_kind() {
            let json = serde_json::to_string(&block).unwrap();
            assert_eq!(
                serde_json::from_str::<Block>(&json).unwrap(),
                block,
                "{json}"
            );
        }
    }

    #[test]
    fn the_type_may_come_last_and_unknown_keys_are_skipped() {
        let block: Block = serde_json::from_str(
            r#"{"text":"Trade","extra":[1,{"x":2}],"level":2,"type":"heading"}"#,
        )
        .unwrap();
        assert_eq!(
            block,
            Block::Heading {
                level: 2,
                text: "Trade".into()
            }
        );
    }

    #[test]
    fn a_block_without_its_fields_or_type_is_refused_by_name() {
        let error = |json: &str| serde_json::from_str::<Block>(json).unwrap_err().to_string();
        assert!(error(r#"{"type":"heading","text":"x"}"#).contains("missing field `level`"));
        assert!(error(r#"{"inlines":[]}"#).contains("missing field `type`"));
        assert!(error(r#"{"type":"video","url":"x"}"#).contains("unknown variant `video`"));
        assert!(error(r#"{"type":"embed","url":"a","url":"b","title":"t"}"#)
            .contains("duplicate field `url`"));
        assert!(error(r#"[1]"#).contains("a block object"));
    }
}

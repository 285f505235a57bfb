//! Reading an [`Article`] from its flat JSON object in one pass, without buffering it.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::{Article, ArticleSummary};

/// The keys of an article object; unknown keys are skipped, as derived decoders do.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Slug,
    Lang,
    Title,
    Lead,
    Category,
    Author,
    PublishedAt,
    Image,
    Source,
    UpdatedAt,
    Body,
    Tags,
    Views,
    ReadingMinutes,
    Translations,
    #[serde(other)]
    Other,
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Article, D::Error> {
        deserializer.deserialize_map(ArticleVisitor)
    }
}

struct ArticleVisitor;

/// Sets a field once; a key given twice is an error, as with derived decoders.
pub(super) fn take<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

pub(super) fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| de::Error::missing_field(name))
}

impl<'de> Visitor<'de> for ArticleVisitor {
    type Value = Article;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Article, A::Error> {
        let (mut slug, mut lang, mut title, mut lead, mut category) =
            (None, None, None, None, None);
        let (mut author, mut published_at, mut image) = (None, None, None);
        let (mut source, mut updated_at, mut body, mut tags) = (None, None, None, None);
        let (mut views, mut reading_minutes, mut translations) = (None, None, None);
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Slug => take(&mut map, &mut slug, "slug")?,
                Key::Lang => take(&mut map, &mut lang, "lang")?,
                Key::Title => take(&mut map, &mut title, "title")?,
                Key::Lead => take(&mut map, &mut lead, "lead")?,
                Key::Category => take(&mut map, &mut category, "category")?,
                Key::Author => take(&mut map, &mut author, "author")?,
                Key::PublishedAt => take(&mut map, &mut published_at, "published_at")?,
                Key::Image => take(&mut map, &mut image, "image")?,
                Key::Source => take(&mut map, &mut source, "source")?,
                Key::UpdatedAt => take(&mut map, &mut updated_at, "updated_at")?,
                Key::Body => take(&mut map, &mut body, "body")?,
                Key::Tags => take(&mut map, &mut tags, "tags")?,
                Key::Views => take(&mut map, &mut views, "views")?,
                Key::ReadingMinutes => take(&mut map, &mut reading_minutes, "reading_minutes")?,
                Key::Translations => take(&mut map, &mut translations, "translations")?,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Article {
            summary: ArticleSummary {
                slug: required(slug, "slug")?,
                lang: required(lang, "lang")?,
                title: required(title, "title")?,
                lead: required(lead, "lead")?,
                category: required(category, "category")?,
                author: required(author, "author")?,
                published_at: required(published_at, "published_at")?,
                image: image.flatten(),
            },
            source: required(source, "source")?,
            updated_at: updated_at.flatten(),
            body: required(body, "body")?,
            tags: required(tags, "tags")?,
            views: required(views, "views")?,
            reading_minutes: required(reading_minutes, "reading_minutes")?,
            translations: required(translations, "translations")?,
        })
    }
}

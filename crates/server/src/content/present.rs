//! Database rows as the contract's types: summaries with their picture's URL and size, whole
//! articles with their reading time, and search snippets split into plain and matched parts.
//!
//! The API and the server-rendered pages both present articles, so this lives below both.

use gazette_api_types::{
    Article, ArticleSummary, Block, CategoryRef, Image, Lang, SnippetPart, Translation,
};

use super::time_format::rfc3339;
use crate::db::articles::search::{HIT_END, HIT_START};
use crate::db::articles::{ArticleRecord, SummaryRow};
use crate::db::images as images_db;
use crate::images::{self, art};

/// The contract's summary of a list row.
pub fn summary(row: SummaryRow) -> ArticleSummary {
    let image = image_of(&row);
    ArticleSummary {
        slug: row.slug,
        lang: Lang::from_code(&row.lang).unwrap_or_default(),
        title: row.title,
        lead: row.lead,
        category: CategoryRef {
            slug: row.category,
            name: row.category_name,
        },
        author: row.author,
        published_at: rfc3339(row.published_at),
        image,
    }
}

/// The article's picture, present when the newsroom gave it alt text: the uploaded image,
/// or else the story's generated art, with its variants.
fn image_of(row: &SummaryRow) -> Option<Image> {
    let alt = row.image_alt.clone()?;
    let uploaded = match (
        &row.image_id,
        row.image_width,
        row.image_height,
        &row.image_widths,
    ) {
        (Some(id), Some(width), Some(height), Some(widths)) => Some((
            id.clone(),
            u32::try_from(width).unwrap_or(0),
            u32::try_from(height).unwrap_or(0),
            images_db::parse_widths(widths),
        )),
        _ => None,
    };
    let (id, width, height, widths) = uploaded.unwrap_or_else(|| {
        let (width, height) = art::ART_SIZE;
        (
            art::id_for_story(row.story_id),
            width,
            height,
            images::VARIANT_WIDTHS.to_vec(),
        )
    });
    let nonempty = |text: &Option<String>| text.clone().filter(|text| !text.is_empty());
    Some(Image {
        url: images::fallback_url(&id, &widths),
        width,
        height,
        alt,
        caption: nonempty(&row.image_caption),
        credit: nonempty(&row.image_credit),
        variants: images::variants(&id, &widths),
    })
}

/// An uploaded image as the contract's picture, without alt text, caption or credit (the
/// article gives those): its ~960 px JPEG, size and every variant.
pub fn uploaded_image(record: &images_db::ImageRecord) -> Image {
    Image {
        url: images::fallback_url(&record.id, &record.widths),
        width: record.width,
        height: record.height,
        alt: String::new(),
        caption: None,
        credit: None,
        variants: images::variants(&record.id, &record.widths),
    }
}

/// The image id behind an article's picture (its link preview is `/media/images/{id}/og.jpg`).
pub fn image_id(image: &Image) -> Option<&str> {
    image
        .url
        .strip_prefix("/media/images/")
        .and_then(|rest| rest.split('/').next())
}

/// The contract's whole article.
pub fn article(record: ArticleRecord) -> Article {
    let ArticleRecord {
        row,
        tags,
        translations,
    } = record;
    // The body was written by this server from typed blocks; a row it cannot read is shown
    // as an empty body rather than failing the whole page.
    let body: Vec<Block> = serde_json::from_str(&row.body).unwrap_or_default();
    let words = row.body_text.split_whitespace().count() as u32;
    Article {
        summary: summary(row.summary),
        source: row.source,
        updated_at: row.updated_at.map(rfc3339),
        body,
        tags,
        views: u64::try_from(row.views).unwrap_or(0),
        reading_minutes: words.div_ceil(200).max(1),
        translations: translations
            .into_iter()
            .filter_map(|(lang, slug)| {
                Lang::from_code(&lang).map(|lang| Translation { lang, slug })
            })
            .collect(),
    }
}

/// Splits FTS5 highlight output into plain and matched parts.
pub fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_hit = false;
    for ch in marked.chars() {
        if ch == HIT_START || ch == HIT_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit: in_hit,
                });
            }
            in_hit = ch == HIT_START;
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart {
            text: current,
            hit: in_hit,
        });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_splits_into_plain_and_hit_parts() {
        let parts = snippet_parts("Visit \u{1}Mexico\u{2} now");
        let hits: Vec<(&str, bool)> = parts
            .iter()
            .map(|part| (part.text.as_str(), part.hit))
            .collect();
        assert_eq!(hits, [("Visit ", false), ("Mexico", true), (" now", false)]);
    }
}

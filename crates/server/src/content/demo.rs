//! Demo content and synthetic data.
//!
//! The demo site's categories and articles (written for this project, in `demo/*.json`, with
//! Russian and Armenian translations of part of them) are loaded into an empty database on
//! first start, through the same sanitiser editors' HTML goes through. `synthetic` adds large
//! numbers of generated articles for load tests.

use std::collections::HashMap;

use gazette_api_types::{ArticleStatus, Lang};
use serde::Deserialize;

use super::sanitize::{clean_text, html_to_blocks};
use super::time_format;
use crate::config::StartError;
use crate::db::articles::NewArticle;
use crate::db::{self, Location, PoolSettings, Store};

/// The demo content files, embedded in the binary.
const DEMO_FILES: [(&str, &str); 3] = [
    (
        "politics-economy.json",
        include_str!("../../demo/politics-economy.json"),
    ),
    (
        "world-society.json",
        include_str!("../../demo/world-society.json"),
    ),
    (
        "sport-culture.json",
        include_str!("../../demo/sport-culture.json"),
    ),
];

/// Every demo tag's name per language: `{ "black-sea": { "en": "Black Sea", … } }`.
const DEMO_TAGS: &str = include_str!("../../demo/tags.json");

#[derive(Deserialize)]
struct DemoFile {
    categories: Vec<DemoCategory>,
}

#[derive(Deserialize)]
struct DemoCategory {
    slug: String,
    position: i64,
    name: HashMap<String, String>,
    description: HashMap<String, String>,
    articles: Vec<DemoArticle>,
}

#[derive(Deserialize)]
struct DemoArticle {
    published_at: String,
    /// The author's name per language (as each language's press writes it).
    author: HashMap<String, String>,
    source: String,
    tags: Vec<String>,
    translations: HashMap<String, DemoTranslation>,
}

#[derive(Deserialize)]
struct DemoTranslation {
    slug: String,
    title: String,
    lead: String,
    body_html: String,
    image_alt: Option<String>,
    image_caption: Option<String>,
}

/// Loads every demo category and article; returns how many articles were written.
pub async fn load(store: &Store) -> Result<usize, StartError> {
    let mut written = 0;
    for (file_name, text) in DEMO_FILES {
        let file: DemoFile =
            serde_json::from_str(text).map_err(|error| format!("demo/{file_name}: {error}"))?;
        for category in &file.categories {
            for lang in Lang::ALL {
                let (Some(name), description) = (
                    category.name.get(lang.code()),
                    category.description.get(lang.code()),
                ) else {
                    continue;
                };
                let description = description.map(String::as_str).unwrap_or("");
                db::categories::upsert(
                    store,
                    &category.slug,
                    lang,
                    name,
                    description,
                    category.position,
                )
                .await?;
            }
            for article in &category.articles {
                written += load_article(store, &category.slug, article)
                    .await
                    .map_err(|error| format!("demo/{file_name}, {}: {error}", category.slug))?;
            }
        }
    }
    let tags: HashMap<String, HashMap<String, String>> =
        serde_json::from_str(DEMO_TAGS).map_err(|error| format!("demo/tags.json: {error}"))?;
    for (slug, names) in &tags {
        for lang in Lang::ALL {
            if let Some(name) = names.get(lang.code()) {
                db::tags::set_name(store, slug, lang, &clean_text(name)).await?;
            }
        }
    }
    Ok(written)
}

async fn load_article(
    store: &Store,
    category: &str,
    article: &DemoArticle,
) -> Result<usize, StartError> {
    let published_at = time_format::parse_rfc3339(&article.published_at)
        .ok_or_else(|| format!("bad published_at '{}'", article.published_at))?;
    let mut story_id = None;
    let mut written = 0;
    for lang in Lang::ALL {
        let Some(text) = article.translations.get(lang.code()) else {
            continue;
        };
        let converted = html_to_blocks(&text.body_html);
        let title = clean_text(&text.title);
        let lead = clean_text(&text.lead);
        let new = NewArticle {
            lang,
            slug: &text.slug,
            category,
            title: &title,
            lead: &lead,
            body: &converted.blocks,
            body_text: &converted.text,
            author: article
                .author
                .get(lang.code())
                .or_else(|| article.author.get(Lang::En.code()))
                .ok_or("an author without an English name")?,
            source: &article.source,
            tags: &article.tags,
            image_alt: text.image_alt.as_deref(),
            image_caption: text.image_caption.as_deref(),
            image_credit: None,
            image_id: None,
            published_at,
            status: ArticleStatus::Published,
            breaking_since: None,
        };
        db::articles::insert(store, &new, story_id).await?;
        if story_id.is_none() {
            story_id = db::articles::story_of(store, lang, &text.slug).await?;
        }
        written += 1;
    }
    Ok(written)
}

/// Words synthetic articles are made of.
const WORDS: &[&str] = &[
    "baku",
    "caspian",
    "ministry",
    "council",
    "report",
    "budget",
    "energy",
    "transport",
    "corridor",
    "harbour",
    "railway",
    "festival",
    "museum",
    "school",
    "season",
    "market",
    "export",
    "growth",
    "reform",
    "village",
    "region",
    "cooperation",
    "agreement",
    "forum",
    "summit",
    "league",
    "match",
    "theatre",
    "library",
    "orchestra",
    "weather",
    "bridge",
    "highway",
    "station",
    "university",
    "research",
    "climate",
    "water",
    "harvest",
    "tourism",
    "digital",
    "payments",
    "bank",
    "rates",
];

/// Adds `count` generated articles (about 70% English, the rest Russian and Armenian) spread
/// over the last five years, in batches. Loads the demo content first into an empty database.
pub async fn synthetic(location: &Location, count: u32) -> Result<(), StartError> {
    let store = Store::open(location, &PoolSettings::default()).await?;
    let setup = store.lock_setup().await?;
    if store.is_empty().await? {
        load(&store).await?;
    }
    setup.release().await?;
    let categories: Vec<String> = db::categories::list(&store, Lang::En)
        .await?
        .into_iter()
        .map(|category| category.slug)
        .collect();
    if categories.is_empty() {
        return Err("no categories to put synthetic articles in".into());
    }
    let start = db::articles::max_id(&store).await?;
    let now = time_format::now();
    let mut seed: u64 = 0x5EED_0000 + u64::try_from(start).unwrap_or(0);
    let mut random = move |range: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % range as u64) as usize
    };
    const BATCH: u32 = 2_000;
    let mut made = 0;
    while made < count {
        let size = BATCH.min(count - made);
        let mut texts = Vec::with_capacity(size as usize);
        for offset in 0..size {
            let number = i64::from(made + offset) + start + 1;
            let lang = match random(20) {
                0..=13 => Lang::En,
                14..=16 => Lang::Ru,
                _ => Lang::Hy,
            };
            let mut sentence = |words: usize| {
                (0..words)
                    .map(|_| WORDS[random(WORDS.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = format!("Synthetic report {number}: {}", sentence(6));
            let lead = sentence(24);
            let paragraphs: Vec<String> =
                (0..6).map(|_| format!("<p>{}</p>", sentence(70))).collect();
            let tag = WORDS[random(WORDS.len())].to_owned();
            texts.push((
                lang,
                format!("synthetic-{number}"),
                categories[random(categories.len())].clone(),
                title,
                lead,
                html_to_blocks(&paragraphs.concat()),
                vec![tag],
                now - i64::try_from(random(5 * 365 * 86_400)).unwrap_or(0),
            ));
        }
        let batch: Vec<NewArticle<'_>> = texts
            .iter()
            .map(
                |(lang, slug, category, title, lead, converted, tags, published_at)| NewArticle {
                    lang: *lang,
                    slug,
                    category,
                    title,
                    lead,
                    body: &converted.blocks,
                    body_text: &converted.text,
                    author: "Synthetic Desk",
                    source: "Gazette synthetic data",
                    tags,
                    image_alt: Some("Generated illustration"),
                    image_caption: None,
                    image_credit: None,
                    image_id: None,
                    published_at: *published_at,
                    status: ArticleStatus::Published,
                    breaking_since: None,
                },
            )
            .collect();
        db::articles::insert_batch(&store, &batch).await?;
        made += size;
        println!("added {made} of {count} synthetic articles");
    }
    store.optimize().await?;
    store.close().await;
    Ok(())
}

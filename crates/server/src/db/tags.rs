//! Queries on tags: their names per language (an article's tags are slugs, the same in every
//! language) and whether a language has articles with a tag.

use gazette_api_types::{Lang, Tag};

use crate::db::{Store, StoreResult};

/// The name of `tag` in `lang`, falling back to English and then to the slug, as SQL with
/// the tag's column given.
fn name_of(tag_column: &str, lang_placeholder: &str) -> String {
    format!(
        "COALESCE((SELECT name FROM tag_names WHERE tag = {tag_column} AND lang = {lang_placeholder}),
                  (SELECT name FROM tag_names WHERE tag = {tag_column} AND lang = 'en'),
                  {tag_column})"
    )
}

/// An article's tags named in `lang`, in the order of their names.
pub async fn of_article(store: &Store, article_id: i64, lang: Lang) -> StoreResult<Vec<Tag>> {
    let rows: Vec<(String, String)> = sqlx::query_as(&format!(
        "SELECT t.tag, {} AS name FROM article_tags t WHERE t.article_id = $1 ORDER BY name",
        name_of("t.tag", "$2")
    ))
    .bind(article_id)
    .bind(lang.code())
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, name)| Tag { slug, name })
        .collect())
}

/// The tag named in `lang`, when a published article in `lang` has it; `None` otherwise.
pub async fn get(store: &Store, slug: &str, lang: Lang) -> StoreResult<Option<Tag>> {
    let name: Option<String> = sqlx::query_scalar(&format!(
        "SELECT {} FROM article_tags t JOIN articles a ON a.id = t.article_id
         WHERE t.tag = $1 AND a.lang = $2 AND a.status = 'published' LIMIT 1",
        name_of("t.tag", "$2")
    ))
    .bind(slug)
    .bind(lang.code())
    .fetch_optional(store.pool())
    .await?;
    Ok(name.map(|name| Tag {
        slug: slug.to_owned(),
        name,
    }))
}

/// Sets the name of `slug` in `lang`.
pub async fn set_name(store: &Store, slug: &str, lang: Lang, name: &str) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO tag_names (tag, lang, name) VALUES ($1, $2, $3)
         ON CONFLICT (tag, lang) DO UPDATE SET name = excluded.name",
    )
    .bind(slug)
    .bind(lang.code())
    .bind(name)
    .execute(store.pool())
    .await?;
    Ok(())
}

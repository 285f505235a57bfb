//! Queries on categories and their per-language texts.

use crate::db::{Store, StoreResult};
use gazette_api_types::{Category, Lang};

/// All categories in navigation order, with texts in `lang` (falling back to English).
pub async fn list(store: &Store, lang: Lang) -> StoreResult<Vec<Category>> {
    let rows: Vec<(String, i64, String, String)> = sqlx::query_as(
        "SELECT c.slug, c.position,
                COALESCE(t.name, en.name, c.slug),
                COALESCE(t.description, en.description, '')
         FROM categories c
         LEFT JOIN category_texts t ON t.category = c.slug AND t.lang = $1
         LEFT JOIN category_texts en ON en.category = c.slug AND en.lang = 'en'
         ORDER BY c.position, c.slug",
    )
    .bind(lang.code())
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, position, name, description)| Category {
            slug,
            name,
            description,
            position,
        })
        .collect())
}

/// One category by slug, texts in `lang`; `None` when there is no such category.
pub async fn get(store: &Store, slug: &str, lang: Lang) -> StoreResult<Option<Category>> {
    Ok(list(store, lang)
        .await?
        .into_iter()
        .find(|category| category.slug == slug))
}

/// Creates the category or updates its position, and sets its texts in one language.
pub async fn upsert(
    store: &Store,
    slug: &str,
    lang: Lang,
    name: &str,
    description: &str,
    position: i64,
) -> StoreResult<()> {
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "INSERT INTO categories (slug, position) VALUES ($1, $2)
         ON CONFLICT (slug) DO UPDATE SET position = excluded.position",
    )
    .bind(slug)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO category_texts (category, lang, name, description) VALUES ($1, $2, $3, $4)
         ON CONFLICT (category, lang) DO UPDATE SET name = excluded.name,
                                                   description = excluded.description",
    )
    .bind(slug)
    .bind(lang.code())
    .bind(name)
    .bind(description)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a category exists.
pub async fn exists(store: &Store, slug: &str) -> StoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM categories WHERE slug = $1")
        .bind(slug)
        .fetch_optional(store.pool())
        .await?;
    Ok(found.is_some())
}

/// How many articles a category has, in any language or state.
pub async fn article_count(store: &Store, slug: &str) -> StoreResult<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE category = $1")
        .bind(slug)
        .fetch_one(store.pool())
        .await
        .map_err(Into::into)
}

/// Deletes a category with no articles.
pub async fn delete(store: &Store, slug: &str) -> StoreResult<bool> {
    let done = sqlx::query("DELETE FROM categories WHERE slug = $1")
        .bind(slug)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

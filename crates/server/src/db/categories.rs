//! Queries on categories and their per-language texts.

use gazette_api_types::{Category, Lang};
use sqlx::SqlitePool;

/// All categories in navigation order, with texts in `lang` (falling back to English).
pub async fn list(pool: &SqlitePool, lang: Lang) -> Result<Vec<Category>, sqlx::Error> {
    let rows: Vec<(String, i64, String, String)> = sqlx::query_as(
        "SELECT c.slug, c.position,
                COALESCE(t.name, en.name, c.slug),
                COALESCE(t.description, en.description, '')
         FROM categories c
         LEFT JOIN category_texts t ON t.category = c.slug AND t.lang = ?1
         LEFT JOIN category_texts en ON en.category = c.slug AND en.lang = 'en'
         ORDER BY c.position, c.slug",
    )
    .bind(lang.code())
    .fetch_all(pool)
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
pub async fn get(
    pool: &SqlitePool,
    slug: &str,
    lang: Lang,
) -> Result<Option<Category>, sqlx::Error> {
    Ok(list(pool, lang)
        .await?
        .into_iter()
        .find(|category| category.slug == slug))
}

/// Creates the category or updates its position, and sets its texts in one language.
pub async fn upsert(
    pool: &SqlitePool,
    slug: &str,
    lang: Lang,
    name: &str,
    description: &str,
    position: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO categories (slug, position) VALUES (?1, ?2)
         ON CONFLICT (slug) DO UPDATE SET position = excluded.position",
    )
    .bind(slug)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO category_texts (category, lang, name, description) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (category, lang) DO UPDATE SET name = excluded.name,
                                                   description = excluded.description",
    )
    .bind(slug)
    .bind(lang.code())
    .bind(name)
    .bind(description)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Whether a category exists.
pub async fn exists(pool: &SqlitePool, slug: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM categories WHERE slug = ?1")
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// How many articles a category has, in any language or state.
pub async fn article_count(pool: &SqlitePool, slug: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE category = ?1")
        .bind(slug)
        .fetch_one(pool)
        .await
}

/// Deletes a category with no articles.
pub async fn delete(pool: &SqlitePool, slug: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM categories WHERE slug = ?1")
        .bind(slug)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

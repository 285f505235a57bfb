//! Writes to articles: editor inserts, updates, unpublishing and deletion, and bulk loads.

use gazette_api_types::ArticleStatus;
use sqlx::AnyConnection;

use super::rows::NewArticle;
use crate::db::{Store, StoreResult};

fn status_code(status: ArticleStatus) -> &'static str {
    match status {
        ArticleStatus::Published => "published",
        ArticleStatus::Draft => "draft",
    }
}

/// Inserts an article, in a new story unless `story_id` links it to its translations.
pub async fn insert(
    store: &Store,
    article: &NewArticle<'_>,
    story_id: Option<i64>,
) -> StoreResult<i64> {
    let mut tx = store.begin_write().await?;
    let id = insert_in(&mut tx, article, story_id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts many articles in one transaction, each in a new story (for bulk loads).
pub async fn insert_batch(store: &Store, articles: &[NewArticle<'_>]) -> StoreResult<()> {
    let mut tx = store.begin_write().await?;
    for article in articles {
        insert_in(&mut tx, article, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn insert_in(
    conn: &mut AnyConnection,
    article: &NewArticle<'_>,
    story_id: Option<i64>,
) -> StoreResult<i64> {
    let story_id = match story_id {
        Some(id) => id,
        None => {
            sqlx::query_scalar("INSERT INTO stories DEFAULT VALUES RETURNING id")
                .fetch_one(&mut *conn)
                .await?
        }
    };
    let body =
        serde_json::to_string(article.body).map_err(|error| sqlx::Error::Encode(error.into()))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO articles (story_id, lang, slug, category, title, lead, body, body_text, author,
                               source, image_alt, image_caption, published_at, status,
                               image_id, image_credit, breaking_since)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         RETURNING id",
    )
    .bind(story_id)
    .bind(article.lang.code())
    .bind(article.slug)
    .bind(article.category)
    .bind(article.title)
    .bind(article.lead)
    .bind(&body)
    .bind(article.body_text)
    .bind(article.author)
    .bind(article.source)
    .bind(article.image_alt)
    .bind(article.image_caption)
    .bind(article.published_at)
    .bind(status_code(article.status))
    .bind(article.image_id)
    .bind(article.image_credit)
    .bind(article.breaking_since)
    .fetch_one(&mut *conn)
    .await?;
    write_tags(conn, id, article.tags).await?;
    Ok(id)
}

async fn write_tags(conn: &mut AnyConnection, id: i64, tags: &[String]) -> StoreResult<()> {
    for tag in tags {
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(tag)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Replaces an article's content (keeping its id, story and views).
pub async fn update(
    store: &Store,
    id: i64,
    article: &NewArticle<'_>,
    updated_at: i64,
) -> StoreResult<bool> {
    let mut tx = store.begin_write().await?;
    let body =
        serde_json::to_string(article.body).map_err(|error| sqlx::Error::Encode(error.into()))?;
    let updated = sqlx::query(
        "UPDATE articles SET slug = $2, category = $3, title = $4, lead = $5, body = $6,
                body_text = $7, author = $8, source = $9, image_alt = $10, image_caption = $11,
                published_at = $12, status = $13, updated_at = $14, image_id = $15,
                image_credit = $16,
                breaking_since = CASE WHEN $17 IS NULL THEN NULL
                                      ELSE COALESCE(breaking_since, $17) END
         WHERE id = $1",
    )
    .bind(id)
    .bind(article.slug)
    .bind(article.category)
    .bind(article.title)
    .bind(article.lead)
    .bind(&body)
    .bind(article.body_text)
    .bind(article.author)
    .bind(article.source)
    .bind(article.image_alt)
    .bind(article.image_caption)
    .bind(article.published_at)
    .bind(status_code(article.status))
    .bind(updated_at)
    .bind(article.image_id)
    .bind(article.image_credit)
    .bind(article.breaking_since)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        // Deleted by another editor since the caller found it.
        return Ok(false);
    }
    sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    write_tags(&mut tx, id, article.tags).await?;
    tx.commit().await?;
    Ok(true)
}

/// Turns a published article into a draft, hiding it from readers; false when it is gone.
pub async fn unpublish(store: &Store, id: i64) -> StoreResult<bool> {
    let updated = sqlx::query("UPDATE articles SET status = 'draft' WHERE id = $1")
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(updated.rows_affected() > 0)
}

/// Deletes an article (and its story when it was the story's last version).
pub async fn delete(store: &Store, id: i64) -> StoreResult<bool> {
    let mut tx = store.begin_write().await?;
    let story_id: Option<i64> = sqlx::query_scalar("SELECT story_id FROM articles WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let deleted = sqlx::query("DELETE FROM articles WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if deleted.rows_affected() == 0 {
        // Another editor's delete came first: theirs is the one that happened.
        return Ok(false);
    }
    if let Some(story_id) = story_id {
        sqlx::query("DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)")
            .bind(story_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

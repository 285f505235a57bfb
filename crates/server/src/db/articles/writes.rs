//! Writes to articles: editor inserts, updates, unpublishing and deletion, bulk loads, and
//! the batched view counts.

use gazette_api_types::ArticleStatus;
use sqlx::{SqliteConnection, SqlitePool};

use super::rows::NewArticle;

/// Adds counted views to the stored counters in one transaction.
pub async fn add_views(pool: &SqlitePool, counts: &[(i64, u64)]) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for (id, count) in counts {
        sqlx::query("UPDATE articles SET views = views + ?1 WHERE id = ?2")
            .bind(i64::try_from(*count).unwrap_or(i64::MAX))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

fn status_code(status: ArticleStatus) -> &'static str {
    match status {
        ArticleStatus::Published => "published",
        ArticleStatus::Draft => "draft",
    }
}

/// Inserts an article, in a new story unless `story_id` links it to its translations.
pub async fn insert(
    pool: &SqlitePool,
    article: &NewArticle<'_>,
    story_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let id = insert_in(&mut tx, article, story_id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts many articles in one transaction, each in a new story (for bulk loads).
pub async fn insert_batch(
    pool: &SqlitePool,
    articles: &[NewArticle<'_>],
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for article in articles {
        insert_in(&mut tx, article, None).await?;
    }
    tx.commit().await
}

async fn insert_in(
    conn: &mut SqliteConnection,
    article: &NewArticle<'_>,
    story_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let story_id = match story_id {
        Some(id) => id,
        None => sqlx::query("INSERT INTO stories DEFAULT VALUES")
            .execute(&mut *conn)
            .await?
            .last_insert_rowid(),
    };
    let body =
        serde_json::to_string(article.body).map_err(|error| sqlx::Error::Encode(error.into()))?;
    let id = sqlx::query(
        "INSERT INTO articles (story_id, lang, slug, category, title, lead, body, body_text, author,
                               source, image_alt, image_caption, published_at, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
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
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    write_tags(conn, id, article.tags).await?;
    Ok(id)
}

async fn write_tags(
    conn: &mut SqliteConnection,
    id: i64,
    tags: &[String],
) -> Result<(), sqlx::Error> {
    for tag in tags {
        sqlx::query("INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?1, ?2)")
            .bind(id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Replaces an article's content (keeping its id, story and views).
pub async fn update(
    pool: &SqlitePool,
    id: i64,
    article: &NewArticle<'_>,
    updated_at: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let body =
        serde_json::to_string(article.body).map_err(|error| sqlx::Error::Encode(error.into()))?;
    sqlx::query(
        "UPDATE articles SET slug = ?2, category = ?3, title = ?4, lead = ?5, body = ?6,
                body_text = ?7, author = ?8, source = ?9, image_alt = ?10, image_caption = ?11,
                published_at = ?12, status = ?13, updated_at = ?14
         WHERE id = ?1",
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
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM article_tags WHERE article_id = ?1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    write_tags(&mut tx, id, article.tags).await?;
    tx.commit().await
}

/// Turns a published article into a draft, hiding it from readers.
pub async fn unpublish(pool: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE articles SET status = 'draft' WHERE id = ?1")
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Deletes an article (and its story when it was the story's last version).
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let story_id: Option<i64> = sqlx::query_scalar("SELECT story_id FROM articles WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM articles WHERE id = ?1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some(story_id) = story_id {
        sqlx::query("DELETE FROM stories WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?1)")
            .bind(story_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

//! Queries on uploaded images: what was made of each upload (its size and variant widths),
//! so articles can refer to it by id.

use crate::db::{Store, StoreResult};

/// An uploaded image as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRecord {
    pub id: String,
    pub width: u32,
    pub height: u32,
    pub widths: Vec<u32>,
}

/// Reads the stored list of widths ("480,960,1440").
pub fn parse_widths(text: &str) -> Vec<u32> {
    text.split(',')
        .filter_map(|width| width.trim().parse().ok())
        .collect()
}

/// Records an upload whose files are stored; the same image uploaded again changes nothing.
pub async fn insert(store: &Store, image: &ImageRecord, now: i64) -> StoreResult<()> {
    let widths = image
        .widths
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    sqlx::query(
        "INSERT INTO images (id, width, height, widths, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(&image.id)
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(widths)
    .bind(now)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Whether an image with this id was uploaded.
pub async fn exists(store: &Store, id: &str) -> StoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT width FROM images WHERE id = $1")
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    Ok(found.is_some())
}

/// An uploaded image's record, if there is one with this id.
pub async fn get(store: &Store, id: &str) -> StoreResult<Option<ImageRecord>> {
    let row: Option<(i64, i64, String)> =
        sqlx::query_as("SELECT width, height, widths FROM images WHERE id = $1")
            .bind(id)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.map(|(width, height, widths)| ImageRecord {
        id: id.to_owned(),
        width: u32::try_from(width).unwrap_or(0),
        height: u32::try_from(height).unwrap_or(0),
        widths: parse_widths(&widths),
    }))
}

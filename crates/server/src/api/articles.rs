//! Article reads: the paged list, one article, related news, most read and breaking news.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use gazette_api_types::{Article, ArticleList, ErrorBody, Lang};
use serde::Deserialize;

use super::error::{ApiResult, Error};
use super::extract::{
    decode_cursor, encode_cursor, parse_count, parse_lang, parse_limit, Json, LangQuery, Query,
    DEFAULT_LIMIT, MAX_LIMIT,
};
use crate::content::{present, views};
use crate::db;
use crate::db::articles::{ListFilter, ListPosition};
use crate::state::AppState;

/// The article reads' routes (view counting is [`super::views`]).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/articles", get(list_articles))
        .route("/articles/{slug}", get(get_article))
        .route("/articles/{slug}/related", get(related_articles))
        .route("/most-read", get(most_read))
        .route("/breaking", get(breaking_news))
}

/// Query of the article list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// en (default), ru or hy.
    #[param(value_type = Option<Lang>)]
    pub lang: Option<String>,
    /// Only this category's articles.
    pub category: Option<String>,
    /// Only articles with this tag.
    pub tag: Option<String>,
    /// `next_cursor` of the previous page (opaque; a cursor this server did not make is a 400).
    #[param(pattern = "^[A-Za-z0-9_-]{1,200}$")]
    pub cursor: Option<String>,
    /// Page size, 1 to 50 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub limit: Option<String>,
}

/// Published articles, newest first, one page at a time.
#[utoipa::path(get, path = "/api/v1/articles", tag = "articles", params(ListQuery),
    responses((status = 200, body = ArticleList), (status = 400, body = ErrorBody),
              (status = 404, body = ErrorBody, description = "unknown category")))]
pub async fn list_articles(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<ArticleList>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?;
    let after = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let category = query.category.as_deref().filter(|slug| !slug.is_empty());
    if let Some(slug) = category {
        if !db::categories::exists(&state.store, slug).await? {
            return Err(Error::no_category(slug));
        }
    }
    let filter = ListFilter {
        lang,
        category,
        tag: query.tag.as_deref().filter(|tag| !tag.is_empty()),
        after,
        // One extra row tells whether there is a next page.
        limit: limit + 1,
    };
    let mut rows = db::articles::list(&state.store, &filter).await?;
    let has_more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = has_more.then(|| rows.last()).flatten().map(|row| {
        encode_cursor(ListPosition {
            published_at: row.published_at,
            id: row.id,
        })
    });
    Ok(Json(ArticleList {
        items: rows.into_iter().map(present::summary).collect(),
        next_cursor,
    }))
}

/// One published article with its body blocks, tags, views and translations.
#[utoipa::path(get, path = "/api/v1/articles/{slug}", tag = "articles",
    params(("slug" = String, Path), ("lang" = Option<Lang>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = Article), (status = 404, body = ErrorBody)))]
pub async fn get_article(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<Article>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let article = load_article(&state, lang, &slug).await?;
    Ok(Json(article))
}

/// A published article by language and slug, or a 404 naming the slug.
pub async fn load_article(state: &AppState, lang: Lang, slug: &str) -> ApiResult<Article> {
    let row = db::articles::get(&state.store, lang, slug)
        .await?
        .ok_or_else(|| Error::no_article(slug))?;
    let record = db::articles::with_details(&state.store, row).await?;
    Ok(present::article(record))
}

/// Query of related and most-read lists.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ShortListQuery {
    /// en (default), ru or hy.
    #[param(value_type = Option<Lang>)]
    pub lang: Option<String>,
    /// How many, 1 to 20 (default 6).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 20)]
    pub limit: Option<String>,
}

/// Newest articles of the same category.
#[utoipa::path(get, path = "/api/v1/articles/{slug}/related", tag = "articles",
    params(("slug" = String, Path), ShortListQuery),
    responses((status = 200, body = ArticleList), (status = 404, body = ErrorBody)))]
pub async fn related_articles(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ShortListQuery>,
) -> ApiResult<Json<ArticleList>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), 6, 20)?;
    let row = db::articles::get(&state.store, lang, &slug)
        .await?
        .ok_or_else(|| Error::no_article(&slug))?;
    let rows = db::articles::related(
        &state.store,
        lang,
        &row.summary.category,
        row.summary.id,
        limit,
    )
    .await?;
    Ok(Json(ArticleList {
        items: rows.into_iter().map(present::summary).collect(),
        next_cursor: None,
    }))
}

/// Query of the most-read list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct MostReadQuery {
    /// en (default), ru or hy.
    #[param(value_type = Option<Lang>)]
    pub lang: Option<String>,
    /// How many, 1 to 20 (default 6).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 20)]
    pub limit: Option<String>,
    /// The window in days, today (UTC) included: 1 to 30 (default 7).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 30)]
    pub days: Option<String>,
}

/// The articles most viewed in the last days (views counted once per reader and day);
/// articles nobody read in the window are left out, so the list may be short or empty.
#[utoipa::path(get, path = "/api/v1/most-read", tag = "articles", params(MostReadQuery),
    responses((status = 200, body = ArticleList), (status = 400, body = ErrorBody)))]
pub async fn most_read(
    State(state): State<AppState>,
    Query(query): Query<MostReadQuery>,
) -> ApiResult<Json<ArticleList>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), 6, 20)?;
    let max_days = u32::try_from(db::views::MAX_WINDOW_DAYS).unwrap_or(30);
    let days = parse_count("days", query.days.as_deref(), 7, max_days)?;
    let since_day = views::today() - i64::from(days) + 1;
    let rows = db::articles::most_read(&state.store, lang, since_day, limit).await?;
    Ok(Json(ArticleList {
        items: rows.into_iter().map(present::summary).collect(),
        next_cursor: None,
    }))
}

/// Breaking news: the published articles in the language an editor marked as breaking
/// within the last `--breaking-minutes`, most recently marked first (at most 3). Readers'
/// pages show them in a banner; an empty list when there is none.
#[utoipa::path(get, path = "/api/v1/breaking", tag = "articles",
    params(("lang" = Option<Lang>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = ArticleList), (status = 400, body = ErrorBody)))]
pub async fn breaking_news(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<ArticleList>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let window =
        i64::try_from(state.config.breaking_minutes.saturating_mul(60)).unwrap_or(i64::MAX);
    let since = crate::content::time_format::now().saturating_sub(window);
    let rows = db::articles::breaking(&state.store, lang, since, 3).await?;
    Ok(Json(ArticleList {
        items: rows.into_iter().map(present::summary).collect(),
        next_cursor: None,
    }))
}

//! Editor writes under `/api/v1/admin`, behind the bearer token from the configuration:
//! create, update, unpublish and delete articles; create, update and delete categories.
//!
//! Article HTML goes through [`crate::sanitize`] and is stored as typed blocks only.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::routing::{post, put};
use axum::Router;
use gazette_api_types::{Article, ArticleInput, Category, CategoryInput, Lang};
use sha2::{Digest, Sha256};

use super::categories::truncate;
use super::{ApiResult, Error, Json};
use crate::db::articles::NewArticle;
use crate::sanitize::{clean_text, html_to_blocks};
use crate::{db, time_format, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/articles", post(create_article))
        .route(
            "/articles/{lang}/{slug}",
            put(update_article).delete(delete_article),
        )
        .route("/articles/{lang}/{slug}/unpublish", post(unpublish_article))
        .route(
            "/categories/{slug}",
            put(put_category).delete(delete_category),
        )
}

/// Proof that the request carried the editor token; handlers that write take it first.
pub struct Editor;

impl FromRequestParts<AppState> for Editor {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let Some(expected) = state
            .config
            .admin_token
            .as_deref()
            .filter(|token| !token.is_empty())
        else {
            return Err(Error::Unauthorized);
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .unwrap_or("");
        // Compare digests so the time taken does not reveal how much of the token matched.
        if Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes()) {
            Ok(Editor)
        } else {
            Err(Error::Unauthorized)
        }
    }
}

fn parse_path_lang(code: &str) -> ApiResult<Lang> {
    Lang::from_code(code).ok_or_else(|| {
        Error::BadRequest(format!(
            "unknown language '{}': use one of en, ru, hy",
            truncate(code)
        ))
    })
}

/// Whether a slug is lower-case ASCII words joined by single hyphens, at most 120 characters.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        })
}

/// An editor's input, checked and cleaned, ready to store.
struct CheckedArticle {
    slug: String,
    category: String,
    title: String,
    lead: String,
    blocks: Vec<gazette_api_types::Block>,
    body_text: String,
    author: String,
    source: String,
    tags: Vec<String>,
    image_alt: Option<String>,
    image_caption: Option<String>,
    published_at: i64,
}

impl CheckedArticle {
    fn as_new(&self, input: &ArticleInput) -> NewArticle<'_> {
        NewArticle {
            lang: input.lang,
            slug: &self.slug,
            category: &self.category,
            title: &self.title,
            lead: &self.lead,
            body: &self.blocks,
            body_text: &self.body_text,
            author: &self.author,
            source: &self.source,
            tags: &self.tags,
            image_alt: self.image_alt.as_deref(),
            image_caption: self.image_caption.as_deref(),
            published_at: self.published_at,
            status: input.status,
        }
    }
}

async fn check(state: &AppState, input: &ArticleInput) -> ApiResult<CheckedArticle> {
    let invalid = |message: String| Err(Error::Unprocessable(message));
    if !is_valid_slug(&input.slug) {
        return invalid(
            "slug must be lower-case letters and digits joined by hyphens, at most 120 characters"
                .into(),
        );
    }
    let title = clean_text(&input.title);
    if title.is_empty() || title.chars().count() > 300 {
        return invalid("title must have 1 to 300 characters".into());
    }
    let lead = clean_text(&input.lead);
    if lead.chars().count() > 2_000 {
        return invalid("lead must have at most 2000 characters".into());
    }
    let author = clean_text(&input.author);
    if author.is_empty() || author.chars().count() > 120 {
        return invalid("author must have 1 to 120 characters".into());
    }
    if !db::categories::exists(&state.pool, &input.category).await? {
        return invalid(format!("no category '{}'", truncate(&input.category)));
    }
    let converted = html_to_blocks(&input.body_html);
    if converted.blocks.is_empty() {
        return invalid("body_html has no text once unsafe markup is removed".into());
    }
    let published_at = match input.published_at.as_deref() {
        None => time_format::now(),
        Some(text) => time_format::parse_rfc3339(text)
            .ok_or_else(|| Error::Unprocessable("published_at must be an RFC 3339 time".into()))?,
    };
    let mut tags: Vec<String> = input
        .tags
        .iter()
        .map(|tag| clean_text(tag).to_lowercase())
        .filter(|tag| !tag.is_empty() && tag.chars().count() <= 40)
        .take(20)
        .collect();
    tags.sort();
    tags.dedup();
    let optional = |text: &Option<String>| {
        text.as_deref()
            .map(clean_text)
            .filter(|text| !text.is_empty())
    };
    Ok(CheckedArticle {
        slug: input.slug.clone(),
        category: input.category.clone(),
        title,
        lead,
        blocks: converted.blocks,
        body_text: converted.text,
        author,
        source: clean_text(&input.source),
        tags,
        image_alt: optional(&input.image_alt),
        image_caption: optional(&input.image_caption),
        published_at,
    })
}

/// The article as stored, whatever its status, for the editor's answer.
async fn stored_article(state: &AppState, id: i64) -> ApiResult<Article> {
    let row = db::articles::get_by_id(&state.pool, id)
        .await?
        .ok_or_else(|| Error::NotFound("the article was removed meanwhile".into()))?;
    Ok(db::articles::to_article(&state.pool, row, state.views.pending(id)).await?)
}

/// Creates an article (optionally as a translation of an existing one).
#[utoipa::path(post, path = "/api/v1/admin/articles", tag = "admin", request_body = ArticleInput,
    security(("bearer" = [])),
    responses((status = 201, body = Article), (status = 401, body = gazette_api_types::ApiError),
              (status = 409, body = gazette_api_types::ApiError), (status = 422, body = gazette_api_types::ApiError)))]
pub async fn create_article(
    _editor: Editor,
    State(state): State<AppState>,
    Json(input): Json<ArticleInput>,
) -> ApiResult<(StatusCode, Json<Article>)> {
    let checked = check(&state, &input).await?;
    if db::articles::id_of(&state.pool, input.lang, &checked.slug)
        .await?
        .is_some()
    {
        return Err(Error::Conflict(format!(
            "an article '{}' exists in {}",
            checked.slug,
            input.lang.code()
        )));
    }
    let story_id = match input.translation_of.as_deref() {
        None => None,
        Some(original) => {
            let story_id = db::articles::story_of(&state.pool, Lang::En, original)
                .await?
                .ok_or_else(|| {
                    Error::Unprocessable(format!(
                        "translation_of: no English article '{}'",
                        truncate(original)
                    ))
                })?;
            if db::articles::story_has_lang(&state.pool, story_id, input.lang).await? {
                return Err(Error::Conflict(format!(
                    "'{original}' already has a {} version",
                    input.lang.code()
                )));
            }
            Some(story_id)
        }
    };
    let id = db::articles::insert(&state.pool, &checked.as_new(&input), story_id).await?;
    Ok((StatusCode::CREATED, Json(stored_article(&state, id).await?)))
}

/// Replaces an article's content; the slug may change within its language.
#[utoipa::path(put, path = "/api/v1/admin/articles/{lang}/{slug}", tag = "admin", request_body = ArticleInput,
    params(("lang" = String, Path), ("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Article), (status = 401, body = gazette_api_types::ApiError),
              (status = 404, body = gazette_api_types::ApiError), (status = 422, body = gazette_api_types::ApiError)))]
pub async fn update_article(
    _editor: Editor,
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
    Json(input): Json<ArticleInput>,
) -> ApiResult<Json<Article>> {
    let lang = parse_path_lang(&lang)?;
    if input.lang != lang {
        return Err(Error::Unprocessable(
            "lang in the body must match the path".into(),
        ));
    }
    let id = existing(&state, lang, &slug).await?;
    let checked = check(&state, &input).await?;
    if checked.slug != slug
        && db::articles::id_of(&state.pool, lang, &checked.slug)
            .await?
            .is_some()
    {
        return Err(Error::Conflict(format!(
            "an article '{}' exists in {}",
            checked.slug,
            lang.code()
        )));
    }
    db::articles::update(&state.pool, id, &checked.as_new(&input), time_format::now()).await?;
    Ok(Json(stored_article(&state, id).await?))
}

async fn existing(state: &AppState, lang: Lang, slug: &str) -> ApiResult<i64> {
    db::articles::id_of(&state.pool, lang, slug)
        .await?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "no article '{}' in {}",
                truncate(slug),
                lang.code()
            ))
        })
}

/// Hides an article from readers (it becomes a draft).
#[utoipa::path(post, path = "/api/v1/admin/articles/{lang}/{slug}/unpublish", tag = "admin",
    params(("lang" = String, Path), ("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Article), (status = 401, body = gazette_api_types::ApiError),
              (status = 404, body = gazette_api_types::ApiError)))]
pub async fn unpublish_article(
    _editor: Editor,
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
) -> ApiResult<Json<Article>> {
    let lang = parse_path_lang(&lang)?;
    let id = existing(&state, lang, &slug).await?;
    db::articles::unpublish(&state.pool, id).await?;
    Ok(Json(stored_article(&state, id).await?))
}

/// Deletes an article.
#[utoipa::path(delete, path = "/api/v1/admin/articles/{lang}/{slug}", tag = "admin",
    params(("lang" = String, Path), ("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = gazette_api_types::ApiError),
              (status = 404, body = gazette_api_types::ApiError)))]
pub async fn delete_article(
    _editor: Editor,
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let lang = parse_path_lang(&lang)?;
    let id = existing(&state, lang, &slug).await?;
    db::articles::delete(&state.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Creates a category or sets its name, description and position in one language.
#[utoipa::path(put, path = "/api/v1/admin/categories/{slug}", tag = "admin", request_body = CategoryInput,
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = Category), (status = 401, body = gazette_api_types::ApiError),
              (status = 422, body = gazette_api_types::ApiError)))]
pub async fn put_category(
    _editor: Editor,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(input): Json<CategoryInput>,
) -> ApiResult<Json<Category>> {
    if !is_valid_slug(&slug) {
        return Err(Error::Unprocessable(
            "slug must be lower-case letters and digits joined by hyphens".into(),
        ));
    }
    let name = clean_text(&input.name);
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::Unprocessable(
            "name must have 1 to 80 characters".into(),
        ));
    }
    let description = clean_text(&input.description);
    db::categories::upsert(
        &state.pool,
        &slug,
        input.lang,
        &name,
        &description,
        input.position,
    )
    .await?;
    db::categories::get(&state.pool, &slug, input.lang)
        .await?
        .map(Json)
        .ok_or_else(|| Error::NotFound("the category was removed meanwhile".into()))
}

/// Deletes a category that has no articles.
#[utoipa::path(delete, path = "/api/v1/admin/categories/{slug}", tag = "admin",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 204), (status = 401, body = gazette_api_types::ApiError),
              (status = 404, body = gazette_api_types::ApiError), (status = 409, body = gazette_api_types::ApiError)))]
pub async fn delete_category(
    _editor: Editor,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    if db::categories::article_count(&state.pool, &slug).await? > 0 {
        return Err(Error::Conflict(format!(
            "category '{}' still has articles",
            truncate(&slug)
        )));
    }
    if db::categories::delete(&state.pool, &slug).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Error::NotFound(format!(
            "no category '{}'",
            truncate(&slug)
        )))
    }
}

//! Editor writes of articles: create (optionally as a translation), replace, unpublish and
//! delete. Article HTML goes through [`crate::content::sanitize`] and is stored as typed
//! blocks only.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use gazette_api_types::{Article, ArticleInput, Block, ErrorBody, Lang};

use super::auth::Editor;
use crate::api::error::{truncate, ApiResult, Error};
use crate::api::extract::{is_valid_slug, parse_path_lang, Json};
use crate::content::sanitize::{
    clean_text, html_to_blocks_with_pictures, picture_ids, UploadedPictures,
};
use crate::content::{present, time_format};
use crate::db;
use crate::db::articles::NewArticle;
use crate::state::AppState;

/// An editor's input, checked and cleaned, ready to store.
struct CheckedArticle {
    slug: String,
    category: String,
    title: String,
    lead: String,
    blocks: Vec<Block>,
    body_text: String,
    author: String,
    source: String,
    tags: Vec<String>,
    image_alt: Option<String>,
    image_caption: Option<String>,
    image_credit: Option<String>,
    image_id: Option<String>,
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
            image_credit: self.image_credit.as_deref(),
            image_id: self.image_id.as_deref(),
            published_at: self.published_at,
            status: input.status,
            breaking_since: input.breaking.then(time_format::now),
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
    if !db::categories::exists(&state.store, &input.category).await? {
        return invalid(format!("no category '{}'", truncate(&input.category)));
    }
    let mut pictures = UploadedPictures::new();
    for id in picture_ids(&input.body_html) {
        let Some(record) = db::images::get(&state.store, &id).await? else {
            return invalid(format!(
                "body_html shows the image '{}', which was not uploaded: upload it with \
                 POST /api/v1/admin/images and use a URL it answers",
                truncate(&id)
            ));
        };
        pictures.insert(id, present::uploaded_image(&record));
    }
    let converted = html_to_blocks_with_pictures(&input.body_html, &pictures);
    if let Some(id) = converted.pictures_without_alt.first() {
        return invalid(format!(
            "the picture '{}' in body_html has no alt text: describe it in its alt attribute \
             for readers who cannot see it",
            truncate(id)
        ));
    }
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
    let image_alt = optional(&input.image_alt);
    let image_id = input
        .image
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty());
    if let Some(id) = image_id {
        if image_alt.is_none() {
            return invalid(
                "image_alt is required with an image: describe the picture for readers who cannot see it"
                    .into(),
            );
        }
        if !crate::images::is_valid_id(id) || !db::images::exists(&state.store, id).await? {
            return invalid(format!(
                "no image '{}': upload it with POST /api/v1/admin/images and use the id it answers",
                truncate(id)
            ));
        }
    }
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
        image_alt,
        image_caption: optional(&input.image_caption),
        image_credit: optional(&input.image_credit),
        image_id: image_id.map(str::to_owned),
        published_at,
    })
}

/// The article as stored, whatever its status, for the editor's answer.
/// The 404 for an article another editor deleted while this request was working on it.
fn removed_meanwhile() -> Error {
    Error::NotFound("the article was removed meanwhile".into())
}

async fn stored_article(state: &AppState, id: i64) -> ApiResult<Article> {
    let row = db::articles::get_by_id(&state.store, id)
        .await?
        .ok_or_else(removed_meanwhile)?;
    let record = db::articles::with_details(&state.store, row).await?;
    Ok(present::article(record))
}

/// Creates an article (optionally as a translation of an existing one).
#[utoipa::path(post, path = "/api/v1/admin/articles", tag = "admin", request_body = ArticleInput,
    security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 201, body = Article), (status = 401, body = ErrorBody),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_article(
    _editor: Editor,
    State(state): State<AppState>,
    Json(input): Json<ArticleInput>,
) -> ApiResult<(StatusCode, Json<Article>)> {
    let checked = check(&state, &input).await?;
    if db::articles::id_of(&state.store, input.lang, &checked.slug)
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
            let story_id = db::articles::story_of(&state.store, Lang::En, original)
                .await?
                .ok_or_else(|| {
                    Error::Unprocessable(format!(
                        "translation_of: no English article '{}'",
                        truncate(original)
                    ))
                })?;
            if db::articles::story_has_lang(&state.store, story_id, input.lang).await? {
                return Err(Error::Conflict(format!(
                    "'{original}' already has a {} version",
                    input.lang.code()
                )));
            }
            Some(story_id)
        }
    };
    let id = db::articles::insert(&state.store, &checked.as_new(&input), story_id).await?;
    Ok((StatusCode::CREATED, Json(stored_article(&state, id).await?)))
}

/// Replaces an article's content; the slug may change within its language.
#[utoipa::path(put, path = "/api/v1/admin/articles/{lang}/{slug}", tag = "admin", request_body = ArticleInput,
    params(("lang" = Lang, Path), ("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 200, body = Article), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
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
        && db::articles::id_of(&state.store, lang, &checked.slug)
            .await?
            .is_some()
    {
        return Err(Error::Conflict(format!(
            "an article '{}' exists in {}",
            checked.slug,
            lang.code()
        )));
    }
    let updated = db::articles::update(
        &state.store,
        id,
        &checked.as_new(&input),
        time_format::now(),
    )
    .await?;
    if !updated {
        return Err(removed_meanwhile());
    }
    Ok(Json(stored_article(&state, id).await?))
}

async fn existing(state: &AppState, lang: Lang, slug: &str) -> ApiResult<i64> {
    db::articles::id_of(&state.store, lang, slug)
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
    params(("lang" = Lang, Path), ("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 200, body = Article), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
pub async fn unpublish_article(
    _editor: Editor,
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
) -> ApiResult<Json<Article>> {
    let lang = parse_path_lang(&lang)?;
    let id = existing(&state, lang, &slug).await?;
    if !db::articles::unpublish(&state.store, id).await? {
        return Err(removed_meanwhile());
    }
    Ok(Json(stored_article(&state, id).await?))
}

/// Deletes an article.
#[utoipa::path(delete, path = "/api/v1/admin/articles/{lang}/{slug}", tag = "admin",
    params(("lang" = Lang, Path), ("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 204), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
pub async fn delete_article(
    _editor: Editor,
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let lang = parse_path_lang(&lang)?;
    let id = existing(&state, lang, &slug).await?;
    if !db::articles::delete(&state.store, id).await? {
        return Err(removed_meanwhile());
    }
    Ok(StatusCode::NO_CONTENT)
}

//! Article images for the demo content: a small SVG illustration generated per story, so the
//! site ships real, correctly sized images without bundling photographs.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::content::present::{IMAGE_HEIGHT, IMAGE_WIDTH};

/// `GET /media/stories/{id}.svg`.
pub async fn story_image(Path(file): Path<String>) -> Response {
    let Some(id) = file
        .strip_suffix(".svg")
        .and_then(|id| id.parse::<u64>().ok())
    else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=604800, immutable"),
        ],
        illustration(id),
    )
        .into_response()
}

/// A deterministic abstract illustration: a two-tone gradient and a few soft shapes whose
/// colours and places follow from the story id.
pub fn illustration(id: u64) -> String {
    let mut seed = id
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(0x2545_F491);
    let mut next = |range: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % range
    };
    let hue = next(360);
    let hue2 = (hue + 30 + next(60)) % 360;
    let (w, h) = (IMAGE_WIDTH, IMAGE_HEIGHT);
    let mut shapes = String::new();
    for _ in 0..5 {
        let (cx, cy, r) = (next(u64::from(w)), next(u64::from(h)), 60 + next(220));
        let light = 55 + next(30);
        shapes.push_str(&format!(
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" fill=\"hsl({hue2},45%,{light}%)\" fill-opacity=\".35\"/>"
        ));
    }
    let band = next(u64::from(h) / 2) + u64::from(h) / 4;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
         <defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">\
         <stop offset=\"0\" stop-color=\"hsl({hue},50%,32%)\"/><stop offset=\"1\" stop-color=\"hsl({hue2},55%,52%)\"/>\
         </linearGradient></defs><rect width=\"{w}\" height=\"{h}\" fill=\"url(#g)\"/>{shapes}\
         <rect y=\"{band}\" width=\"{w}\" height=\"6\" fill=\"#fff\" fill-opacity=\".25\"/></svg>"
    )
}

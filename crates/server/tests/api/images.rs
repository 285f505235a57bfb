//! Picture uploads: each accepted type, the files that are refused (renamed, truncated,
//! decompression bomb, too large), metadata gone and orientation applied in every variant,
//! articles that use an upload, and the demo art served through the same variants.

use std::io::Cursor;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use gazette_api_types::{Article, Block, Image, ImageFormat, UploadedImage};
use image::{DynamicImage, ImageFormat as Codec, Rgb, RgbImage, Rgba, RgbaImage};
use serde_json::json;

use crate::common::{assert_json_error, body_bytes, TestSite, MEXICO, TOKEN};

const UPLOAD: &str = "/api/v1/admin/images";

async fn upload(site: &TestSite, bytes: Vec<u8>, token: Option<&str>) -> Response {
    let mut request = Request::post(UPLOAD).header(header::CONTENT_TYPE, "image/jpeg");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    site.request(request.body(Body::from(bytes)).unwrap()).await
}

async fn uploaded(site: &TestSite, bytes: Vec<u8>) -> UploadedImage {
    let response = upload(site, bytes, Some(TOKEN)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    serde_json::from_slice(&body_bytes(response).await).expect("upload answer")
}

/// A picture whose left half is red and right half blue.
fn halves(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    })
}

fn encoded(picture: DynamicImage, codec: Codec) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, codec).expect("encode");
    out.into_inner()
}

/// A JPEG with an EXIF block: orientation "rotate 90° clockwise", a GPS position and a
/// camera serial number in the description.
fn jpeg_with_gps_exif() -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut bytes = Vec::new();
        bytes.extend(tag.to_le_bytes());
        bytes.extend(kind.to_le_bytes());
        bytes.extend(count.to_le_bytes());
        bytes.extend(value);
        bytes
    };
    let description = b"SERIAL-SECRET-4711\0";
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    // IFD0 at 8 (3 entries: ends at 50), the GPS IFD at 50 (2 entries: ends at 80), the
    // latitude's three rationals at 80, the description at 104.
    tiff.extend(3u16.to_le_bytes());
    tiff.extend(entry(
        0x010E,
        2,
        description.len() as u32,
        104u32.to_le_bytes(),
    ));
    tiff.extend(entry(0x0112, 3, 1, [6, 0, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 50u32.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, 80u32.to_le_bytes()));
    tiff.extend(0u32.to_le_bytes());
    for (numerator, denominator) in [(40u32, 1u32), (26, 1), (4711, 100)] {
        tiff.extend(numerator.to_le_bytes());
        tiff.extend(denominator.to_le_bytes());
    }
    tiff.extend(description);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    let plain = encoded(DynamicImage::ImageRgb8(halves(40, 20)), Codec::Jpeg);
    let mut jpeg = plain[..2].to_vec();
    jpeg.extend(segment);
    jpeg.extend(&plain[2..]);
    jpeg
}

#[tokio::test]
async fn jpeg_png_and_webp_uploads_become_variants_in_both_formats() {
    let site = TestSite::new().await;
    let photo = DynamicImage::ImageRgb8(halves(1600, 900));
    let transparent = DynamicImage::ImageRgba8(RgbaImage::from_pixel(700, 400, Rgba([0, 0, 0, 0])));
    for (bytes, width, height, widths) in [
        (
            encoded(photo.clone(), Codec::Jpeg),
            1600,
            900,
            vec![480, 960, 1440],
        ),
        (encoded(transparent, Codec::Png), 700, 400, vec![480, 700]),
        (
            encoded(
                photo.resize_exact(500, 300, image::imageops::FilterType::Triangle),
                Codec::WebP,
            ),
            500,
            300,
            vec![480, 500],
        ),
    ] {
        let answer = uploaded(&site, bytes).await;
        assert_eq!((answer.width, answer.height), (width, height));
        let made: Vec<(u32, ImageFormat)> = answer
            .variants
            .iter()
            .map(|v| (v.width, v.format))
            .collect();
        let expected: Vec<(u32, ImageFormat)> = [ImageFormat::Webp, ImageFormat::Jpeg]
            .into_iter()
            .flat_map(|format| widths.iter().map(move |&w| (w, format)))
            .collect();
        assert_eq!(made, expected);
        for variant in &answer.variants {
            let response = site.get(&variant.url).await;
            assert_eq!(response.status(), StatusCode::OK, "{}", variant.url);
            assert_eq!(
                response.headers()[header::CACHE_CONTROL],
                "public, max-age=31536000, immutable"
            );
            let mime = response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .to_owned();
            assert_eq!(mime, variant.format.mime());
            let picture = image::load_from_memory(&body_bytes(response).await).expect("decodes");
            assert_eq!(picture.width(), variant.width);
            assert_eq!(picture.height(), variant.width * height / width);
        }
        let preview = site.get(&answer.preview_url).await;
        assert_eq!(preview.headers()[header::CONTENT_TYPE], "image/jpeg");
        let preview = image::load_from_memory(&body_bytes(preview).await).unwrap();
        assert_eq!((preview.width(), preview.height()), (1200, 630));
    }
    // A transparent PNG is on white (JPEG has no transparency), not black.
    let png = uploaded(
        &site,
        encoded(
            DynamicImage::ImageRgba8(RgbaImage::from_pixel(700, 400, Rgba([0, 0, 0, 0]))),
            Codec::Png,
        ),
    )
    .await;
    let jpeg_url = &png
        .variants
        .iter()
        .find(|v| v.format == ImageFormat::Jpeg)
        .unwrap()
        .url;
    let pixel = image::load_from_memory(&body_bytes(site.get(jpeg_url).await).await)
        .unwrap()
        .to_rgb8()
        .get_pixel(10, 10)
        .0;
    assert!(pixel.iter().all(|&channel| channel > 240), "{pixel:?}");
}

#[tokio::test]
async fn metadata_is_gone_and_the_picture_is_upright_in_every_file() {
    let site = TestSite::new().await;
    let original = jpeg_with_gps_exif();
    assert!(original.windows(13).any(|w| w == b"SERIAL-SECRET"));
    let answer = uploaded(&site, original).await;
    // Orientation 6: the 40 × 20 picture is 20 × 40 upright, its left (red) half on top.
    assert_eq!((answer.width, answer.height), (20, 40));
    let mut urls: Vec<String> = answer.variants.iter().map(|v| v.url.clone()).collect();
    urls.push(answer.preview_url.clone());
    for url in urls {
        let bytes = body_bytes(site.get(&url).await).await;
        for secret in [&b"Exif"[..], b"SERIAL-SECRET", b"II*\0"] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{url} keeps {secret:?}"
            );
        }
        if !url.ends_with("og.jpg") {
            let picture = image::load_from_memory(&bytes).unwrap().to_rgb8();
            assert_eq!(picture.dimensions(), (20, 40), "{url}");
            let (top, bottom) = (picture.get_pixel(10, 5).0, picture.get_pixel(10, 35).0);
            assert!(top[0] > 150 && top[2] < 100, "{url}: top {top:?}");
            assert!(
                bottom[2] > 150 && bottom[0] < 100,
                "{url}: bottom {bottom:?}"
            );
        }
    }
    // Files are stored without anything of the original either.
    let folder = site.state.config.media_root().join(&answer.id);
    for entry in std::fs::read_dir(folder).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(13).any(|w| w == b"SERIAL-SECRET"));
    }
}

#[tokio::test]
async fn what_is_not_a_whole_allowed_image_is_refused_with_a_clear_error() {
    let site = TestSite::new().await;
    let jpeg = encoded(DynamicImage::ImageRgb8(halves(64, 64)), Codec::Jpeg);
    // A bomb: a small file whose frame header declares 65,535 × 65,535 pixels.
    let mut bomb = jpeg.clone();
    let frame = bomb
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline frame");
    bomb[frame + 5..frame + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    // A real picture of a type that is not taken (GIF: a one-pixel file).
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec();
    for (bytes, status, words) in [
        (
            b"this is a text file, renamed to photo.jpg".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not a JPEG, PNG or WebP",
        ),
        (
            gif,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not a JPEG, PNG or WebP",
        ),
        (
            jpeg[..jpeg.len() / 2].to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "cannot be read",
        ),
        (bomb, StatusCode::UNPROCESSABLE_ENTITY, "4294836225 pixels"),
        (Vec::new(), StatusCode::UNPROCESSABLE_ENTITY, "empty"),
    ] {
        let message = assert_json_error(upload(&site, bytes, Some(TOKEN)).await, status).await;
        assert!(message.contains(words), "{message}");
    }
    assert_json_error(
        upload(&site, jpeg.clone(), None).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_json_error(
        upload(&site, jpeg, Some("wrong")).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused_declared_or_not() {
    let site = TestSite::configured(None, |config, _| config.max_upload_bytes = 4_000).await;
    let big = encoded(
        DynamicImage::ImageRgb8(RgbImage::from_fn(300, 300, |x, y| {
            Rgb([(x * 7) as u8, (y * 13) as u8, (x ^ y) as u8])
        })),
        Codec::Png,
    );
    assert!(big.len() > 4_000);
    let message = assert_json_error(
        upload(&site, big.clone(), Some(TOKEN)).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert!(message.contains("4000 bytes"), "{message}");
    let declared = Request::post(UPLOAD)
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .unwrap();
    let message =
        assert_json_error(site.request(declared).await, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert!(message.contains("4000 bytes"), "{message}");
}

#[tokio::test]
async fn articles_show_an_uploaded_picture_with_its_credit() {
    let site = TestSite::with_dist(Some(crate::common::SHELL)).await;
    let answer = uploaded(
        &site,
        encoded(DynamicImage::ImageRgb8(halves(1200, 800)), Codec::Jpeg),
    )
    .await;
    let article = |image: serde_json::Value, alt: Option<&str>| {
        json!({
            "lang": "en", "slug": "harbour-at-dawn", "category": "society", "title": "The harbour at dawn",
            "lead": "Boats return.", "body_html": "<p>The first boats came in at six.</p>", "author": "A. Reporter",
            "image": image, "image_alt": alt, "image_caption": "Boats at the pier", "image_credit": "Photo: A. Reporter",
        })
    };
    let message = assert_json_error(
        site.send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &article(json!(answer.id), None),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(message.contains("image_alt is required"), "{message}");
    let message = assert_json_error(
        site.send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &article(json!("0123456789abcdef0123"), Some("Boats")),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(
        message.contains("no image '0123456789abcdef0123'"),
        "{message}"
    );
    let created = site
        .send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &article(json!(answer.id), Some("Boats at the pier at dawn")),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let read: Article = site.get_json("/api/v1/articles/harbour-at-dawn").await;
    let image = read.summary.image.expect("the picture");
    assert_eq!((image.width, image.height), (1200, 800));
    assert_eq!(image.variants, answer.variants);
    assert_eq!(image.url, format!("/media/images/{}/960.jpg", answer.id));
    assert_eq!(image.credit.as_deref(), Some("Photo: A. Reporter"));
    assert_eq!(image.alt, "Boats at the pier at dawn");
    // The server's first screen shows the same picture files, caption and credit.
    let page = crate::common::body_text(site.get("/article/harbour-at-dawn").await).await;
    assert!(page.contains(&format!(
        "<source type=\"image/webp\" srcset=\"{}\"",
        image.srcset(ImageFormat::Webp)
    )));
    assert!(page.contains(
        "<figcaption>Boats at the pier<span class=\"figure__credit\">Photo: A. Reporter</span></figcaption>"
    ));
}

#[tokio::test]
async fn demo_art_is_served_through_the_same_variants_and_kept() {
    let site = TestSite::new().await;
    let article: Article = site.get_json(&format!("/api/v1/articles/{MEXICO}")).await;
    let image = article.summary.image.expect("demo art");
    assert_eq!((image.width, image.height), (1440, 810));
    assert_eq!(image.variants.len(), 6);
    let first = &image.variants[0];
    assert_eq!(first.format, ImageFormat::Webp);
    let response = site.get(&first.url).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "image/webp");
    let drawn = body_bytes(response).await;
    assert_eq!(image::load_from_memory(&drawn).unwrap().width(), 480);
    assert_eq!(
        body_bytes(site.get(&first.url).await).await,
        drawn,
        "kept, not drawn anew"
    );
    // Only the art's own sizes exist.
    let id = first.url.split('/').nth(3).unwrap();
    for missing in [
        format!("/media/images/{id}/481.jpg"),
        format!("/media/images/{id}/960.png"),
        "/media/images/art-1-999/480.jpg".into(),
        "/media/images/nothing/480.jpg".into(),
    ] {
        assert_eq!(
            site.get(&missing).await.status(),
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn an_article_without_a_picture_previews_as_a_card_with_its_headline() {
    let site = TestSite::with_dist(Some(crate::common::SHELL)).await;
    let preview_of = |html: &str| {
        let start = html
            .find("<meta property=\"og:image\" content=\"")
            .expect("og:image")
            + 35;
        html[start..start + html[start..].find('"').unwrap()].to_owned()
    };
    let mut previews = Vec::new();
    for (lang, title) in [
        ("ru", "Горсовет принял бюджет"),
        ("hy", "Քաղաքային խորհուրդը ընդունեց բյուջեն"),
        ("ru", "Горсовет отложил бюджет"),
    ] {
        let body = json!({
            "lang": lang, "slug": "council-budget", "category": "economy", "title": title,
            "lead": "…", "body_html": "<p>Text.</p>", "author": "Desk",
        });
        let existing = site
            .get(&format!("/api/v1/articles/council-budget?lang={lang}"))
            .await
            .status();
        let response = if existing == StatusCode::OK {
            site.send_json(
                "PUT",
                &format!("/api/v1/admin/articles/{lang}/council-budget"),
                Some(TOKEN),
                &body,
            )
            .await
        } else {
            site.send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &body)
                .await
        };
        assert!(response.status().is_success(), "{}", response.status());
        let html =
            crate::common::body_text(site.get(&format!("/{lang}/article/council-budget")).await)
                .await;
        let url = preview_of(&html);
        assert!(
            url.starts_with("https://gazette.test/media/images/card-") && url.ends_with("/og.jpg"),
            "{url}"
        );
        assert!(html.contains(&format!(
            "<meta property=\"og:image:alt\" content=\"{title}\">"
        )));
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        let jpeg = body_bytes(
            site.get(url.trim_start_matches("https://gazette.test"))
                .await,
        )
        .await;
        let card = image::load_from_memory_with_format(&jpeg, Codec::Jpeg)
            .expect("a JPEG")
            .to_rgb8();
        assert_eq!(card.dimensions(), (1200, 630));
        // The headline is drawn: light text on the dark card where the headline goes.
        let light = (230..330)
            .flat_map(|y| (100..1100).map(move |x| (x, y)))
            .filter(|&(x, y)| card.get_pixel(x, y).0.iter().all(|&c| c > 180))
            .count();
        assert!(light > 1_000, "{title}: {light} light pixels");
        previews.push(url);
    }
    previews.dedup();
    assert_eq!(previews.len(), 3, "a new headline is a new preview URL");
}

#[tokio::test]
async fn pictures_in_the_body_are_uploads_shown_with_every_size_and_their_caption() {
    let site = TestSite::new().await;
    let answer = uploaded(
        &site,
        encoded(DynamicImage::ImageRgb8(halves(1000, 600)), Codec::Png),
    )
    .await;
    let body = |html: String| {
        json!({
            "lang": "en", "slug": "flood-in-pictures", "category": "society", "title": "The flood in pictures",
            "lead": "Streets under water.", "body_html": html, "author": "A. Reporter",
        })
    };
    let post = |html: String| {
        let site = &site;
        async move {
            site.send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &body(html))
                .await
        }
    };
    // An id that was never uploaded, and an upload without alt text: the editor is told.
    let message = assert_json_error(
        post(
            "<p>Before.</p><img src=\"/media/images/0123456789abcdef0123/960.jpg\" alt=\"x\">"
                .into(),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(
        message.contains("'0123456789abcdef0123', which was not uploaded"),
        "{message}"
    );
    let message = assert_json_error(
        post(format!(
            "<p>Before.</p><img src=\"/media/images/{}/480.webp\">",
            answer.id
        ))
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(message.contains("has no alt text"), "{message}");

    // A figure with the origin in its URL and a caption; a picture inside a paragraph (as
    // rich-text editors write it); a picture from elsewhere and a hostile one, both dropped.
    let html = format!(
        "<p>Water rose overnight.</p>\
         <figure><img src=\"https://gazette.example/media/images/{id}/960.jpg\" alt=\"A flooded underpass\" onerror=\"alert(1)\">\
         <figcaption>The Nizami underpass at 7:00</figcaption></figure>\
         <p>By noon it was gone. <img src=\"/media/images/{id}/480.webp\" alt=\"The same underpass, dry\"></p>\
         <img src=\"https://tracker.example/pixel.gif\" alt=\"pixel\"><img src=x onerror=alert(2)>\
         <img src=\"javascript:alert(3)//media/images/{id}/960.jpg\" alt=\"j\">",
        id = answer.id
    );
    let created = post(html).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let read: Article = site.get_json("/api/v1/articles/flood-in-pictures").await;
    let kinds: Vec<&str> = read
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { .. } => "paragraph",
            Block::Image { .. } => "picture",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["paragraph", "picture", "paragraph", "picture"]);
    let pictures: Vec<&Image> = read
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Image { image } => Some(image),
            _ => None,
        })
        .collect();
    for picture in &pictures {
        assert_eq!((picture.width, picture.height), (1000, 600));
        assert_eq!(
            picture.variants, answer.variants,
            "every size of the upload"
        );
        assert_eq!(picture.url, format!("/media/images/{}/960.jpg", answer.id));
    }
    assert_eq!(pictures[0].alt, "A flooded underpass");
    assert_eq!(
        pictures[0].caption.as_deref(),
        Some("The Nizami underpass at 7:00")
    );
    assert_eq!(pictures[1].alt, "The same underpass, dry");
    assert_eq!(pictures[1].caption, None);
    let json = serde_json::to_string(&read.body).unwrap();
    for hostile in ["onerror", "javascript", "tracker.example", "alert"] {
        assert!(!json.contains(hostile), "{hostile} in {json}");
    }
    // Every file the body names is served.
    for variant in &answer.variants {
        assert_eq!(
            site.get(&variant.url).await.status(),
            StatusCode::OK,
            "{}",
            variant.url
        );
    }
}

#[tokio::test]
async fn the_same_file_uploaded_again_is_the_same_picture() {
    let site = TestSite::new().await;
    let file = encoded(DynamicImage::ImageRgb8(halves(640, 480)), Codec::Jpeg);
    let first = uploaded(&site, file.clone()).await;
    // With every picture worker busy, the same file is answered at once: it is not decoded
    // and encoded again.
    let workers = site.state.image_work.available_permits() as u32;
    let _busy = site.state.image_work.acquire_many(workers).await.unwrap();
    let again = tokio::time::timeout(std::time::Duration::from_secs(5), uploaded(&site, file))
        .await
        .expect("answered without picture work");
    assert_eq!(first, again);
    let stored = crate::common::stored_number(
        &site.state.config,
        "SELECT COUNT(*) FROM images WHERE id <> $1",
        "",
    )
    .await;
    assert_eq!(stored, 1, "one picture, made once");
}

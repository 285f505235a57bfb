//! Article pictures: what an editor uploads is checked, turned upright, stripped of every
//! piece of metadata and made into the sizes pages use ([`process`]); the demo content's
//! generated art goes through the same variants ([`art`]). The server stores and serves the
//! files; this crate only turns bytes into bytes (its own crate so that it is optimized even
//! in debug builds: see the workspace's dev profile).
//!
//! An image is known by an id made from its bytes, and each variant by a URL under
//! `/media/images/{id}/`, so every URL names one content for ever (served immutable).

pub mod art;
pub mod card;
pub mod process;

use gazette_api_types::{ImageFormat, ImageVariant};

/// Widths of the variants pages choose from (`srcset`), for phones up to wide screens.
pub const VARIANT_WIDTHS: [u32; 3] = [480, 960, 1440];
/// Size of the link-preview picture messengers and social sites show (`og:image`).
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);
/// The variant a page without `srcset` support (and a feed reader) gets.
pub const FALLBACK_WIDTH: u32 = 960;

/// Where a variant of image `id` is served.
pub fn variant_url(id: &str, width: u32, format: ImageFormat) -> String {
    format!("/media/images/{id}/{width}.{}", extension(format))
}

/// Where the link-preview JPEG of image `id` is served.
pub fn preview_url(id: &str) -> String {
    format!("/media/images/{id}/og.jpg")
}

/// Every variant of an image with the given widths, WebP first (pages offer it first).
pub fn variants(id: &str, widths: &[u32]) -> Vec<ImageVariant> {
    [ImageFormat::Webp, ImageFormat::Jpeg]
        .into_iter()
        .flat_map(|format| {
            widths.iter().map(move |&width| ImageVariant {
                url: variant_url(id, width, format),
                width,
                format,
            })
        })
        .collect()
}

/// The JPEG variant closest to [`FALLBACK_WIDTH`] from above (else the largest).
pub fn fallback_url(id: &str, widths: &[u32]) -> String {
    let width = widths
        .iter()
        .copied()
        .filter(|&width| width >= FALLBACK_WIDTH)
        .min()
        .or_else(|| widths.iter().copied().max())
        .unwrap_or(FALLBACK_WIDTH);
    variant_url(id, width, ImageFormat::Jpeg)
}

/// The file name extension of a variant format.
pub fn extension(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Webp => "webp",
    }
}

/// The `Content-Type` of a variant format.
pub fn mime(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Webp => "image/webp",
    }
}

/// The widths of an image `width` pixels wide: the standard widths it covers, and its own
/// width on top when it is narrower than the largest (never an upscaled variant).
pub fn widths_for(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = VARIANT_WIDTHS
        .iter()
        .copied()
        .filter(|&standard| standard <= width)
        .collect();
    if widths.last() != Some(&width) && width < VARIANT_WIDTHS[VARIANT_WIDTHS.len() - 1] {
        widths.push(width);
    }
    widths
}

/// A variant's file inside an image's folder, from a request's file name (`960.webp`,
/// `og.jpg`); `None` for any other name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariantFile {
    Sized(u32, ImageFormat),
    Preview,
}

impl VariantFile {
    /// Reads a file name as served.
    pub fn parse(name: &str) -> Option<VariantFile> {
        if name == "og.jpg" {
            return Some(VariantFile::Preview);
        }
        let (width, ext) = name.split_once('.')?;
        let format = match ext {
            "jpg" => ImageFormat::Jpeg,
            "webp" => ImageFormat::Webp,
            _ => return None,
        };
        if width.is_empty() || width.len() > 5 || !width.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(VariantFile::Sized(width.parse().ok()?, format))
    }

    /// The file's name in the store and in URLs.
    pub fn name(self) -> String {
        match self {
            VariantFile::Sized(width, format) => format!("{width}.{}", extension(format)),
            VariantFile::Preview => "og.jpg".to_owned(),
        }
    }

    /// Its `Content-Type`.
    pub fn mime(self) -> &'static str {
        match self {
            VariantFile::Sized(_, format) => mime(format),
            VariantFile::Preview => mime(ImageFormat::Jpeg),
        }
    }
}

/// Whether `id` has the shape of an image id (uploaded or generated art).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(widths_for(4000), vec![480, 960, 1440]);
        assert_eq!(widths_for(1440), vec![480, 960, 1440]);
        assert_eq!(widths_for(1000), vec![480, 960, 1000]);
        assert_eq!(widths_for(300), vec![300]);
        assert_eq!(
            fallback_url("a", &[480, 960, 1000]),
            "/media/images/a/960.jpg"
        );
        assert_eq!(fallback_url("a", &[300]), "/media/images/a/300.jpg");
    }

    #[test]
    fn file_names_round_trip_and_nothing_else_parses() {
        for file in [
            VariantFile::Sized(480, ImageFormat::Webp),
            VariantFile::Sized(1440, ImageFormat::Jpeg),
            VariantFile::Preview,
        ] {
            assert_eq!(VariantFile::parse(&file.name()), Some(file));
        }
        for name in [
            "",
            "960",
            "960.png",
            "../x.jpg",
            "-1.jpg",
            "999999.jpg",
            "og.webp",
            "9 6.jpg",
        ] {
            assert_eq!(VariantFile::parse(name), None, "{name}");
        }
        assert!(is_valid_id("art-12-1") && is_valid_id("0af3"));
        assert!(!is_valid_id("../etc") && !is_valid_id("") && !is_valid_id("A"));
    }
}

//! From an editor's upload to stored variants: the bytes must decode as a JPEG, PNG or WebP
//! (recognised by content, never by name or `Content-Type`) within a pixel limit checked
//! before decoding (a decompression bomb declares a huge size in a small file); the picture
//! is turned upright by its EXIF orientation, and every variant is encoded afresh from the
//! pixels, so nothing of the original's metadata (GPS position, camera serial numbers,
//! comments) survives.

use std::io::Cursor;

use image::imageops::{self, FilterType};
use image::{DynamicImage, ImageDecoder, ImageFormat as Codec, ImageReader, Limits, RgbImage};
use sha2::{Digest, Sha256};

use super::{widths_for, VariantFile, PREVIEW_SIZE};
use gazette_api_types::ImageFormat;

/// Most pixels an upload may have (about a 50-megapixel camera).
pub const MAX_PIXELS: u64 = 50_000_000;
/// JPEG quality of variants and the link preview.
const JPEG_QUALITY: u8 = 80;
/// WebP quality of variants (lossy).
const WEBP_QUALITY: f32 = 75.0;

/// Why an upload is refused, each with the message the editor reads.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Rejection {
    #[error("the file is not a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("the image has {pixels} pixels; at most {MAX_PIXELS} are accepted")]
    TooManyPixels { pixels: u64 },
    #[error("the image cannot be read (damaged or incomplete): {0}")]
    Broken(String),
}

/// An upload made ready to store: its id, upright size and every file to write.
#[derive(Debug)]
pub struct Processed {
    pub id: String,
    pub width: u32,
    pub height: u32,
    pub widths: Vec<u32>,
    pub files: Vec<(VariantFile, Vec<u8>)>,
}

/// Checks, decodes, turns upright and makes every variant of an upload (CPU-bound: run it
/// off the async threads).
pub fn ingest(bytes: &[u8]) -> Result<Processed, Rejection> {
    let picture = decode(bytes)?;
    let id = id_of(bytes);
    let (width, height) = (picture.width(), picture.height());
    let widths = widths_for(width);
    let files = encode_all(&picture, &widths)?;
    Ok(Processed {
        id,
        width,
        height,
        widths,
        files,
    })
}

/// The id of an upload: from its bytes, so the same file uploaded twice is one image.
pub fn id_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..10]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The upright pixels of an accepted upload.
pub fn decode(bytes: &[u8]) -> Result<RgbImage, Rejection> {
    let reader = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|error| Rejection::Broken(error.to_string()))
    };
    let codec = reader()?.format();
    if !matches!(codec, Some(Codec::Jpeg | Codec::Png | Codec::WebP)) {
        return Err(Rejection::NotAnImage);
    }
    let (width, height) = reader()?
        .into_dimensions()
        .map_err(|error| Rejection::Broken(error.to_string()))?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS || pixels == 0 {
        return Err(Rejection::TooManyPixels { pixels });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(pixels * 8 + (64 << 20));
    let mut reader = reader()?;
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|error| Rejection::Broken(error.to_string()))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder)
        .map_err(|error| Rejection::Broken(error.to_string()))?;
    picture.apply_orientation(orientation);
    Ok(flatten(picture))
}

/// RGB pixels, a transparent background made white (JPEG has no alpha; pages are white).
fn flatten(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u16::from(from[3]);
        for channel in 0..3 {
            let value = (u16::from(from[channel]) * alpha + 255 * (255 - alpha)) / 255;
            to[channel] = value as u8;
        }
    }
    rgb
}

/// Every sized variant (WebP and JPEG) and the link preview of upright pixels. Each
/// smaller width is scaled from the next larger one: fewer pixels to read, same quality.
pub fn encode_all(
    picture: &RgbImage,
    widths: &[u32],
) -> Result<Vec<(VariantFile, Vec<u8>)>, Rejection> {
    let mut files = Vec::with_capacity(widths.len() * 2 + 1);
    let mut source = std::borrow::Cow::Borrowed(picture);
    let mut sorted = widths.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    for width in sorted {
        let scaled = scale_to_width(&source, width);
        files.push((VariantFile::Sized(width, ImageFormat::Jpeg), jpeg(&scaled)?));
        files.push((VariantFile::Sized(width, ImageFormat::Webp), webp(&scaled)?));
        source = std::borrow::Cow::Owned(scaled);
    }
    files.push((VariantFile::Preview, jpeg(&cover(picture, PREVIEW_SIZE))?));
    Ok(files)
}

/// One variant of upright pixels (for art made on demand).
pub fn encode_one(picture: &RgbImage, file: VariantFile) -> Result<Vec<u8>, Rejection> {
    match file {
        VariantFile::Sized(width, format) => {
            let scaled = scale_to_width(picture, width);
            match format {
                ImageFormat::Jpeg => jpeg(&scaled),
                ImageFormat::Webp => webp(&scaled),
            }
        }
        VariantFile::Preview => jpeg(&cover(picture, PREVIEW_SIZE)),
    }
}

/// `picture` scaled to `width`, keeping its proportions.
fn scale_to_width(picture: &RgbImage, width: u32) -> RgbImage {
    if picture.width() == width {
        return picture.clone();
    }
    let height =
        (u64::from(picture.height()) * u64::from(width) / u64::from(picture.width())).max(1) as u32;
    imageops::resize(picture, width, height, FilterType::Triangle)
}

/// `picture` scaled to fill `size` and cropped to it around the centre.
fn cover(picture: &RgbImage, (width, height): (u32, u32)) -> RgbImage {
    let scale = f64::max(
        f64::from(width) / f64::from(picture.width()),
        f64::from(height) / f64::from(picture.height()),
    );
    let scaled_width = ((f64::from(picture.width()) * scale).ceil() as u32).max(width);
    let scaled_height = ((f64::from(picture.height()) * scale).ceil() as u32).max(height);
    let scaled = imageops::resize(picture, scaled_width, scaled_height, FilterType::Triangle);
    let (x, y) = ((scaled_width - width) / 2, (scaled_height - height) / 2);
    imageops::crop_imm(&scaled, x, y, width, height).to_image()
}

fn jpeg(picture: &RgbImage) -> Result<Vec<u8>, Rejection> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(picture)
        .map_err(|error| Rejection::Broken(error.to_string()))?;
    Ok(out)
}

fn webp(picture: &RgbImage) -> Result<Vec<u8>, Rejection> {
    let encoded = webp::Encoder::from_rgb(picture.as_raw(), picture.width(), picture.height())
        .encode_simple(false, WEBP_QUALITY)
        .map_err(|error| Rejection::Broken(format!("{error:?}")))?;
    Ok(encoded.to_vec())
}

//! The demo content's pictures: an abstract illustration drawn from each story's id (a
//! two-tone gradient, soft circles, a light band), as pixels, so it goes through the same
//! variants, formats and link preview as an uploaded photo. A variant is drawn the first
//! time it is asked for and then kept in the store like any other.

use image::{Rgb, RgbImage};

use super::VariantFile;

/// The art's proportions (16:9), at the largest variant's width.
pub const ART_SIZE: (u32, u32) = (1440, 810);
/// Bumped when the drawing changes, so its URLs (cached for ever) change too.
const ART_VERSION: u32 = 1;

/// The image id of story `story_id`'s art.
pub fn id_for_story(story_id: i64) -> String {
    format!("art-{story_id}-{ART_VERSION}")
}

/// The story whose art `id` is, if it is an art id of the current version.
pub fn story_of(id: &str) -> Option<i64> {
    let rest = id.strip_prefix("art-")?;
    let (story, version) = rest.rsplit_once('-')?;
    (version.parse::<u32>().ok()? == ART_VERSION).then_some(())?;
    story.parse().ok().filter(|story: &i64| *story >= 0)
}

/// Widest the art is drawn pixel by pixel; larger files are scaled up from it (soft shapes
/// and gradients lose nothing), which keeps drawing cheap even in a debug build.
const DRAWN_WIDTH: u32 = 480;

/// The pixels `file` of story `story_id`'s art is made from, at the file's size: the art's
/// proportions, or the preview's (cropped, not squeezed).
pub fn draw_for(story_id: i64, file: VariantFile) -> RgbImage {
    let (width, height) = match file {
        VariantFile::Sized(width, _) => {
            let width = width.min(ART_SIZE.0);
            (width, width * ART_SIZE.1 / ART_SIZE.0)
        }
        VariantFile::Preview => super::PREVIEW_SIZE,
    };
    let drawn_width = width.min(DRAWN_WIDTH);
    let drawn = draw(story_id, drawn_width, (height * drawn_width / width).max(1));
    if drawn_width == width {
        drawn
    } else {
        image::imageops::resize(&drawn, width, height, image::imageops::FilterType::Triangle)
    }
}

/// Story `story_id`'s art drawn at `width` × `height`, laid out on the 1440 × 810 canvas
/// and scaled to cover the size asked for.
pub fn draw(story_id: i64, width: u32, height: u32) -> RgbImage {
    let mut seed = (story_id as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(0x2545_F491);
    let mut next = |range: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % range
    };
    let (canvas_w, canvas_h) = (f64::from(ART_SIZE.0), f64::from(ART_SIZE.1));
    let scale = f64::max(f64::from(width) / canvas_w, f64::from(height) / canvas_h);
    let (offset_x, offset_y) = (
        (canvas_w * scale - f64::from(width)) / 2.0,
        (canvas_h * scale - f64::from(height)) / 2.0,
    );
    let hue = next(360) as f64;
    let hue2 = ((hue as u64 + 30 + next(60)) % 360) as f64;
    let from = hsl(hue, 0.50, 0.32);
    let to = hsl(hue2, 0.55, 0.52);
    let mut picture = RgbImage::from_fn(width, height, |x, y| {
        let along = ((f64::from(x) + offset_x) / (canvas_w * scale)
            + (f64::from(y) + offset_y) / (canvas_h * scale))
            / 2.0;
        Rgb(mix(from, to, along.clamp(0.0, 1.0)))
    });
    for _ in 0..5 {
        let (cx, cy) = (
            next(u64::from(ART_SIZE.0)) as f64,
            next(u64::from(ART_SIZE.1)) as f64,
        );
        let radius = (60 + next(220)) as f64;
        let light = (55 + next(30)) as f64 / 100.0;
        let colour = hsl(hue2, 0.45, light);
        let (cx, cy, radius) = (cx * scale - offset_x, cy * scale - offset_y, radius * scale);
        blend_circle(&mut picture, (cx, cy, radius), colour, 0.35);
    }
    let band = (next(u64::from(ART_SIZE.1) / 2) + u64::from(ART_SIZE.1) / 4) as f64;
    let (top, bottom) = (band * scale - offset_y, (band + 6.0) * scale - offset_y);
    for y in (top.max(0.0) as u32)..(bottom.max(0.0) as u32).min(height) {
        for x in 0..width {
            let pixel = picture.get_pixel_mut(x, y);
            pixel.0 = mix(pixel.0, [255, 255, 255], 0.25);
        }
    }
    picture
}

fn blend_circle(
    picture: &mut RgbImage,
    (cx, cy, radius): (f64, f64, f64),
    colour: [u8; 3],
    alpha: f64,
) {
    let (width, height) = (picture.width() as f64, picture.height() as f64);
    let x0 = (cx - radius).floor().clamp(0.0, width) as u32;
    let x1 = (cx + radius).ceil().clamp(0.0, width) as u32;
    let y0 = (cy - radius).floor().clamp(0.0, height) as u32;
    let y1 = (cy + radius).ceil().clamp(0.0, height) as u32;
    for y in y0..y1 {
        for x in x0..x1 {
            let (dx, dy) = (f64::from(x) + 0.5 - cx, f64::from(y) + 0.5 - cy);
            // One pixel of soft edge, so the circle is not jagged.
            let coverage = (radius - (dx * dx + dy * dy).sqrt() + 0.5).clamp(0.0, 1.0);
            if coverage > 0.0 {
                let pixel = picture.get_pixel_mut(x, y);
                pixel.0 = mix(pixel.0, colour, alpha * coverage);
            }
        }
    }
}

fn mix(from: [u8; 3], to: [u8; 3], amount: f64) -> [u8; 3] {
    let channel =
        |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * amount).round() as u8;
    [
        channel(from[0], to[0]),
        channel(from[1], to[1]),
        channel(from[2], to[2]),
    ]
}

/// HSL (hue in degrees, saturation and lightness 0–1) as RGB.
fn hsl(hue: f64, saturation: f64, lightness: f64) -> [u8; 3] {
    let chroma = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let sector = hue / 60.0;
    let x = chroma * (1.0 - (sector % 2.0 - 1.0).abs());
    let (r, g, b) = match sector as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = lightness - chroma / 2.0;
    let to_byte = |value: f64| ((value + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [to_byte(r), to_byte(g), to_byte(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_ids_name_their_story_and_version() {
        assert_eq!(story_of(&id_for_story(17)), Some(17));
        assert_eq!(story_of("art-17-0"), None);
        assert_eq!(story_of("art--1-1"), None);
        assert_eq!(story_of("0af3"), None);
    }

    #[test]
    fn the_same_story_draws_the_same_picture_at_every_size() {
        let small = draw(3, 480, 270);
        assert_eq!(small, draw(3, 480, 270));
        assert_ne!(small, draw(4, 480, 270));
        assert_eq!(draw_for(3, VariantFile::Preview).dimensions(), (1200, 630));
        let corner = small.get_pixel(0, 0).0;
        let large = draw(3, 1440, 810);
        let large_corner = large.get_pixel(1, 1).0;
        assert!(corner
            .iter()
            .zip(large_corner)
            .all(|(a, b)| a.abs_diff(b) < 12));
    }
}

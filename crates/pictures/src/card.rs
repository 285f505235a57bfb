//! The link preview of an article that has no picture: a 1200 × 630 card with the site's
//! name, the section and the headline, drawn with DejaVu Sans (embedded; it has Latin,
//! Cyrillic and Armenian), so a link pasted into a messenger always shows something.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use image::{Rgb, RgbImage};
use sha2::{Digest, Sha256};

use super::PREVIEW_SIZE;

/// Bumped when the card's drawing changes, so its URLs (cached for ever) change too.
const CARD_VERSION: &str = "1";
const BACKGROUND: [u8; 3] = [0x11, 0x13, 0x18];
const ACCENT: [u8; 3] = [0x8c, 0xc4, 0xff];
const TEXT: [u8; 3] = [0xe9, 0xeb, 0xef];
const MARGIN: f32 = 72.0;
/// Most headline lines; a longer headline is shortened with "…".
const MAX_LINES: usize = 5;

/// What a card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardText<'a> {
    pub site: &'a str,
    pub section: &'a str,
    pub headline: &'a str,
}

/// The image id of the card with these texts: a new headline is a new URL.
pub fn id_for(text: &CardText<'_>) -> String {
    let digest =
        Sha256::digest([CARD_VERSION, text.site, text.section, text.headline].join("\u{1f}"));
    let hex: String = digest[..10]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("card-{hex}")
}

/// Whether `id` names a card.
pub fn is_card(id: &str) -> bool {
    id.starts_with("card-")
}

fn regular() -> Option<FontRef<'static>> {
    FontRef::try_from_slice(dejavu::sans::regular()).ok()
}

fn bold() -> Option<FontRef<'static>> {
    FontRef::try_from_slice(dejavu::sans::bold()).ok()
}

/// Draws the card: the site's name and the section at the top, the headline below, as large
/// as fits in [`MAX_LINES`] lines.
pub fn draw(text: &CardText<'_>) -> RgbImage {
    let (width, height) = PREVIEW_SIZE;
    let mut card = RgbImage::from_pixel(width, height, Rgb(BACKGROUND));
    let (Some(regular), Some(bold)) = (regular(), bold()) else {
        return card;
    };
    // A band in the accent colour down the left edge.
    for y in 0..height {
        for x in 0..16 {
            card.put_pixel(x, y, Rgb(ACCENT));
        }
    }
    let usable = width as f32 - 2.0 * MARGIN;
    draw_line(
        &mut card,
        &bold,
        40.0,
        MARGIN,
        MARGIN + 40.0,
        text.site,
        TEXT,
    );
    draw_line(
        &mut card,
        &regular,
        32.0,
        MARGIN,
        MARGIN + 96.0,
        text.section,
        ACCENT,
    );
    let top = MARGIN + 150.0;
    let room = height as f32 - top - MARGIN;
    let (size, lines) = [68.0f32, 60.0, 52.0, 46.0]
        .into_iter()
        .map(|size| (size, wrap(&bold, size, text.headline, usable)))
        .find(|(size, lines)| lines.len() as f32 * size * 1.2 <= room)
        .unwrap_or_else(|| {
            let size = 46.0;
            let mut lines = wrap(&bold, size, text.headline, usable);
            let fit = ((room / (size * 1.2)) as usize).clamp(1, MAX_LINES);
            if lines.len() > fit {
                lines.truncate(fit);
                if let Some(last) = lines.last_mut() {
                    *last = shorten(&bold, size, last, usable);
                }
            }
            (size, lines)
        });
    for (index, line) in lines.iter().enumerate() {
        let baseline = top + size + index as f32 * size * 1.2;
        draw_line(&mut card, &bold, size, MARGIN, baseline, line, TEXT);
    }
    card
}

/// Width of `text` at `size` pixels.
fn width_of(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut width = 0.0;
    let mut previous = None;
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(previous) = previous {
            width += scaled.kern(previous, id);
        }
        width += scaled.h_advance(id);
        previous = Some(id);
    }
    width
}

/// `text` in lines no wider than `max_width` (a word wider than a line is cut).
fn wrap(font: &FontRef<'_>, size: f32, text: &str, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width_of(font, size, &candidate) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = if width_of(font, size, word) <= max_width {
            word.to_owned()
        } else {
            shorten(font, size, word, max_width)
        };
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to fit `max_width` with "…" at its end.
fn shorten(font: &FontRef<'_>, size: f32, text: &str, max_width: f32) -> String {
    let mut kept: String = text.to_owned();
    while !kept.is_empty() && width_of(font, size, &format!("{kept}…")) > max_width {
        kept.pop();
    }
    format!("{}…", kept.trim_end())
}

/// Draws one line of text with its baseline at `baseline`, blending each glyph's coverage.
fn draw_line(
    card: &mut RgbImage,
    font: &FontRef<'_>,
    size: f32,
    left: f32,
    baseline: f32,
    text: &str,
    colour: [u8; 3],
) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut caret = left;
    let mut previous = None;
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(previous) = previous {
            caret += scaled.kern(previous, id);
        }
        let glyph = id.with_scale_and_position(scale, point(caret, baseline));
        caret += scaled.h_advance(id);
        previous = Some(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|x, y, coverage| {
            let (px, py) = (
                bounds.min.x as i64 + i64::from(x),
                bounds.min.y as i64 + i64::from(y),
            );
            if px < 0 || py < 0 || px >= i64::from(card.width()) || py >= i64::from(card.height()) {
                return;
            }
            let pixel = card.get_pixel_mut(px as u32, py as u32);
            for channel in 0..3 {
                let (from, to) = (f32::from(pixel[channel]), f32::from(colour[channel]));
                pixel[channel] = (from + (to - from) * coverage.clamp(0.0, 1.0)).round() as u8;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many pixels of the card are (mostly) the text colour inside a box.
    fn text_pixels(card: &RgbImage, rows: std::ops::Range<u32>) -> usize {
        rows.flat_map(|y| (100..1100).map(move |x| (x, y)))
            .filter(|&(x, y)| card.get_pixel(x, y).0.iter().all(|&c| c > 200))
            .count()
    }

    #[test]
    fn every_script_draws_real_glyphs() {
        let font = bold().expect("the embedded font");
        for text in ["Budget", "Бюджет", "Բյուջե"] {
            let scaled = font.as_scaled(PxScale::from(40.0));
            assert!(
                text.chars().all(|ch| scaled.glyph_id(ch).0 != 0),
                "{text} has glyphs"
            );
        }
        for headline in [
            "City council passes the budget",
            "Горсовет принял бюджет",
            "Քաղաքային խորհուրդը ընդունեց բյուջեն",
        ] {
            let card = draw(&CardText {
                site: "Gazette",
                section: "Economy",
                headline,
            });
            assert_eq!(card.dimensions(), (1200, 630));
            assert!(
                text_pixels(&card, 230..330) > 2_000,
                "{headline}: the headline is drawn"
            );
        }
    }

    #[test]
    fn long_headlines_wrap_and_stay_inside_the_card() {
        let long = "word ".repeat(80);
        let card = draw(&CardText {
            site: "Gazette",
            section: "World",
            headline: &long,
        });
        // Nothing is drawn into the bottom margin.
        for y in 600..630 {
            for x in 0..1200 {
                assert_eq!(
                    card.get_pixel(x, y).0,
                    if x < 16 { ACCENT } else { BACKGROUND }
                );
            }
        }
        let font = bold().unwrap();
        let lines = wrap(&font, 46.0, &long, 1056.0);
        assert!(
            lines.len() > 5
                && lines
                    .iter()
                    .all(|line| width_of(&font, 46.0, line) <= 1056.0)
        );
        assert!(shorten(&font, 46.0, &"x".repeat(500), 300.0).ends_with('…'));
    }

    #[test]
    fn new_texts_get_new_ids() {
        let text = CardText {
            site: "Gazette",
            section: "World",
            headline: "A",
        };
        let id = id_for(&text);
        assert!(is_card(&id) && crate::is_valid_id(&id), "{id}");
        assert_eq!(id, id_for(&text.clone()));
        assert_ne!(
            id,
            id_for(&CardText {
                headline: "B",
                ..text
            })
        );
    }
}

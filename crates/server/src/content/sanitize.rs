//! Turns untrusted HTML from editors (and demo content) into the contract's typed blocks.
//!
//! This is an allowlist converter, not a cleaner: only paragraphs, subheadings, quotes, lists,
//! bold, italic, safe links and pictures the newsroom uploaded become blocks; every other
//! element is unwrapped to its text or, for scripts, styles, frames and other active content,
//! dropped with its text. Attributes other than a link's `href` and a picture's `src` and `alt`
//! are never read, and links keep only `http`, `https`, `mailto` and site-relative targets
//! ([`safe_href`], the contract's one link allowlist). The result cannot carry script,
//! whatever the input.
//!
//! A picture is an `<img>` (alone or in a `<figure>` with a `<figcaption>`) whose `src` is one
//! of the URLs `POST /api/v1/admin/images` answered (`/media/images/{id}/…`, with or without
//! the site's origin). It becomes a [`Block::Image`] with every variant of that upload; any
//! other `<img>` is dropped, as it always was.

use std::collections::HashMap;

use gazette_api_types::links::safe_href;
use gazette_api_types::{Block, Image, Inline};
use scraper::{ElementRef, Html, Node, Selector};

/// Uploaded pictures a body may show, by image id: each with its size and variants, without
/// alt text and caption (the body's HTML gives those).
pub type UploadedPictures = HashMap<String, Image>;

/// Elements whose content is dropped entirely, text and all.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "template",
    "noscript", "svg", "math", "form", "input", "button", "select", "textarea", "canvas", "audio",
    "video", "head", "title", "meta", "link", "base",
];

/// Blocks converted from HTML, with their plain text (for search and reading time).
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    pub blocks: Vec<Block>,
    pub text: String,
    /// Ids of uploaded pictures that were given no alt text (an editor must describe them).
    pub pictures_without_alt: Vec<String>,
}

/// Converts an HTML fragment into blocks; see the module documentation for what survives.
/// Every `<img>` is dropped: for content that cannot show uploaded pictures (demo content).
pub fn html_to_blocks(html: &str) -> Converted {
    html_to_blocks_with_pictures(html, &UploadedPictures::new())
}

/// The image ids of the uploaded-picture URLs in the fragment's `<img src>`s, in order, each
/// once: what [`html_to_blocks_with_pictures`] needs looked up.
pub fn picture_ids(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut ids: Vec<String> = Vec::new();
    if let Ok(images) = Selector::parse("img[src]") {
        for image in fragment.select(&images) {
            if let Some(id) = image.value().attr("src").and_then(uploaded_picture_id) {
                if !ids.iter().any(|known| known == id) {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    ids
}

/// The image id in an uploaded picture's URL: `/media/images/{id}/{file}`, optionally after
/// an `http(s)://host` origin.
fn uploaded_picture_id(src: &str) -> Option<&str> {
    let src = src.trim();
    let path = match src.split_once("://") {
        Some(("http" | "https", rest)) => &rest[rest.find('/')?..],
        Some(_) => return None,
        None => src,
    };
    let rest = path.strip_prefix("/media/images/")?;
    let (id, file) = rest.split_once('/')?;
    (crate::images::is_valid_id(id) && !file.is_empty() && !file.contains('/')).then_some(id)
}

/// Converts an HTML fragment into blocks, keeping the `<img>`s of `pictures` as picture blocks.
pub fn html_to_blocks_with_pictures(html: &str, pictures: &UploadedPictures) -> Converted {
    let fragment = Html::parse_fragment(html);
    let mut converter = Converter::new(pictures);
    converter.walk_blocks(fragment.root_element());
    converter.flush_loose();
    let text = converter
        .blocks
        .iter()
        .map(block_text)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Converted {
        blocks: converter.blocks,
        text,
        pictures_without_alt: converter.pictures_without_alt,
    }
}

/// Plain text with control characters removed and white space folded: for titles, leads,
/// names and every other one-line field.
pub fn clean_text(text: &str) -> String {
    text.split(|ch: char| ch.is_whitespace() || is_unwritable(ch))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Characters no text of the site keeps: control characters and Unicode noncharacters
/// (U+FDD0–U+FDEF and the last two of every plane, e.g. U+FFFE), which XML forbids and no
/// writer means.
fn is_unwritable(ch: char) -> bool {
    let code = u32::from(ch);
    ch.is_control() || (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

struct Converter<'p> {
    blocks: Vec<Block>,
    /// Inline content met outside any block element, gathered into one paragraph.
    loose: Vec<Inline>,
    pictures: &'p UploadedPictures,
    pictures_without_alt: Vec<String>,
}

#[derive(Clone, Copy, Default)]
struct Marks<'a> {
    bold: bool,
    italic: bool,
    href: Option<&'a str>,
}

impl<'p> Converter<'p> {
    fn new(pictures: &'p UploadedPictures) -> Converter<'p> {
        Converter {
            blocks: Vec::new(),
            loose: Vec::new(),
            pictures,
            pictures_without_alt: Vec::new(),
        }
    }

    /// A picture block for an `<img>` of an uploaded picture, with `caption`; `None` for any
    /// other `<img>`.
    fn picture(&mut self, img: ElementRef<'_>, caption: Option<String>) -> Option<Block> {
        let id = img.value().attr("src").and_then(uploaded_picture_id)?;
        let uploaded = self.pictures.get(id)?;
        let alt = clean_text(img.value().attr("alt").unwrap_or_default());
        if alt.is_empty() {
            self.pictures_without_alt.push(id.to_owned());
        }
        Some(Block::Image {
            image: Image {
                alt,
                caption: caption.filter(|caption| !caption.is_empty()),
                ..uploaded.clone()
            },
        })
    }

    fn walk_blocks(&mut self, parent: ElementRef<'_>) {
        for child in parent.children() {
            match child.value() {
                Node::Text(text) => push_text(&mut self.loose, text, Marks::default()),
                Node::Element(_) => {
                    let Some(element) = ElementRef::wrap(child) else {
                        continue;
                    };
                    self.element_block(element);
                }
                _ => {}
            }
        }
    }

    fn element_block(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if DROPPED.contains(&name) {
            return;
        }
        match name {
            "p" => {
                self.flush_loose();
                self.push_paragraph(inlines_of(element));
                // Rich-text editors put pictures inside paragraphs: they follow the text.
                if let Ok(images) = Selector::parse("img") {
                    for img in element.select(&images) {
                        if let Some(picture) = self.picture(img, None) {
                            self.blocks.push(picture);
                        }
                    }
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush_loose();
                let text = plain_text_of(element);
                if !text.is_empty() {
                    let level = if matches!(name, "h1" | "h2") { 2 } else { 3 };
                    self.blocks.push(Block::Heading { level, text });
                }
            }
            "blockquote" => {
                self.flush_loose();
                let mut inlines = Vec::new();
                collect_inlines(element, Marks::default(), &mut inlines, true);
                let inlines = tidy(inlines);
                if !inlines.is_empty() {
                    self.blocks.push(Block::Quote {
                        inlines,
                        cite: None,
                    });
                }
            }
            "ul" | "ol" => {
                self.flush_loose();
                let items: Vec<Vec<Inline>> = element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|item| item.value().name() == "li")
                    .map(inlines_of)
                    .filter(|inlines| !inlines.is_empty())
                    .collect();
                if !items.is_empty() {
                    self.blocks.push(Block::List {
                        ordered: name == "ol",
                        items,
                    });
                }
            }
            "figure" => {
                self.flush_loose();
                let caption = element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .find(|child| child.value().name() == "figcaption")
                    .map(plain_text_of);
                let picture = Selector::parse("img").ok().and_then(|images| {
                    element
                        .select(&images)
                        .find_map(|img| self.picture(img, caption.clone()))
                });
                match picture {
                    Some(picture) => self.blocks.push(picture),
                    None => {
                        self.walk_blocks(element);
                        self.flush_loose();
                    }
                }
            }
            "img" => {
                self.flush_loose();
                if let Some(picture) = self.picture(element, None) {
                    self.blocks.push(picture);
                }
            }
            "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "body"
            | "html" | "center" | "table" | "tbody" | "thead" | "tr" | "td" | "th" | "dl"
            | "dd" | "dt" | "li" | "figcaption" | "nav" | "details" | "summary" | "pre" => {
                self.flush_loose();
                self.walk_blocks(element);
                self.flush_loose();
            }
            "hr" => self.flush_loose(),
            "br" => push_text(&mut self.loose, " ", Marks::default()),
            _ => collect_inlines(element, Marks::default(), &mut self.loose, false),
        }
    }

    fn push_paragraph(&mut self, inlines: Vec<Inline>) {
        if !inlines.is_empty() {
            self.blocks.push(Block::Paragraph { inlines });
        }
    }

    fn flush_loose(&mut self) {
        let loose = tidy(std::mem::take(&mut self.loose));
        self.push_paragraph(loose);
    }
}

/// The text a reader sees of `element` on one line: without the text of dropped elements
/// (a `<script>` inside a heading shows nothing).
fn plain_text_of(element: ElementRef<'_>) -> String {
    let text: String = inlines_of(element)
        .into_iter()
        .map(|inline| inline.text)
        .collect();
    clean_text(&text)
}

fn inlines_of(element: ElementRef<'_>) -> Vec<Inline> {
    let mut inlines = Vec::new();
    collect_inlines(element, Marks::default(), &mut inlines, true);
    tidy(inlines)
}

/// Gathers the inline content of `element`'s children. `nested_blocks` decides whether block
/// elements inside (a `<p>` inside a quote) are read as inline runs separated by spaces.
fn collect_inlines<'a>(
    element: ElementRef<'a>,
    marks: Marks<'a>,
    out: &mut Vec<Inline>,
    nested_blocks: bool,
) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => push_text(out, text, marks),
            Node::Element(_) => {
                let Some(inner) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = inner.value().name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let mut inner_marks = marks;
                match name {
                    "strong" | "b" => inner_marks.bold = true,
                    "em" | "i" | "cite" => inner_marks.italic = true,
                    "a" => {
                        inner_marks.href = inner
                            .value()
                            .attr("href")
                            .filter(|href| safe_href(href).is_some())
                    }
                    "br" => {
                        push_text(out, " ", marks);
                        continue;
                    }
                    "img" | "hr" => continue,
                    _ => {}
                }
                let is_block = matches!(
                    name,
                    "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                );
                if is_block && nested_blocks {
                    push_text(out, " ", marks);
                }
                collect_inlines(inner, inner_marks, out, nested_blocks);
                if is_block && nested_blocks {
                    push_text(out, " ", marks);
                }
            }
            _ => {}
        }
    }
}

fn push_text(out: &mut Vec<Inline>, text: &str, marks: Marks<'_>) {
    let text: String = text
        .chars()
        .map(|ch| {
            if ch.is_whitespace() || is_unwritable(ch) {
                ' '
            } else {
                ch
            }
        })
        .collect();
    if text.is_empty() {
        return;
    }
    let href = marks.href.and_then(safe_href);
    if let Some(last) = out.last_mut() {
        if last.bold == marks.bold && last.italic == marks.italic && last.href == href {
            last.text.push_str(&text);
            return;
        }
    }
    out.push(Inline {
        text,
        bold: marks.bold,
        italic: marks.italic,
        href,
    });
}

/// Folds runs of spaces, trims the ends of the paragraph and drops empty runs.
fn tidy(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    let mut last_was_space = true;
    for mut inline in inlines {
        let mut folded = String::with_capacity(inline.text.len());
        for ch in inline.text.chars() {
            if ch == ' ' {
                if !last_was_space {
                    folded.push(' ');
                }
                last_was_space = true;
            } else {
                folded.push(ch);
                last_was_space = false;
            }
        }
        inline.text = folded;
        if !inline.text.is_empty() {
            out.push(inline);
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        }
    }
    out
}

fn inline_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|inline| inline.text.as_str()).collect()
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { inlines } | Block::Quote { inlines, .. } => inline_text(inlines),
        Block::Heading { text, .. } => text.clone(),
        Block::List { items, .. } => items
            .iter()
            .map(|item| inline_text(item))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Image { image } => image.caption.clone().unwrap_or_default(),
        Block::Embed { title, .. } => title.clone(),
    }
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

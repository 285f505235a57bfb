//! What the head of one page says about it ([`PageMeta`]) and the tags that say it: title,
//! description, canonical and hreflang links, preloads, Open Graph and Twitter card tags, and
//! NewsArticle JSON-LD, so a link pasted into a messenger shows a preview and crawlers see the
//! headline.

use gazette_api_types::{Image, ImageFormat, Lang};

use super::html::escape;

/// What the head of one page says about it.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub lang: Lang,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// (hreflang, absolute URL) of this page in each language.
    pub alternates: Vec<(String, String)>,
    /// The link preview messengers and social sites show (`og:image`).
    pub image: Option<PreviewImage>,
    pub og_type: &'static str,
    pub json_ld: Option<serde_json::Value>,
    /// API requests the page makes first, preloaded so they start with the HTML.
    pub preloads: Vec<String>,
    /// The page's largest image (its LCP element) and the `sizes` it is shown at, fetched
    /// early at high priority: the same file the page's `<picture>` picks.
    pub lead_image: Option<(Image, &'static str)>,
    /// The split point of the front end that renders this page (`Route::split_name`), whose
    /// WebAssembly chunks the shell preloads.
    pub split: Option<&'static str>,
    pub robots_noindex: bool,
    /// The page's first screen as static HTML (`first_screen`), shown until the app is ready.
    pub first_screen: Option<String>,
}

/// A page's link preview: an absolute URL of a JPEG, its size and its alt text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreviewImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl PageMeta {
    /// The tags this page adds to the shell's `<head>`, every value escaped.
    pub fn head(&self) -> String {
        let mut head = String::new();
        let mut tag = |text: String| {
            head.push_str(&text);
            head.push('\n');
        };
        tag(format!(
            "<meta name=\"description\" content=\"{}\">",
            escape(&self.description)
        ));
        if self.robots_noindex {
            tag("<meta name=\"robots\" content=\"noindex\">".into());
        } else {
            tag(format!(
                "<link rel=\"canonical\" href=\"{}\">",
                escape(&self.canonical)
            ));
        }
        for (hreflang, url) in &self.alternates {
            tag(format!(
                "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">",
                escape(url)
            ));
        }
        for url in &self.preloads {
            tag(format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
                escape(url)
            ));
        }
        if let Some((image, sizes)) = &self.lead_image {
            let webp = image.srcset(ImageFormat::Webp);
            if webp.is_empty() {
                tag(format!(
                    "<link rel=\"preload\" href=\"{}\" as=\"image\" fetchpriority=\"high\">",
                    escape(&image.url)
                ));
            } else {
                tag(format!(
                    "<link rel=\"preload\" as=\"image\" type=\"{}\" imagesrcset=\"{}\" \
                     imagesizes=\"{}\" fetchpriority=\"high\">",
                    ImageFormat::Webp.mime(),
                    escape(&webp),
                    escape(sizes)
                ));
            }
        }
        tag(format!(
            "<meta property=\"og:type\" content=\"{}\">",
            self.og_type
        ));
        tag(format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape(&self.title)
        ));
        tag(format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(&self.description)
        ));
        tag(format!(
            "<meta property=\"og:url\" content=\"{}\">",
            escape(&self.canonical)
        ));
        tag("<meta property=\"og:site_name\" content=\"Gazette\">".into());
        tag(format!(
            "<meta property=\"og:locale\" content=\"{}\">",
            self.lang.og_locale()
        ));
        tag(format!(
            "<meta name=\"twitter:card\" content=\"{}\">",
            if self.image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            }
        ));
        tag(format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape(&self.title)
        ));
        tag(format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape(&self.description)
        ));
        if let Some(image) = &self.image {
            for (property, value) in [
                ("og:image", image.url.clone()),
                ("og:image:secure_url", image.url.clone()),
                ("og:image:type", "image/jpeg".to_owned()),
                ("og:image:width", image.width.to_string()),
                ("og:image:height", image.height.to_string()),
                ("og:image:alt", image.alt.clone()),
            ] {
                if property == "og:image:secure_url" && !value.starts_with("https:") {
                    continue;
                }
                tag(format!(
                    "<meta property=\"{property}\" content=\"{}\">",
                    escape(&value)
                ));
            }
            tag(format!(
                "<meta name=\"twitter:image\" content=\"{}\">",
                escape(&image.url)
            ));
            tag(format!(
                "<meta name=\"twitter:image:alt\" content=\"{}\">",
                escape(&image.alt)
            ));
        }
        if let Some(json_ld) = &self.json_ld {
            // `<` is escaped so no text can close the script element early.
            let json = json_ld.to_string().replace('<', "\\u003c");
            tag(format!(
                "<script type=\"application/ld+json\">{json}</script>"
            ));
        }
        head
    }
}

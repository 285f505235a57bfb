//! Reader preferences kept in localStorage: night theme, article text size and language. The
//! same keys are read by the inline script in `index.html` before the first paint, so a
//! reload never flashes the wrong theme or size.

use crate::browser;

/// Article text sizes in per cent, the steps of A-/A+ (shared with the server's first screen).
pub use gazette_api_types::texts::TEXT_SIZES;
/// The window event the first screen's controls (theme, A-/A+, Save: the first-screen script
/// in the head of `index.html`) send after the reader changed something, before the app's page is in
/// place: the app's controls underneath read it again.
pub const FIRST_SCREEN_CHANGED: &str = "gazette-first-screen";

/// The window event (`CustomEvent`, the message in `detail`) by which the first-screen script
/// has the app's toast say what its Save did when the app has replaced the first screen in
/// the meantime, or a message it was showing then.
pub const FIRST_SCREEN_TOAST: &str = "gazette-toast";

/// The step a new reader starts at (100%).
pub const DEFAULT_TEXT_SIZE: usize = 1;
const TEXT_SIZE_KEY: &str = "gazette.text-size";

/// The text size step shown now: the page's (set before the first paint from the saved one,
/// or by the first screen's A-/A+, which also works where storage is blocked), else the saved
/// one, else the default.
pub fn current_text_size() -> usize {
    let valid = |value: String| {
        value
            .parse::<usize>()
            .ok()
            .filter(|step| *step < TEXT_SIZES.len())
    };
    root()
        .and_then(|root| root.get_attribute("data-text-size"))
        .and_then(valid)
        .or_else(|| browser::load(TEXT_SIZE_KEY).and_then(valid))
        .unwrap_or(DEFAULT_TEXT_SIZE)
}

/// Applies a text size step to the page (the `--text-scale` custom property on `<html>`)
/// and saves it.
pub fn set_text_size(step: usize) {
    let step = step.min(TEXT_SIZES.len() - 1);
    if let Some(root) = root() {
        let _ = root.set_attribute("data-text-size", &step.to_string());
    }
    browser::save(TEXT_SIZE_KEY, &step.to_string());
}

/// The page theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

const THEME_KEY: &str = "gazette.theme";
const LANG_KEY: &str = "gazette.lang";

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// The theme shown now (set before the first paint from the saved choice or the system's).
pub fn current_theme() -> Theme {
    match root()
        .and_then(|root| root.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => Theme::Dark,
        _ => Theme::Light,
    }
}

/// Shows and saves a theme, and keeps the browser's `theme-color` in step.
pub fn set_theme(theme: Theme) {
    let (name, color) = match theme {
        Theme::Light => ("light", "#ffffff"),
        Theme::Dark => ("dark", "#111318"),
    };
    if let Some(root) = root() {
        let _ = root.set_attribute("data-theme", name);
    }
    if let Some(meta) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=theme-color]")
                .ok()
                .flatten()
        })
    {
        let _ = meta.set_attribute("content", color);
    }
    browser::save(THEME_KEY, name);
}

/// Remembers the reader's language choice (the front page opens in it next time).
pub fn save_lang(code: &str) {
    browser::save(LANG_KEY, code);
}

//! Reader preferences kept in localStorage: the article text size (and, with the preferences
//! work, the theme). The same keys are read by the inline script in `index.html` before the
//! first paint, so a reload never flashes the wrong size.

use crate::browser;

/// Article text sizes, as a factor of the base size; the reader steps through them with A+/A-.
pub const TEXT_SIZES: [f64; 5] = [0.875, 1.0, 1.125, 1.25, 1.5];
/// The step a new reader starts at (100%).
pub const DEFAULT_TEXT_SIZE: usize = 1;
const TEXT_SIZE_KEY: &str = "gazette.text-size";

/// The saved text size step (the default when none or an invalid one is saved).
pub fn saved_text_size() -> usize {
    browser::load(TEXT_SIZE_KEY)
        .and_then(|value| value.parse::<usize>().ok())
        .filter(|step| *step < TEXT_SIZES.len())
        .unwrap_or(DEFAULT_TEXT_SIZE)
}

/// Applies a text size step to the page (the `--text-scale` custom property on `<html>`)
/// and saves it.
pub fn set_text_size(step: usize) {
    let step = step.min(TEXT_SIZES.len() - 1);
    apply_text_size(step);
    browser::save(TEXT_SIZE_KEY, &step.to_string());
}

fn apply_text_size(step: usize) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-text-size", &step.to_string());
}

/// Applies the saved text size (at start-up).
pub fn apply_saved_text_size() {
    apply_text_size(saved_text_size());
}

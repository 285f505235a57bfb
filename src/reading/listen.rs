//! Listen to the article: the browser's speech synthesis (`window.speechSynthesis`) reads the
//! title, the lead and the body in the article's language, one part (heading, paragraph,
//! quote, list item) at a time. The part being read is highlighted and scrolled into view
//! when it is not; Pause, Resume, Stop and the speed (kept for next time) are beside the
//! Listen button. The button is only there when the browser has a voice for the article's
//! language (voices may arrive after the page: `voiceschanged`), and reading stops when the
//! reader leaves the article.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gazette_api_types::Lang;
use leptos::html::Button;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use super::{reduced_motion, Listener, ReadArticle};
use crate::browser;
use crate::i18n::{fill, listen_texts};

/// The parts read, in the order of the page.
const PARTS: &str = "main .article__title, main .article__lead, main .article__body > p, \
    main .article__body > h2, main .article__body > h3, main .article__body > blockquote, \
    main .article__body > ul > li, main .article__body > ol > li";
/// The attribute that marks the part being read (for the highlight).
const READING_NOW: &str = "data-read-aloud";
/// The speeds offered, as the speed list and storage name them, and as rates for the
/// synthesis (1 is the voice's normal speed). Named by text, so no float is ever formatted
/// or parsed (that code would be most of the chunk).
const RATES: [(&str, f32); 5] = [
    ("0.75", 0.75),
    ("1", 1.0),
    ("1.25", 1.25),
    ("1.5", 1.5),
    ("2", 2.0),
];
/// Where the chosen speed is kept (localStorage).
const RATE_KEY: &str = "gazette.listen-rate";

/// What the player is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Playback {
    Idle,
    Speaking,
    Paused,
}

/// The browser's speech synthesis, when it has both the synthesis and utterances.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let synthesis = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    let utterance =
        js_sys::Reflect::get(&window, &JsValue::from_str("SpeechSynthesisUtterance")).ok()?;
    (synthesis.is_object() && utterance.is_function()).then(|| synthesis.unchecked_into())
}

/// A voice for `lang` (`ru`, `ru-RU`, `ru_RU`…), the system's default one first.
fn voice_for(synthesis: &SpeechSynthesis, lang: Lang) -> Option<SpeechSynthesisVoice> {
    let code = lang.code();
    let voices: Vec<SpeechSynthesisVoice> = synthesis
        .get_voices()
        .iter()
        .filter_map(|voice| voice.dyn_into::<js_sys::Object>().ok())
        .map(|voice| voice.unchecked_into::<SpeechSynthesisVoice>())
        .filter(|voice| {
            let tag = voice.lang().to_lowercase().replace('_', "-");
            tag == code || tag.starts_with(&format!("{code}-"))
        })
        .collect();
    let default = voices.iter().position(|voice| voice.default());
    voices.into_iter().nth(default.unwrap_or(0))
}

/// The kept speed, or the normal one.
fn saved_rate() -> &'static str {
    let saved = browser::load(RATE_KEY).unwrap_or_default();
    known_rate(&saved).unwrap_or("1")
}

/// The offered speed named `name`.
fn known_rate(name: &str) -> Option<&'static str> {
    RATES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(known, _)| *known)
}

/// The synthesis rate of an offered speed.
fn rate_value(name: &str) -> f32 {
    RATES
        .iter()
        .find(|(known, _)| *known == name)
        .map_or(1.0, |(_, rate)| *rate)
}

/// A speed as the reader's language writes it ("1.25×", "1,25×").
fn rate_label(rate: &str, lang: Lang) -> String {
    let label = format!("{rate}×");
    match lang {
        Lang::En => label,
        Lang::Ru | Lang::Hy => label.replace('.', ","),
    }
}

/// The player: the synthesis, what it reads and where it is. Events of an utterance that
/// was replaced (Stop, a new speed) are ignored by their generation.
struct Player {
    synthesis: SpeechSynthesis,
    lang: Lang,
    voice: RefCell<Option<SpeechSynthesisVoice>>,
    parts: RefCell<Vec<web_sys::Element>>,
    generation: Cell<u32>,
    highlighted: RefCell<Option<web_sys::Element>>,
    playback: RwSignal<Playback>,
    part: RwSignal<usize>,
    parts_count: RwSignal<usize>,
    rate: RwSignal<&'static str>,
}

impl Player {
    /// Reads the article from its title.
    fn start(self: &Rc<Self>) {
        let parts: Vec<web_sys::Element> = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector_all(PARTS).ok())
            .map(|list| {
                (0..list.length())
                    .filter_map(|index| list.item(index))
                    .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
                    .collect()
            })
            .unwrap_or_default();
        self.parts_count.try_set(parts.len());
        *self.parts.borrow_mut() = parts;
        self.speak(0);
    }

    /// Reads part `index` (and, when it ends, the next); at the end, stops.
    fn speak(self: &Rc<Self>, index: usize) {
        let mut index = index;
        let text = loop {
            let Some(part) = self.parts.borrow().get(index).cloned() else {
                self.stop();
                return;
            };
            let text = part
                .text_content()
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !text.is_empty() {
                break text;
            }
            index += 1;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            self.stop();
            return;
        };
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        let voice = self.voice.borrow().clone();
        match &voice {
            Some(voice) => {
                utterance.set_voice(Some(voice));
                utterance.set_lang(&voice.lang());
            }
            None => utterance.set_lang(self.lang.code()),
        }
        utterance.set_rate(rate_value(self.rate.try_get_untracked().unwrap_or("1")));
        let on_start = {
            let player = Rc::downgrade(self);
            Closure::once_into_js(move || {
                if let Some(player) = player.upgrade() {
                    if player.generation.get() == generation {
                        player.show_part(index);
                    }
                }
            })
        };
        // Spoken to the end: the next part (in a task of its own, after this event).
        let on_end = {
            let player = Rc::downgrade(self);
            Closure::once_into_js(move || {
                browser::after(0, move || {
                    if let Some(player) = player.upgrade() {
                        if player.generation.get() == generation {
                            player.speak(index + 1);
                        }
                    }
                });
            })
        };
        utterance.set_onstart(Some(on_start.unchecked_ref()));
        utterance.set_onend(Some(on_end.unchecked_ref()));
        self.part.try_set(index);
        self.playback.try_set(Playback::Speaking);
        self.synthesis.speak(&utterance);
    }

    /// Highlights part `index` and brings it into view when it is not.
    fn show_part(&self, index: usize) {
        let Some(part) = self.parts.borrow().get(index).cloned() else {
            return;
        };
        self.unhighlight();
        let _ = part.set_attribute(READING_NOW, "");
        let screen = web_sys::window()
            .and_then(|window| window.inner_height().ok())
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        let rect = part.get_bounding_client_rect();
        // Clear of the phone's sticky header at the top and the player at the bottom.
        if rect.top() < 72.0 || rect.bottom() > screen - 120.0 {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(if reduced_motion() {
                web_sys::ScrollBehavior::Instant
            } else {
                web_sys::ScrollBehavior::Smooth
            });
            part.scroll_into_view_with_scroll_into_view_options(&options);
        }
        *self.highlighted.borrow_mut() = Some(part);
    }

    fn unhighlight(&self) {
        if let Some(part) = self.highlighted.borrow_mut().take() {
            let _ = part.remove_attribute(READING_NOW);
        }
    }

    fn pause(&self) {
        self.synthesis.pause();
        self.playback.try_set(Playback::Paused);
    }

    fn resume(&self) {
        self.synthesis.resume();
        self.playback.try_set(Playback::Speaking);
    }

    /// Stops reading (nothing more is read until Listen).
    fn stop(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        let idle = Some(Playback::Idle);
        if self.playback.try_get_untracked() != idle {
            self.synthesis.cancel();
        }
        self.unhighlight();
        self.playback.try_set(Playback::Idle);
    }

    /// A new speed: kept, and the part being read starts again at it.
    fn set_rate(self: &Rc<Self>, rate: &'static str) {
        self.rate.try_set(rate);
        browser::save(RATE_KEY, rate);
        if self.playback.try_get_untracked() == Some(Playback::Speaking) {
            self.generation.set(self.generation.get().wrapping_add(1));
            self.synthesis.cancel();
            self.speak(self.part.try_get_untracked().unwrap_or(0));
        }
    }
}

/// The speed choices, the kept one selected.
fn rate_options(lang: Lang, chosen: &'static str) -> impl IntoView {
    RATES
        .iter()
        .map(|&(option, _)| {
            view! {
                <option value=option selected=option == chosen>
                    {rate_label(option, lang)}
                </option>
            }
        })
        .collect_view()
}

/// The Listen button and, while reading, Pause/Resume, Stop, speed and where it is.
#[component]
pub(super) fn Listen(article: ReadArticle) -> impl IntoView {
    let Some(synthesis) = synthesis() else {
        return ().into_any();
    };
    let lang = article.lang;
    let texts = listen_texts(lang);
    let player = Rc::new(Player {
        voice: RefCell::new(voice_for(&synthesis, lang)),
        synthesis,
        lang,
        parts: RefCell::new(Vec::new()),
        generation: Cell::new(0),
        highlighted: RefCell::new(None),
        playback: RwSignal::new(Playback::Idle),
        part: RwSignal::new(0),
        parts_count: RwSignal::new(0),
        rate: RwSignal::new(saved_rate()),
    });
    let has_voice = RwSignal::new(player.voice.borrow().is_some());
    let (playback, part, parts_count, rate) = (
        player.playback,
        player.part,
        player.parts_count,
        player.rate,
    );

    // Voices often arrive after the page (Chrome loads them on first use); a page left for
    // another stops reading (the synthesis would go on speaking over the next page).
    let listeners = {
        let on_voices = {
            let player = player.clone();
            move |_: web_sys::Event| {
                let voice = voice_for(&player.synthesis, player.lang);
                has_voice.try_set(voice.is_some());
                *player.voice.borrow_mut() = voice;
            }
        };
        let on_leave = {
            let player = player.clone();
            move |_: web_sys::Event| player.stop()
        };
        let window = web_sys::window();
        [
            Listener::new(&player.synthesis, "voiceschanged", on_voices),
            window.and_then(|window| Listener::new(&window, "pagehide", on_leave)),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
    };
    // Leaving the article stops reading. The cleanup holds the player itself, so it can
    // still stop it while the page's other values go (the wrapper: the app runs on one
    // thread, and cleanups must be Send).
    let leaving = SendWrapper::new((player.clone(), RefCell::new(listeners)));
    on_cleanup(move || {
        leaving.1.borrow_mut().clear();
        leaving.0.stop();
    });
    // The player for the view's handlers, which must be Send as well.
    let player = StoredValue::new(SendWrapper::new(player));

    let toggle_button = NodeRef::<Button>::new();
    let toggle = move |_| {
        player.with_value(|player| match playback.get_untracked() {
            Playback::Idle => player.start(),
            Playback::Speaking => player.pause(),
            Playback::Paused => player.resume(),
        })
    };
    let stop = move |_| {
        player.with_value(|player| player.stop());
        // The Stop button goes: keyboard focus stays with the player.
        if let Some(button) = toggle_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let change_rate = move |event: web_sys::Event| {
        if let Some(chosen) = known_rate(&event_target_value(&event)) {
            player.with_value(|player| player.set_rate(chosen));
        }
    };
    let active = move || playback.get() != Playback::Idle;
    let where_now = move || {
        fill(
            &fill(texts.part_of, "current", &(part.get() + 1).to_string()),
            "total",
            &parts_count.get().to_string(),
        )
    };
    view! {
        <Show when=move || has_voice.get()>
            <div
                class=move || if active() { "listen listen--active" } else { "listen" }
                role="group"
                aria-label=texts.player
            >
                <button
                    type="button"
                    class="button reader-dock__button listen__toggle"
                    node_ref=toggle_button
                    on:click=toggle
                >
                    <span aria-hidden="true">
                        {move || if playback.get() == Playback::Speaking { "❚❚" } else { "▶" }}
                    </span>
                    <span class="reader-dock__label">
                        {move || match playback.get() {
                            Playback::Idle => texts.listen,
                            Playback::Speaking => texts.pause,
                            Playback::Paused => texts.resume,
                        }}
                    </span>
                </button>
                <Show when=active>
                    <button type="button" class="button reader-dock__button listen__stop" on:click=stop>
                        <span aria-hidden="true">"■"</span>
                        <span class="reader-dock__label">{texts.stop}</span>
                    </button>
                    <label class="listen__speed">
                        <span class="listen__speed-label">{texts.speed}</span>
                        <select
                            class="listen__rate"
                            on:change=change_rate
                            prop:value=move || rate.get()
                        >
                            {rate_options(lang, rate.get_untracked())}
                        </select>
                    </label>
                    <span class="listen__where">{where_now}</span>
                </Show>
            </div>
        </Show>
    }
    .into_any()
}

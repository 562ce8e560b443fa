//! Components and stores mounted in a real browser, acted on as a user would:
//! `cargo test --target wasm32-unknown-unknown --test components` (headless Chromium).
//!
//! The stores run over an in-memory backend ([`Memory`]), so a test sees exactly what was stored
//! and can make every write fail, as a full disk would.
#![cfg(target_arch = "wasm32")]

use cs_interview_coach::domain::attempt::{Attempt, AttemptState};
use cs_interview_coach::domain::interview::Candidate;
use cs_interview_coach::domain::locale::Lang;
use cs_interview_coach::domain::record::encode;
use cs_interview_coach::domain::review::Review;
use cs_interview_coach::i18n::{self, I18nContextProvider};
use cs_interview_coach::storage::{KeyValue, LocalStore, Memory};
use cs_interview_coach::ui::components::{Levels, QuickRubric};
use cs_interview_coach::ui::state::{self, Collection, Notice, Notices};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A store over fresh memory, and the memory itself to look into.
fn memory_store() -> (LocalStore, Arc<Memory>) {
    let memory = Arc::new(Memory::default());
    (LocalStore::with_backend("t", memory.clone()), memory)
}

/// The English strings, as the boot script installs them before the app's first render.
fn english() {
    i18n::install(Lang::En, i18n::embedded(Lang::En)).expect("the English table");
}

/// A new element in the page to mount into.
fn host() -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    div.unchecked_into()
}

fn input(root: &HtmlElement, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .unchecked_into()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Lets effects and re-renders run (they are scheduled, not immediate).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn candidate(id: &str, name: &str) -> Candidate {
    Candidate {
        id: id.into(),
        name: name.into(),
        ..Candidate::default()
    }
}

#[wasm_bindgen_test]
fn a_collection_shows_what_is_stored_and_nothing_that_failed_to_save() {
    let owner = Owner::new();
    owner.with(|| {
        let (store, memory) = memory_store();
        let notices = Notices::provide();
        let people = Collection::<Candidate>::load(&store, notices);
        assert!(people.all().is_empty());

        // A save is written, then shown.
        assert!(people.save(candidate("c1", "Ada")));
        assert_eq!(people.get("c1").map(|c| c.name), Some("Ada".into()));
        let stored = memory.get("t:candidate:c1").expect("read");
        assert!(stored.is_some_and(|raw| raw.contains("\"Ada\"")));

        // The disk is full: nothing changes, on screen or in storage, and a notice says why.
        memory.set_full(true);
        assert!(!people.save(candidate("c2", "Grace")));
        assert_eq!(people.update("c1", |c| c.name = "Bea".into()), None);
        assert_eq!(people.all().len(), 1);
        assert_eq!(people.get("c1").map(|c| c.name), Some("Ada".into()));
        assert_eq!(memory.get("t:candidate:c2"), Ok(None));
        let raw = memory
            .get("t:candidate:c1")
            .ok()
            .flatten()
            .unwrap_or_default();
        assert!(raw.contains("\"Ada\"") && !raw.contains("\"Bea\""));
        assert_eq!(
            notices
                .list()
                .into_iter()
                .map(|(_, n)| n)
                .collect::<Vec<_>>(),
            vec![Notice::StorageFull]
        );

        // Room again: the update goes through; a delete leaves storage and the screen together.
        memory.set_full(false);
        assert_eq!(
            people
                .update("c1", |c| c.name = "Bea".into())
                .map(|c| c.name),
            Some("Bea".into())
        );
        assert!(people.delete("c1"));
        assert!(people.all().is_empty());
        assert_eq!(memory.get("t:candidate:c1"), Ok(None));

        // A second store over the same backend reads what the first one wrote.
        assert!(people.save(candidate("c3", "Lin")));
        let again = Collection::<Candidate>::load(&store, notices);
        assert_eq!(again.all().len(), 1);
    });
    drop(owner);
}

#[wasm_bindgen_test]
async fn the_levels_control_picks_and_follows_its_value_without_rebuilding() {
    let current = RwSignal::new(None::<u8>);
    let picked = RwSignal::new(Vec::<u8>::new());
    let root = host();
    let handle = mount_to(root.clone(), move || {
        let on_pick = Callback::new(move |n: u8| {
            picked.update(|p| p.push(n));
            current.set(Some(n));
        });
        view! {
            <Levels name="overall".to_string() key="overall".to_string()
                titles=vec!["one".into(), "two".into(), "three".into(), "four".into(), "five".into()]
                current=current on_pick=on_pick />
        }
    });
    let radios = root
        .query_selector_all("input[type=radio]")
        .expect("radios");
    assert_eq!(radios.length(), 5);
    let first = input(&root, "input[value='1']");
    assert_eq!(
        root.query_selector("label.level")
            .ok()
            .flatten()
            .and_then(|l| l.get_attribute("title")),
        Some("one".into())
    );

    input(&root, "input[value='3']").click();
    settle().await;
    assert_eq!(picked.get_untracked(), vec![3]);
    assert!(input(&root, "input[value='3']").checked());

    // Set from outside (another part of the page): the radios follow, and are the same elements.
    current.set(Some(5));
    settle().await;
    assert!(input(&root, "input[value='5']").checked());
    assert!(!input(&root, "input[value='3']").checked());
    assert!(first.is_same_node(Some(&input(&root, "input[value='1']"))));
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_quick_rubric_saves_each_tick_and_keeps_the_screen_honest_when_storage_is_full() {
    english();
    let (store, memory) = memory_store();
    let root = host();
    let provided = store.clone();
    let notices = RwSignal::new(None::<Notices>);
    let handle = mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                {
                    let app = state::provide(provided);
                    notices.set(Some(app.notices));
                    view! { <QuickRubric attempt="a1".to_string() /> }
                }
            </I18nContextProvider>
        }
    });
    settle().await;
    // Before the first tick the counter already counts the rubric's 10 checklist items.
    assert_eq!(
        text(&root, "[data-testid=review-score]"),
        "Not scored · 0 of 10 ticked"
    );
    // Checklist items are chips: one checkbox each, over the whole chip, named by its label.
    let chip = input(&root, "input[data-key='structure/result']");
    assert_eq!(chip.type_(), "checkbox");
    assert!(!chip.checked());

    // A tick is saved at once, as the review of attempt a1 against rubric version 1.
    let result = input(&root, "input[data-key='structure/result']");
    result.click();
    settle().await;
    assert!(result.checked());
    let raw = memory
        .get("t:review:a1")
        .ok()
        .flatten()
        .expect("review stored");
    assert!(raw.contains("structure/result"), "{raw}");
    assert!(text(&root, "[data-testid=review-score]").contains("1 of 10 ticked"));

    // A rating is saved too.
    input(&root, "input[data-key='criteria/enthusiasm'][value='4']").click();
    settle().await;
    let raw = memory.get("t:review:a1").ok().flatten().unwrap_or_default();
    assert!(raw.contains("\"criteria/enthusiasm\":4"), "{raw}");

    // Storage full: the tick does not stay shown, storage keeps what it had, a notice says why.
    memory.set_full(true);
    let situation = input(&root, "input[data-key='structure/situation']");
    situation.click();
    settle().await;
    assert!(
        !situation.checked(),
        "a tick that was not saved is not shown"
    );
    let after = memory.get("t:review:a1").ok().flatten().unwrap_or_default();
    assert_eq!(after, raw);
    assert!(text(&root, "[data-testid=review-score]").contains("1 of 10 ticked"));
    let shown = notices
        .get_untracked()
        .map(|n| n.list().into_iter().map(|(_, n)| n).collect::<Vec<_>>())
        .unwrap_or_default();
    assert!(shown.contains(&Notice::StorageFull), "{shown:?}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_one_notes_box_keeps_notes_an_older_version_saved_on_the_attempt() {
    english();
    let (store, memory) = memory_store();
    // Saved by an older version: notes on the attempt, and a review's "what I would say differently".
    let mut attempt = Attempt::start("a2".into(), "s1", "angry-customer", "", 1_000);
    attempt.notes = "Say sorry first.".into();
    attempt.state = AttemptState::Complete;
    let mut review = Review::new("a2", 1, 1_000);
    review.differently = "Slow down.".into();
    for (key, raw) in [
        ("t:attempt:a2", encode(&attempt)),
        ("t:review:a2", encode(&review)),
    ] {
        memory.set(key, &raw.expect("encoded")).expect("seeded");
    }
    let root = host();
    let provided = store.clone();
    let handle = mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                {
                    state::provide(provided);
                    view! { <QuickRubric attempt="a2".to_string() /> }
                }
            </I18nContextProvider>
        }
    });
    settle().await;
    assert_eq!(
        root.query_selector_all("textarea").map(|l| l.length()),
        Ok(1)
    );
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea")
        .ok()
        .flatten()
        .expect("a notes box")
        .unchecked_into();
    assert_eq!(area.value(), "Slow down.\n\nSay sorry first.");
    // Moved for good: into the review first, then off the attempt.
    let raw = memory.get("t:review:a2").ok().flatten().unwrap_or_default();
    assert!(raw.contains("Slow down.\\n\\nSay sorry first."), "{raw}");
    let raw = memory
        .get("t:attempt:a2")
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(raw.contains("\"notes\":\"\""), "{raw}");
    drop(handle);
}

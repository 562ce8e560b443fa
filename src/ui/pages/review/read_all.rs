//! "Read their recordings": spoken answers recorded before delivery figures existed (or imported)
//! have no envelope until they are opened; the progress page offers to read them all, one after
//! the other in the background, with the count shown.

use crate::domain::attempt::{Attempt, AttemptState};
use crate::i18n::*;
use crate::ui::components::delivery::read_envelope;
use crate::ui::erase::click;
use crate::ui::state::use_practice;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn unread(a: &Attempt) -> bool {
    a.has_recording() && a.envelope.is_none() && a.state != AttemptState::Live
}

#[component]
pub fn ReadRecordings() -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let waiting = Memo::new(move |_| practice.all_attempts().iter().filter(|a| unread(a)).count());
    // (done, of, failed) while reading.
    let progress = RwSignal::new(None::<(usize, usize, usize)>);
    let start = move |_| {
        let todo: Vec<Attempt> = practice.all_attempts().into_iter().filter(unread).collect();
        let total = todo.len();
        progress.set(Some((0, total, 0)));
        spawn_local(async move {
            let mut failed = 0;
            for (i, a) in todo.iter().enumerate() {
                if read_envelope(practice, a).await.is_err() {
                    failed += 1;
                }
                let _ = progress.try_set(Some((i + 1, total, failed)));
            }
        });
    };
    let status = move || match progress.get() {
        Some((done, of, _)) if done < of => {
            t_string!(i18n, progress_reading, done = done, of = of).to_string()
        }
        Some((_, _, 0)) => t_string!(i18n, progress_read_done).to_string(),
        Some((_, _, failed)) => t_string!(i18n, progress_read_failed, n = failed).to_string(),
        None => String::new(),
    };
    let busy = move || progress.get().is_some_and(|(done, of, _)| done < of);
    view! {
        {move || (waiting.get() > 0 || progress.get().is_some()).then(|| view! {
            <p class="read-recordings" data-testid="read-recordings">
                {(waiting.get() > 0).then(|| view! {
                    {txt!(t_string!(i18n, progress_unread, n = waiting.get()))} " "
                    <button type="button" prop:disabled=busy on:click=click(start)>
                        {tx!(i18n, progress_read_all)}
                    </button>
                })}
            </p>
        })}
        <p class="help" role="status">{txt!(status())}</p>
    }
}

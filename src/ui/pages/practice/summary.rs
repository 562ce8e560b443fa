//! At the end of a session: each question, its attempts and the time spent.

use super::ctl::Ctl;
use crate::domain::bank::title_of;
use crate::domain::route::Route;
use crate::domain::session::summarise;
use crate::domain::timer::duration;
use crate::ui::dom::from_locale;
use leptos::prelude::*;

#[component]
pub fn Summary(ctl: Ctl) -> impl IntoView {
    let i18n = ctl.i18n;
    let rows = move || {
        let s = ctl.session()?;
        let attempts = ctl.practice.all_attempts();
        let entries = ctl.bank.entries(from_locale(i18n.get_locale()));
        let rows = summarise(&s, &attempts);
        let (count, time) = rows
            .iter()
            .fold((0, 0), |(c, t), r| (c + r.attempts, t + r.answered_ms));
        let body = rows
            .into_iter()
            .map(|r| {
                let title = title_of(&entries, &r.question);
                view! {
                    <tr>
                        <th scope="row">{title}</th>
                        <td>{r.attempts}</td>
                        <td>{duration(r.answered_ms)}</td>
                    </tr>
                }
            })
            .collect_view();
        // The same set or question again (the bank only for a list no set names).
        let again = s.again().map(Route::Practice).unwrap_or(Route::Questions);
        Some(view! {
            <table class="summary" data-testid="summary">
                <thead>
                    <tr>
                        <th scope="col">{tx!(i18n, practice_col_question)}</th>
                        <th scope="col">{tx!(i18n, practice_col_attempts)}</th>
                        <th scope="col">{tx!(i18n, practice_col_time)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{tx!(i18n, practice_total)}</th>
                        <td>{count}</td>
                        <td>{duration(time)}</td>
                    </tr>
                </tfoot>
            </table>
            <div class="actions-row">
                <a class="button primary" href=again.href()>{tx!(i18n, practice_again)}</a>
                <a class="button" href=Route::Report(s.id.clone()).href()>{tx!(i18n, report_link)}</a>
                <a class="button" href=Route::Questions.href()>{tx!(i18n, nav_questions)}</a>
            </div>
        })
    };
    view! {
        <h2 id="practice-question" tabindex="-1">{tx!(i18n, practice_done_title)}</h2>
        {dview!(rows())}
    }
}

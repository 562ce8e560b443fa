//! The clocks: the interview's total and the section on screen against their budgets, the
//! "time to move on" and overrun warning, and the start / pause / resume button.

use super::ctl::Live;
use crate::domain::interview::{Budget, ClockAction, Scorecard};
use crate::domain::rubric::text;
use crate::domain::timer::duration;
use crate::ui::dom::now_ms;
use crate::ui::erase::click;
use leptos::prelude::*;

#[component]
pub fn ClockBar(ctl: Live) -> impl IntoView {
    let i18n = ctl.i18n;
    let now = ctl.now;
    // Each clock figure is its own reactive text, so the button under them stays put.
    let spent = move || {
        let t = now.get();
        ctl.with(|c| c.section_ms(t)).unwrap_or(0)
    };
    let budget_state = move || {
        let t = now.get();
        // Without a card, as a card without sections: a budget of nothing.
        ctl.with(|c| c.budget_state(t)).unwrap_or(Budget::Near)
    };
    let total_budget: u32 = ctl
        .card
        .with_untracked(|c| c.as_ref().map(Scorecard::minutes).unwrap_or(0));
    let total = move || {
        let t = now.get();
        ctl.with(|c| duration(c.total_ms(t))).unwrap_or_default()
    };
    let title = move || {
        let lang = i18n.get_locale();
        ctl.with(|c| c.section().map(|s| text(&s.title, lang).to_string()))
            .flatten()
            .unwrap_or_default()
    };
    let of =
        move || duration(u64::from(ctl.with(Scorecard::section_minutes).unwrap_or(0)) * 60_000);
    let warning = move || match budget_state() {
        Budget::Within => String::new(),
        Budget::Near => t_string!(i18n, budget_near).to_string(),
        Budget::Over { by_ms } => t_string!(i18n, budget_over, over = duration(by_ms)),
    };
    let state_name = move || budget_state().slug();
    let toggle = move |_| ctl.update(Box::new(move |c| c.clock.toggle(now_ms())));
    let label = move || match ctl.with(|c| c.clock.action()) {
        Some(ClockAction::Pause) => t_string!(i18n, clock_pause),
        Some(ClockAction::Resume) => t_string!(i18n, clock_resume),
        Some(ClockAction::Start) | None => t_string!(i18n, clock_start),
    };
    view! {
        <div class="clocks" data-budget=state_name data-testid="clocks">
            <p><strong>{tx!(i18n, clock_total)}</strong> " "
                <span data-testid="total-clock">{txt!(total())}</span>
                " / " {duration(u64::from(total_budget) * 60_000)}</p>
            <p><strong>{txt!(title())}</strong> " "
                <span data-testid="section-clock">{txt!(duration(spent()))}</span> " / " {txt!(of())}</p>
            <p class="budget-warning" role="status" data-testid="budget-warning">{txt!(warning())}</p>
            <button type="button" data-testid="clock-toggle" on:click=click(toggle)>{txt!(label())}</button>
        </div>
    }
}

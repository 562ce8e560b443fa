//! The scorecard: the rubric's scales with their level descriptions, the good-candidate traits, and
//! the recommendation.

use super::super::labels::recommendation_label;
use super::ctl::Live;
use crate::domain::interview::Recommendation;
use crate::domain::rubric::{mark_key, text, Kind};
use crate::ui::components::Levels;
use crate::ui::erase::event;
use leptos::prelude::*;

#[component]
pub fn ScorecardForm(ctl: Live) -> impl IntoView {
    let i18n = ctl.i18n;
    let scorecard = move || {
        let lang = i18n.get_locale();
        let r = ctl.rubric.get_value();
        let scales = r
            .sections
            .iter()
            .filter(|s| s.kind == Kind::Scale)
            .map(|s| {
                let items = s
                    .items
                    .iter()
                    .map(|item| {
                        let key = mark_key(&s.id, &item.id);
                        let k2 = StoredValue::new(key.clone());
                        let current = move || ctl.with(|c| c.scale_rating(&k2.read_value())).flatten();
                        let levels = StoredValue::new(item.levels.clone());
                        let described = move || {
                            let n = current()?;
                            levels.with_value(|l| l.get(usize::from(n) - 1).map(|l| format!("{n}: {}", text(l, lang))))
                        };
                        let titles: Vec<String> = item.levels.iter().map(|l| text(l, lang).to_string()).collect();
                        let pick = Callback::new(move |n: u8| {
                            let k = k2.get_value();
                            ctl.update(Box::new(move |c| c.rate_scale(k, n)));
                        });
                        view! {
                            <fieldset class="scale">
                                <legend>{text(&item.label, lang).to_string()}</legend>
                                <Levels name=format!("card-{key}") key=key.clone() titles=titles
                                    current=Signal::derive(current) on_pick=pick />
                                <p class="level-text">{txt!(described().unwrap_or_default())}</p>
                            </fieldset>
                        }
                    })
                    .collect_view();
                view! { <fieldset class="rubric-section"><legend>{text(&s.title, lang).to_string()}</legend>{items}</fieldset> }
            })
            .collect_view();
        let traits = ctl
            .iv
            .traits()
            .into_iter()
            .map(|t| {
                let t2 = t.id.clone();
                let checked = move || ctl.with(|c| c.has_trait(&t2)).unwrap_or(false);
                let tid = t.id.clone();
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    let t = tid.clone();
                    ctl.update(Box::new(move |c| c.set_trait(t, on)));
                };
                view! {
                    <label class="chip">
                        <input type="checkbox" data-trait=t.id.clone() prop:checked=checked on:change=event(toggle) />
                        <span>{text(&t.label, lang).to_string()}</span>
                    </label>
                }
            })
            .collect_view();
        let recs = Recommendation::ALL
            .into_iter()
            .map(|rec| {
                let pick = move |_| ctl.update(Box::new(move |c| c.recommendation = rec));
                view! {
                    <label class="chip">
                        <input type="radio" name="recommendation" value=rec.slug()
                            prop:checked=move || ctl.with(|c| c.recommendation) == Some(rec) on:change=event(pick) />
                        <span>{recommendation_label(i18n, rec)}</span>
                    </label>
                }
            })
            .collect_view();
        Some(view! {
            <section class="scorecard" aria-labelledby="scorecard-title">
                <h2 id="scorecard-title">{tx!(i18n, scorecard_title)}</h2>
                {scales}
                <fieldset class="rubric-section">
                    <legend>{tx!(i18n, card_traits)}</legend>
                    <div class="chips">{traits}</div>
                </fieldset>
                <fieldset class="rubric-section">
                    <legend>{tx!(i18n, card_recommendation)}</legend>
                    <div class="chips">{recs}</div>
                </fieldset>
            </section>
        })
    };
    dview!(scorecard())
}

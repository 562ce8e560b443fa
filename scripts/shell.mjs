// The static shell: the frame and the home page, written into index.html at build time (by
// scripts/post-build.mjs) in each language, from the locale files, so that the first paint needs no
// script. The boot script sets <html lang>, data-mode, data-tab and data-route, and style/main.css
// shows the matching copy, tab bar and page (or a placeholder for a deep link).
//
// The markup is the app's own (src/ui/frame.rs, src/ui/components/header.rs,
// src/ui/pages/home/landing.rs): on the home page the landing part adopts it as it is
// (src/ui/landing.rs: it shows "Resume practice" when a session is unfinished, marks the current tab
// and follows the address); elsewhere the app mounts the same frame and removes this one, and
// nothing moves. tests/e2e/first-load.test.mjs checks that the adopted shell and the app's home page agree.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const LANGS = ["en", "zh-Hans", "zh-Hant"];

// domain::nav::Tab::of, with each tab's route and label key.
const TABS = [
  ["candidate", "home", "#/", "nav_home"],
  ["candidate", "questions", "#/questions", "nav_questions"],
  ["candidate", "practice", "#/practice", "nav_practice"],
  ["candidate", "history", "#/history", "nav_history"],
  ["candidate", "progress", "#/progress", "nav_progress"],
  ["candidate", "more", "#/more", "nav_more"],
  ["interviewer", "candidates", "#/interviewer", "nav_candidates"],
  ["interviewer", "kits", "#/interviewer/kits", "nav_kits"],
  ["interviewer", "compare", "#/interviewer/compare", "nav_compare"],
  ["interviewer", "more", "#/more", "nav_more"],
];

const escape = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

export function loadLocales(source) {
  const out = {};
  for (const lang of LANGS) out[lang] = JSON.parse(readFileSync(join(source, "locales", `${lang}.json`), "utf8"));
  return out;
}

/** The shell in one language. `t` is that language's locale file. */
export function shellFor(lang, t) {
  const s = (key) => {
    if (typeof t[key] !== "string") throw new Error(`shell: locales/${lang}.json has no ${key}`);
    return escape(t[key]);
  };
  const tabs = TABS.map(
    ([mode, name, href, key]) =>
      `<li data-mode="${mode}"><a href="${href}" class="tab tab-${name}">` +
      `<span class="tab-icon" aria-hidden="true"></span><span class="tab-label">${s(key)}</span></a></li>`
  ).join("");
  const id = (name) => `${name}-${lang}`;
  return (
    `<div class="app-root shell" lang="${lang}" data-title="${s("app_tagline")} · ${s("app_name")}">` +
    `<a class="skip-link" href="#${id("main")}">${s("skip_to_content")}</a>` +
    `<header class="app-header">` +
    `<a class="brand" href="#/"><img src="icons/icon-192.png" alt="" width="28" height="28">` +
    `<span class="brand-name">${s("app_name")}</span></a>` +
    `<nav class="mode-switch" aria-label="${s("mode_label")}">` +
    `<a href="#/" class="mode" data-mode="candidate">${s("mode_candidate")}</a>` +
    `<a href="#/interviewer" class="mode" data-mode="interviewer">${s("mode_interviewer")}</a></nav>` +
    `<nav class="app-nav" aria-label="${s("nav_label")}"><ul>${tabs}</ul></nav>` +
    `</header>` +
    `<main id="${id("main")}" tabindex="-1">` +
    `<section class="page home" aria-labelledby="${id("home-title")}">` +
    `<h1 id="${id("home-title")}" tabindex="-1">${s("home_title")}</h1>` +
    `<p class="lead">${s("home_intro")}</p>` +
    `<div class="actions-row"><a class="button primary resume" href="#/practice" hidden>${s("practice_resume")}</a>` +
    `<a class="button primary" href="#/practice/random">${s("practice_random")}</a></div>` +
    `<div class="cards">` +
    `<article class="card"><h2>${s("home_candidates_title")}</h2><p>${s("home_candidates_body")}</p></article>` +
    `<article class="card"><h2>${s("home_interviewers_title")}</h2><p>${s("home_interviewers_body")}</p></article>` +
    `</div>` +
    `<div class="privacy"><h2>${s("home_privacy_title")}</h2><p>${s("home_privacy_body")}</p><p>${s("home_offline")}</p></div>` +
    `</section>` +
    `<div class="page-placeholder" aria-busy="true"></div>` +
    `<p class="boot-failed" role="alert">${s("boot_failed")}</p>` +
    `</main>` +
    `<footer class="app-footer"><p>${s("footer_text")}</p></footer>` +
    `</div>`
  );
}

/** The shell in every language, one copy each. */
export function shell(locales) {
  return LANGS.map((lang) => shellFor(lang, locales[lang])).join("");
}

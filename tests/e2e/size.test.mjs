// The size budget: a deterministic check on the release dist/ (brotli quality 11 and gzip -9 through
// node:zlib), not a timing.
//
// With dist/chunks.json (written by the post-build hook of a release build that splits the app):
//   - the first load (chunks.json "first_load") in brotli;
//   - a brotli budget per chunk, each with its reason beside it; every file that chunks.json names
//     must fall under some budget, so a new chunk cannot go unchecked.
// Without chunks.json (a build from before the split): the gzip total of HTML+CSS+JS+wasm, as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { measure, chunkReport } from "../../scripts/size-report.mjs";

const DIST = process.env.DIST ?? "dist";

/**
 * Brotli bytes of the first load: HTML, CSS, JS and wasm that a first visit fetches before the home
 * page works (issue 13: ≤ 150,000 B). Before the split the whole app (one wasm) was 434 KB brotli and
 * nothing painted until it had run. Since the landing part adopts the static shell instead of
 * rendering it, it needs no strings: they load with the rest of the app.
 */
const FIRST_LOAD_BROTLI = 150_000;

/**
 * Brotli budget per chunk. `files` picks the chunk's files out of everything chunks.json names
 * (file names relative to dist/); a budget whose files are missing fails, so a renamed chunk is noticed.
 * The first-load budgets (html, css, boot, landing js and wasm) add up to 64,000 B, far under the
 * 150,000 B total.
 * Figures at the split (issue 13, first build): index.html 2,466; css 5,000; boot 1,203; landing js
 * 4,082 and wasm 74,416; strings 8,026 (en) to 8,994 (zh-Hant); app js 7,940 and wasm 413,473;
 * questions 41,088.
 */
const BUDGETS = [
  {
    chunk: "index.html",
    files: (f) => f === "index.html",
    brotli: 4_000,
    reason: "the static shell: the frame and the home page in all three languages, painted before any script",
  },
  {
    chunk: "css",
    files: (f) => f.endsWith(".css"),
    brotli: 7_000,
    reason: "every page's styles in one render-blocking file, phone first",
  },
  {
    chunk: "boot js",
    files: (f) => /^boot-[^/]*\.js$/.test(f),
    brotli: 2_000,
    reason: "picks the language (saved choice, else navigator.languages) and fetches its strings and the landing part; no framework",
  },
  {
    chunk: "landing js",
    files: (f) => /^landing-[^/]*\.js$/.test(f),
    brotli: 6_000,
    reason: "wasm-bindgen's glue for the landing part, minified",
  },
  {
    chunk: "landing wasm",
    files: (f) => /^landing-[^/]*_bg\.wasm$/.test(f),
    brotli: 45_000,
    reason:
      "the router and the home page's live parts (current tab and mode, resume link, one read of storage): it adopts " +
      "the static shell, so it holds no view code and no strings (74,416 B when it rendered the frame; 35,676 B at adoption)",
  },
  ...["en", "zh-Hans", "zh-Hant"].map((lang) => ({
    chunk: `strings ${lang}`,
    files: (f, chunks) => f === chunks.strings[lang]?.replace(/^\.\//, ""),
    brotli: 12_000,
    reason: `every UI string in ${lang}; only the current language is in the first load, the others load on a switch`,
  })),
  {
    chunk: "app js",
    files: (f) => /^app-[^/]*\.js$/.test(f),
    brotli: 10_000,
    reason: "wasm-bindgen's glue for the rest of the app, minified; loaded after the first page",
  },
  {
    chunk: "app wasm",
    files: (f) => /^app-[^/]*_bg\.wasm$/.test(f),
    brotli: 470_000,
    reason:
      "every other route group (questions, practice, history, progress, backup, interviewer mode), loaded later: " +
      "the whole app before the split (434 KB brotli), plus spoken-answer feedback (issue 14: the envelope read " +
      "with Web Audio, delivery figures and strip, on-device transcription, transcripts; 459 KB in all), plus 2% " +
      "for toolchain drift",
  },
  {
    chunk: "questions",
    files: (f) => /^questions-[^/]*\.json$/.test(f),
    brotli: 45_000,
    reason: "the question bank (every question, answer guide and sample in three languages); fetched when a page needs it",
  },
  {
    chunk: "examples",
    files: (f) => /^examples-[^/]*\.json$/.test(f),
    brotli: 60_000,
    reason: "a strong and a weak example answer per question, with why, in three languages; fetched by the answer page only",
  },
];

/**
 * gzip total of HTML+CSS+JS+wasm, in bytes, for a build without chunks.json (before the split).
 * 250 KB held the shell and the question bank (243 KB). The practice session (issue 4: recorder, timer,
 * mic check, review, summary, 79 strings in three languages) took it to 320 KB; replacing leptos_i18n
 * with our own string tables and minifying the JS glue brought it back to 301 KB (budget 305 KB).
 * Issue 5 (rubric and its editor, quick and full review, history with filters and pages, comparison,
 * session report, progress charts, self-review, backup export/import, 142 strings in three languages)
 * added 134 KB gzip (98 KB brotli): 435 KB. Issue 6 (interviewer mode: candidates, kits and their
 * editor, the live interview with clocks and scorecard, comparison, panel files, 103 strings in three
 * languages) added 97 KB more: 532 KB (405 KB brotli). twiggy shows no single culprit: it is Leptos
 * view code spread over the pages, plus the string tables and content (rubric, kits). wasm-opt
 * variants (--converge, --gufa) and opt-level "s" do not help (s is 74 KB bigger). Trunk 0.21 cannot
 * split the wasm to load candidate and interviewer pages on demand (trunk-rs/trunk#1022), so the
 * budget was 537 KB (1% over that figure, for toolchain drift).
 * Issue 11 (the state layer, route groups) took it from 532,319 to 530,944 B. Issue 12 (tabs that
 * agree: revisions, a checked write with a field-by-field merge, following storage events, the wipe
 * mark, Web Locks; the import journal, validation and room check; retention; honest refusals; 40
 * strings in three languages) adds 43 KB: 574 KB (434 KB brotli). twiggy (before wasm-opt) puts
 * about 60 KB of that in ui::state: the write path and the storage-event handler are one copy per
 * kind of record (11 kinds), although the merge and the checked write themselves are compiled once
 * (they work on JSON text). The budget is 580 KB; issue 13 (code per route group) is what brings the
 * first load down.
 */
const BUDGET_GZIP = 580 * 1000;

let cached;
const measured = () => {
  if (!cached) {
    const report = measure(DIST);
    cached = { report, split: chunkReport(DIST, report) };
  }
  return cached;
};

if (!existsSync(join(DIST, "chunks.json"))) {
  test(`gzip total of HTML+CSS+JS+wasm stays within ${BUDGET_GZIP} bytes (no chunks.json)`, () => {
    const { report } = measured();
    assert.ok(report.rows.some((r) => r.kind === ".wasm"), "dist/ holds the wasm");
    assert.ok(report.code.gzip <= BUDGET_GZIP, `gzip total ${report.code.gzip} B exceeds ${BUDGET_GZIP} B`);
  });
} else {
  test(`first load stays within ${FIRST_LOAD_BROTLI} B brotli`, () => {
    const { firstLoad } = measured().split;
    assert.ok(firstLoad.files.some((r) => r.kind === ".wasm"), "the first load holds the landing wasm");
    const brotli = firstLoad.total.brotli;
    assert.ok(brotli <= FIRST_LOAD_BROTLI, `first load: ${brotli} B brotli exceeds ${FIRST_LOAD_BROTLI} B`);
  });

  test("the first load carries no file of the app chunk", () => {
    const { split } = measured();
    const first = new Set(split.firstLoad.files.map((r) => r.file));
    for (const r of split.chunks.app?.files ?? []) assert.ok(!first.has(r.file), `${r.file} is in first_load`);
  });

  for (const budget of BUDGETS) {
    test(`${budget.chunk} stays within ${budget.brotli} B brotli (${budget.reason})`, () => {
      const rows = namedRows(measured().split);
      const chunks = chunksJson(measured().split);
      const mine = rows.filter((r) => budget.files(r.file, chunks));
      assert.ok(mine.length > 0, `no file in chunks.json matches the budget for ${budget.chunk}`);
      const brotli = mine.reduce((n, r) => n + r.brotli, 0);
      const list = mine.map((r) => r.file).join(", ");
      assert.ok(brotli <= budget.brotli, `${budget.chunk} (${list}): ${brotli} B brotli exceeds ${budget.brotli} B`);
    });
  }

  test("every file that chunks.json names has a budget", () => {
    const { split } = measured();
    const chunks = chunksJson(split);
    const loose = namedRows(split).filter((r) => !BUDGETS.some((b) => b.files(r.file, chunks)));
    assert.deepEqual(
      loose.map((r) => r.file),
      [],
      "give each new chunk a budget and its reason in tests/e2e/size.test.mjs",
    );
  });
}

/** Every distinct file row that chunks.json names (first_load, strings and every chunk). */
function namedRows(split) {
  const rows = [
    ...split.firstLoad.files,
    ...Object.values(split.strings),
    ...Object.values(split.chunks).flatMap((c) => c.files),
  ];
  return [...new Map(rows.map((r) => [r.file, r])).values()];
}

/** The strings map of chunks.json, as the budgets' `files` selectors see it (names relative to dist/). */
function chunksJson(split) {
  return { strings: Object.fromEntries(Object.entries(split.strings).map(([lang, r]) => [lang, r.file])) };
}

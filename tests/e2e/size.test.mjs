// The size budget: a deterministic check on the release dist/, not a timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { measure } from "../../scripts/size-report.mjs";

const DIST = process.env.DIST ?? "dist";
/**
 * gzip total of HTML+CSS+JS+wasm, in bytes.
 * 250 KB held the shell and the question bank (243 KB). The practice session (issue 4: recorder, timer,
 * mic check, review, summary, 79 strings in three languages) took it to 320 KB; replacing leptos_i18n
 * with our own string tables and minifying the JS glue brought it back to 301 KB (budget 305 KB).
 * Issue 5 (rubric and its editor, quick and full review, history with filters and pages, comparison,
 * session report, progress charts, self-review, backup export/import, 142 strings in three languages)
 * added 134 KB gzip (98 KB brotli): 435 KB. twiggy shows no single culprit: it is Leptos view code,
 * spread over the new pages, plus 119 KB raw of string tables and content. Trunk 0.21 cannot split the
 * wasm to load these pages later (trunk-rs/trunk#1022), so the budget is 440 KB (1.1% over today's
 * figure, for toolchain drift). Lower it once the wasm can be split or made smaller.
 */
const BUDGET_GZIP = 440 * 1000;

test(`gzip total of HTML+CSS+JS+wasm stays within ${BUDGET_GZIP} bytes`, () => {
  const report = measure(DIST);
  assert.ok(report.rows.some((r) => r.kind === ".wasm"), "dist/ holds the wasm");
  assert.ok(report.code.gzip <= BUDGET_GZIP, `gzip total ${report.code.gzip} B exceeds ${BUDGET_GZIP} B`);
});

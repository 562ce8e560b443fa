// The size budget: a deterministic check on the release dist/, not a timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { measure } from "../../scripts/size-report.mjs";

const DIST = process.env.DIST ?? "dist";
/** gzip total of HTML+CSS+JS+wasm, in bytes. This budget will tighten later. */
const BUDGET_GZIP = 250 * 1000;

test(`gzip total of HTML+CSS+JS+wasm stays within ${BUDGET_GZIP} bytes`, () => {
  const report = measure(DIST);
  assert.ok(report.rows.some((r) => r.kind === ".wasm"), "dist/ holds the wasm");
  assert.ok(report.code.gzip <= BUDGET_GZIP, `gzip total ${report.code.gzip} B exceeds ${BUDGET_GZIP} B`);
});

// Shared set-up for a test file: dist/ served under /a/b/, one Chromium, and browser contexts that
// are closed after every test, pass or fail.
import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { startServer } from "./server.mjs";
import { launch, watch } from "./browser.mjs";

export const DIST = process.env.DIST ?? "dist";

/** `args`: extra Chromium flags (see FAKE_MIC in browser.mjs). */
export function useApp({ args = [] } = {}) {
  const suite = { server: null, browser: null };
  const contexts = [];
  before(async () => {
    suite.server = await startServer({ root: DIST });
    suite.browser = await launch(args);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => {})));
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  /** A new context (closed after the test) with its first page and what it logs and requests. */
  suite.open = async (options) => {
    const context = await suite.browser.newContext(options);
    contexts.push(context);
    const seen = watch(context);
    const page = await context.newPage();
    return { context, page, seen };
  };
  /** Like `open`, with dialogs accepted (their messages kept in `dialogs`) and a page object. */
  suite.openWith = async (PageObject, options) => {
    const { context, page, seen } = await suite.open(options);
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.accept();
    });
    return { context, page, seen, dialogs, app: new PageObject(page, suite.server.url) };
  };
  return suite;
}

/** Runs axe-core on the page as it is and fails with every violation listed. */
export async function expectNoAxeViolations(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(summary, [], label);
}

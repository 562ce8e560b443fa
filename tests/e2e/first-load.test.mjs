// The first load (issue 13): a static shell that paints before any wasm, in the right language; a
// deep link's placeholder; the landing part adopting the shell with no layout shift, and the same
// page as the app's home page; the rest of the app loaded only when another page is visited; the
// phone frame (56 px header, bottom tab bar, no horizontal scroll); the mode switch remembered;
// offline on every route after one visit.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useApp, expectNoAxeViolations, DIST } from "./support/suite.mjs";
import { VIEWPORTS } from "./support/browser.mjs";
import { AppPage, ReviewPage } from "./support/app-page.mjs";

const suite = useApp();
const chunks = JSON.parse(readFileSync(join(DIST, "chunks.json"), "utf8"));
const [landingWasm, appWasm] = [chunks.chunks.landing[1], chunks.chunks.app[1]];
const HOME = { en: "Get ready for your customer-service interview", "zh-Hant": "為客服面試做好準備" };

/**
 * What a user sees of the frame and the page, one line per visible element: its tag, classes, link,
 * ARIA state and own text. The static shell's and the app's markup differ in what cannot be seen
 * (the other languages' copies, the other mode's tabs, the placeholder), not in this.
 */
const visibleFrame = () => {
  const lines = [];
  const walk = (el, depth) => {
    if (!el.checkVisibility()) return;
    const attrs = ["href", "aria-current", "aria-label", "aria-labelledby", "tabindex", "alt", "id"]
      .filter((a) => el.hasAttribute(a))
      .map((a) => `${a}=${el.getAttribute(a)}`);
    const classes = [...el.classList].filter((c) => c !== "shell").sort();
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join("");
    lines.push(`${"  ".repeat(depth)}${[el.localName, ...classes].join(".")} ${attrs.join(" ")} ${text}`.trimEnd());
    for (const child of el.children) walk(child, depth + 1);
  };
  for (const part of document.querySelectorAll(".app-root > header, #main, .app-root > footer")) walk(part, 0);
  return lines;
};

/** Records layout shifts and LCP candidates from the first paint on. */
const observe = () => {
  window.__shifts = [];
  window.__lcp = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__shifts.push(e.value))).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lcp.push(e.size))).observe({ type: "largest-contentful-paint", buffered: true });
};

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`first load on ${name}`, () => {
    test("the shell paints in the right language before any wasm, and a deep link shows a placeholder", async () => {
      const { context, page } = await suite.open({ ...device, locale: "zh-TW" });
      await context.route(/\.wasm$/, () => {}); // never answered: only the static shell can paint
      await page.goto(suite.server.url);
      const shell = page.locator('.shell[lang="zh-Hant"]');
      await shell.locator("h1").waitFor({ state: "visible" });
      assert.equal(await shell.locator("h1").textContent(), HOME["zh-Hant"]);
      assert.equal(await page.locator('.shell[lang="en"] h1').isVisible(), false);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-Hant");
      assert.equal(await shell.locator(".tab-home").isVisible(), true);
      assert.equal(await shell.locator(".tab-kits").isVisible(), false, "candidate mode's tabs only");

      await page.goto(suite.server.url + "#/history");
      await page.reload();
      await shell.locator(".page-placeholder").waitFor({ state: "visible" });
      assert.equal(await shell.locator(".home").isVisible(), false);
      const box = await shell.locator(".page-placeholder").boundingBox();
      assert.ok(box.height > device.viewport.height / 2, `placeholder ${box.height}px`);
    });

    test("the landing part adopts the shell with no shift; the rest of the app loads on the first visit elsewhere", async () => {
      const { context, page, seen } = await suite.open({ ...device, locale: "en-US" });
      const wasm = [];
      page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url().split("/").pop()));
      await page.addInitScript(observe);
      const app = new AppPage(page, suite.server.url);
      await app.open();
      assert.equal(await app.headingText(), HOME.en);
      // The landing part kept the shell of the language (the others are gone) and gave it the app's ids.
      assert.equal(await page.locator(".shell").count(), 1);
      assert.equal(await page.locator('.shell[lang="en"] #main h1#home-title').count(), 1);
      assert.equal(await page.locator(".app-root").count(), 1);
      assert.equal(await app.nav("Home").getAttribute("aria-current"), "page");
      assert.equal(await page.getByRole("link", { name: "Candidate", exact: true }).getAttribute("aria-current"), "true");
      assert.ok(wasm.includes(landingWasm), wasm.join());
      const home = await page.evaluate(visibleFrame);
      await page.waitForTimeout(300);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts, [], "CLS 0");
      const lcp = await page.evaluate(() => window.__lcp);
      assert.equal(lcp.length, 1, `one LCP entry (the shell's), not a later one: ${lcp}`);

      await app.nav("Questions").click();
      await page.locator('[data-testid="question"]').first().waitFor();
      assert.ok(wasm.includes(appWasm), wasm.join());
      assert.equal(await page.locator(".app-root").count(), 1);
      assert.equal(await page.locator(".shell").count(), 0, "the app took the shell's place");
      assert.equal(await app.nav("Questions").getAttribute("aria-current"), "page");
      // After the handover from the landing part, focus is on the new page's heading, as after any navigation.
      await page.waitForFunction(() => document.activeElement?.matches("#main h1"));
      await app.nav("Home").click();
      await app.ready();
      assert.equal(await app.headingText(), HOME.en);
      // The adopted shell was the app's own home page: the same elements, text, links and state.
      assert.deepEqual(await page.evaluate(visibleFrame), home);
      assert.deepEqual(seen.errors, []);
      await context.close();
    });

    test("the adopted home page offers to resume an unfinished session; the skip link stays on the page", async () => {
      const { context, page, seen } = await suite.open({ ...device, locale: "en-US" });
      const app = new ReviewPage(page, suite.server.url);
      await app.open();
      assert.equal(await page.getByRole("link", { name: "Resume practice" }).count(), 0, "nothing to resume yet");
      if (name === "desktop") {
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => document.activeElement?.id === "main");
        assert.ok(["", "#/"].includes(await page.evaluate(() => location.hash)), "the skip link is not an address");
      }
      await app.startTyped("#/practice/question/angry-customer");
      await page.goto(suite.server.url);
      await app.ready();
      assert.equal(await page.locator(".shell").count(), 1, "the landing part, not the app");
      const resume = page.getByRole("link", { name: "Resume practice" });
      await resume.waitFor();
      const home = await page.evaluate(visibleFrame);
      await resume.click();
      await page.locator("#practice-question").waitFor();
      await page.goto(suite.server.url + "#/questions");
      await app.ready();
      await app.nav("Home").click();
      await app.ready();
      assert.deepEqual(await page.evaluate(visibleFrame), home, "the app's home page shows the same");
      assert.deepEqual(seen.errors, []);
      await context.close();
    });

    test("where the landing part cannot load, the whole app takes the home page; the shell's skip link works before any wasm", async () => {
      const { context, page, seen } = await suite.open({ ...device, locale: "en-US" });
      let wasmAsked = false;
      await context.route((url) => url.pathname.endsWith(appWasm), async (route) => {
        wasmAsked = true;
        // Held until the skip link has been tried on the static shell alone.
        await new Promise((ok) => setTimeout(ok, 1500));
        await route.continue();
      });
      await context.route((url) => url.pathname.endsWith(landingWasm), (route) => route.abort());
      const app = new AppPage(page, suite.server.url);
      await page.goto(suite.server.url);
      await page.locator('.shell[lang="en"] h1').waitFor();
      if (name === "desktop") {
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => document.activeElement?.localName === "main");
        assert.equal(await page.evaluate(() => location.hash), "", "the skip link is not an address");
      }
      await app.ready();
      assert.equal(await app.headingText(), HOME.en);
      assert.ok(wasmAsked);
      assert.equal(await page.locator(".shell").count(), 0, "the app took the shell's place");
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-boot")), null);
      await app.nav("Questions").click();
      await page.locator('[data-testid="question"]').first().waitFor();
      assert.deepEqual(seen.errors.filter((e) => !/landing|Failed to load resource|WebAssembly|fetch/i.test(e)), []);
      await context.close();
    });

    test("the frame: mode switch remembered, tabs per mode, every page without horizontal scroll", async () => {
      const { context, page, seen } = await suite.open({ ...device, locale: "en-US" });
      const app = new AppPage(page, suite.server.url);
      await app.open();
      const header = await page.locator(".app-header").boundingBox();
      if (name === "phone") {
        assert.ok(header.height <= 56, `header ${header.height}px`);
        const bar = await page.locator(".app-nav").boundingBox();
        assert.ok(Math.abs(bar.y + bar.height - device.viewport.height) <= 1, "the tab bar sits at the bottom");
      }
      const tabs = async () => page.locator(".app-nav .tab-label:visible").allTextContents();
      assert.deepEqual(await tabs(), ["Home", "Questions", "Practice", "History", "Progress", "More"]);
      await page.getByRole("link", { name: "Interviewer", exact: true }).click();
      await app.ready();
      assert.deepEqual(await tabs(), ["Candidates", "Kits", "Compare", "More"]);
      // A page both modes share keeps the mode; so does a reload of one.
      await app.nav("More").click();
      await page.locator("#main .more").waitFor();
      assert.deepEqual(await tabs(), ["Candidates", "Kits", "Compare", "More"]);
      await app.reload();
      assert.deepEqual(await tabs(), ["Candidates", "Kits", "Compare", "More"]);
      assert.equal(await page.evaluate(() => localStorage.getItem("csic-mode")), "interviewer");

      const pages = ["#/", "#/questions", "#/practice", "#/history", "#/progress", "#/more", "#/settings", "#/data",
        "#/rubric", "#/sets", "#/checklist", "#/self-review", "#/interviewer", "#/interviewer/kits",
        "#/interviewer/compare", "#/interviewer/guide"];
      for (const hash of pages) {
        await app.open(hash);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(wide <= 0, `${hash} scrolls sideways by ${wide}px`);
      }
      await expectNoAxeViolations(page, "interviewer guide");
      assert.deepEqual(seen.errors, []);
      await context.close();
    });

    test("after one online visit, every route works offline, in the first load's language and another", async () => {
      const { context, page } = await suite.open({ ...device, locale: "en-US" });
      const app = new AppPage(page, suite.server.url);
      const before = suite.server.hits(appWasm);
      await app.open();
      await app.waitForServiceWorker();
      // The rest of the app is prefetched once the service worker controls the page: from its cache,
      // so the service worker's precache is the one download.
      await page.waitForFunction((wasm) => performance.getEntriesByType("resource").some((e) => e.name.endsWith(wasm)), appWasm);
      assert.equal(suite.server.hits(appWasm) - before, 1, "the app's wasm is downloaded once");
      await context.setOffline(true);
      for (const hash of ["#/questions", "#/history", "#/progress", "#/more", "#/interviewer", "#/interviewer/kits", "#/settings"]) {
        await page.goto(suite.server.url + hash);
        await app.ready();
        assert.ok((await app.headingText()).length > 0, hash);
      }
      await app.chooseLanguage("zh-Hant");
      await page.goto(suite.server.url);
      await app.ready();
      assert.equal(await app.headingText(), HOME["zh-Hant"]);
      await context.close();
    });
  });
}

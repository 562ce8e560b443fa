// The app shell against the release dist/, served under /a/b/, on a desktop and a phone viewport.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { VIEWPORTS } from "./support/browser.mjs";
import { expectNoAxeViolations, useApp } from "./support/suite.mjs";
import { AppPage } from "./support/app-page.mjs";

const HOME = { en: "Get ready for your customer-service interview", "zh-Hans": "为客服面试做好准备", "zh-Hant": "為客服面試做好準備" };
const SETTINGS = { en: "Settings", "zh-Hans": "设置", "zh-Hant": "設定" };

const suite = useApp();

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`app shell on ${name}`, () => {
    const open = async (options = {}) => {
      const { context, page, seen } = await suite.open({ ...device, locale: "en-US", ...options });
      return { context, page, app: new AppPage(page, suite.server.url), seen };
    };

    test("loads with no console errors, and every request stays on the app's origin", async () => {
      const { context, page, app, seen } = await open();
      await app.open();
      assert.equal(await app.headingText(), HOME.en);
      // A full session: every page, a language switch, a reload and a deep link.
      await app.viaMore("Settings");
      await app.nav("Questions").click();
      await page.locator('[data-testid="question"]').first().waitFor();
      await page.locator("#q-search").fill("customer");
      await app.viaMore("Sets");
      await app.viaMore("Checklist");
      await app.chooseLanguage("zh-Hant");
      await app.reload();
      await page.goto(suite.server.url + "#/no-such-page");
      await app.ready();
      await app.chooseLanguage("en");
      await page.waitForTimeout(300);
      assert.deepEqual(seen.errors, []);
      assert.ok(seen.requests.length > 5, `saw ${seen.requests.length} requests`);
      const foreign = seen.requests.filter((u) => new URL(u).origin !== suite.server.origin);
      assert.deepEqual(foreign, []);
      await context.close();
    });

    test("navigation, deep-link reload, back and forward", async () => {
      const { context, page, app } = await open();
      await app.open();
      await app.viaMore("Settings");
      assert.equal(await app.headingText(), SETTINGS.en);
      assert.match(page.url(), /\/a\/b\/#\/settings$/);
      assert.equal(await app.nav("More").getAttribute("aria-current"), "page");
      // Focus moves to the new page's heading.
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");

      await app.reload();
      assert.equal(await app.headingText(), SETTINGS.en);

      await page.goBack();
      await page.waitForFunction(() => location.hash === "#/more");
      await page.goBack();
      await page.waitForFunction(() => location.hash === "" || location.hash === "#/");
      assert.equal(await app.headingText(), HOME.en);
      await page.goForward();
      await page.waitForFunction(() => location.hash === "#/more");
      await page.goForward();
      await page.waitForFunction(() => location.hash === "#/settings");
      assert.equal(await app.headingText(), SETTINGS.en);

      // A deep link opened cold.
      const fresh = await context.newPage();
      const other = new AppPage(fresh, suite.server.url);
      await other.open("#/settings");
      assert.equal(await other.headingText(), SETTINGS.en);
      assert.match(await fresh.title(), /^Settings · /);

      // Unknown routes: a friendly page with a way home.
      await other.open("#/nowhere/at/all");
      assert.equal(await other.headingText(), "Page not found");
      assert.match(await fresh.locator("#main").textContent(), /\/nowhere\/at\/all/);
      await fresh.getByRole("link", { name: "Go to the home page" }).click();
      await other.ready();
      assert.equal(await other.headingText(), HOME.en);
      await context.close();
    });

    test("the language switch applies at once, sets <html lang>, and persists across a reload", async () => {
      const { context, app } = await open();
      await app.open();
      assert.equal(await app.htmlLang(), "en");
      for (const tag of ["zh-Hans", "zh-Hant", "en", "zh-Hant"]) {
        await app.chooseLanguage(tag);
        assert.equal(await app.headingText(), HOME[tag]);
      }
      await app.reload();
      assert.equal(await app.htmlLang(), "zh-Hant");
      assert.equal(await app.headingText(), HOME["zh-Hant"]);
      await app.open("#/more");
      assert.equal(await app.page.locator("#lang-more").inputValue(), "zh-Hant");
      await context.close();
    });

    test("the first language follows navigator.languages", async () => {
      const cases = [
        ["zh-TW", "zh-Hant"],
        ["zh-HK", "zh-Hant"],
        ["zh-CN", "zh-Hans"],
        ["zh-SG", "zh-Hans"],
        ["fr-FR", "en"],
      ];
      for (const [locale, expected] of cases) {
        const { context, app } = await open({ locale });
        await app.open();
        assert.equal(await app.htmlLang(), expected, locale);
        assert.equal(await app.headingText(), HOME[expected], locale);
        await context.close();
      }
    });

    test("a corrupt saved setting is reported, set aside, and the app still works", async () => {
      const { context, page, app, seen } = await open();
      await app.open();
      await page.evaluate(() => localStorage.setItem("csic:settings:app", "{broken"));
      await app.reload();
      const notice = page.getByRole("status").filter({ hasText: "could not be read" });
      await notice.waitFor();
      const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("csic:unreadable:")));
      assert.equal(aside.length, 1);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside[0]), "{broken");
      await page.getByRole("button", { name: "Dismiss" }).click();
      assert.equal(await notice.count(), 0);
      await app.chooseLanguage("zh-Hans");
      await app.reload();
      assert.equal(await app.htmlLang(), "zh-Hans");
      assert.deepEqual(seen.errors.filter((e) => !e.includes("storage:")), []);
      await context.close();
    });

    test("axe finds no violations on any page, in any language", async () => {
      const { context, page, app } = await open();
      for (const tag of ["en", "zh-Hans", "zh-Hant"]) {
        for (const hash of ["#/", "#/settings", "#/missing", "#/sets", "#/checklist"]) {
          await app.open(hash);
          if ((await app.htmlLang()) !== tag) await app.chooseLanguage(tag);
          await expectNoAxeViolations(page, `${tag} ${hash}`);
        }
      }
      await context.close();
    });
  });
}

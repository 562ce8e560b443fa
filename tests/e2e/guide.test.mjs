// Issue 15: the interviewer's guide (seed 002), reachable from the interviewer's home and from a live
// interview, in English and 繁體, on a laptop and a phone.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { VIEWPORTS } from "./support/browser.mjs";
import { expectNoAxeViolations as axe, useApp } from "./support/suite.mjs";
import { InterviewerPage } from "./support/app-page.mjs";

const GUIDE = JSON.parse(readFileSync(new URL("../../content/guide.json", import.meta.url), "utf8"));
const suite = useApp();

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`the interviewer's guide on ${name}`, () => {
    /** Checks the guide page is shown, complete, in `lang`. */
    const expectGuide = async (app, lang, title) => {
      await app.page.locator("#guide-title").waitFor();
      assert.equal(await app.headingText(), title);
      const items = app.page.getByTestId("guide-item");
      assert.equal(await items.count(), GUIDE.items.length);
      for (const [i, item] of GUIDE.items.entries()) {
        const card = items.nth(i);
        assert.equal((await card.locator("h2").textContent()).trim(), item.title[lang]);
        assert.match(await card.locator(".sources").textContent(), /002 /);
      }
    };

    test("reachable from the interviewer's home and from a live interview, in English and 繁體", async () => {
      const { app, page, seen } = await suite.openWith(InterviewerPage, { ...device, locale: "en-US" });
      await app.setName("Alice");
      await app.main().getByRole("link", { name: "Interviewer's guide", exact: true }).click();
      await expectGuide(app, "en", "Interviewer's guide");
      await axe(page, "guide en");

      await app.open("#/interviewer");
      await app.addCandidate("Lin Mei", "Support rep");
      await app.openCandidate("Lin Mei");
      await app.startInterview("phone-screen");
      await app.main().getByRole("link", { name: "Interviewer's guide", exact: true }).click();
      await expectGuide(app, "en", "Interviewer's guide");
      // Back to the interview: nothing was lost.
      await page.goBack();
      await page.getByTestId("question-position").waitFor();
      assert.equal(await app.position(), "Question 1 of 16");

      await app.chooseLanguage("zh-Hant");
      await app.main().getByRole("link", { name: "面試官指南", exact: true }).click();
      await expectGuide(app, "zh-Hant", "面試官指南");
      assert.match(await page.locator("#main").textContent(), /危險訊號/);
      assert.ok((await page.title()).startsWith("面試官指南 · "), await page.title());
      await axe(page, "guide zh-Hant");
      await app.open("#/interviewer");
      await app.main().getByRole("link", { name: "面試官指南", exact: true }).click();
      await expectGuide(app, "zh-Hant", "面試官指南");
      assert.deepEqual(seen.errors, []);
    });
  });
}

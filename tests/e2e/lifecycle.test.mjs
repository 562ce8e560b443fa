// Timers and listeners end with the page that started them, under Playwright's fake clock (whose
// timer ids pass 2³¹, which once made a practice page's 200 ms tick outlive it).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { FAKE_MIC, VIEWPORTS } from "./support/browser.mjs";
import { useApp } from "./support/suite.mjs";
import { InterviewerPage, PracticePage } from "./support/app-page.mjs";

const suite = useApp({ args: FAKE_MIC });

/** Ten simulated seconds, in steps, so that any timer left behind fires about fifty times. */
async function tenSeconds(page) {
  for (let i = 0; i < 10; i++) await page.clock.runFor(1000);
}

describe("timers end with their page", () => {
  test("after practising and leaving, nothing of the practice page keeps running", async () => {
    const { app, page, context, seen } = await suite.openWith(PracticePage, { ...VIEWPORTS.desktop, locale: "en-US" });
    await context.clock.install();
    await app.startAnswering("#/practice/question/angry-customer");
    await page.clock.runFor(2500);
    await app.stop();
    await app.waitSaved(1);
    // Leave by the app's own navigation (no reload), to the history page.
    await page.evaluate(() => (location.hash = "#/history"));
    await page.locator("#main h1").filter({ hasText: "History" }).waitFor();
    await tenSeconds(page);
    assert.deepEqual(seen.errors, []);
    // The page is still alive and answers.
    await page.evaluate(() => (location.hash = "#/progress"));
    await page.locator("#main h1").filter({ hasText: "Progress" }).waitFor();
    assert.deepEqual(seen.errors, []);
  });

  test("after a live interview and leaving, its clock stops too", async () => {
    const { app, page, context, seen } = await suite.openWith(InterviewerPage, { ...VIEWPORTS.desktop, locale: "en-US" });
    await context.clock.install();
    await app.setName("Lee");
    await app.open("#/interviewer");
    await app.addCandidate("Kim Chan", "Support");
    await app.openCandidate("Kim Chan");
    await app.startInterview();
    await page.clock.runFor(3000);
    await page.evaluate(() => (location.hash = "#/interviewer"));
    await page.getByTestId("candidate-row").first().waitFor();
    await tenSeconds(page);
    assert.deepEqual(seen.errors, []);
  });
});

// Issue 6: interviewer mode, offline, against the release dist/ under /a/b/.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VIEWPORTS } from "./support/browser.mjs";
import { expectNoAxeViolations as axe, useApp } from "./support/suite.mjs";
import { InterviewerPage } from "./support/app-page.mjs";

const suite = useApp();

const open = (device, options = {}) =>
  suite.openWith(InterviewerPage, { locale: "en-US", acceptDownloads: true, ...device, ...options });

/** Loads the app, lets the service worker take over, then cuts the network. */
async function goOffline(app, context) {
  await app.open("#/");
  await app.waitForServiceWorker();
  await context.setOffline(true);
  await app.reload();
}

const TABLET = { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true };

for (const [name, device] of Object.entries({ laptop: VIEWPORTS.desktop, tablet: TABLET })) {
  describe(`an interview on a ${name}, offline`, () => {
    test("create a candidate, run the phone screen, rate, flag, recommend, reload mid-interview and resume", async () => {
      const { app, page, context, seen } = await open(device);
      await goOffline(app, context);
      await app.setName("Alice");
      await app.addCandidate("Chen Jing", "Support rep");
      await axe(page, "interviewer");
      await app.openCandidate("Chen Jing");
      await app.startInterview("phone-screen");
      assert.equal(await app.position(), "Question 1 of 16");
      // What to look for and the warning signs, for the interviewer's eyes.
      assert.ok((await page.locator(".for-interviewer li").count()) >= 2);
      await app.button("Start the clock").click();
      await page.locator("#question-notes").fill("Clear definition; gave an example.");
      await app.main().locator('input[name="question-rating"][value="4"]').check();
      await app.button("Next question").click();
      await page.getByTestId("question-position").filter({ hasText: "Question 2 of 16" }).waitFor();
      await app.flag("flustered-defensive", "critical");
      await app.rate("criteria/enthusiasm", 4);
      await app.rate("qualities/patience", 2);
      await app.main().locator('input[data-trait="growth-mindset"]').check();
      await page.locator("#card-takeaways").fill("Strong communicator, defensive under pressure.");
      await app.recommend("strong-yes");
      await page.getByTestId("critical-rule").waitFor();
      await axe(page, "live interview");
      await page.waitForTimeout(1200);
      await app.reload();
      // Resumed: same question, the clock kept running, everything as it was.
      assert.equal(await app.position(), "Question 2 of 16");
      assert.notEqual(await page.getByTestId("total-clock").textContent(), "0:00");
      assert.equal(await page.locator('select[data-flag="flustered-defensive"]').inputValue(), "critical");
      assert.ok(await app.main().locator('input[data-key="qualities/patience"][value="2"]').isChecked());
      assert.equal(await page.locator("#card-takeaways").inputValue(), "Strong communicator, defensive under pressure.");
      await app.button("Previous question").click();
      await page.getByTestId("question-position").filter({ hasText: "Question 1 of 16" }).waitFor();
      assert.equal(await page.locator("#question-notes").inputValue(), "Clear definition; gave an example.");
      // The critical flag blocks "strong yes" until a reason is written.
      await app.button("Submit my scorecard").click();
      await page.getByTestId("submit-error").waitFor();
      assert.equal(await page.getByTestId("submitted").count(), 0);
      await page.locator("#card-reason").fill("Defensive once, under a deliberately unfair question.");
      await app.button("Submit my scorecard").click();
      await page.getByTestId("submitted").waitFor();
      await page.getByRole("link", { name: "Back to the candidate" }).click();
      await page.getByTestId("scorecard").waitFor();
      assert.equal(await page.getByTestId("card-recommendation").first().textContent(), "Strong yes");
      assert.deepEqual(seen.errors, []);
    });
  });
}

describe("the section budget", () => {
  test("warns near the end of a section's budget and shows the overrun", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await page.clock.install();
    await app.setName("Alice");
    await app.addCandidate("Lee");
    await app.openCandidate("Lee");
    await app.startInterview("phone-screen");
    // The phone screen opens with a 5-minute section.
    await app.button("Start the clock").click();
    await page.clock.fastForward(4 * 60_000 + 5_000);
    await page.locator('.clocks[data-budget="near"]').waitFor();
    await page.clock.fastForward(2 * 60_000);
    await page.locator('.clocks[data-budget="over"]').waitFor();
    assert.match(await page.getByTestId("budget-warning").textContent(), /Over this section's budget by 1:0\d/);
  });
});

function seedCandidates(n) {
  for (let i = 0; i < n; i++) {
    const id = `cand-${i}`;
    localStorage.setItem(`csic:candidate:${id}`, JSON.stringify({ v: 1, data: { id, name: `Candidate ${String.fromCharCode(65 + i)}`, role: "Support", status: "onsite", created_ms: i } }));
    const card = {
      id: `card-${i}`, candidate: id, interviewer: { id: "i-me", name: "Me" }, kit: "phone-screen", kit_name: "Phone screen", sections: [],
      ratings: { "criteria/skills": 1 + (i % 5), "criteria/enthusiasm": 5 - (i % 5) },
      flags: i % 3 === 0 ? { unprepared: "minor" } : {}, recommendation: ["strong-no", "no", "mixed", "yes", "strong-yes"][i % 5],
      submitted_ms: 5, started_ms: i,
    };
    localStorage.setItem(`csic:scorecard:card-${i}`, JSON.stringify({ v: 1, data: card }));
  }
  localStorage.setItem("csic:settings:app", JSON.stringify({ v: 1, data: { interviewer: { id: "i-me", name: "Me" } } }));
}

for (const [name, device] of Object.entries(VIEWPORTS)) {
  test(`compare 10 candidates on ${name}, sorted by any column`, async () => {
    const { app, page } = await open(device);
    await app.open("#/");
    await page.evaluate(seedCandidates, 10);
    await app.open("#/interviewer/compare");
    await app.reload();
    const rows = page.getByTestId("compare-row");
    await rows.nth(9).waitFor();
    assert.equal(await rows.count(), 10);
    // Sort with the column headers on a laptop, with the "Sort by" list on a phone (no header there).
    const sortBy = (key) =>
      name === "phone" ? page.getByTestId("sort-by").selectOption(key) : page.locator(`button[data-sort="${key}"]`).click();
    await sortBy("criteria/skills");
    const first = async () => (await rows.first().locator("th a").textContent()).trim();
    // Skills 5 went to candidates E and J (i % 5 == 4).
    assert.match(await first(), /^Candidate (E|J)$/);
    await sortBy("flags");
    assert.match(await rows.first().locator("td").nth(1).textContent(), /^1/);
    await sortBy("name");
    assert.equal(await first(), "Candidate A");
    if (name === "phone") {
      // Stacked cards, no sideways scrolling.
      assert.equal(await rows.first().evaluate((el) => getComputedStyle(el).display), "block");
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(scroll <= 0, `horizontal scroll ${scroll}px`);
    } else {
      assert.equal(await rows.first().evaluate((el) => getComputedStyle(el).display), "table-row");
    }
    await axe(page, "compare candidates");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".app-header").isVisible(), false);
  });
}

test("compare candidates in 简体 on a 1280 px laptop: headers keep several characters a line; the red-flag cell has a legend", async () => {
  const { app, page } = await open(VIEWPORTS.desktop, { locale: "zh-CN" });
  await app.open("#/");
  await page.evaluate(seedCandidates, 3);
  // Candidate A's flag is critical: the cell reads "1 (⚑ 1)".
  await page.evaluate(() => {
    const key = "csic:scorecard:card-0";
    const doc = JSON.parse(localStorage.getItem(key));
    doc.data.flags = { unprepared: "critical" };
    localStorage.setItem(key, JSON.stringify(doc));
  });
  await app.open("#/interviewer/compare");
  await app.reload();
  assert.equal(await app.htmlLang(), "zh-Hans");
  await page.getByTestId("compare-row").nth(2).waitFor();
  // Every header keeps at least three characters a line (or all of them on one line).
  const cramped = await page.locator(".candidates-table thead th button").evaluateAll((buttons) =>
    buttons
      .map((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom))).size;
        const chars = b.textContent.replace(/[\s▼]/g, "").length;
        return [b.textContent.trim(), lines, chars];
      })
      .filter(([, lines, chars]) => lines > 1 && chars / lines < 3),
  );
  assert.deepEqual(cramped, []);
  const cell = page.getByTestId("compare-row").filter({ hasText: "Candidate A" }).locator("td").nth(1);
  assert.match(await cell.innerText(), /^1 \(⚑/);
  assert.match(await page.getByTestId("compare-legend").textContent(), /⚑ 2/);
  assert.equal(await page.getByTestId("candidates-table").getAttribute("aria-describedby"), "compare-legend");
  await axe(page, "compare candidates in 简体");
});

describe("the offline panel", () => {
  test("two interviewers' files merge into a third browser, blind until this interviewer submits", async () => {
    const dir = mkdtempSync(join(tmpdir(), "csic-panel-"));
    const files = [];
    for (const [who, skills] of [["Alice", 4], ["Bob", 2]]) {
      const { app, page } = await open(VIEWPORTS.desktop);
      await app.setName(who);
      await app.addCandidate("Wu Min", "Support rep");
      await app.openCandidate("Wu Min");
      await app.startInterview("phone-screen");
      await app.quickScorecard({ skills, recommendation: skills > 3 ? "yes" : "no" });
      await app.open("#/interviewer");
      const [download] = await Promise.all([page.waitForEvent("download"), app.button("Export my scorecards").click()]);
      const file = join(dir, `${who}.json`);
      await download.saveAs(file);
      files.push(file);
    }
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.setName("Carol");
    await app.addCandidate("wu  min");
    for (const file of files) {
      await page.locator("#panel-file").setInputFiles(file);
      await page.getByTestId("panel-plan").filter({ hasText: "New candidates: 0; new scorecards: 1; already here: 0." }).waitFor();
      await app.button("Merge").click();
      await page.getByTestId("panel-done").waitFor();
    }
    // Idempotent: the same file again adds nothing.
    await page.locator("#panel-file").setInputFiles(files[0]);
    await page.getByTestId("panel-plan").filter({ hasText: "already here: 1" }).waitFor();
    assert.equal(await app.main().getByRole("button", { name: "Merge" }).count(), 0);
    // Blind: Carol sees that two scorecards exist, not what they say.
    await app.openCandidate("wu  min");
    await page.getByTestId("blind").filter({ hasText: "Scorecards from colleagues: 2" }).waitFor();
    assert.equal(await page.getByTestId("scorecard").count(), 0);
    await app.startInterview("phone-screen");
    await app.quickScorecard({ skills: 3, recommendation: "mixed" });
    await app.openCandidate("wu  min");
    await page.getByTestId("scorecard").nth(2).waitFor();
    assert.equal(await page.getByTestId("blind").count(), 0);
    const recs = await page.getByTestId("card-recommendation").allTextContents();
    assert.deepEqual([...recs].sort(), ["Mixed", "No", "Yes"]);
    // The comparison averages all three now: skills (4 + 2 + 3) / 3.
    await app.open("#/interviewer/compare");
    assert.match(await page.getByTestId("compare-row").first().textContent(), /3\.0/);
  });

  test("a changed scorecard from the same colleague is shown as a conflict, not overwritten", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.setName("Alice");
    await app.addCandidate("Zhao Lei");
    await app.openCandidate("Zhao Lei");
    await app.startInterview("phone-screen");
    await app.quickScorecard({ skills: 4 });
    await app.open("#/interviewer");
    const dir = mkdtempSync(join(tmpdir(), "csic-conflict-"));
    const [d1] = await Promise.all([page.waitForEvent("download"), app.button("Export my scorecards").click()]);
    const first = join(dir, "first.json");
    await d1.saveAs(first);
    // Change the scorecard here, then import the older file.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("csic:scorecard:"));
      const doc = JSON.parse(localStorage.getItem(key));
      doc.data.takeaways = "Changed after export.";
      localStorage.setItem(key, JSON.stringify(doc));
    });
    await app.reload();
    await page.locator("#panel-file").setInputFiles(first);
    await page.getByTestId("panel-conflicts").filter({ hasText: "Alice's scorecard for Zhao Lei" }).waitFor();
    await app.button("Merge").click();
    await page.getByTestId("panel-done").filter({ hasText: "(0 replaced)" }).waitFor();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("csic:scorecard:")).map((k) => JSON.parse(localStorage.getItem(k)).data.takeaways));
    assert.deepEqual(kept, ["Changed after export."]);
  });
});

describe("candidates and kits", () => {
  test("deleting a candidate removes everything about them from localStorage and IndexedDB", async () => {
    const { app, page, dialogs } = await open(VIEWPORTS.desktop);
    await app.setName("Alice");
    await app.addCandidate("Sun Yue", "Team lead");
    await app.addCandidate("Keep Me");
    await app.openCandidate("Sun Yue");
    await app.startInterview("situational-onsite");
    await page.locator("#question-notes").fill("Notes about Sun Yue");
    await app.quickScorecard({ skills: 3, recommendation: "no" });
    const id = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("csic:scorecard:")))).data.candidate);
    await app.openCandidate("Sun Yue");
    await app.button("Delete this candidate").click();
    await page.getByTestId("candidate-row").filter({ hasText: "Keep Me" }).waitFor();
    assert.match(dialogs.at(-1), /Delete Sun Yue and every scorecard about them\?/);
    const all = JSON.stringify(await app.storage());
    assert.ok(!all.includes(id), "no key or value mentions the candidate's id");
    assert.ok(!all.includes("Sun Yue"), "nor their name");
    assert.ok(all.includes("Keep Me"));
    const idb = await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      const found = [];
      for (const { name } of dbs) {
        const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = fail; });
        for (const store of db.objectStoreNames) {
          const keys = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAllKeys(); r.onsuccess = () => ok(r.result); });
          found.push(...keys.map(String));
        }
        db.close();
      }
      return found;
    });
    assert.ok(!idb.some((k) => k.includes(id)), `IndexedDB keys: ${idb}`);
  });

  test("copy a built-in kit, edit it, and interview with it: same questions, same order", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.setName("Alice");
    await app.open("#/interviewer/kits");
    assert.equal(await page.getByTestId("kit").count(), 3);
    await page.getByTestId("kit").first().getByRole("button", { name: "Copy" }).click();
    await page.locator("#kit-name").waitFor();
    await page.locator("#kit-name").fill("Phone screen, short");
    await page.locator("#kit-name").blur();
    await page.locator("#section-minutes-0").fill("3");
    await page.locator("#section-minutes-0").blur();
    await page.getByTestId("kit-meta").filter({ hasText: "28 min" }).waitFor();
    await page.locator("#section-add-0").selectOption("handle-stress");
    await page.getByTestId("kit-meta").filter({ hasText: "questions: 17" }).waitFor();
    await axe(page, "kit editor");
    await app.open("#/interviewer");
    await app.addCandidate("Ma Li");
    await app.openCandidate("Ma Li");
    const kitId = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("csic:kit:")).split(":")[2]);
    await app.startInterview(kitId);
    assert.equal(await app.position(), "Question 1 of 17");
  });
});

// Issue 5: the rubric after an answer, history, comparison, progress, self-review and backup,
// against the release dist/ under /a/b/.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAKE_MIC, VIEWPORTS } from "./support/browser.mjs";
import { expectNoAxeViolations as axe, useApp } from "./support/suite.mjs";
import { ReviewPage } from "./support/app-page.mjs";

const suite = useApp({ args: FAKE_MIC });

const open = (device, options = {}) =>
  suite.openWith(ReviewPage, { locale: "en-US", acceptDownloads: true, ...device, ...options });

// The practice buttons' names in 繁體 and 简体.
const HANT = { typeInstead: "改為打字作答", start: "開始", answerNow: "立即開始作答", stop: "停止" };
const HANS = { typeInstead: "改为打字作答", start: "开始", answerNow: "立即开始作答", stop: "停止" };

const ANSWER =
  "Um, first I would listen and let them finish, then restate the problem. I would apologise and offer a refund or a replacement.";

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`scoring on ${name}`, () => {
    test("answer, score with the quick rubric, reload, and see it in history and on the chart", async () => {
      const { app, page, seen } = await open(device);
      await app.startTyped("#/practice/question/angry-customer");
      await app.typeAnswer(ANSWER);
      await page.locator(".quick-rubric").waitFor();
      await axe(page, "quick rubric");
      assert.match(await app.score_text().textContent(), /Not scored/);
      await app.score("structure/situation");
      await app.score("communication/restate-need");
      await app.score("criteria/skills", 4);
      await app.score("red-flags/unprepared");
      // Level 4's description shows under the scale, so a "4" means the same to everybody.
      assert.match(await page.locator('fieldset.scale:has(input[data-key="criteria/skills"]) .level-text').textContent(), /^4: \S/);
      // 2 of 10 ticked and 3 points of 4 on one scale: 5 / 14 = 36 %.
      await app.score_text().filter({ hasText: "Score: 36%" }).waitFor();
      assert.match(await app.score_text().textContent(), /2 of 10 ticked · ⚑ Red flags: 1/);
      await page.locator("textarea[id^=differently-]").fill("Give a concrete example.");
      await app.reload();
      // The session resumes on the review, with the marks as they were.
      assert.ok(await app.mark("criteria/skills", 4).isChecked());
      assert.ok(await app.mark("red-flags/unprepared").isChecked());
      assert.equal(await page.locator("textarea[id^=differently-]").inputValue(), "Give a concrete example.");
      await app.nav("History").click();
      await app.historyRows().first().waitFor();
      assert.equal(await app.historyRows().count(), 1);
      assert.match(await app.historyRows().first().getByTestId("history-score").textContent(), /36%\s*⚑ 1/);
      await axe(page, "history");
      await app.historyRows().first().getByRole("link").click();
      await page.getByTestId("coverage").waitFor();
      assert.ok(await app.mark("structure/situation").isChecked());
      assert.equal(await page.getByTestId("typed").textContent(), ANSWER);
      // Coverage names the keyword it found; delivery counts the filler.
      assert.match(await page.getByTestId("coverage").textContent(), /touched [1-9] of \d talking points/);
      assert.match(await page.getByTestId("coverage").textContent(), /“listen”/);
      assert.match(await page.getByTestId("fillers").textContent(), /“um” × 1/);
      await axe(page, "attempt");
      // Example answers show on the answer page, now that the question has been answered once.
      const examples = page.getByTestId("examples");
      await examples.waitFor();
      await examples.locator("summary").click();
      assert.match(await examples.locator(".example.strong").textContent(), /A strong answer[\s\S]{300,}Why:/);
      assert.match(await examples.locator(".example.weak").textContent(), /A weak answer[\s\S]{100,}Why:/);
      await axe(page, "attempt with example answers");
      // The progress chart has a point, and the table the same week.
      await app.nav("Progress").click();
      await page.getByTestId("charts").waitFor();
      assert.ok((await page.locator(".chart").count()) >= 8, "sessions, score and 7 scales");
      assert.equal(await page.locator(".chart circle").count() > 0, true);
      await page.getByText("Show the figures as a table").click();
      const cells = await page.getByTestId("progress-table").locator("tbody tr").first().locator("td").allTextContents();
      assert.equal(cells[0], "1", "one session this week");
      assert.equal(cells[1], "36.0", "score");
      await axe(page, "progress");
      if (name === "phone") {
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(scroll <= 0, `horizontal scroll ${scroll}px`);
      }
      assert.deepEqual(seen.errors, []);
    });
  });
}

describe("the quick rubric on a phone (issue 13)", () => {
  test("fits about one screen: chips that toggle by touch and keyboard and persist, a scale a row, one notes box", async (t) => {
    const { app, page, seen } = await open(VIEWPORTS.phone);
    await app.startTyped("#/practice/question/angry-customer");
    await app.typeAnswer(ANSWER);
    const rubric = page.getByTestId("quick-rubric");
    await rubric.waitFor();
    // The counter counts the rubric's checklist from the start.
    assert.equal((await app.score_text().textContent()).trim(), "Not scored · 0 of 10 ticked");
    const screen = page.viewportSize().height;
    const { height } = await rubric.boundingBox();
    t.diagnostic(`quick rubric: ${Math.round(height)} px, ${(height / screen).toFixed(2)} screen heights at 390×844`);
    await rubric.screenshot({ path: "tests/e2e/.artifacts/quick-rubric-phone.png" });
    assert.ok(height < 1.3 * screen, `the quick rubric is ${(height / screen).toFixed(2)} screen heights`);
    // Each 1–5 scale is one row: its label, then its five levels beside it.
    const scales = await rubric.locator("fieldset.scale").all();
    assert.equal(scales.length, 8, "7 scales and the overall rating");
    for (const scale of scales) {
      const label = await scale.locator("legend").boundingBox();
      const levels = await scale.locator(".levels").boundingBox();
      assert.ok(levels.x >= label.x + label.width - 1, "the levels sit beside the label");
      assert.ok(levels.y < label.y + label.height && label.y < levels.y + levels.height, "on the same row");
    }
    // A chip is a checkbox named by its label: a tap ticks it (saved at once), another unticks it.
    const empathy = rubric.getByRole("checkbox", { name: "Showed empathy for the customer", exact: true });
    const saved = (key, on) =>
      page.waitForFunction(
        ([k, v]) =>
          Object.keys(localStorage)
            .filter((x) => x.startsWith("csic:review:"))
            .some((x) => (JSON.parse(localStorage.getItem(x)).data.marks[k] === 1) === v),
        [key, on],
      );
    await rubric.locator(".chip", { hasText: "Showed empathy for the customer" }).tap();
    await saved("communication/empathy", true);
    assert.ok(await empathy.isChecked());
    await rubric.locator(".chip", { hasText: "Said what was learned from it" }).tap();
    await saved("structure/learned", true);
    await rubric.locator(".chip", { hasText: "Said what was learned from it" }).tap();
    await saved("structure/learned", false);
    // And by keyboard: Space on a focused chip ticks it (not the practice shortcut).
    const calm = rubric.getByRole("checkbox", { name: "Kept a calm, professional tone", exact: true });
    await calm.focus();
    await page.keyboard.press(" ");
    await saved("communication/calm-tone", true);
    assert.equal(await app.phase(), "done");
    await app.score_text().filter({ hasText: "2 of 10 ticked" }).waitFor();
    // One notes box, not two look-alikes.
    assert.equal(await page.locator("section.review textarea").count(), 1);
    await page.getByLabel("What I would say differently").fill("Name the refund sooner.");
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((k) => k.startsWith("csic:review:") && localStorage.getItem(k).includes("Name the refund sooner.")),
    );
    await axe(page, "compact quick rubric");
    await app.reload();
    await rubric.waitFor();
    assert.ok(await empathy.isChecked());
    assert.ok(await calm.isChecked());
    assert.ok(!(await rubric.getByRole("checkbox", { name: "Said what was learned from it", exact: true }).isChecked()));
    assert.equal(await page.getByLabel("What I would say differently").inputValue(), "Name the refund sooner.");
    assert.equal((await app.score_text().textContent()).trim(), "Score: 20% · 2 of 10 ticked");
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(scroll <= 0, `horizontal scroll ${scroll}px`);
    assert.deepEqual(seen.errors, []);
  });

  test("notes an older version kept on the attempt show in the one box, and are moved into the review", async () => {
    const { app, page } = await open(VIEWPORTS.phone);
    await app.startTyped("#/practice/question/angry-customer");
    await app.typeAnswer(ANSWER);
    await page.getByLabel("What I would say differently").fill("Slow down.");
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("csic:review:") && localStorage.getItem(k).includes("Slow down.")));
    // As an older version saved it: a second text on the attempt itself.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("csic:attempt:"));
      const doc = JSON.parse(localStorage.getItem(key));
      doc.data.notes = "Say sorry first.";
      localStorage.setItem(key, JSON.stringify(doc));
    });
    await app.reload();
    const box = page.getByLabel("What I would say differently");
    await box.waitFor();
    assert.equal(await box.inputValue(), "Slow down.\n\nSay sorry first.");
    const [attempt] = await app.storedAttempts();
    assert.equal(attempt.notes, "");
    const docs = await app.documents();
    assert.equal(docs[`csic:review:${attempt.id}`].data.differently, "Slow down.\n\nSay sorry first.");
  });
});

describe("progress with a single week (issue 15)", () => {
  test("one date under the point, not the same date at both ends; the point shows its value; the table's disclosure has a marker", async () => {
    const { app, page } = await open(VIEWPORTS.phone);
    await app.open("#/");
    await page.evaluate(() => {
      const now = Date.now();
      const session = { id: "s1", questions: ["angry-customer"], index: 0, started_ms: now, finished_ms: now, timer: { t: 0, a: 60000, o: false, p: "done", r: "idle", s: 0, q: 0, f: 0, d: 30000 } };
      localStorage.setItem("csic:session:s1", JSON.stringify({ v: 1, data: session }));
      const attempt = { id: "a1", session: "s1", question: "angry-customer", started_ms: now, duration_ms: 30_000, text: "I listen.", state: "complete" };
      localStorage.setItem("csic:attempt:a1", JSON.stringify({ v: 1, data: attempt }));
      // 2 of 10 ticked and skills 4 (3 of 4 points): 5 / 14 = 36 %.
      const marks = { "structure/situation": 1, "communication/restate-need": 1, "criteria/skills": 4 };
      localStorage.setItem("csic:review:a1", JSON.stringify({ v: 1, data: { attempt: "a1", rubric: 1, marks, updated_ms: now } }));
    });
    await app.open("#/progress");
    await app.reload();
    await page.getByTestId("charts").waitFor();
    const charts = page.locator(".chart");
    const count = await charts.count();
    assert.ok(count >= 8);
    // Every chart: one date label, centred, none at the ends.
    assert.equal(await page.locator(".chart text.tick.mid").count(), count);
    assert.equal(await page.locator(".chart text.tick.end").count(), 0);
    const value = (title) => charts.filter({ has: page.locator("figcaption", { hasText: title }) }).getByTestId("chart-value").textContent();
    assert.equal(await value(/^Score/), "36%");
    assert.equal(await value(/^Skills:/), "4.0");
    assert.equal(await charts.first().getByTestId("chart-value").textContent(), "1", "one session");
    // The disclosure shows a marker that turns when opened.
    const summary = page.locator(".chart-table summary");
    const marker = () => summary.evaluate((el) => getComputedStyle(el, "::before").content);
    assert.match(await marker(), /▸/);
    await summary.click();
    assert.match(await marker(), /▾/);
    await axe(page, "progress, one week");
  });
});

describe("history", () => {
  test("compare two attempts of the same question side by side", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.startTyped("#/practice/question/handle-complaints");
    await app.typeAnswer("I record the complaint and find the root cause.");
    await app.score("structure/situation");
    await app.button("Record again").click();
    await app.typeAnswer("I listen, record it, analyse the root cause, solve it and confirm the customer is satisfied.", { again: true });
    await app.score("structure/situation");
    await app.score("structure/result");
    await app.score("criteria/confidence", 5);
    await app.open("#/history");
    await app.historyRows().nth(1).waitFor();
    await app.historyRows().first().getByRole("link").click();
    await page.getByTestId("compare-with").selectOption({ index: 1 });
    await page.getByTestId("compare").waitFor();
    const scores = await page.getByTestId("compare-score").allTextContents();
    // Newest first: 2 ticks + 4 points of 14 = 43 %, then 1 tick of 10 = 10 %.
    assert.deepEqual(scores, ["43%", "10%"]);
    const row = await page.getByTestId("compare").locator("tr", { hasText: "Talking points touched" }).locator("td").allTextContents();
    assert.equal(row.length, 2);
    await axe(page, "compare");
  });

  test("filters by score and pages through many answers", async () => {
    const { app, page } = await open(VIEWPORTS.phone);
    await app.open("#/");
    // 45 typed answers written straight to storage, the way the app stores them.
    await page.evaluate(() => {
      for (let i = 0; i < 45; i++) {
        const id = `seed-${String(i).padStart(3, "0")}`;
        const attempt = { id, session: "seed", question: "angry-customer", started_ms: 1_790_000_000_000 + i * 60_000, duration_ms: 30_000, text: "I listen.", state: "complete" };
        localStorage.setItem(`csic:attempt:${id}`, JSON.stringify({ v: 1, data: attempt }));
        if (i % 3 === 0) {
          const review = { attempt: id, rubric: 1, marks: { "structure/situation": 1 }, updated_ms: 1 };
          localStorage.setItem(`csic:review:${id}`, JSON.stringify({ v: 1, data: review }));
        }
      }
    });
    await app.open("#/history");
    await app.reload();
    await page.getByTestId("history-count").filter({ hasText: "Answers: 45" }).waitFor();
    assert.equal(await app.historyRows().count(), 20);
    assert.equal(await page.getByTestId("history-page").textContent(), "Page 1 of 3");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByTestId("history-page").filter({ hasText: "Page 2 of 3" }).waitFor();
    await page.getByTestId("filter-score").selectOption("low");
    await page.getByTestId("history-count").filter({ hasText: "Answers: 15" }).waitFor();
    assert.equal(await app.historyRows().count(), 15);
  });
});

describe("backup", () => {
  test("export with audio, delete everything, import: all is back, and importing again adds nothing", async () => {
    const { app, page, dialogs } = await open(VIEWPORTS.desktop);
    await app.start("#/practice/question/angry-customer");
    await app.passMicCheck();
    await app.answerFor(2500);
    await app.stop();
    await app.waitSaved(1);
    await app.score("criteria/enthusiasm", 3);
    await app.open("#/self-review");
    await page.getByRole("button", { name: "Review an interview" }).click();
    await page.locator("#sr-name").fill("Acme, support rep");
    await page.locator("#sr-name").blur();
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("csic:selfreview:") && localStorage.getItem(k).includes("Acme")));
    const before = await app.documents();
    const chunksBefore = await app.chunkKeys();
    assert.ok(chunksBefore.length >= 1);

    await app.open("#/data");
    assert.match(await page.getByTestId("export-size").textContent(), /about \d+ KB/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export to a file" }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), "csic-")), download.suggestedFilename());
    await download.saveAs(file);
    assert.match(download.suggestedFilename(), /^cs-interview-coach-\d{4}-\d\d-\d\d\.json$/);
    const backup = JSON.parse(readFileSync(file, "utf8"));
    assert.equal(backup.app, "cs-interview-coach");
    assert.equal(backup.schema, 1);
    assert.equal(Object.keys(backup.audio).length, chunksBefore.length);

    await page.getByTestId("delete-all").click();
    await page.getByTestId("data-flash").filter({ hasText: "All your data was deleted." }).waitFor();
    assert.match(dialogs.at(-1), /Delete all your data/);
    assert.deepEqual(Object.keys(await app.documents()).filter((k) => !k.startsWith("csic:settings")), []);
    assert.deepEqual(await app.chunkKeys(), []);

    await page.locator("#import-file").setInputFiles(file);
    await page.getByTestId("import-plan").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("data-flash").filter({ hasText: /^Imported \d+ items and \d+ recording parts\.$/ }).waitFor();
    assert.deepEqual(await app.documents(), before);
    assert.deepEqual(await app.chunkKeys(), chunksBefore);

    // The same file again: nothing new.
    await page.locator("#import-file").setInputFiles(file);
    await page.getByTestId("import-plan").filter({ hasText: "Everything in this file is here already." }).waitFor();
    // The recording plays again from history.
    await app.open("#/history");
    await app.historyRows().first().getByRole("link").click();
    await page.locator("audio").waitFor();
    const ok = await page.locator("audio").evaluate((el) => new Promise((done) => {
      if (el.readyState >= 1) done(true);
      el.addEventListener("loadedmetadata", () => done(true), { once: true });
      el.addEventListener("error", () => done(false), { once: true });
    }));
    assert.ok(ok, "the imported recording loads");
  });

  test("a damaged, foreign or newer file is refused with a clear message and nothing changes", async () => {
    const { app, page } = await open(VIEWPORTS.phone, { locale: "zh-TW" });
    await app.typeAnswerIn("#/practice/question/angry-customer", "我會先傾聽客人", HANT);
    const before = await app.documents();
    await app.open("#/data");
    const cases = [
      ['{"app":"cs-interview-coach","schema":1,"exported_ms":1,"documents":{"attempt:x":{"v":1,"da', /已損毀/],
      ['{"hello":"world"}', /不是本應用程式的備份/],
      ['{"app":"cs-interview-coach","schema":99,"exported_ms":1,"documents":{}}', /較新/],
    ];
    for (const [text, message] of cases) {
      await page.locator("#import-file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(text) });
      const error = page.getByTestId("import-error");
      await error.filter({ hasText: message }).waitFor();
      assert.equal(await error.getAttribute("role"), "alert");
    }
    assert.deepEqual(await app.documents(), before);
    await axe(page, "import error");
  });

  test("a damaged record does not block the backup: it is exported as set aside, counted, and the rest re-imports", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.typeAnswerIn("#/practice/question/angry-customer", "I would listen first, then offer a refund.", {
      typeInstead: "Type my answer instead", start: "Start", answerNow: "Start answering now", stop: "Stop",
    });
    await page.evaluate(() => localStorage.setItem("csic:attempt:broken-one", '{"v":1,"data":{"id":'));
    await page.reload();
    await page.getByRole("status").filter({ hasText: "could not be read" }).first().waitFor();
    await app.open("#/data");
    // Every readable document (the set-aside copy is not JSON).
    const readable = () =>
      page.evaluate(() =>
        Object.fromEntries(
          Object.keys(localStorage)
            .filter((k) => k.startsWith("csic:") && !k.startsWith("csic:unreadable:"))
            .sort()
            .map((k) => [k, JSON.parse(localStorage.getItem(k))]),
        ),
      );
    const before = await readable();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export to a file" }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), "csic-")), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByTestId("export-set-aside").filter({ hasText: "1 damaged item could not be read." }).waitFor();
    const backup = JSON.parse(readFileSync(file, "utf8"));
    const aside = Object.entries(backup.set_aside ?? {});
    assert.equal(aside.length, 1);
    assert.match(aside[0][0], /^unreadable:attempt:broken-one:\d+$/);
    assert.equal(aside[0][1], '{"v":1,"data":{"id":');

    await page.getByTestId("delete-all").click();
    await page.getByTestId("data-flash").filter({ hasText: "All your data was deleted." }).waitFor();
    await page.locator("#import-file").setInputFiles(file);
    await page.getByTestId("import-rejected").filter({ hasText: "1 item in this file cannot be imported" }).waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("data-flash").filter({ hasText: /^Imported \d+ items and 0 recording parts\.$/ }).waitFor();
    assert.deepEqual(await readable(), before);
  });

  test("an import that storage refuses part way is undone, says so, and a retry finishes it", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    // localStorage that takes only `__writesLeft` more app writes, when that is set.
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (typeof window.__writesLeft === "number" && key.startsWith("csic:")) {
          if (window.__writesLeft <= 0) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          window.__writesLeft -= 1;
        }
        return real.call(this, key, value);
      };
    });
    await app.typeAnswerIn("#/practice/question/angry-customer", "I would listen first, then offer a refund.", {
      typeInstead: "Type my answer instead", start: "Start", answerNow: "Start answering now", stop: "Stop",
    });
    await app.score("criteria/enthusiasm", 4);
    const before = await app.documents();
    await app.open("#/data");
    await page.getByTestId("export-audio").uncheck();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export to a file" }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), "csic-")), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByTestId("delete-all").click();
    await page.getByTestId("data-flash").filter({ hasText: "All your data was deleted." }).waitFor();
    const kept = await app.documents();

    await page.evaluate(() => (window.__writesLeft = 1));
    await page.locator("#import-file").setInputFiles(file);
    await page.getByTestId("import-plan").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const error = page.getByTestId("import-error");
    await error.filter({ hasText: "The import could not finish: storage refused a write. Everything it had written was undone" }).waitFor();
    await error.filter({ hasText: "Storage is full." }).waitFor();
    assert.equal(await error.getAttribute("role"), "alert");
    // All or nothing: what was written is undone, what was here is untouched, no journal is left.
    assert.deepEqual(await app.documents(), kept);
    assert.equal(await page.evaluate(() => localStorage.getItem("csic-journal")), null);

    // With room again, the same file finishes the job: what is here already is skipped.
    await page.evaluate(() => (window.__writesLeft = undefined));
    await page.locator("#import-file").setInputFiles(file);
    await page.getByTestId("import-plan").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("data-flash").filter({ hasText: /^Imported \d+ items and 0 recording parts\.$/ }).waitFor();
    assert.deepEqual(await app.documents(), before);
  });
});

describe("rubric, self-review and print", () => {
  test("an edited rubric is a new version; an old review keeps the wording it was made with", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.startTyped("#/practice/question/handle-stress");
    await app.typeAnswer("I set priorities.");
    await app.score("structure/situation");
    const oldLabel = (await page.locator('label.chip:has(input[data-key="structure/situation"])').textContent()).trim();
    await app.open("#/rubric");
    assert.match(await page.getByTestId("rubric-version").textContent(), /version 1 /);
    const first = page.getByTestId("rubric-item").first();
    await first.fill("Set the scene in one sentence");
    await first.blur();
    await page.locator("#rubric-new-structure").fill("Kept it under two minutes");
    await page.getByRole("button", { name: "Add" }).first().click();
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByRole("status").filter({ hasText: "Saved as version 2." }).waitFor();
    // The earlier answer still shows version 1's wording.
    await app.open("#/history");
    await app.historyRows().first().getByRole("link").click();
    await page.getByTestId("rubric").waitFor();
    assert.equal(await page.getByTestId("rubric").getAttribute("data-version"), "1");
    assert.equal((await page.locator('label.chip:has(input[data-key="structure/situation"])').textContent()).trim(), oldLabel);
    // A new answer is scored against version 2.
    await app.startTyped("#/practice/question/handle-stress");
    await app.typeAnswer("I ask for help when needed.");
    await page.getByTestId("rubric").waitFor();
    assert.equal(await page.getByTestId("rubric").getAttribute("data-version"), "2");
    await page.locator("label.chip", { hasText: "Set the scene in one sentence" }).waitFor();
    await app.score("structure/own-1");
  });

  test("after an interview: ratings, notes and a plan that links to a question survive a reload", async () => {
    const { app, page } = await open(VIEWPORTS.phone);
    await app.open("#/self-review");
    await page.getByRole("button", { name: "Review an interview" }).click();
    await page.locator("#sr-name").fill("Acme, support rep");
    await page.locator('input[data-key="fluency"][value="3"]').check();
    await page.locator('input[data-key="logic"][value="4"]').check();
    await page.locator("#sr-unsure").fill("The refund policy question.");
    await page.getByRole("button", { name: "Add a plan item" }).click();
    await page.locator("#plan-0").fill("Practise complaint role-plays");
    await page.locator("#plan-0").blur();
    await page.locator("#plan-q-0").selectOption("handle-complaints");
    await page.getByTestId("plan-item").getByRole("link", { name: "Practise" }).waitFor();
    await app.reload();
    assert.equal(await page.locator("#sr-name").inputValue(), "Acme, support rep");
    assert.ok(await page.locator('input[data-key="logic"][value="4"]').isChecked());
    assert.equal(await page.locator("#sr-unsure").inputValue(), "The refund policy question.");
    assert.equal(await page.locator("#plan-0").inputValue(), "Practise complaint role-plays");
    assert.equal(await page.locator("#plan-q-0").inputValue(), "handle-complaints");
    assert.equal(
      await page.getByTestId("plan-item").getByRole("link", { name: "Practise" }).getAttribute("href"),
      "#/practice/question/handle-complaints",
    );
    await axe(page, "self-review");
  });

  test("the session report prints cleanly: no header, no buttons, every answer with its rubric", async () => {
    const { app, page } = await open(VIEWPORTS.desktop, { locale: "zh-CN" });
    await app.typeAnswerIn("#/practice/question/angry-customer", "我会先倾听客户", HANS);
    await app.score("qualities/patience", 5);
    const session = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("csic:session:")).split(":")[2]);
    await app.open(`#/history/session/${session}`);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".app-header").isVisible(), false);
    assert.equal(await page.getByRole("button").first().isVisible(), false);
    assert.ok(await page.locator("#main h1").isVisible());
    assert.match(await page.locator(".report").textContent(), /我会先倾听客户/);
    assert.match(await page.locator(".report").textContent(), /5\/5/);
    const pdf = await page.pdf();
    assert.ok(pdf.length > 1000);
  });
});

// Practice sessions with Chromium's fake microphone, against the release dist/ under /a/b/.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { FAKE_MIC, FAKE_MIC_NO_PERMISSION, VIEWPORTS, launch } from "./support/browser.mjs";
import { expectNoAxeViolations as axe, useApp } from "./support/suite.mjs";
import { PracticePage } from "./support/app-page.mjs";

const suite = useApp({ args: FAKE_MIC });

async function open(device, options = {}) {
  const { context, page, seen } = await suite.open({ ...device, locale: "en-US", ...options });
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.accept();
  });
  return { context, page, seen, dialogs, app: new PracticePage(page, suite.server.url) };
}

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`practice on ${name}`, () => {
    test("a 3 s answer is recorded in chunks, listed, and plays back with the right length", async () => {
      const { app, page, seen } = await open(device);
      await app.start("#/practice/question/angry-customer");
      await axe(page, "mic check");
      await app.passMicCheck();
      assert.equal(await app.phase(), "idle");
      await app.button("Start").click();
      await app.waitPhase("thinking");
      await page.getByTestId("announcer").filter({ hasText: "Think time has started." }).waitFor({ state: "attached" });
      await app.button("Start answering now").click();
      await app.waitPhase("answering");
      await page.getByTestId("announcer").filter({ hasText: "Answer time has started." }).waitFor({ state: "attached" });
      await page.getByTestId("recording").waitFor();
      await page.waitForTimeout(3000);
      await app.stop();
      assert.equal(await page.getByTestId("clock").textContent(), "0:03");
      await app.waitSaved(1);
      const [attempt] = await app.storedAttempts();
      assert.equal(attempt.state, "complete");
      assert.match(attempt.mime, /^audio\//);
      assert.equal(attempt.question, "angry-customer");
      assert.ok(attempt.chunks >= 2, `chunks: ${attempt.chunks}`);
      assert.ok(attempt.duration_ms >= 3000 && attempt.duration_ms < 4000, `duration ${attempt.duration_ms}`);
      const keys = await app.chunkKeys();
      assert.equal(keys.length, attempt.chunks);
      assert.ok(keys.every((k) => k.startsWith(`audio:${attempt.id}:`)));
      // Nothing but metadata in localStorage.
      const biggest = await page.evaluate(() => Math.max(...Object.values(localStorage).map((v) => v.length)));
      assert.ok(biggest < 4000, `largest localStorage value: ${biggest}`);
      await app.attempts().first().waitFor();
      assert.equal(await app.attempts().count(), 1);
      assert.match(await app.attempts().first().getByTestId("attempt-duration").textContent(), /^0:03$/);
      const player = await app.playerDuration(0);
      const decoded = await app.decodedDuration(attempt.id, attempt.mime);
      const seconds = attempt.duration_ms / 1000;
      assert.ok(Math.abs(decoded - seconds) < 0.5, `decoded ${decoded} s, timer ${seconds} s`);
      assert.ok(Math.abs(player - seconds) < 0.5, `player ${player} s, timer ${seconds} s`);
      // It plays.
      await app.attempts().first().locator("audio").evaluate((el) => el.play());
      await page.waitForFunction(() => document.querySelector('[data-testid="attempts"] audio').currentTime > 0.3);
      await axe(page, "review");
      assert.deepEqual(seen.errors, []);
    });

    test("recording again keeps both attempts, and a deleted one leaves IndexedDB", async () => {
      const { app, dialogs } = await open(device);
      await app.start("#/practice/question/why-customer-service");
      await app.passMicCheck();
      await app.answerFor(1200);
      await app.stop();
      await app.waitSaved(1);
      await app.button("Record again").click();
      await app.waitPhase("thinking");
      await app.button("Start answering now").click();
      await app.page.waitForTimeout(1200);
      await app.stop();
      await app.waitSaved(2);
      await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="attempts"] > li').length === 2);
      const [first, second] = await app.storedAttempts();
      assert.notEqual(first.id, second.id);
      await app.attempts().first().getByRole("button", { name: "Delete attempt 1" }).click();
      assert.match(dialogs[0], /Delete attempt 1/);
      await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="attempts"] > li').length === 1);
      const keys = await app.chunkKeys();
      assert.ok(!keys.some((k) => k.startsWith(`audio:${first.id}:`)));
      assert.ok(keys.some((k) => k.startsWith(`audio:${second.id}:`)));
      assert.deepEqual((await app.storedAttempts()).map((a) => a.id), [second.id]);
    });

    test("a reload mid-recording keeps the audio so far as an interrupted attempt, at the same question", async () => {
      const { app } = await open(device);
      await app.start("#/practice/set/phone-screen");
      await app.passMicCheck();
      await app.answerFor(1000);
      await app.button("Stop").click();
      await app.button("Next question").click();
      await app.page.locator("#practice-question", { hasText: "Why do you want to work in customer service" }).waitFor();
      await app.answerFor(100);
      await app.waitChunks(2);
      await app.reload();
      await app.page.locator("#practice-question", { hasText: "Why do you want to work in customer service" }).waitFor();
      assert.match(await app.page.locator(".position").textContent(), /Question 2 of 9/);
      await app.waitPhase("done");
      await app.attempts().first().waitFor();
      const item = app.attempts().first();
      assert.equal(await item.getAttribute("data-state"), "interrupted");
      assert.match(await item.textContent(), /Interrupted/);
      const stored = (await app.storedAttempts()).find((a) => a.state === "interrupted");
      assert.ok(stored.chunks >= 2, `chunks ${stored.chunks}`);
      const decoded = await app.decodedDuration(stored.id, stored.mime);
      assert.ok(decoded >= 3.5 && decoded <= 7, `kept ${decoded} s`);
      const player = await app.playerDuration(0);
      assert.ok(Math.abs(player - decoded) < 0.5, `player ${player}`);
    });
  });
}

describe("the phone screen, by voice, on a phone", () => {
  test("all 9 questions from start to end, with a reload in the middle, then the summary", async () => {
    const { app, page, seen } = await open(VIEWPORTS.phone);
    await app.open("#/sets/phone-screen");
    await page.getByRole("link", { name: "Practise this set" }).click();
    await page.waitForFunction(() => location.hash === "#/practice");
    await app.passMicCheck();
    // A touch phone is not offered keyboard shortcuts.
    assert.ok(!(await page.evaluate(() => matchMedia("(hover: hover) and (pointer: fine)").matches)));
    await page.getByRole("button", { name: "Keyboard shortcuts", includeHidden: true }).waitFor({ state: "attached" });
    assert.ok(await page.getByRole("button", { name: "Keyboard shortcuts", includeHidden: true }).isHidden());
    for (let n = 1; n <= 9; n++) {
      await page.locator(".position", { hasText: `Question ${n} of 9` }).waitFor();
      if (n === 5) {
        // Mid-answer reload: the session comes back at question 5 with the audio saved so far.
        await app.answerFor(100);
        await app.waitChunks(2);
        await app.reload();
        await page.locator(".position", { hasText: "Question 5 of 9" }).waitFor();
        await app.attempts().first().waitFor();
        assert.equal(await app.attempts().first().getAttribute("data-state"), "interrupted");
        const cut = (await app.storedAttempts()).find((a) => a.state === "interrupted");
        assert.ok(cut.duration_ms >= 3500, `kept ${cut.duration_ms} ms`);
        assert.ok(Math.abs((await app.decodedDuration(cut.id, cut.mime)) - cut.duration_ms / 1000) < 0.6);
        await app.button("Next question").click();
        await app.passMicCheck();
        continue;
      }
      await app.answerFor(800);
      await app.stop();
      await app.button(n === 9 ? "Finish" : "Next question").click();
    }
    const summary = page.getByTestId("summary");
    await summary.waitFor();
    assert.equal(await summary.locator("tbody tr").count(), 9);
    const counts = await summary.locator("tbody tr td:nth-child(2)").allTextContents();
    assert.deepEqual(counts, Array(9).fill("1"));
    assert.equal(await summary.locator("tfoot td").first().textContent(), "9");
    // The page fits the phone's width.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await axe(page, "summary");
    await app.waitSaved(9);
    assert.deepEqual(seen.errors, []);
  });
});

describe("practice, timing and keys", () => {
  test("the answer timer runs out, recording stops, and the time is exact", async () => {
    const { app, page, context } = await open(VIEWPORTS.desktop);
    await page.clock.install();
    await app.open("#/settings");
    await page.locator("#question-times").uncheck();
    await page.locator("#answer-seconds").fill("30");
    await page.locator("#think-seconds").fill("5");
    await app.start("#/practice/question/angry-customer");
    await app.passMicCheck();
    assert.equal(await page.getByTestId("clock").textContent(), "0:05");
    await app.button("Start").click();
    await page.clock.fastForward(5200);
    await app.waitPhase("answering");
    await page.getByTestId("announcer").filter({ hasText: "Answer time has started." }).waitFor({ state: "attached" });
    await page.waitForTimeout(1500); // some real audio
    await page.clock.fastForward(20_000);
    await page.waitForFunction(() => document.querySelector('[data-testid="announcer"]').textContent === "10 seconds left.");
    assert.ok(await page.locator(".timer.warning").isVisible());
    await page.clock.fastForward(10_000);
    await app.waitPhase("done");
    await page.getByTestId("announcer").filter({ hasText: "Time is up." }).waitFor({ state: "attached" });
    // Said on screen too, with the time, not only "Finished".
    assert.equal((await page.getByTestId("phase").textContent()).trim(), "Time is up: recording stopped at 0:30");
    assert.ok(await page.getByTestId("phase").isVisible());
    await app.waitSaved(1);
    const [a] = await app.storedAttempts();
    assert.equal(a.state, "complete");
    assert.equal(a.duration_ms, 30_000);
    assert.ok(a.chunks >= 1);
    await context.close();
  });

  test("with overtime allowed the clock counts up in the warning colour", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await page.clock.install();
    await app.open("#/settings");
    await page.locator("#question-times").uncheck();
    await page.locator("#answer-seconds").fill("30");
    await page.locator("#think-seconds").fill("0");
    await page.locator("#allow-overtime").check();
    await app.start("#/practice/question/angry-customer");
    await app.passMicCheck();
    await app.button("Start").click();
    await app.waitPhase("answering");
    await page.clock.fastForward(42_500);
    await app.waitPhase("overtime");
    await page.waitForFunction(() => /^\+0:1[2-4]$/.test(document.querySelector('[data-testid="clock"]').textContent));
    assert.ok(await page.locator(".timer.warning").isVisible());
    await app.button("Pause").click();
    await app.waitPhase("paused");
    const paused = await page.getByTestId("clock").textContent();
    await page.clock.fastForward(60_000);
    assert.equal(await page.getByTestId("clock").textContent(), paused);
    await app.button("Resume").click();
    await app.stop();
    // Stopped by the user, not by the clock.
    assert.equal((await page.getByTestId("phase").textContent()).trim(), "Finished");
    await app.waitSaved(1);
    const [a] = await app.storedAttempts();
    assert.ok(a.duration_ms >= 42_500 && a.duration_ms < 46_000, `${a.duration_ms}`);
  });

  test("keyboard: Space, P, N, ? and Esc", async () => {
    const { app, page, dialogs, seen } = await open(VIEWPORTS.desktop);
    await app.start("#/practice/set/phone-screen");
    await app.passMicCheck();
    // A desktop has a keyboard: the shortcuts are offered.
    assert.ok(await page.evaluate(() => matchMedia("(hover: hover) and (pointer: fine)").matches));
    assert.ok(await app.button("Keyboard shortcuts").isVisible());
    await page.locator("#practice-question").focus();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    assert.match(await help.textContent(), /Pause or resume/);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await page.locator("#practice-question").focus();
    await page.keyboard.press(" ");
    await app.waitPhase("thinking");
    await page.keyboard.press(" ");
    await app.waitPhase("answering");
    await axe(page, "answering");
    await page.keyboard.press("p");
    await app.waitPhase("paused");
    await page.keyboard.press("p");
    await app.waitPhase("answering");
    await page.waitForTimeout(800);
    await page.keyboard.press(" ");
    await app.waitPhase("done");
    await page.keyboard.press("n");
    await page.locator(".position", { hasText: "Question 2 of 9" }).waitFor();
    await page.keyboard.press(" ");
    await app.waitPhase("thinking");
    await page.keyboard.press(" ");
    await app.waitPhase("answering");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => location.hash === "#/sets/phone-screen");
    assert.match(dialogs.at(-1), /being recorded/);
    await app.waitSaved(2);
    // Leaving mid-recording: the last chunk is still written, with no error.
    await page.waitForTimeout(500);
    assert.deepEqual(seen.errors, []);
  });
});

describe("practise again (issue 15)", () => {
  test("\"Practise again\" on the summary practises the same question again, not the bank", async () => {
    const { app, page, seen } = await open(VIEWPORTS.phone);
    await app.start("#/practice/question/handle-complaints");
    await app.passMicCheck();
    const title = (await page.locator("#practice-question").textContent()).trim();
    await app.answerFor(800);
    await app.stop();
    await app.button("Finish").click();
    await page.getByTestId("summary").waitFor();
    const again = page.getByRole("link", { name: "Practise again", exact: true });
    assert.match(await again.getAttribute("href"), /#\/practice\/question\/handle-complaints$/);
    await again.click();
    await page.waitForFunction(() => location.hash === "#/practice");
    await app.passMicCheck();
    assert.equal((await page.locator("#practice-question").textContent()).trim(), title);
    assert.match(await page.locator(".position").textContent(), /Question 1 of 1/);
    // A new session of that one question; the first one stays finished with its attempt.
    const sessions = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("csic:session:"))
        .map((k) => JSON.parse(localStorage.getItem(k)).data)
        .sort((a, b) => a.started_ms - b.started_ms),
    );
    assert.equal(sessions.length, 2);
    assert.deepEqual(sessions.map((s) => s.questions), [["handle-complaints"], ["handle-complaints"]]);
    assert.ok(sessions[0].finished_ms && !sessions[1].finished_ms);
    await app.waitSaved(1);
    assert.deepEqual(seen.errors, []);
  });
});

describe("practice without a microphone", () => {
  test("permission refused: a clear message, then a typed answer under the same timer", async () => {
    const browser = await launch(FAKE_MIC_NO_PERMISSION);
    try {
      const context = await browser.newContext({ ...VIEWPORTS.phone, locale: "zh-TW" });
      const page = await context.newPage();
      const app = new PracticePage(page, suite.server.url);
      await app.start("#/practice/question/angry-customer");
      const status = page.getByTestId("mic-status");
      await status.filter({ hasText: "麥克風" }).waitFor();
      assert.equal(await status.getAttribute("role"), "alert");
      const denied = await status.textContent();
      await app.main().getByRole("button", { name: "改為打字作答" }).click();
      await page.locator(".timer").waitFor();
      await app.main().getByRole("button", { name: "開始", exact: true }).click();
      await app.waitPhase("thinking");
      await app.main().getByRole("button", { name: "立即開始作答" }).click();
      await page.locator("#typed-answer").waitFor();
      await page.locator("#typed-answer").pressSequentially("我會先傾聽客人");
      await page.getByTestId("word-count").filter({ hasText: "7" }).waitFor();
      await page.reload();
      await page.locator('[data-testid="attempts"] > li').first().waitFor();
      const stored = await app.storedAttempts();
      assert.equal(stored.length, 1);
      assert.equal(stored[0].text, "我會先傾聽客人");
      assert.equal(stored[0].mime, "");
      assert.match(await app.attempts().first().textContent(), /我會先傾聽客人/);
      assert.ok(denied.length > 10);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe("practice when storage runs out", () => {
  test("nearly full before starting: recording is refused with a clear message, typing still works", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    // The browser reports 100 KB free.
    await page.addInitScript(() => {
      StorageManager.prototype.estimate = async () => ({ usage: 9_900_000, quota: 10_000_000 });
    });
    await app.start("#/practice/question/angry-customer");
    await page.getByTestId("mic-status").filter({ hasText: "almost out of storage" }).waitFor();
    assert.equal(await page.getByTestId("mic-status").getAttribute("role"), "alert");
    assert.ok(await app.button("Continue to the question").isDisabled());
    await app.button("Type my answer instead").click();
    await app.button("Start").click();
    await app.button("Start answering now").click();
    await page.locator("#typed-answer").fill("I would listen first.");
    await page.getByTestId("word-count").filter({ hasText: "4 words" }).waitFor();
    await app.stop();
    await app.waitSaved(1);
  });

  test("full during a recording: it stops, says so, and keeps what was saved", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    // Fault injection: once switched on, IndexedDB refuses writes as a full disk does.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__diskFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.apply(this, args);
      };
    });
    await app.start("#/practice/question/angry-customer");
    await app.passMicCheck();
    await app.answerFor(100);
    await app.waitChunks(2);
    await page.evaluate(() => (window.__diskFull = true));
    await app.waitPhase("done");
    await page.getByRole("status").filter({ hasText: /storage is full/i }).first().waitFor();
    await app.waitSaved(1);
    const [a] = await app.storedAttempts();
    assert.equal(a.state, "interrupted");
    assert.ok(a.chunks >= 2, `chunks ${a.chunks}`);
    assert.equal((await app.chunkKeys()).length, a.chunks);
    assert.ok((await app.decodedDuration(a.id, a.mime)) >= 3);
    // The recorder stopped too: no more chunks are handed over.
    const chunks = a.chunks;
    await page.waitForTimeout(2500);
    assert.equal((await app.storedAttempts())[0].chunks, chunks);
  });
});

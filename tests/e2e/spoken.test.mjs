// Issue 14: feedback on spoken answers — the envelope strip and delivery figures read from the
// recording, on-device live transcription (a scripted fake recogniser), transcripts written down
// after, word insights with pace, and delivery in compare, progress and backups. Against the
// release dist/ under /a/b/, with Chromium's fake microphone (a beep) or a WAV file as microphone.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAKE_MIC, VIEWPORTS } from "./support/browser.mjs";
import { expectNoAxeViolations as axe, useApp } from "./support/suite.mjs";
import { ReviewPage } from "./support/app-page.mjs";
import { fakeRecognition, repeat, toneWav } from "./support/speech.mjs";

// ---- Reading the figures as shown. ----

const clock = (m, s) => Number(m) * 60 + Number(s);

/** "0:02 of 0:08 (31 %)" → { speaking, total, share } (s, s, %). */
function parseSpeaking(text) {
  const m = text.match(/^(\d+):(\d\d) of (\d+):(\d\d) \((\d+) %\)$/);
  assert.ok(m, `speaking time: ${text}`);
  return { speaking: clock(m[1], m[2]), total: clock(m[3], m[4]), share: Number(m[5]) };
}

/** "0.3 s" → 0.3. */
function parseSeconds(text) {
  const m = text.match(/^(\d+\.\d) s$/);
  assert.ok(m, `seconds: ${text}`);
  return Number(m[1]);
}

/** "None" → { n: 0 }; "3, the longest 2.5 s" → { n: 3, longest: 2.5 }. */
function parsePauses(text) {
  if (text === "None") return { n: 0, longest: 0 };
  const m = text.match(/^(\d+), the longest (\d+\.\d) s$/);
  assert.ok(m, `pauses: ${text}`);
  return { n: Number(m[1]), longest: Number(m[2]) };
}

/** The stored envelope's levels (hex, two digits a level). */
const levelsOf = (envelope) => envelope.levels.match(/../g).map((h) => parseInt(h, 16));

/** Every request of a context to an origin other than the app's (blob: URLs carry their page's origin). */
const foreign = (requests, origin) => requests.filter((u) => new URL(u).origin !== origin);

// The practice texts in 简体 (see review.test.mjs).
const HANS = { start: "开始", answerNow: "立即开始作答", stop: "停止" };
const HANS_MIC = { micWorks: "麦克风工作正常", proceed: "继续答题" };

// What the fake recogniser "hears": a filler and talking-point keywords of angry-customer.
const SCRIPT = ["Um, first I would listen to the customer", "and let them finish", "then I apologise and offer a refund"];
const HEARD = SCRIPT.join(" ");

describe("spoken answers with the fake microphone (a beep)", () => {
  const suite = useApp({ args: FAKE_MIC });
  const open = (device, options = {}) =>
    suite.openWith(ReviewPage, { locale: "en-US", acceptDownloads: true, ...device, ...options });

  for (const [name, device] of Object.entries(VIEWPORTS)) {
    test(`on ${name}: an 8 s answer shows its envelope strip and delivery figures, and the envelope is saved with the attempt`, async (t) => {
      const { app, page, seen } = await open(device);
      await app.answerAloud("#/practice/question/angry-customer", 8000);
      const latest = app.latestAttempt();
      await latest.getByTestId("delivery").waitFor();
      // The strip: an image with its label, a line for the threshold, no pauses in a steady beep.
      const svg = latest.getByTestId("envelope").locator("svg");
      assert.equal(await svg.getAttribute("role"), "img");
      assert.match(await svg.getAttribute("aria-label"), /^Loudness over the recording, with 0 long pauses marked$/);
      assert.ok((await svg.boundingBox()).width > 200, "the strip is drawn across the block");
      assert.equal(await latest.locator("rect.pause").count(), 0);
      const f = await app.deliveryFigures(latest);
      t.diagnostic(JSON.stringify(f));
      const speaking = parseSpeaking(f.speaking);
      assert.ok(speaking.total >= 7 && speaking.total <= 9, `total ${speaking.total} s`);
      assert.ok(speaking.speaking > 0 && speaking.speaking < speaking.total, f.speaking);
      assert.ok(speaking.share > 5 && speaking.share < 95, f.speaking);
      assert.ok(parseSeconds(f["first-word"]) < 2, f["first-word"]);
      assert.equal(parsePauses(f.pauses).n, 0, "the beeps come twice a second: no pause");
      // A beep every half second: about 120 stretches a minute.
      const segments = Number(f.segments);
      assert.ok(segments >= 60 && segments <= 180, `segments per minute ${f.segments}`);
      assert.notEqual(f.volume, "");
      assert.equal(await latest.getByTestId("delivery-figures").locator(".figure .how").count(), 5, "each figure says how it was computed");
      // Saved with the attempt: 25 levels a second over the recording.
      const [attempt] = await app.storedAttempts();
      const doc = await app.attemptDocument(attempt.id);
      assert.equal(doc.v, 2);
      assert.equal(doc.data.envelope.rate, 25);
      assert.match(doc.data.envelope.levels, /^([0-9a-f]{2})+$/);
      const levels = levelsOf(doc.data.envelope);
      assert.ok(Math.abs(levels.length / 25 - attempt.duration_ms / 1000) < 1, `${levels.length} levels for ${attempt.duration_ms} ms`);
      assert.ok(levels.some((l) => l > 50) && levels.some((l) => l < 10), "loud beeps and silence between");
      const measures = await page.evaluate(() => performance.getEntriesByName("csic-envelope").map((m) => m.duration));
      assert.equal(measures.length, 1, "read once");
      t.diagnostic(`csic-envelope: ${measures[0].toFixed(1)} ms`);
      await axe(page, "delivery after a spoken answer");
      if (name === "phone") {
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(scroll <= 0, `horizontal scroll ${scroll}px`);
      }
      assert.deepEqual(seen.errors, []);
    });
  }

  test("on-device transcription: install the language pack, transcribe live, and the answer page reads the transcript", async () => {
    const { app, page, context, seen } = await open(VIEWPORTS.desktop);
    await context.addInitScript(fakeRecognition(SCRIPT), { installMs: 600 });
    await app.open("#/");
    await app.viaMore("Settings");
    const setting = page.getByTestId("transcribe-setting");
    const status = setting.getByTestId("transcribe-status");
    const toggle = page.locator("#transcribe");
    await status.filter({ hasText: "This browser can transcribe English on this device once its language pack is installed." }).waitFor();
    assert.ok(await toggle.isDisabled(), "nothing to turn on before the pack is installed");
    await setting.getByTestId("transcribe-install").filter({ hasText: "Install English for on-device transcription" }).click();
    await setting.locator("progress").waitFor();
    await status.filter({ hasText: "Installing English for on-device transcription…" }).waitFor();
    await status.filter({ hasText: "This browser can transcribe English on this device." }).waitFor();
    assert.equal(await setting.getByTestId("transcribe-install").count(), 0);
    await axe(page, "transcription setting");
    await toggle.check();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("csic:settings:app") ?? "{}").data?.practice?.transcribe === true);
    // The pack stays installed: after a reload the setting is ready at once, and still on.
    await app.reload();
    await status.filter({ hasText: "This browser can transcribe English on this device." }).waitFor();
    assert.ok(await toggle.isChecked());

    await app.startAnswering("#/practice/question/angry-customer");
    const live = page.getByTestId("live-transcript");
    await live.filter({ hasText: "Um, first I would" }).waitFor();
    await live.filter({ hasText: "Um, first I would listen to the customer and let" }).waitFor();
    await page.waitForTimeout(5000); // the rest of the answer: every phrase is heard by then
    await live.filter({ hasText: "then I apologise" }).waitFor();
    assert.equal(await page.getByTestId("transcribe-problem").count(), 0);
    await app.button("Stop").click();
    await app.waitPhase("done");
    await app.waitSaved(1);
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((k) => k.startsWith("csic:attempt:") && JSON.parse(localStorage.getItem(k)).data.transcript),
    );
    const [attempt] = await app.storedAttempts();
    assert.equal(attempt.transcript.text, HEARD);
    assert.equal(attempt.transcript.source, "device");
    assert.equal(attempt.transcript.lang, "en-US");
    assert.ok(attempt.transcript.saved_ms >= attempt.started_ms);
    const starts = await page.evaluate(() => window.__srStarts);
    assert.ok(starts.length >= 1);
    assert.deepEqual(starts[0], { processLocally: true, lang: "en-US", continuous: true, interimResults: true });
    // The practice page shows it under the recording.
    const latest = app.latestAttempt();
    await latest.getByTestId("transcript").filter({ hasText: HEARD }).waitFor();
    assert.match(await latest.getByTestId("transcript-box").textContent(), /Transcribed on this device\./);
    assert.equal((await latest.getByTestId("transcript-edit").textContent()).trim(), "Edit the transcript");

    // The answer page: the transcript, coverage, fillers and pace over the speaking time.
    await app.openAttempt(attempt.id);
    await page.getByTestId("transcript").filter({ hasText: HEARD }).waitFor();
    await page.getByTestId("delivery").waitFor();
    const coverage = await page.getByTestId("coverage").textContent();
    assert.match(coverage, /touched [2-6] of 6 talking points/);
    assert.match(coverage, /“listen”/);
    assert.match(coverage, /“apologise”/);
    assert.match(await page.getByTestId("fillers").textContent(), /^“um” × 1$/);
    assert.match(await page.getByTestId("length").textContent(), /^19 words$/);
    const pace = page.getByTestId("pace");
    await pace.waitFor();
    assert.match(await pace.textContent(), /^\d+ words per minute/);
    await axe(page, "answer page with a device transcript");
    assert.deepEqual(foreign(seen.requests, suite.server.origin), [], "nothing left the machine");
    assert.deepEqual(seen.errors, []);
  });

  test("without SpeechRecognition the setting says it cannot and stays off; turned on elsewhere, practice says why there is no live text", async (t) => {
    const { app, page, context, seen } = await open(VIEWPORTS.desktop);
    await app.open("#/");
    await app.viaMore("Settings");
    const status = page.getByTestId("transcribe-setting").getByTestId("transcribe-status");
    const toggle = page.locator("#transcribe");
    // This Chromium has the API: whatever it says, it cannot transcribe before a pack is installed
    // (the install button is not clicked: it would download from the browser's servers).
    await status.waitFor();
    t.diagnostic(`this Chromium's own SpeechRecognition: ${(await status.textContent()).trim()}`);
    assert.doesNotMatch(await status.textContent(), /^This browser can transcribe English on this device\.$/);
    assert.ok(await toggle.isDisabled());
    // A browser without the API at all (Firefox, Safari today).
    await context.addInitScript(() => {
      delete window.SpeechRecognition;
      delete window.webkitSpeechRecognition;
    });
    await app.reload();
    assert.equal(await page.evaluate(() => typeof window.SpeechRecognition + typeof window.webkitSpeechRecognition), "undefinedundefined");
    await status.filter({ hasText: "This browser cannot transcribe English on this device." }).waitFor();
    assert.match(await status.textContent(), /never sends your voice to a server/);
    assert.ok(await toggle.isDisabled());
    assert.ok(!(await toggle.isChecked()));
    assert.equal(await page.getByTestId("transcribe-install").count(), 0);
    await axe(page, "transcription setting, unavailable");
    // A settings document from a browser that could (a backup, say): the practice page tells
    // why there is no live text, and the answer is recorded all the same.
    await page.evaluate(() => localStorage.setItem("csic:settings:app", JSON.stringify({ v: 1, data: { practice: { transcribe: true } } })));
    await app.reload();
    await status.filter({ hasText: "This browser cannot transcribe English on this device." }).waitFor();
    assert.ok(await toggle.isChecked());
    assert.ok(await toggle.isEnabled(), "it can be turned off");
    await app.startAnswering("#/practice/question/angry-customer");
    await page.getByTestId("live-transcript").getByTestId("transcribe-problem")
      .filter({ hasText: "On-device transcription is not available for this language in this browser." }).waitFor();
    await app.stop();
    await app.waitSaved(1);
    const [attempt] = await app.storedAttempts();
    assert.equal(attempt.state, "complete");
    assert.equal(attempt.transcript ?? null, null);
    assert.deepEqual(foreign(seen.requests, suite.server.origin), []);
    assert.deepEqual(seen.errors, []);
  });

  test("简体 on a phone: write down what was said; coverage, fillers and pace follow; kept after a reload; edited", async () => {
    const { app, page, seen } = await open(VIEWPORTS.phone, { locale: "zh-CN" });
    const [attempt] = await app.answerAloud("#/practice/question/angry-customer", 5000, { mic: HANS_MIC, names: HANS });
    assert.equal(await app.htmlLang(), "zh-Hans");
    await app.openAttempt(attempt.id);
    await page.getByTestId("delivery").waitFor();
    const box = page.getByTestId("transcript-box");
    assert.equal((await box.getByTestId("transcript-edit").textContent()).trim(), "写下你说的话");
    // No words yet: nothing to read coverage from.
    assert.equal(await page.getByTestId("coverage").count(), 0);
    const said = "嗯，我会先倾听客户，然后那个道歉……嗯";
    await app.writeTranscript(said, { edit: "写下你说的话", save: "保存文字稿" });
    await box.getByTestId("transcript").filter({ hasText: said }).waitFor();
    assert.match(await box.textContent(), /由你写下。/);
    const check = async () => {
      const coverage = page.getByTestId("coverage");
      await coverage.waitFor();
      const m = (await coverage.textContent()).match(/你的回答提到了 6 个要点中的 (\d) 个/);
      assert.ok(m && Number(m[1]) >= 1, await coverage.textContent());
      assert.match(await coverage.textContent(), /“倾听”/);
      assert.match(await page.getByTestId("fillers").textContent(), /“嗯” × 2/);
      await page.getByTestId("pace").filter({ hasText: /^每分钟 \d+ 个字/ }).waitFor();
    };
    await check();
    const stored = (await app.attemptDocument(attempt.id)).data.transcript;
    assert.equal(stored.text, said);
    assert.equal(stored.source, "typed");
    await app.reload();
    await box.getByTestId("transcript").filter({ hasText: said }).waitFor();
    await check();
    // Edited: the box holds the text so far; the new text replaces it.
    assert.equal((await box.getByTestId("transcript-edit").textContent()).trim(), "编辑文字稿");
    await box.getByTestId("transcript-edit").click();
    assert.equal(await box.getByTestId("transcript-input").inputValue(), said);
    await box.getByRole("button", { name: "取消", exact: true }).click();
    const edited = "我会先冷静倾听客户说完，然后道歉，再提供解决方案。嗯";
    await app.writeTranscript(edited, { edit: "编辑文字稿", save: "保存文字稿" });
    await box.getByTestId("transcript").filter({ hasText: edited }).waitFor();
    assert.equal((await app.attemptDocument(attempt.id)).data.transcript.text, edited);
    await page.getByTestId("fillers").filter({ hasText: /“嗯” × 1/ }).waitFor();
    assert.match(await page.getByTestId("coverage").textContent(), /你的回答提到了 6 个要点中的 [3-6] 个/);
    await axe(page, "answer page, 简体, written transcript");
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(scroll <= 0, `horizontal scroll ${scroll}px`);
    assert.deepEqual(seen.errors, []);
  });

  test("export then import keeps the envelope and the transcript: the answer page shows the same", async () => {
    const { app, page, dialogs } = await open(VIEWPORTS.desktop);
    const [attempt] = await app.answerAloud("#/practice/question/angry-customer", 5000);
    await app.openAttempt(attempt.id);
    const said = "Um, I would listen first, then apologise and offer a refund.";
    await app.writeTranscript(said);
    const figures = await app.deliveryFigures(page.locator("#main"));
    await page.getByTestId("pace").waitFor();
    const insights = await page.getByTestId("insights").textContent();
    const before = await app.attemptDocument(attempt.id);

    const { file, backup } = await app.exportBackup();
    const exported = backup.documents[`attempt:${attempt.id}`];
    assert.ok(exported, `the backup has attempt:${attempt.id}`);
    assert.deepEqual(exported.data.envelope, before.data.envelope);
    assert.equal(exported.data.transcript.text, said);
    assert.equal(exported.data.transcript.source, "typed");
    assert.ok(Object.keys(backup.audio).some((k) => k.startsWith(`audio:${attempt.id}:`)));

    await app.deleteAll();
    await page.getByTestId("data-flash").filter({ hasText: "All your data was deleted." }).waitFor();
    assert.match(dialogs.at(-1), /Delete all your data/);
    assert.equal((await app.storedAttempts()).length, 0);
    await app.importBackup(file);
    await page.getByTestId("data-flash").filter({ hasText: /^Imported / }).waitFor();
    const after = await app.attemptDocument(attempt.id);
    assert.deepEqual(after, before);
    await app.openAttempt(attempt.id);
    await page.getByTestId("transcript").filter({ hasText: said }).waitFor();
    assert.deepEqual(await app.deliveryFigures(page.locator("#main")), figures);
    await page.getByTestId("pace").waitFor();
    assert.equal(await page.getByTestId("insights").textContent(), insights);
    // Read from the saved envelope: the recording was not read again.
    assert.equal(await page.evaluate(() => performance.getEntriesByName("csic-envelope").length), 0);
  });

  test("compare two spoken answers: delivery rows with both answers' figures", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    await app.answerAloud("#/practice/question/angry-customer", 2500);
    await app.button("Record again").click();
    await app.speakFor(4000, { again: true });
    await app.waitSaved(2);
    await app.waitEnvelopes(2);
    const [first, second] = await app.storedAttempts();
    await app.openAttempt(second.id);
    await page.getByTestId("compare-with").selectOption({ index: 1 });
    await page.getByTestId("compare").waitFor();
    assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/history/compare/${second.id}/${first.id}$`));
    const rows = page.getByTestId("compare-delivery");
    assert.equal(await rows.count(), 6);
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th").textContent.trim(), ...[...tr.querySelectorAll("td")].map((td) => td.textContent.trim())]),
    );
    const row = (name) => table.find(([n]) => n === name)?.slice(1);
    const speaking = row("Speaking time").map(parseSpeaking);
    assert.ok(speaking[0].total >= 3 && speaking[0].total <= 5, `newer: ${speaking[0].total} s`);
    assert.ok(speaking[1].total >= 2 && speaking[1].total <= 3, `older: ${speaking[1].total} s`);
    for (const s of speaking) assert.ok(s.share > 0 && s.speaking <= s.total, JSON.stringify(s));
    for (const v of row("Time to the first word")) assert.ok(parseSeconds(v) < 2, v);
    for (const v of row("Pauses over 2 s")) parsePauses(v);
    for (const v of row("Stretches of speech per minute")) assert.ok(Number(v) > 0, v);
    for (const v of row("Volume")) assert.ok(v.length > 0 && v !== "–", v);
    // No transcript: no pace.
    assert.deepEqual(row("Pace"), ["–", "–"]);
    await axe(page, "compare with delivery");
  });

  test("the progress page charts delivery once a spoken answer's recording is read", async () => {
    const { app, page } = await open(VIEWPORTS.desktop);
    // A typed answer alone: no delivery charts.
    await app.startTyped("#/practice/question/angry-customer");
    await app.typeAnswer("I would listen first.");
    await app.open("#/progress");
    await page.getByTestId("charts").waitFor();
    assert.equal(await page.getByTestId("delivery-charts").count(), 0);
    await app.start("#/practice/question/handle-complaints");
    await app.passMicCheck();
    await app.speakFor(3000);
    await app.waitSaved(2);
    await app.waitEnvelopes(1);
    await app.nav("Progress").click();
    const charts = page.getByTestId("delivery-charts");
    await charts.waitFor();
    assert.match(await page.locator("#main").textContent(), /From 1 spoken answer whose recording has been read/);
    assert.equal(await charts.locator(".chart").count(), 2);
    const value = (title) =>
      charts.locator(".chart").filter({ has: page.locator("figcaption", { hasText: title }) }).getByTestId("chart-value").textContent();
    const [attempt] = (await app.storedAttempts()).filter((a) => a.envelope);
    const share = Number((await value(/^Speaking time/)).replace("%", ""));
    assert.ok(share > 0 && share < 100, `speaking ${share} %`);
    assert.ok(attempt.envelope.levels.length > 0);
    assert.match(await value(/^Pauses over 2 s per minute/), /^\d+\.\d$/);
    await axe(page, "progress with delivery");
  });
});

// A WAV file as the microphone: 1.5 s of tone, 2.5 s of silence, over and over (Chromium loops the
// file by default; it is long enough not to need it).
describe("a recording with regular pauses (a WAV file as microphone)", () => {
  const dir = mkdtempSync(join(tmpdir(), "csic-wav-"));
  const wav = join(dir, "pauses.wav");
  writeFileSync(wav, toneWav({ pattern: repeat([[1500, "tone"], [2500, "silence"]], 15) }));
  const suite = useApp({
    args: ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-audio-capture=${wav}`],
  });

  test("an 11 s answer finds the 2.5 s pauses, marks them, and a tap on the strip plays from there", async (t) => {
    const { app, page, seen } = await suite.openWith(ReviewPage, { locale: "en-US", ...VIEWPORTS.desktop });
    await app.answerAloud("#/practice/question/angry-customer", 11_000);
    const latest = app.latestAttempt();
    await latest.getByTestId("delivery").waitFor();
    const f = await app.deliveryFigures(latest);
    t.diagnostic(JSON.stringify(f));
    const pauses = parsePauses(f.pauses);
    assert.ok(pauses.n >= 2, f.pauses);
    assert.ok(pauses.longest >= 2.0 && pauses.longest <= 3.0, f.pauses);
    const speaking = parseSpeaking(f.speaking);
    assert.ok(speaking.share >= 25 && speaking.share <= 60, f.speaking);
    assert.ok(speaking.total >= 10 && speaking.total <= 12, f.speaking);
    // Each pause is shaded on the strip and has its button.
    assert.equal(await latest.locator("rect.pause").count(), pauses.n);
    const buttons = latest.locator("ul.pause-list button");
    assert.equal(await buttons.count(), pauses.n);
    for (const text of await buttons.allTextContents()) assert.match(text, /^Play from the pause at \d:\d\d$/);
    assert.equal(
      await latest.getByTestId("envelope").locator("svg").getAttribute("aria-label"),
      `Loudness over the recording, with ${pauses.n} long pauses marked`,
    );
    // Every shaded pause is between 2 and 3 s wide (in the strip's units: columns of the recording).
    const widths = await latest.getByTestId("envelope").locator("svg").evaluate((svg) => {
      const columns = svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll("rect.pause")].map((r) => Number(r.getAttribute("width")) / columns);
    });
    for (const w of widths) {
      const s = w * speaking.total;
      assert.ok(s > 1.5 && s < 3.5, `a pause of about ${s.toFixed(2)} s`);
    }

    // A click at the middle of the strip plays the recording from about its middle.
    const audio = latest.locator(".spoken audio");
    const duration = await app.playerDuration(0);
    assert.ok(Math.abs(duration - speaking.total) < 1.5, `player ${duration} s`);
    const svg = latest.getByTestId("envelope").locator("svg");
    const box = await svg.boundingBox();
    await svg.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.waitForFunction((el) => !el.paused && el.currentTime > 0, await audio.elementHandle());
    const at = await audio.evaluate((el) => el.currentTime);
    t.diagnostic(`clicked at 50 %: currentTime ${at.toFixed(2)} s of ${duration.toFixed(2)} s`);
    assert.ok(Math.abs(at - duration / 2) < 1, `currentTime ${at} s, half ${duration / 2} s`);
    await audio.evaluate((el) => el.pause());
    // A pause's button plays from that pause (for the keyboard).
    const last = buttons.last();
    const [, m, s] = (await last.textContent()).match(/(\d):(\d\d)$/);
    await last.click();
    await page.waitForFunction((el) => !el.paused, await audio.elementHandle());
    const from = await audio.evaluate((el) => el.currentTime);
    assert.ok(from >= clock(m, s) && from < clock(m, s) + 2, `from ${from} s, the pause at ${m}:${s}`);
    await audio.evaluate((el) => el.pause());
    await axe(page, "strip with pauses");
    assert.deepEqual(seen.errors, []);
  });
});

// Safety of stored data: hostile backup and panel files, a file too big for the storage left, an
// import cut off by a reload, and recording retention. Every test checks that nothing already
// stored is lost and that the user is told, in words. Against the release dist/ under /a/b/.
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VIEWPORTS } from "./support/browser.mjs";
import { useApp } from "./support/suite.mjs";
import { InterviewerPage, SafetyPage, storageSnapshot } from "./support/app-page.mjs";

const suite = useApp();

const open = (Page = SafetyPage, options = {}) =>
  suite.openWith(Page, { locale: "en-US", acceptDownloads: true, ...VIEWPORTS.desktop, ...options });

const DAY = 24 * 60 * 60 * 1000;
const MIME = "audio/webm;codecs=opus";
const DIR = mkdtempSync(join(tmpdir(), "csic-safety-"));

// ---- Backup files built in node, in the format the app exports. ----

const envelope = (data) => ({ v: 1, data });

/** A finished attempt: typed (`chunks` 0) or with a recording of `chunks` × `bytes`. */
function attempt(id, { startedMs = Date.now() - 60_000, chunks = 0, bytes = 0, text = "", notes = "" } = {}) {
  return {
    id,
    session: "safety-session",
    question: "angry-customer",
    started_ms: startedMs,
    duration_ms: 30_000,
    mime: chunks > 0 ? MIME : "",
    size: chunks * bytes,
    chunks,
    text,
    notes,
    state: "complete",
  };
}

const chunkKey = (id, n) => `audio:${id}:${String(n).padStart(6, "0")}`;

/** `chunks` chunks of `bytes` random bytes each, base64, under the attempt's keys. */
function audioOf(id, chunks, bytes) {
  return Object.fromEntries(Array.from({ length: chunks }, (_, n) => [chunkKey(id, n), randomBytes(bytes).toString("base64")]));
}

function backup({ documents = {}, audio = {} }) {
  return { app: "cs-interview-coach", schema: 1, exported_ms: Date.now(), documents, audio };
}

/** A backup as a file to pick (no disk needed). */
const asFile = (b, name = "backup.json") => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(b)) });

/** What is stored before each hostile import: a typed answer with its review and a recording of 3 parts. */
const SEED = backup({
  documents: {
    "attempt:seed-typed": envelope(attempt("seed-typed", { text: "I would listen first, then offer a refund." })),
    "review:seed-typed": envelope({ attempt: "seed-typed", rubric: 1, marks: { "structure/situation": 1 }, updated_ms: 1 }),
    "attempt:seed-audio": envelope(attempt("seed-audio", { chunks: 3, bytes: 300 })),
  },
  audio: audioOf("seed-audio", 3, 300),
});

/** Opens the backup page with SEED stored (written straight to storage); returns the page and what is stored. */
async function seeded(options) {
  const opened = await open(SafetyPage, options);
  await opened.app.open("#/data");
  await opened.app.seed(SEED);
  const before = await storageSnapshot(opened.page);
  assert.equal(Object.keys(before.chunks).length, 3);
  for (const key of Object.keys(SEED.documents)) assert.ok(before.docs[`csic:${key}`], key);
  return { ...opened, before };
}

/** Every key in localStorage and IndexedDB, for checking that a hostile name got nowhere. */
const allKeys = (snap) => [...snap.keys, ...Object.keys(snap.chunks)];

const GOOD_ID = "safe-good";
const GOOD = envelope(attempt(GOOD_ID, { text: "A good answer that should be imported." }));

// One hostile entry per case: where it goes in a file, its key and value, and fragments of it
// that must not appear in any stored key afterwards.
const HOSTILE = [
  {
    name: "a document id containing ../",
    documents: { "attempt:../evil": envelope(attempt("../evil", { text: "escape" })) },
    marks: ["../", "evil"],
  },
  {
    name: "a document id containing :",
    documents: { "attempt:a:b": envelope(attempt("a:b", { text: "colon" })) },
    marks: ["a:b"],
  },
  {
    name: "a key whose id is not the document's",
    documents: { "attempt:key-id": envelope(attempt("inside-id", { text: "mismatch" })) },
    marks: ["key-id", "inside-id"],
  },
  {
    name: "a document over 1,000,000 characters",
    documents: { "attempt:huge": envelope(attempt("huge", { text: "x".repeat(1_000_001) })) },
    marks: ["huge"],
  },
  {
    name: "an audio key that is not audio:<id>:<6 digits>",
    audio: { "audio:../evil:000000": randomBytes(50).toString("base64") },
    // With only hostile entries: a short chunk number for an attempt that is stored.
    aloneAudio: { "audio:seed-audio:12": randomBytes(50).toString("base64") },
    marks: ["../", "evil", "audio:seed-audio:12"],
  },
];

describe("hostile backup files", () => {
  for (const c of HOSTILE) {
    test(`${c.name}: refused alone, left out beside a good document, nothing else changes`, async () => {
      const { app, page, seen, before } = await seeded();
      assert.ok(allKeys(before).every((k) => !c.marks.some((m) => k.includes(m))));

      // Only the hostile entry: the plan says it cannot be imported and offers nothing to write.
      const alone = backup({ documents: c.documents ?? {}, audio: c.aloneAudio ?? c.audio ?? {} });
      await app.chooseImport(asFile(alone));
      const rejected = page.getByTestId("import-rejected");
      await rejected.waitFor();
      assert.equal(
        (await rejected.textContent()).trim(),
        "1 item in this file cannot be imported (damaged, from a newer version, or with a bad name). It is left out; the rest is imported.",
      );
      assert.match(await page.getByTestId("import-plan").textContent(), /^0 new items and 0 recording parts will be added; 0 are here already\./);
      assert.equal(await app.importButton().count(), 0, "nothing to import");
      assert.deepEqual(await storageSnapshot(page), before);

      // One good document plus the hostile entry: the good one is imported, the other counted out.
      const mixed = backup({ documents: { [`attempt:${GOOD_ID}`]: GOOD, ...(c.documents ?? {}) }, audio: c.audio ?? {} });
      await app.chooseImport(asFile(mixed));
      await rejected.filter({ hasText: "1 item in this file cannot be imported" }).waitFor();
      assert.match(await page.getByTestId("import-plan").textContent(), /^1 new items and 0 recording parts will be added; 0 are here already\./);
      await app.importButton().click();
      await page.getByTestId("data-flash").filter({ hasText: /^Imported 1 item and 0 recording parts\.$/ }).waitFor();
      const after = await storageSnapshot(page);
      assert.deepEqual(after.docs, { ...before.docs, [`csic:attempt:${GOOD_ID}`]: JSON.stringify(GOOD) });
      assert.deepEqual(after.chunks, before.chunks);
      assert.equal(after.journal, null);
      const leaked = allKeys(after).filter((k) => c.marks.some((m) => k.includes(m)));
      assert.deepEqual(leaked, [], "no stored key carries the hostile name");
      assert.deepEqual(seen.errors, []);
    });
  }

  test("a file of only refused entries does not claim that everything in it is here already", async () => {
    const { app, page, before } = await seeded();
    await app.chooseImport(asFile(backup({ documents: HOSTILE[0].documents })));
    await page.getByTestId("import-rejected").waitFor();
    assert.deepEqual(await storageSnapshot(page), before);
    // The entry is not here (it was refused): "Everything in this file is here already." is untrue.
    assert.doesNotMatch(await page.getByTestId("import-plan").textContent(), /Everything in this file is here already\./);
    assert.match(await page.getByTestId("import-plan").textContent(), /Nothing in this file can be imported\./);
  });
});

describe("a file too big for the storage left", () => {
  test("the import says how much it needs and how little is left, and writes nothing", async () => {
    const { app, page, seen, before } = await seeded({});
    // From now on the browser reports 100 KB free (the seed above needed ~2 KB).
    await page.addInitScript(() => {
      StorageManager.prototype.estimate = async () => ({ usage: 9_900_000, quota: 10_000_000 });
    });
    await app.reload();
    assert.deepEqual((await page.evaluate(() => navigator.storage.estimate())), { usage: 9_900_000, quota: 10_000_000 });
    // 1 answer with 100 parts of 2,000 bytes: about 200 KB.
    const big = backup({
      documents: { "attempt:big-one": envelope(attempt("big-one", { chunks: 100, bytes: 2_000 })) },
      audio: audioOf("big-one", 100, 2_000),
    });
    await app.chooseImport(asFile(big));
    await page.getByTestId("import-plan").filter({ hasText: "1 new items and 100 recording parts will be added" }).waitFor();
    await app.importButton().click();
    const error = page.getByTestId("import-error");
    await error.waitFor();
    assert.equal(await error.getAttribute("role"), "alert");
    const [message, nothing] = (await error.locator("p").allTextContents()).map((t) => t.trim());
    assert.match(message, /^This file needs about 20\d KB of storage, and only 100 KB is left\.$/);
    assert.equal(nothing, "Nothing was changed.");
    assert.deepEqual(await storageSnapshot(page), before);
    assert.deepEqual(seen.errors, []);
  });
});

describe("hostile panel files", () => {
  let panel;
  // Alice's real panel file: one candidate and her submitted scorecard.
  before(async () => {
    const { app, page } = await open(InterviewerPage);
    await app.setName("Alice");
    await app.addCandidate("Wu Min", "Support rep");
    await app.openCandidate("Wu Min");
    await app.startInterview("phone-screen");
    await app.quickScorecard({ skills: 4 });
    await app.open("#/interviewer");
    const [download] = await Promise.all([page.waitForEvent("download"), app.button("Export my scorecards").click()]);
    const file = join(DIR, "alice.json");
    await download.saveAs(file);
    panel = JSON.parse(readFileSync(file, "utf8"));
    await page.context().close();
  });

  test("a newer schema, wrong types, a scorecard for a candidate not in the file, ../ ids: each refused, storage unchanged", async () => {
    assert.equal(panel.kind, "panel");
    assert.equal(panel.candidates.length, 1);
    assert.equal(panel.scorecards.length, 1);
    const variant = (edit) => {
      const f = structuredClone(panel);
      edit(f);
      return f;
    };
    const cases = [
      ["a newer schema", variant((f) => (f.schema = 2)), /^This panel file comes from a newer version of the app \(format 2; this one reads up to 1\)\. Update the app, then import it\.$/],
      ["a rating that is a string", variant((f) => (f.scorecards[0].ratings["criteria/skills"] = "4")), /This panel file is damaged or does not have the right contents/],
      ["a rating outside 1–5", variant((f) => (f.scorecards[0].ratings["criteria/skills"] = 9)), /This panel file is damaged or does not have the right contents/],
      ["a candidate name that is a number", variant((f) => (f.candidates[0].name = 42)), /This panel file is damaged or does not have the right contents/],
      ["a scorecard whose candidate is not in the file", variant((f) => (f.scorecards[0].candidate = "not-in-file")), /This panel file is damaged or does not have the right contents/],
      ["a candidate id with ../", variant((f) => { f.candidates[0].id = "../evil"; f.scorecards[0].candidate = "../evil"; }), /This panel file is damaged or does not have the right contents/],
      ["a scorecard id with ../", variant((f) => (f.scorecards[0].id = "../../evil")), /This panel file is damaged or does not have the right contents/],
      ["an interviewer id with ../", variant((f) => { f.interviewer.id = "../evil"; f.scorecards[0].interviewer.id = "../evil"; }), /This panel file is damaged or does not have the right contents/],
      ["a backup file instead of a panel file", { app: "cs-interview-coach", schema: 1, exported_ms: 1, documents: {} }, /^This is not a panel file of this app\.$/],
    ];

    // Carol's browser, with her own candidate and scorecard.
    const { app, page, seen } = await open(InterviewerPage);
    await app.setName("Carol");
    await app.addCandidate("Li Na", "Team lead");
    await app.openCandidate("Li Na");
    await app.startInterview("phone-screen");
    await app.quickScorecard({ skills: 3 });
    await app.open("#/interviewer");
    const before = await storageSnapshot(page);
    assert.equal(Object.keys(before.docs).filter((k) => k.startsWith("csic:scorecard:")).length, 1);

    // The file as exported would add a candidate and a scorecard: refused variants would have written.
    await page.locator("#panel-file").setInputFiles(asFile(panel, "panel.json"));
    await page.getByTestId("panel-plan").filter({ hasText: "New candidates: 1; new scorecards: 1; already here: 0." }).waitFor();
    assert.deepEqual(await storageSnapshot(page), before);

    for (const [name, file, message] of cases) {
      await page.locator("#panel-file").setInputFiles(asFile(file, `${name}.json`));
      const error = page.getByTestId("panel-error");
      await error.waitFor();
      const [said, nothing] = (await error.locator("p").allTextContents()).map((t) => t.trim());
      assert.match(said, message, name);
      assert.equal(nothing, "Nothing was changed.", name);
      assert.equal(await error.getAttribute("role"), "alert", name);
      assert.equal(await app.main().getByRole("button", { name: "Merge", exact: true }).count(), 0, name);
      assert.deepEqual(await storageSnapshot(page), before, name);
    }
    const leaked = allKeys(await storageSnapshot(page)).filter((k) => k.includes("..") || k.includes("evil"));
    assert.deepEqual(leaked, []);
    assert.deepEqual(seen.errors, []);
  });
});

// ---- 30 answers × 50 recording parts, imported, cut off by a reload, then imported again. ----

const BULK_IDS = Array.from({ length: 30 }, (_, i) => `bulk-${String(i).padStart(2, "0")}`);
const BULK_FILE = join(DIR, "bulk.json");
{
  const documents = {};
  let audio = {};
  for (const [i, id] of BULK_IDS.entries()) {
    documents[`attempt:${id}`] = envelope(attempt(id, { startedMs: Date.now() - (i + 1) * 3_600_000, chunks: 50, bytes: 128 }));
    audio = { ...audio, ...audioOf(id, 50, 128) };
  }
  writeFileSync(BULK_FILE, JSON.stringify(backup({ documents, audio })));
}
const isBulk = (key) => BULK_IDS.some((id) => key.includes(`:${id}`));

describe("an import cut off by a reload", () => {
  for (const delay of [30, 150]) {
    test(`reloaded ${delay} ms after Import: undone with a notice, no orphan left; importing again takes all 1,500 parts`, async () => {
      const { app, page, seen, before } = await seeded();
      await app.chooseImport(BULK_FILE);
      await page.getByTestId("import-plan").filter({ hasText: "30 new items and 1500 recording parts will be added; 0 are here already." }).waitFor();
      // What the import had done when the reload came (recorded in the page, so the probe costs no time).
      await page.evaluate((ms) => {
        setTimeout(() => {
          const j = localStorage.getItem("csic-journal");
          sessionStorage.setItem("safety-probe", j ? JSON.parse(j).phase : "no journal");
        }, Math.max(0, ms - 2));
      }, delay);
      // Clicked in the page, which says when (a Playwright click returns some 30 ms after it), then reloaded.
      const clicked = await app.importButton().evaluate((button) => {
        button.click();
        return Date.now();
      });
      await page.waitForTimeout(Math.max(0, delay - (Date.now() - clicked)));
      const reloadedAfter = Date.now() - clicked;
      await page.reload();
      const { notice } = await app.settleAfterReload();
      const probe = await page.evaluate(() => sessionStorage.getItem("safety-probe"));
      console.log(`# reload ${reloadedAfter} ms after the click (import phase then: ${probe}); notice shown: ${notice}`);

      const after = await storageSnapshot(page);
      assert.equal(after.journal, null, "no journal is left");
      assert.deepEqual(Object.keys(after.chunks).filter(isBulk), [], "no chunk of the import is left (orphans)");
      assert.deepEqual(Object.keys(after.docs).filter(isBulk), [], "no attempt of the import is left");
      assert.deepEqual(after.docs, before.docs, "what was stored is untouched");
      assert.deepEqual(after.chunks, before.chunks, "every earlier recording part is there");
      if (probe !== "no journal") assert.ok(notice, "the import had started writing: the user is told it was undone");
      if (notice) {
        assert.match(
          await app.noticeText(),
          /An import was interrupted \(the page closed or reloaded\) and has been undone: nothing of it was kept\. Import the file again\./,
        );
      }

      // The same file again: all of it, timed from the click to the message.
      await app.open("#/data");
      await app.chooseImport(BULK_FILE);
      await page.getByTestId("import-plan").filter({ hasText: "30 new items and 1500 recording parts will be added; 0 are here already." }).waitFor();
      const start = Date.now();
      await app.importButton().click();
      await page.getByTestId("data-flash").filter({ hasText: "Imported 30 items and 1500 recording parts." }).waitFor({ timeout: 120_000 });
      console.log(`# full import of 30 answers and 1,500 recording parts: ${Date.now() - start} ms (click to message)`);
      const done = await storageSnapshot(page);
      assert.equal(Object.keys(done.chunks).filter(isBulk).length, 1500);
      assert.ok(Object.entries(done.chunks).filter(([k]) => isBulk(k)).every(([, size]) => size === 128));
      assert.equal(Object.keys(done.docs).filter(isBulk).length, 30);
      assert.equal(done.journal, null);
      for (const [k, v] of Object.entries(before.docs)) assert.equal(done.docs[k], v, k);
      for (const [k, size] of Object.entries(before.chunks)) assert.equal(done.chunks[k], size, k);
      assert.deepEqual(seen.errors, []);
    });
  }
});

// ---- Retention: recordings 40, 20 and 1 days old. ----

describe("recording retention", () => {
  test("30 days deletes exactly the 40-day recording and keeps its answer; a reload deletes nothing more; 10 days deletes the 20-day one", async () => {
    const now = Date.now();
    const rec = {
      old: { id: "rec-40-days", days: 40, chunks: 3, bytes: 1_500 },
      mid: { id: "rec-20-days", days: 20, chunks: 2, bytes: 1_200 },
      new: { id: "rec-1-day", days: 1, chunks: 4, bytes: 500 },
    };
    const documents = {};
    let audio = {};
    for (const r of Object.values(rec)) {
      documents[`attempt:${r.id}`] = envelope(
        attempt(r.id, { startedMs: now - r.days * DAY, chunks: r.chunks, bytes: r.bytes, text: `Typed note for ${r.id}`, notes: `My notes on ${r.id}` }),
      );
      documents[`review:${r.id}`] = envelope({ attempt: r.id, rubric: 1, marks: { "structure/situation": 1, "criteria/skills": 4 }, differently: `Say it shorter (${r.id})`, updated_ms: now - r.days * DAY });
      audio = { ...audio, ...audioOf(r.id, r.chunks, r.bytes) };
    }
    const { app, page, seen, dialogs } = await open();
    await app.open("#/settings");
    await app.seed(backup({ documents, audio }));
    const chunksOf = (snap, id) => Object.keys(snap.chunks).filter((k) => k.startsWith(`audio:${id}:`));
    const attemptOf = (snap, id) => JSON.parse(snap.docs[`csic:attempt:${id}`]).data;

    const retention = app.retention();
    assert.equal((await retention.locator("legend").textContent()).trim(), "Recordings");
    assert.equal(await page.getByTestId("retention-on").isChecked(), false);
    const before = await storageSnapshot(page);
    assert.equal(Object.keys(before.chunks).length, 9);

    // 30 days: the preview names the one recording over 30 days old and its size.
    await page.getByTestId("retention-days").fill("30");
    await app.retentionPreview().filter({ hasText: "This deletes 1 recording (5 KB) now." }).waitFor();
    await page.getByTestId("retention-on").check();
    assert.equal(dialogs.at(-1), "Delete 1 recording (5 KB) now? This cannot be undone. Typed answers, notes and scores are kept.");
    await page.waitForFunction((id) => localStorage.getItem(`csic:attempt:${id}`).includes("audio_removed_ms"), rec.old.id);
    const cut = await storageSnapshot(page);
    assert.deepEqual(chunksOf(cut, rec.old.id), [], "the 40-day recording is gone");
    assert.deepEqual(chunksOf(cut, rec.mid.id), chunksOf(before, rec.mid.id));
    assert.deepEqual(chunksOf(cut, rec.new.id), chunksOf(before, rec.new.id));
    const old = attemptOf(cut, rec.old.id);
    assert.equal(old.text, `Typed note for ${rec.old.id}`);
    assert.equal(old.notes, `My notes on ${rec.old.id}`);
    assert.equal(old.duration_ms, 30_000);
    assert.equal(old.chunks, 0);
    assert.ok(old.audio_removed_ms > 0);
    for (const r of Object.values(rec)) assert.equal(cut.docs[`csic:review:${r.id}`], before.docs[`csic:review:${r.id}`], `review of ${r.id} kept`);
    for (const r of [rec.mid, rec.new]) assert.equal(cut.docs[`csic:attempt:${r.id}`], before.docs[`csic:attempt:${r.id}`]);
    assert.match(await retention.textContent(), /Every start-up deletes recordings older than 30 days\. Typed answers, notes and scores are kept\./);

    // The start-up run deletes nothing more.
    await app.reload();
    await page.waitForTimeout(1_500);
    const restarted = await storageSnapshot(page);
    assert.deepEqual(restarted.chunks, cut.chunks);
    for (const r of Object.values(rec)) {
      assert.equal(restarted.docs[`csic:attempt:${r.id}`], cut.docs[`csic:attempt:${r.id}`], r.id);
      assert.equal(restarted.docs[`csic:review:${r.id}`], cut.docs[`csic:review:${r.id}`], r.id);
    }
    assert.equal(await page.getByTestId("retention-on").isChecked(), true);
    assert.equal(await page.getByTestId("retention-days").inputValue(), "30");

    // 10 days: one more, the 20-day recording.
    await page.getByTestId("retention-days").fill("10");
    await app.retentionPreview().filter({ hasText: "This deletes 1 recording (3 KB) now." }).waitFor();
    await page.getByTestId("retention-apply").click();
    assert.equal(dialogs.at(-1), "Delete 1 recording (3 KB) now? This cannot be undone. Typed answers, notes and scores are kept.");
    await page.waitForFunction((id) => localStorage.getItem(`csic:attempt:${id}`).includes("audio_removed_ms"), rec.mid.id);
    const cut2 = await storageSnapshot(page);
    assert.deepEqual(chunksOf(cut2, rec.mid.id), []);
    assert.deepEqual(chunksOf(cut2, rec.new.id), chunksOf(before, rec.new.id));
    assert.deepEqual(Object.keys(cut2.chunks).sort(), chunksOf(before, rec.new.id).sort(), "only the 1-day recording is left");
    const mid = attemptOf(cut2, rec.mid.id);
    assert.equal(mid.text, `Typed note for ${rec.mid.id}`);
    assert.equal(mid.notes, `My notes on ${rec.mid.id}`);
    assert.equal(cut2.docs[`csic:attempt:${rec.old.id}`], cut.docs[`csic:attempt:${rec.old.id}`], "the first removal's time stands");
    assert.equal(cut2.docs[`csic:attempt:${rec.new.id}`], before.docs[`csic:attempt:${rec.new.id}`]);
    for (const r of Object.values(rec)) assert.equal(cut2.docs[`csic:review:${r.id}`], before.docs[`csic:review:${r.id}`]);
    assert.equal(dialogs.length, 2);
    assert.deepEqual(seen.errors, []);
  });
});

// Page object for the app shell: the one place that knows the markup.
export class AppPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens `hash` (e.g. "#/settings") and waits for the app to render its heading. */
  async open(hash = "") {
    await this.page.goto(this.baseUrl + hash);
    await this.ready();
  }

  async ready() {
    await this.page.locator("#main h1").first().waitFor({ state: "visible" });
  }

  heading() {
    return this.page.locator("#main h1").first();
  }

  /** A link of the site navigation (the mode switch, the tab bar; on "More", its list of pages). */
  nav(name) {
    return this.page.getByRole("navigation").getByRole("link", { name, exact: true });
  }

  /** Goes to a page that is not a main destination: "More", then its link. */
  async viaMore(name) {
    await this.nav("More").click();
    await this.page.locator("#main .more").waitFor();
    await this.nav(name).click();
    await this.ready();
  }

  async headingText() {
    return (await this.heading().textContent())?.trim();
  }

  async htmlLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** Chooses a language by its tag ("en", "zh-Hans" or "zh-Hant") on the "More" page, then comes
   *  back to the page it was on. */
  async chooseLanguage(tag) {
    const back = await this.page.evaluate(() => location.hash);
    if (back !== "#/more") {
      await this.page.evaluate(() => (location.hash = "#/more"));
    }
    const select = this.page.locator("#lang-more");
    await select.waitFor();
    await select.selectOption(tag);
    await this.page.waitForFunction((t) => document.documentElement.lang === t, tag);
    if (back !== "#/more") {
      await this.page.evaluate((h) => (location.hash = h || "#/"), back);
      await this.page.waitForFunction((h) => location.hash === (h || "#/") && !document.querySelector("#main .more"), back);
      await this.ready();
    }
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** Resolves once a service worker controls the page. */
  async waitForServiceWorker() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
      }
    });
  }
}

// The question bank page.
export class QuestionsPage extends AppPage {
  async open() {
    await super.open("#/questions");
    await this.page.locator('[data-testid="question"]').first().waitFor();
  }

  cards() {
    return this.page.locator('#main [data-testid="question"]');
  }

  card(id) {
    return this.page.locator(`#main .category [data-testid="question"][data-id="${id}"]`);
  }

  async search(text) {
    await this.page.locator("#q-search").fill(text);
  }

  async visibleIds() {
    return this.page.locator('#main .category [data-testid="question"]').evaluateAll((els) => els.map((e) => e.dataset.id));
  }
}

// The practice session.
export class PracticePage extends AppPage {
  main() {
    return this.page.locator("#main");
  }

  button(name) {
    return this.main().getByRole("button", { name, exact: true });
  }

  /** Starts a session (e.g. "#/practice/question/angry-customer") and waits for the page. */
  async start(hash) {
    await this.open(hash);
    await this.page.waitForFunction(() => location.hash === "#/practice");
  }

  async passMicCheck() {
    await this.page.getByTestId("mic-status").filter({ hasText: "microphone works" }).waitFor();
    await this.button("Continue to the question").click();
    await this.page.locator("#practice-question").waitFor();
  }

  phase() {
    return this.page.locator(".timer").getAttribute("data-phase");
  }

  async waitPhase(name) {
    await this.page.locator(`.timer[data-phase="${name}"]`).waitFor();
  }

  /** Start, and skip the think time: the answer is being recorded. */
  async beginAnswer() {
    await this.button("Start").click();
    await this.waitPhase("thinking");
    await this.button("Start answering now").click();
    await this.waitPhase("answering");
  }

  /** Opens practice at `hash`, passes the mic check and begins the answer (see beginAnswer). */
  async startAnswering(hash) {
    await this.start(hash);
    await this.passMicCheck();
    await this.beginAnswer();
  }

  /** Start, skip the think time, and answer for `ms` of recording. */
  async answerFor(ms) {
    await this.beginAnswer();
    await this.page.waitForTimeout(ms);
  }

  async stop() {
    await this.button("Stop").click();
    await this.waitPhase("done");
  }

  attempts() {
    return this.page.locator('[data-testid="attempts"] > li');
  }

  /** The stored attempt records, from localStorage. */
  async storedAttempts() {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("csic:attempt:"))
        .map((k) => JSON.parse(localStorage.getItem(k)).data)
        .sort((a, b) => a.started_ms - b.started_ms),
    );
  }

  /** Waits until every stored attempt is finished (its last chunk written). */
  async waitSaved(count) {
    await this.page.waitForFunction(
      (n) => {
        const list = Object.keys(localStorage)
          .filter((k) => k.startsWith("csic:attempt:"))
          .map((k) => JSON.parse(localStorage.getItem(k)).data);
        return list.length === n && list.every((a) => a.state !== "live");
      },
      count,
    );
  }

  /** Waits until the live attempt has at least `n` chunks saved. */
  async waitChunks(n) {
    await this.page.waitForFunction(
      (min) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith("csic:attempt:"))
          .map((k) => JSON.parse(localStorage.getItem(k)).data)
          .some((a) => a.state === "live" && a.chunks >= min),
      n,
    );
  }

  /** The IndexedDB chunk keys. */
  async chunkKeys() {
    return this.page.evaluate(
      () =>
        new Promise((ok, fail) => {
          const open = indexedDB.open("csic-audio");
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains("blobs")) return ok([]);
            const req = db.transaction("blobs").objectStore("blobs").getAllKeys();
            req.onsuccess = () => {
              ok(req.result);
              db.close();
            };
          };
        }),
    );
  }

  /** The duration (s) attempt `n`'s player shows once it knows it (the page's CSP keeps tests from fetching blob: URLs). */
  async playerDuration(n) {
    const audio = this.attempts().nth(n).locator("audio");
    await audio.waitFor();
    return audio.evaluate(async (el) => {
      for (let i = 0; i < 100 && !(Number.isFinite(el.duration) && el.currentTime === 0 && !el.hasAttribute("data-seeking-end")); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return el.duration;
    });
  }

  /** The real length (s) of an attempt's stored audio: its chunks from IndexedDB, joined and decoded. */
  async decodedDuration(attemptId, mime) {
    return this.page.evaluate(
      ([id, type]) =>
        new Promise((ok, fail) => {
          const open = indexedDB.open("csic-audio");
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction("blobs").objectStore("blobs");
            const req = store.getAll(IDBKeyRange.bound(`audio:${id}:`, `audio:${id}:~`));
            req.onsuccess = async () => {
              open.result.close();
              const bytes = await new Blob(req.result, { type }).arrayBuffer();
              const decoded = await new AudioContext().decodeAudioData(bytes);
              ok(decoded.duration);
            };
          };
        }),
      [attemptId, mime],
    );
  }

  // --- Spoken answers (issue 14). ---

  /** `passMicCheck` with the texts of another language (`micWorks`: part of the status once it works). */
  async passMicCheckIn({ micWorks = "microphone works", proceed = "Continue to the question" } = {}) {
    await this.page.getByTestId("mic-status").filter({ hasText: micWorks }).waitFor();
    await this.button(proceed).click();
    await this.page.locator("#practice-question").waitFor();
  }

  /**
   * A spoken answer of `ms`: Start (unless `again`: "Record again" starts the think time itself),
   * skip the think time, record for `ms`, Stop. Button names for another language in `names`.
   */
  async speakFor(ms, { again = false, start = "Start", answerNow = "Start answering now", stop = "Stop" } = {}) {
    if (!again) await this.button(start).click();
    await this.waitPhase("thinking");
    await this.button(answerNow).click();
    await this.waitPhase("answering");
    await this.page.waitForTimeout(ms);
    await this.button(stop).click();
    await this.waitPhase("done");
  }

  /**
   * Opens practice at `hash`, passes the mic check, answers aloud for `ms` and waits until the
   * attempt is saved and its recording read (its envelope stored). Texts for another language in
   * `mic` (see passMicCheckIn) and `names` (see speakFor). Returns the stored attempts.
   */
  async answerAloud(hash, ms, { mic = {}, names = {} } = {}) {
    await this.start(hash);
    await this.passMicCheckIn(mic);
    await this.speakFor(ms, names);
    await this.waitSaved(1);
    await this.waitEnvelopes(1);
    return this.storedAttempts();
  }

  /** The latest attempt in "Your attempts". */
  latestAttempt() {
    return this.attempts().last();
  }

  /** Waits until `n` stored attempts carry an envelope (their recording was read). */
  async waitEnvelopes(n) {
    await this.page.waitForFunction(
      (min) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith("csic:attempt:"))
          .filter((k) => JSON.parse(localStorage.getItem(k)).data.envelope).length >= min,
      n,
    );
  }

  /** The delivery figures shown in `scope` (a locator), by row: { speaking, "first-word", pauses, segments, volume }. */
  async deliveryFigures(scope) {
    const figures = scope.getByTestId("delivery-figures");
    await figures.waitFor();
    return figures.evaluate((dl) =>
      Object.fromEntries([...dl.querySelectorAll(".figure")].map((row) => [row.dataset.testid, row.querySelector(".value").textContent.trim()])),
    );
  }

  /** The raw stored document of attempt `id` (`{ v, data }`). */
  async attemptDocument(id) {
    return this.page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `csic:attempt:${id}`);
  }
}

// Scoring, history, progress and backup (issue 5).
export class ReviewPage extends PracticePage {
  /** Types an answer to the question on screen and stops: the review follows. */
  async typeAnswer(text, { again = false } = {}) {
    // "Record again" starts the think time at once; the first answer waits for "Start".
    if (!again) await this.button("Start").click();
    await this.button("Start answering now").click();
    await this.page.locator("#typed-answer").fill(text);
    await this.stop();
  }

  /** Starts typed practice of one question (the mic check offers typing instead). */
  async startTyped(hash, typeInstead = "Type my answer instead") {
    await this.start(hash);
    await this.button(typeInstead).click();
  }

  /** The same as `startTyped` then `typeAnswer`, with the buttons' names in another language. */
  async typeAnswerIn(hash, text, { typeInstead, start, answerNow, stop }) {
    await this.startTyped(hash, typeInstead);
    await this.button(start).click();
    await this.button(answerNow).click();
    await this.page.locator("#typed-answer").fill(text);
    await this.button(stop).click();
    await this.waitPhase("done");
  }

  mark(key, value) {
    const sel = value === undefined ? `input[data-key="${key}"]` : `input[data-key="${key}"][value="${value}"]`;
    return this.main().locator(sel).first();
  }

  /** Ticks a rubric item (or a red flag), or rates a scale 1–5, and waits for it to be saved. */
  async score(key, value) {
    const before = await this.storedReviewCount();
    await this.mark(key, value).check();
    await this.page.waitForFunction(
      ([k, v]) =>
        Object.keys(localStorage)
          .filter((x) => x.startsWith("csic:review:"))
          .some((x) => JSON.parse(localStorage.getItem(x)).data.marks[k] === (v ?? 1)),
      [key, value],
    );
    return before;
  }

  async storedReviewCount() {
    return this.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("csic:review:")).length);
  }

  score_text() {
    return this.main().getByTestId("review-score").first();
  }

  historyRows() {
    return this.page.getByTestId("history-row");
  }

  /** Every `csic:` document, parsed, keyed by its storage key. */
  async documents() {
    return this.page.evaluate(() =>
      Object.fromEntries(
        Object.keys(localStorage)
          .filter((k) => k.startsWith("csic:"))
          .sort()
          .map((k) => [k, JSON.parse(localStorage.getItem(k))]),
      ),
    );
  }

  // --- Spoken answers (issue 14). ---

  /** Opens the answer page of attempt `id` (`#/history/attempt/<id>`). */
  async openAttempt(id) {
    await this.open(`#/history/attempt/${id}`);
    await this.page.locator("#attempt-title").waitFor();
  }

  /**
   * Writes down (or edits) a spoken answer's transcript on the page and waits for it to be
   * stored. `edit`, `save`: the button names (in another language).
   */
  async writeTranscript(text, { edit = /^(Write down what you said|Edit the transcript)$/, save = "Save the transcript" } = {}) {
    const box = this.page.getByTestId("transcript-box");
    await box.getByTestId("transcript-edit").filter({ hasText: edit }).click();
    await box.getByTestId("transcript-input").fill(text);
    await box.getByRole("button", { name: save, exact: true }).click();
    await this.page.waitForFunction(
      (t) =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith("csic:attempt:"))
          .some((k) => JSON.parse(localStorage.getItem(k)).data.transcript?.text === t.trim()),
      text,
    );
  }

  /** On the data page: exports a backup (with the recordings unless `audio` is false), saved in a tmp dir. Returns { file, backup }. */
  async exportBackup({ audio = true } = {}) {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    await this.open("#/data");
    if (!audio) await this.page.getByTestId("export-audio").uncheck();
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("button", { name: "Export to a file" }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), "csic-")), download.suggestedFilename());
    await download.saveAs(file);
    return { file, backup: JSON.parse(readFileSync(file, "utf8")) };
  }

  /**
   * On the data page: deletes all data (the dialog must be accepted by the test's handler) and
   * waits for the app's reload and the emptied storage.
   */
  async deleteAll() {
    const reloaded = this.page.waitForEvent("framenavigated", { predicate: (f) => f === this.page.mainFrame() });
    await this.page.getByTestId("delete-all").click();
    await reloaded;
    await this.ready();
    await this.page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith("csic:attempt:")));
  }

  /** On the data page: imports `file` and waits for the app's reload after it. */
  async importBackup(file) {
    await this.page.locator("#import-file").setInputFiles(file);
    await this.page.getByTestId("import-plan").waitFor();
    const reloaded = this.page.waitForEvent("framenavigated", { predicate: (f) => f === this.page.mainFrame() });
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
    await reloaded;
    await this.ready();
  }
}

// Interviewer mode (issue 6).
export class InterviewerPage extends AppPage {
  main() {
    return this.page.locator("#main");
  }

  button(name) {
    return this.main().getByRole("button", { name, exact: true });
  }

  /** Sets this browser's interviewer name (saved on change). */
  async setName(name) {
    await this.open("#/interviewer");
    await this.page.locator("#interviewer-name").fill(name);
    await this.page.locator("#interviewer-name").blur();
    await this.page.waitForFunction((n) => (localStorage.getItem("csic:settings:app") ?? "").includes(n), name);
  }

  async addCandidate(name, role = "") {
    await this.page.locator("#new-candidate-name").fill(name);
    await this.page.locator("#new-candidate-role").fill(role);
    await this.button("Add candidate").click();
    await this.page.getByTestId("candidate-row").filter({ hasText: name }).waitFor();
  }

  async openCandidate(name) {
    await this.open("#/interviewer");
    await this.page.getByTestId("candidate-row").getByRole("link", { name, exact: true }).click();
    await this.page.locator("#cand-name").waitFor();
  }

  /** From a candidate's page: starts an interview with `kit` and waits for the live screen. */
  async startInterview(kit = "phone-screen") {
    await this.page.locator("#kit-choice").selectOption(kit);
    await this.button("Start the interview").click();
    await this.page.getByTestId("question-position").waitFor();
  }

  position() {
    return this.page.getByTestId("question-position").textContent();
  }

  /** Rates a rubric scale on the scorecard (e.g. "criteria/skills", 4) and waits for the save. */
  async rate(key, value) {
    await this.main().locator(`input[data-key="${key}"][value="${value}"]`).check();
    await this.page.waitForFunction(
      ([k, v]) =>
        Object.keys(localStorage)
          .filter((x) => x.startsWith("csic:scorecard:"))
          .some((x) => JSON.parse(localStorage.getItem(x)).data.ratings[k] === v),
      [key, value],
    );
  }

  async recommend(slug) {
    await this.main().locator(`input[name="recommendation"][value="${slug}"]`).check();
  }

  async flag(id, severity) {
    await this.main().locator(`select[data-flag="${id}"]`).selectOption(severity);
  }

  /** Rates, recommends and submits: a whole scorecard in a few clicks. */
  async quickScorecard({ skills = 4, recommendation = "yes" } = {}) {
    await this.rate("criteria/skills", skills);
    await this.recommend(recommendation);
    await this.button("Submit my scorecard").click();
    await this.page.getByTestId("submitted").waitFor();
  }

  /** Every `csic:` key and value, as stored. */
  async storage() {
    return this.page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("csic:")).map((k) => [k, localStorage.getItem(k)])));
  }
}

// --- Safety (hostile files, interrupted imports, retention): page-object helpers. ---

/** Everything stored: every `csic:` localStorage value (raw), the import journal, and every audio chunk with its size. */
export async function storageSnapshot(page) {
  return page.evaluate(async () => {
    const docs = Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("csic:"))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    );
    const chunks = await new Promise((ok, fail) => {
      const open = indexedDB.open("csic-audio");
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("blobs")) {
          db.close();
          return ok({});
        }
        const out = {};
        const req = db.transaction("blobs").objectStore("blobs").openCursor();
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) {
            db.close();
            return ok(out);
          }
          out[String(cursor.key)] = cursor.value instanceof Blob ? cursor.value.size : -1;
          cursor.continue();
        };
        req.onerror = () => fail(req.error);
      };
    });
    return { docs, chunks, journal: localStorage.getItem("csic-journal"), keys: Object.keys(localStorage).sort() };
  });
}

export class SafetyPage extends ReviewPage {
  importInput() {
    return this.page.locator("#import-file");
  }

  /** Picks `file` (a path or `{ name, mimeType, buffer }`) for import; resolves once a plan or an error shows. */
  async chooseImport(file) {
    await this.importInput().setInputFiles(file);
    await this.page.locator('[data-testid="import-plan"], [data-testid="import-error"]').first().waitFor();
  }

  importButton() {
    return this.page.getByTestId("import-plan").getByRole("button", { name: "Import", exact: true });
  }

  /** Picks `file`, imports it and waits for the flash after the reload; returns the flash text. */
  async importAll(file, { timeout = 60_000 } = {}) {
    await this.chooseImport(file);
    await this.importButton().click();
    const flash = this.page.getByTestId("data-flash").filter({ hasText: /^Imported / });
    await flash.waitFor({ timeout });
    return (await flash.textContent()).trim();
  }

  noticeText() {
    return this.page.locator(".notices").textContent();
  }

  /**
   * After a reload that may be followed by the app's own reload (an import rolled back at
   * start-up): waits until the app is up with no journal and no reload pending. Returns whether
   * the "import was interrupted" notice shows.
   */
  async settleAfterReload({ timeout = 30_000, quiet = 1_500 } = {}) {
    const end = Date.now() + timeout;
    let calmSince = null;
    let last = null;
    while (Date.now() < end) {
      try {
        await this.page.locator("#main h1").first().waitFor({ state: "visible", timeout: 5_000 });
        last = await this.page.evaluate(() => ({
          journal: localStorage.getItem("csic-journal") !== null,
          pending: sessionStorage.getItem("csic-import-undone") !== null,
          notice: /An import was interrupted/.test(document.querySelector(".notices")?.textContent ?? ""),
        }));
        if (last.notice && !last.journal) return { notice: true };
        if (!last.journal && !last.pending) {
          calmSince ??= Date.now();
          if (Date.now() - calmSince >= quiet) return { notice: false };
        } else {
          calmSince = null;
        }
      } catch {
        calmSince = null; // the page navigated meanwhile
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error(`the app did not settle after the reload: ${JSON.stringify(last)}`);
  }

  /**
   * Stores a backup's documents and audio chunks directly, as the app stores them (localStorage
   * `csic:<kind>:<id>`; IndexedDB `csic-audio`, version 1, object store `blobs`), then reloads.
   */
  async seed(backup) {
    await this.page.evaluate(async ({ documents, audio }) => {
      for (const [key, doc] of Object.entries(documents)) localStorage.setItem(`csic:${key}`, JSON.stringify(doc));
      const db = await new Promise((ok, fail) => {
        const open = indexedDB.open("csic-audio", 1);
        open.onupgradeneeded = () => {
          if (!open.result.objectStoreNames.contains("blobs")) open.result.createObjectStore("blobs");
        };
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      await new Promise((ok, fail) => {
        const tx = db.transaction("blobs", "readwrite");
        for (const [key, data] of Object.entries(audio)) {
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          tx.objectStore("blobs").put(new Blob([bytes]), key);
        }
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, backup);
    await this.reload();
  }

  retention() {
    return this.page.getByTestId("retention");
  }

  retentionPreview() {
    return this.page.getByTestId("retention-preview");
  }
}

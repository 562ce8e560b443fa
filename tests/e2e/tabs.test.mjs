// Tabs that agree: two tabs of one browser on the same records, against the release dist/ under
// /a/b/. Every save merges with what the other tab wrote since, a record deleted in another tab is
// not brought back, each tab follows the other's writes live, "Delete all my data" stops every tab,
// and a practice session runs in one tab at a time.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { FAKE_MIC, VIEWPORTS } from "./support/browser.mjs";
import { useApp } from "./support/suite.mjs";
import { AppPage, InterviewerPage, PracticePage, QuestionsPage } from "./support/app-page.mjs";

const suite = useApp({ args: FAKE_MIC });
const OPTIONS = { ...VIEWPORTS.desktop, locale: "en-US" };

/** Tab A (dialogs accepted, see suite.openWith) and tab B in the same context, B's dialogs accepted too. */
async function twoTabs(PageObject = AppPage) {
  const a = await suite.openWith(PageObject, OPTIONS);
  const page2 = await a.context.newPage();
  const dialogs2 = [];
  page2.on("dialog", (d) => {
    dialogs2.push(d.message());
    d.accept();
  });
  return { ...a, page2, dialogs2, app2: new PageObject(page2, suite.server.url) };
}

/** The `data` of a stored document, or `null`. */
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null")?.data ?? null, key);

/** Waits until the stored document `key` satisfies `test(data)` (a function's source run in the page). */
const waitStored = (page, key, predicate, arg) =>
  page.waitForFunction(
    ([k, src, a]) => {
      const raw = localStorage.getItem(k);
      return raw !== null && new Function("d", "a", `return (${src})(d, a)`)(JSON.parse(raw).data, a);
    },
    [key, predicate.toString(), arg],
  );

/** The ids of stored documents of `kind`. */
const storedIds = (page, kind) =>
  page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`csic:${k}:`)).map((x) => x.slice(`csic:${k}:`.length)), kind);

/** Fails with `message` unless `fn` in the page becomes true within `ms` (a live update, no reload). */
async function eventually(page, fn, arg, message, ms = 5000) {
  try {
    await page.waitForFunction(fn, arg, { timeout: ms });
  } catch {
    assert.fail(typeof message === "function" ? await message() : message);
  }
}

/** Creates a custom question in the editor; returns its id. */
async function createQuestion(app, title) {
  await app.open("#/questions/new");
  await app.page.locator("#f-title").fill(title);
  await app.page.locator("#f-category").selectOption("business-product");
  await app.page.getByRole("button", { name: "Save question" }).click();
  await app.page.waitForFunction(() => location.hash === "#/questions");
  const [id] = await storedIds(app.page, "question");
  assert.ok(id, "the question was stored");
  return id;
}

describe("two tabs editing the same record keep both changes", () => {
  test("a custom question: title in A, talking point and difficulty in B", async () => {
    const { app, page, page2, app2, seen, dialogs2 } = await twoTabs();
    const id = await createQuestion(app, "Refund after thirty days");
    const key = `csic:question:${id}`;
    // Both tabs open the editor on the same question.
    await app.open(`#/questions/${id}/edit`);
    await app2.open(`#/questions/${id}/edit`);
    assert.equal(await page2.locator("#f-title").inputValue(), "Refund after thirty days");

    await page.locator("#f-title").fill("Refund after thirty days (A)");
    await page.getByRole("button", { name: "Save question" }).click();
    await page.waitForFunction(() => location.hash === "#/questions");
    await waitStored(page, key, (d) => d.title === "Refund after thirty days (A)");

    // B, still on its editor opened before A's save, changes other fields and saves.
    await page2.locator("#f-talking-points").fill("Offer store credit");
    await page2.locator("#f-difficulty").selectOption("3");
    await page2.getByRole("button", { name: "Save question" }).click();
    await page2.waitForFunction(() => location.hash === "#/questions");
    await page2.waitForTimeout(300);

    const q = await stored(page, key);
    assert.deepEqual(
      { title: q.title, talking_points: q.talking_points, difficulty: q.difficulty },
      { title: "Refund after thirty days (A)", talking_points: ["Offer store credit"], difficulty: 3 },
      `stored: ${JSON.stringify(q)}; B's dialogs: ${JSON.stringify(dialogs2)}`,
    );
    // B shows A's title (no reload); A's open bank shows B's difficulty live.
    const titleIn = (p) => p.locator(`#main .category [data-testid="question"][data-id="${id}"] .q-title`);
    assert.equal((await titleIn(page2).textContent()).trim(), "Refund after thirty days (A)");
    assert.equal((await titleIn(page).textContent()).trim(), "Refund after thirty days (A)");
    assert.deepEqual(seen.errors, []);
  });

  test("a practice set: renamed in A, a question added in B", async () => {
    const { app, page, page2, app2, seen } = await twoTabs();
    await app.open("#/sets");
    await page.getByLabel("Name of a new set").fill("Evening drill");
    await page.getByRole("button", { name: "Create set" }).click();
    await page.waitForFunction(() => location.hash.startsWith("#/sets/set-"));
    await app.ready();
    const hash = await page.evaluate(() => location.hash);
    const id = hash.slice("#/sets/".length);
    const key = `csic:set:${id}`;
    await app2.open(hash);
    assert.equal(await app2.headingText(), "Evening drill");

    await page.getByLabel("Name", { exact: true }).fill("Morning drill");
    await page.getByRole("button", { name: "Rename" }).click();
    await waitStored(page, key, (d) => d.name === "Morning drill");

    // B adds a question on its screen opened before the rename.
    await page2.locator("#add-question").selectOption("angry-customer");
    await page2.getByRole("button", { name: "Add", exact: true }).click();
    await waitStored(page2, key, (d) => d.question_ids.includes("angry-customer"));

    const set = await stored(page, key);
    assert.equal(set.name, "Morning drill", `stored: ${JSON.stringify(set)}`);
    assert.deepEqual(set.question_ids, ["angry-customer"]);
    // Each tab shows the other's change, live.
    await eventually(page2, () => document.querySelector("#main h1")?.textContent === "Morning drill", null, "B's heading shows A's new name");
    await eventually(page, () => document.querySelectorAll('[data-testid="set-items"] li').length === 1, null, "A lists the question B added");
    assert.deepEqual(seen.errors, []);
  });

  test("a candidate: notes in A, role in B", async () => {
    const { app, page, page2, seen } = await twoTabs(InterviewerPage);
    const app2 = new InterviewerPage(page2, suite.server.url);
    await app.setName("Alice");
    await app.addCandidate("Chen Jing", "Support rep");
    const [id] = await storedIds(page, "candidate");
    const key = `csic:candidate:${id}`;
    await app.openCandidate("Chen Jing");
    await app2.openCandidate("Chen Jing");

    await page.locator("#cand-notes").fill("Calm under pressure.");
    await waitStored(page, key, (d) => d.notes === "Calm under pressure.");
    await page2.locator("#cand-role").fill("Team lead");
    await waitStored(page2, key, (d) => d.role === "Team lead");
    await page2.waitForTimeout(300);

    const c = await stored(page, key);
    assert.deepEqual({ notes: c.notes, role: c.role }, { notes: "Calm under pressure.", role: "Team lead" }, `stored: ${JSON.stringify(c)}`);
    // B's open page shows A's notes, and A's shows B's role, without a reload.
    await eventually(page2, () => document.querySelector("#cand-notes").value === "Calm under pressure.", null,
      async () => `B's notes box still shows "${await page2.locator("#cand-notes").inputValue()}" after A saved "Calm under pressure."`);
    await eventually(page, () => document.querySelector("#cand-role").value === "Team lead", null,
      async () => `A's role box still shows "${await page.locator("#cand-role").inputValue()}" after B saved "Team lead"`);
    assert.deepEqual(seen.errors, []);
  });

  test("a scorecard in a live interview: a rating in A, a red flag and take-aways in B", async () => {
    const { app, page, page2, seen } = await twoTabs(InterviewerPage);
    const app2 = new InterviewerPage(page2, suite.server.url);
    await app.setName("Alice");
    await app.addCandidate("Wu Min");
    await app.openCandidate("Wu Min");
    await app.startInterview("phone-screen");
    const hash = await page.evaluate(() => location.hash);
    const key = `csic:scorecard:${hash.split("/").at(-1)}`;
    await app2.open(hash);
    await page2.getByTestId("question-position").waitFor();

    await app.rate("criteria/skills", 4);
    // B, on its screen opened before the rating, flags and writes take-aways.
    await app2.flag("flustered-defensive", "major");
    await waitStored(page2, key, (d) => d.flags["flustered-defensive"] === "major");
    await page2.locator("#card-takeaways").fill("Listens well.");
    await waitStored(page2, key, (d) => d.takeaways === "Listens well.");
    await page2.waitForTimeout(300);

    const card = await stored(page, key);
    assert.equal(card.ratings["criteria/skills"], 4, `stored: ${JSON.stringify(card.ratings)}`);
    assert.equal(card.flags["flustered-defensive"], "major");
    assert.equal(card.takeaways, "Listens well.");
    await eventually(page2, () => document.querySelector('#main input[data-key="criteria/skills"][value="4"]')?.checked === true, null,
      "B shows A's rating of 4");
    await eventually(page, () => document.querySelector('select[data-flag="flustered-defensive"]').value === "major", null,
      "A shows B's red flag");
    await eventually(page, () => document.querySelector("#card-takeaways").value === "Listens well.", null, "A shows B's take-aways");
    assert.deepEqual(seen.errors, []);
  });

  test("settings: answer time in A, overtime in B", async () => {
    const { app, page, page2, app2, seen } = await twoTabs();
    await app.open("#/settings");
    await app2.open("#/settings");
    const before = await page2.locator("#answer-seconds").inputValue();
    assert.notEqual(before, "240");
    assert.equal(await page2.locator("#allow-overtime").isChecked(), false);

    await page.locator("#answer-seconds").fill("240");
    await waitStored(page, "csic:settings:app", (d) => d.practice?.answer_seconds === 240);
    await page2.locator("#allow-overtime").check();
    await waitStored(page2, "csic:settings:app", (d) => d.practice?.allow_overtime === true);
    await page2.waitForTimeout(300);

    const s = await stored(page, "csic:settings:app");
    assert.equal(s.practice.answer_seconds, 240, `stored: ${JSON.stringify(s.practice)}`);
    assert.equal(s.practice.allow_overtime, true);
    await eventually(page2, () => document.querySelector("#answer-seconds").value === "240", null,
      async () => `B's answer time box still shows "${await page2.locator("#answer-seconds").inputValue()}" after A saved 240`);
    await eventually(page, () => document.querySelector("#allow-overtime").checked === true, null,
      "A's overtime box is still unticked after B ticked it");
    assert.deepEqual(seen.errors, []);
  });

  test("stars: question X starred in A, question Y in B", async () => {
    const { page, page2, seen } = await twoTabs();
    const bank = new QuestionsPage(page, suite.server.url);
    const bank2 = new QuestionsPage(page2, suite.server.url);
    await bank.open();
    await bank2.open();
    const star = (b, id) => b.card(id).locator("button.star");
    assert.equal(await star(bank2, "pet-peeve").getAttribute("aria-pressed"), "false");

    await star(bank, "pet-peeve").click();
    await waitStored(page, "csic:library:me", (d) => d.starred.includes("pet-peeve"));
    await star(bank2, "angry-customer").click();
    await waitStored(page2, "csic:library:me", (d) => d.starred.includes("angry-customer"));
    await page2.waitForTimeout(300);

    const lib = await stored(page, "csic:library:me");
    assert.deepEqual([...lib.starred].sort(), ["angry-customer", "pet-peeve"], `stored: ${JSON.stringify(lib)}`);
    await eventually(page2, () => document.querySelector('#main .category [data-id="pet-peeve"] button.star').getAttribute("aria-pressed") === "true", null,
      "B shows A's star");
    await eventually(page, () => document.querySelector('#main .category [data-id="angry-customer"] button.star').getAttribute("aria-pressed") === "true", null,
      "A shows B's star");
    assert.deepEqual(seen.errors, []);
  });
});

describe("a record deleted in another tab", () => {
  test("a custom question deleted in B does not come back when A's open editor saves it", async () => {
    const { app, page, page2, dialogs2, seen } = await twoTabs();
    const id = await createQuestion(app, "Escalate to a manager");
    await app.open(`#/questions/${id}/edit`);
    const bank2 = new QuestionsPage(page2, suite.server.url);
    await bank2.open();
    await bank2.card(id).getByRole("button", { name: "Delete" }).click();
    await bank2.card(id).waitFor({ state: "detached" });
    assert.match(dialogs2.at(-1), /Delete the question/);
    assert.deepEqual(await storedIds(page, "question"), []);

    await page.locator("#f-title").fill("Escalate to a manager (edited)");
    await page.getByRole("button", { name: "Save question" }).click();
    await page.waitForTimeout(1000);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("csic:question:")));
    const evidence = {
      stored: await stored(page, `csic:question:${id}`),
      hashInA: await page.evaluate(() => location.hash),
      noticesInA: (await page.locator(".notices").textContent()).trim(),
      listedInB: await bank2.card(id).count(),
    };
    assert.deepEqual(keys, [], `after A's save: ${JSON.stringify(evidence)}`);
    await eventually(page, () => [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent.includes("This was deleted in another tab")), null,
      async () => `A shows no "deleted in another tab" notice (hash ${await page.evaluate(() => location.hash)}; notices: "${await page.locator(".notices").textContent()}")`);
    // B still does not list it.
    assert.equal(await bank2.card(id).count(), 0);
    assert.deepEqual(seen.errors, []);
  });
});

describe("delete all my data in another tab", () => {
  test("B deletes everything while A is recording: A stops and reloads, and nothing is written back", async () => {
    const { page, page2, dialogs2, seen } = await twoTabs();
    const practice = new PracticePage(page, suite.server.url);
    await practice.startAnswering("#/practice/question/angry-customer");
    await practice.waitChunks(2);
    assert.ok((await practice.chunkKeys()).length >= 2);

    const data = new AppPage(page2, suite.server.url);
    await data.open("#/data");
    const reloaded = page.waitForEvent("load");
    await page2.getByTestId("delete-all").click();
    await page2.getByTestId("data-flash").filter({ hasText: "All your data was deleted." }).waitFor();
    assert.match(dialogs2.at(-1), /Delete all your data/);
    await reloaded;
    await practice.ready();
    // Long enough for a recorder's last chunk, a timer tick or a start-up repair to be written.
    await page.waitForTimeout(5000);
    await practice.ready();

    const leftovers = (p) =>
      p.evaluate(() => Object.keys(localStorage).filter((k) => /^csic:(attempt|session|review):/.test(k)));
    assert.deepEqual(await leftovers(page), [], "tab A's view of localStorage");
    assert.deepEqual(await leftovers(page2), [], "tab B's view of localStorage");
    assert.deepEqual(await practice.chunkKeys(), [], "IndexedDB csic-audio chunks");
    assert.equal(await page.getByTestId("recording").count(), 0, "A is not recording any more");
    assert.deepEqual(seen.errors, []);
  });
});

describe("one practice session, two tabs", () => {
  test("B sees the session is open in A, continues it there, and A says so", async () => {
    const { page, page2, seen } = await twoTabs();
    const a = new PracticePage(page, suite.server.url);
    const b = new PracticePage(page2, suite.server.url);
    await a.start("#/practice/question/angry-customer");
    await a.passMicCheck();
    const question = (await page.locator("#practice-question").textContent()).trim();

    await page2.goto(`${suite.server.url}#/practice`);
    const elsewhere = page2.getByTestId("practice-elsewhere");
    await elsewhere.waitFor();
    assert.match(await elsewhere.textContent(), /This practice session is open in another tab/);
    assert.equal(await page2.locator("#practice-question").count(), 0);
    // A carries on meanwhile.
    assert.equal(await page.getByTestId("practice-elsewhere").count(), 0);

    await b.button("Continue here").click();
    // B is a new page: its microphone is checked before the question (A's check was A's).
    const micCheck = page2.getByTestId("mic-status");
    const timer = page2.locator(".timer");
    await micCheck.or(timer).first().waitFor();
    if ((await micCheck.count()) > 0) await b.passMicCheck();
    await timer.waitFor();
    assert.equal((await page2.locator("#practice-question").textContent()).trim(), question);
    await page.getByTestId("practice-elsewhere").filter({ hasText: "This practice session continued in another tab" }).waitFor();
    assert.equal(await page.locator("#practice-question").count(), 0);
    assert.deepEqual(seen.errors, []);
  });
});

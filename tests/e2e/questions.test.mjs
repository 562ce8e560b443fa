// The question bank and picker against the release dist/ under /a/b/, desktop and phone.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { VIEWPORTS } from "./support/browser.mjs";
import { DIST, expectNoAxeViolations as axe, useApp } from "./support/suite.mjs";
import { AppPage, QuestionsPage } from "./support/app-page.mjs";

const bundleFile = readdirSync(DIST).find((f) => /^questions-[0-9a-f]+\.json$/.test(f));
const QUESTIONS = JSON.parse(readFileSync(join(DIST, bundleFile), "utf8"));
const byId = Object.fromEntries(QUESTIONS.map((q) => [q.id, q]));
const LANGS = ["en", "zh-Hans", "zh-Hant"];

const suite = useApp();

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`question bank on ${name}`, () => {
    const open = async () => {
      const { context, page, seen } = await suite.open({ ...device, locale: "en-US" });
      const dialogs = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        d.accept();
      });
      return { context, page, seen, dialogs, bank: new QuestionsPage(page, suite.server.url) };
    };

    test("all 33 seed questions are listed, grouped by category", async () => {
      const { context, bank, seen } = await open();
      await bank.open();
      assert.equal(QUESTIONS.length, 33);
      assert.deepEqual((await bank.visibleIds()).sort(), QUESTIONS.map((q) => q.id).sort());
      assert.equal(await bank.page.locator("#main .category").count(), 7);
      assert.match(await bank.page.locator(".result-count").textContent(), /33 questions/);
      assert.deepEqual(seen.errors, []);
      await context.close();
    });

    test("a word in each language finds the right question, highlighted", async () => {
      const { context, bank } = await open();
      await bank.open();
      const words = { en: "angry", "zh-Hans": "愤怒", "zh-Hant": "生氣" };
      for (const lang of LANGS) {
        await bank.chooseLanguage(lang);
        await bank.search(words[lang]);
        const ids = await bank.visibleIds();
        assert.ok(ids.includes("angry-customer"), `${lang}: ${ids}`);
        const mark = bank.card("angry-customer").locator(".q-title mark").first();
        assert.equal((await mark.textContent()).toLowerCase(), words[lang]);
        await bank.search("");
      }
      await context.close();
    });

    test("everyday words and the other script find the questions, marked as shown (issue 15)", async () => {
      const { context, bank } = await open();
      await bank.open();
      /** The ids found by `query`, and the marked text of the first match in each of `ids`' titles. */
      const search = async (query, ids) => {
        await bank.search(query);
        const found = await bank.visibleIds();
        for (const id of ids) assert.ok(found.includes(id), `${query}: ${id} not in ${found}`);
        const marks = [];
        for (const id of ids) {
          const mark = bank.card(id).locator(".q-title mark").first();
          assert.ok(await mark.isVisible(), `${query}: no visible mark in ${id}`);
          marks.push((await mark.textContent()).trim());
        }
        return marks;
      };
      const complaints = ["handle-complaints", "resolved-complaint-story"];
      await bank.chooseLanguage("zh-Hant");
      // Synonyms: what people type, not what the title says.
      for (const word of ["生氣", "發火"]) {
        const [mark] = await search(word, ["angry-customer"]);
        assert.ok(["憤怒", "生氣", "敵意"].includes(mark), `${word} marked ${mark}`);
      }
      for (const mark of await search("客訴", complaints)) assert.ok(["投訴", "客訴"].includes(mark), mark);
      await search("奧客", ["angry-customer", ...complaints]);
      // The other script: simplified typed on the traditional bank, marked in traditional.
      const [angry] = await search("愤怒", ["angry-customer"]);
      assert.ok(["憤怒", "敵意", "生氣"].includes(angry), angry);
      await bank.chooseLanguage("zh-Hans");
      for (const mark of await search("客訴", complaints)) assert.ok(["投诉", "客诉"].includes(mark), mark);
      await bank.chooseLanguage("en");
      const [upset] = await search("upset", ["angry-customer"]);
      assert.equal(upset.toLowerCase(), "angry");
      await bank.search("");
      await context.close();
    });

    if (name === "desktop") {
      test("every seed question can be found by its title in each of the three languages", async () => {
        const { context, bank } = await open();
        await bank.open();
        for (const lang of LANGS) {
          await bank.chooseLanguage(lang);
          for (const q of QUESTIONS) {
            await bank.search(q.text[lang].title);
            const ids = await bank.visibleIds();
            assert.ok(ids.includes(q.id), `${lang} "${q.text[lang].title}" → ${ids}`);
          }
        }
        await context.close();
      });
    }

    test("switching language shows the same question in the new language", async () => {
      const { context, bank } = await open();
      await bank.open();
      const card = bank.card("rude-coworker");
      for (const lang of ["zh-Hant", "zh-Hans", "en"]) {
        await bank.chooseLanguage(lang);
        assert.equal((await card.locator(".q-title").textContent()).trim(), byId["rude-coworker"].text[lang].title);
      }
      await card.locator("summary").click();
      assert.match(await card.locator("details").textContent(), new RegExp(byId["rude-coworker"].text.en.structure[0].slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      await context.close();
    });

    test("filters by category and difficulty; a star survives a reload", async () => {
      const { context, page, bank } = await open();
      await bank.open();
      await page.locator("#q-category").selectOption("hypothetical");
      const hypothetical = QUESTIONS.filter((q) => q.category === "hypothetical").map((q) => q.id).sort();
      assert.deepEqual((await bank.visibleIds()).sort(), hypothetical);
      await page.locator("#q-difficulty").selectOption("3");
      const hard = QUESTIONS.filter((q) => q.category === "hypothetical" && q.difficulty === 3).map((q) => q.id);
      assert.deepEqual((await bank.visibleIds()).sort(), hard.sort());
      await page.locator("#q-category").selectOption("");
      await page.locator("#q-difficulty").selectOption("");

      const star = bank.card("pet-peeve").locator("button.star");
      assert.equal(await star.getAttribute("aria-pressed"), "false");
      await star.click();
      assert.equal(await star.getAttribute("aria-pressed"), "true");
      await bank.reload();
      await bank.card("pet-peeve").waitFor();
      assert.equal(await bank.card("pet-peeve").locator("button.star").getAttribute("aria-pressed"), "true");
      await page.getByLabel("Starred").check();
      assert.deepEqual(await bank.visibleIds(), ["pet-peeve"]);
      await page.getByLabel("Starred").uncheck();
      await page.getByLabel("Not practised yet").check();
      assert.equal((await bank.visibleIds()).length, 33);
      await page.getByLabel("Needs work").check();
      assert.deepEqual(await bank.visibleIds(), []);
      assert.match(await page.locator("#main .empty").textContent(), /No question needs work yet/);
      await context.close();
    });

    test("a built-in question can be hidden and shown again, not deleted", async () => {
      const { context, page, bank } = await open();
      await bank.open();
      const card = bank.card("outside-work");
      assert.equal(await card.getByRole("button", { name: "Delete" }).count(), 0);
      await card.getByRole("button", { name: "Hide" }).click();
      assert.ok(!(await bank.visibleIds()).includes("outside-work"));
      await bank.reload();
      await page.locator('[data-testid="question"]').first().waitFor();
      assert.ok(!(await bank.visibleIds()).includes("outside-work"));
      await page.getByLabel("Show hidden").check();
      await bank.card("outside-work").getByRole("button", { name: "Show again" }).click();
      await page.getByLabel("Show hidden").uncheck();
      assert.ok((await bank.visibleIds()).includes("outside-work"));
      await context.close();
    });

    test("random question shows one question from the bank", async () => {
      const { context, page, bank } = await open();
      await bank.open();
      await page.getByRole("button", { name: "Random question" }).click();
      const pick = page.locator(".random-pick [data-testid=question]");
      await pick.waitFor();
      assert.ok(byId[await pick.getAttribute("data-id")]);
      await page.waitForFunction(() => document.activeElement?.id === "random-title");
      await context.close();
    });

    test("a custom question with markup shows as text, nothing runs, and it survives a reload", async () => {
      const { context, page, bank, dialogs } = await open();
      const xss = "<img src=x onerror=alert(1)>";
      await bank.open();
      await page.getByRole("link", { name: "New question" }).click();
      await page.locator("#editor-title").waitFor();
      await axe(page, "editor");

      // Refused: empty title, then an over-long one, each with a clear message.
      await page.getByRole("button", { name: "Save question" }).click();
      await page.locator("#editor-errors").getByText("Question: this is required.").waitFor();
      assert.equal(await page.locator("#f-title").getAttribute("aria-invalid"), "true");
      await page.locator("#f-title").fill("x".repeat(201));
      await page.getByRole("button", { name: "Save question" }).click();
      await page.locator("#editor-errors").getByText("Question: at most 200 characters.").waitFor();
      await axe(page, "editor with errors");

      await page.locator("#f-title").fill(xss);
      await page.locator("#f-category").selectOption("business-product");
      await page.locator("#f-structure").fill("First <b>this</b>\nThen that");
      await page.getByRole("button", { name: "Save question" }).click();
      await page.waitForFunction(() => location.hash === "#/questions");
      const mine = page.locator('#main .category [data-testid="question"]', { hasText: xss });
      await mine.waitFor();
      assert.equal((await mine.locator(".q-title").textContent()).trim(), xss);
      assert.equal(await page.locator("#main img[src=x]").count(), 0);
      await mine.locator("summary").click();
      assert.match(await mine.locator("details").textContent(), /First <b>this<\/b>/);
      assert.equal(await mine.locator("details b").count(), 0);

      await bank.reload();
      await mine.waitFor();
      assert.equal((await mine.locator(".q-title").textContent()).trim(), xss);
      await bank.search("onerror");
      assert.equal(await mine.locator("mark").textContent(), "onerror");
      await bank.search("");

      // Edit, then delete (with confirmation).
      await mine.getByRole("link", { name: "Edit" }).click();
      await page.locator("#f-title").fill(`${xss} (edited)`);
      await page.getByRole("button", { name: "Save question" }).click();
      await page.waitForFunction(() => location.hash === "#/questions");
      const edited = page.locator('#main .category [data-testid="question"]', { hasText: "(edited)" });
      await edited.getByRole("button", { name: "Delete" }).click();
      await edited.waitFor({ state: "detached" });
      assert.equal(dialogs.length, 1, "only the delete confirmation, never alert(1)");
      assert.match(dialogs[0], /Delete the question/);
      await bank.reload();
      assert.equal(await page.locator('[data-testid="question"]', { hasText: xss }).count(), 0);
      await context.close();
    });

    test("input errors are translated", async () => {
      const { context, page } = await open();
      const app = new AppPage(page, suite.server.url);
      await app.open("#/questions/new");
      await app.chooseLanguage("zh-Hant");
      await page.locator("#f-answer").fill("5");
      await page.locator("form button[type=submit]").click();
      const summary = page.locator("#editor-errors");
      await summary.getByText("「問題」為必填。").waitFor();
      await summary.getByText("「作答時間（秒）」請輸入 30 到 600 之間的整數。").waitFor();
      await context.close();
    });

    test("create a set, add questions, reorder by keyboard and by drag, rename, reload", async () => {
      const { context, page } = await open();
      const app = new AppPage(page, suite.server.url);
      await app.open("#/sets");
      await page.getByRole("button", { name: "Create set" }).click();
      await page.getByText("Give the set a name.").waitFor();
      await page.getByLabel("Name of a new set").fill("  Evening drill  ");
      await page.getByRole("button", { name: "Create set" }).click();
      await page.waitForFunction(() => location.hash.startsWith("#/sets/set-"));
      await app.ready();
      assert.equal(await app.headingText(), "Evening drill");

      for (const id of ["angry-customer", "pet-peeve", "typical-day"]) {
        await page.locator("#add-question").selectOption(id);
        await page.getByRole("button", { name: "Add", exact: true }).click();
      }
      const titles = () => page.locator("[data-testid=set-items] .item-title").allTextContents();
      const en = (id) => byId[id].text.en.title;
      assert.deepEqual(await titles(), [en("angry-customer"), en("pet-peeve"), en("typical-day")]);
      assert.match(await page.locator("#main .meta").first().textContent(), /3 questions · 8 min/);

      // Keyboard: focus "Move down" on the first item and press Enter.
      await page.getByRole("button", { name: `Move down: ${en("angry-customer")}` }).focus();
      await page.keyboard.press("Enter");
      assert.deepEqual(await titles(), [en("pet-peeve"), en("angry-customer"), en("typical-day")]);
      // Focus follows the moved question (in the next frame), so the key can be pressed again.
      await page.waitForFunction(
        (title) => document.activeElement?.closest(".set-item")?.querySelector(".item-title")?.textContent === title,
        en("angry-customer"),
      );
      await page.getByRole("status").filter({ hasText: "to position 2" }).waitFor({ state: "attached" });

      if (name === "desktop") {
        // Drag the last item onto the first.
        await page.locator(".set-item").nth(2).dragTo(page.locator(".set-item").nth(0));
        assert.deepEqual(await titles(), [en("typical-day"), en("pet-peeve"), en("angry-customer")]);
      }
      const order = await titles();

      await page.getByLabel("Name", { exact: true }).fill("Morning drill");
      await page.getByRole("button", { name: "Rename" }).click();
      await page.waitForFunction(() => document.querySelector("#main h1").textContent === "Morning drill");
      await axe(page, "custom set");

      await app.reload();
      assert.equal(await app.headingText(), "Morning drill");
      assert.deepEqual(await titles(), order);

      await app.open("#/sets");
      assert.equal(await page.getByTestId("my-set").count(), 1);
      assert.match(await page.getByTestId("my-set").textContent(), /Morning drill.*3 questions/s);
      await axe(page, "sets");

      await page.getByRole("link", { name: "Morning drill" }).click();
      await app.ready();
      await page.getByRole("button", { name: "Delete this set" }).click();
      await page.waitForFunction(() => location.hash === "#/sets");
      await app.ready();
      assert.equal(await page.getByTestId("my-set").count(), 0);
      await context.close();
    });

    test("built-in sets: phone screen and on-site fit their time; quick 3 draws three", async () => {
      const { context, page } = await open();
      const app = new AppPage(page, suite.server.url);
      await app.open("#/sets/phone-screen");
      assert.equal(await app.headingText(), "Phone screen — 30 min");
      assert.equal(await page.locator("[data-testid=set-items] li").count(), 9);
      await page.locator("#main .meta").filter({ hasText: /9 questions · 23 min/ }).waitFor(); // once the bank has loaded
      await app.open("#/sets/on-site");
      await page.locator("#main .meta").filter({ hasText: /15 questions · 44 min/ }).waitFor();
      await app.open("#/sets/quick-3");
      await page.getByRole("button", { name: "Draw 3 questions" }).click();
      assert.equal(await page.locator("[data-testid=set-items] li").count(), 3);
      await axe(page, "quick 3");
      await context.close();
    });

    test("checklist ticks persist", async () => {
      const { context, page } = await open();
      const app = new AppPage(page, suite.server.url);
      await app.open("#/checklist");
      await page.getByLabel("Rehearse a mock interview").check();
      await page.getByLabel("Send a thank-you note").check();
      await page.getByText("2 of 5 done").waitFor();
      await axe(page, "checklist");
      await app.reload();
      assert.equal(await page.getByLabel("Rehearse a mock interview").isChecked(), true);
      assert.equal(await page.getByLabel("Research the company's products and services").isChecked(), false);
      await page.getByText("2 of 5 done").waitFor();
      await app.chooseLanguage("zh-Hans");
      await page.getByText("已完成 2 / 5").waitFor();
      await context.close();
    });

    test("axe finds no violations on the question bank, opened and filtered, in each language", async () => {
      const { context, page, bank } = await open();
      await bank.open();
      for (const lang of LANGS) {
        await bank.chooseLanguage(lang);
        await bank.card("angry-customer").locator("summary").click();
        await bank.search(lang === "en" ? "customer" : "客");
        await axe(page, `questions ${lang}`);
        await bank.search("");
        await bank.card("angry-customer").locator("summary").click();
      }
      await context.close();
    });
  });
}

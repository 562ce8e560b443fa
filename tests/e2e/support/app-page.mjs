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

  nav(name) {
    return this.page.getByRole("navigation").getByRole("link", { name, exact: true });
  }

  async headingText() {
    return (await this.heading().textContent())?.trim();
  }

  async htmlLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** Chooses a language in the header's switch by its tag: "en", "zh-Hans" or "zh-Hant". */
  async chooseLanguage(tag) {
    await this.page.locator("#lang-header").selectOption(tag);
    await this.page.waitForFunction((t) => document.documentElement.lang === t, tag);
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

// Offline and update behaviour of the release build, served under /a/b/.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "./support/server.mjs";
import { launch, watch, VIEWPORTS } from "./support/browser.mjs";
import { AppPage } from "./support/app-page.mjs";

const DIST = process.env.DIST ?? "dist";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the manifest is complete and relative", () => {
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.scope, "./");
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color);
  const sizes = manifest.icons.map((i) => `${i.sizes}/${i.purpose}`);
  assert.deepEqual(sizes.sort(), ["192x192/any", "512x512/any", "512x512/maskable"]);
  for (const icon of manifest.icons) {
    const png = readFileSync(join(DIST, icon.src));
    assert.equal(png.readUInt32BE(16), Number(icon.sizes.split("x")[0]), icon.src);
  }
});

test("sw.js precaches every dist/ file, and index.html has no inline script", () => {
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href|content)=["']?\.\/([^"' >]+)/g)].map((m) => m[1]);
  assert.ok(refs.some((r) => r.startsWith("boot-")) && refs.some((r) => r.startsWith("strings-")), refs.join(" "));
  // Every chunk: both parts of the app (the landing part and the rest), each language's strings.
  const chunks = JSON.parse(readFileSync(join(DIST, "chunks.json"), "utf8"));
  const named = [
    ...chunks.first_load,
    ...Object.values(chunks.strings),
    ...Object.values(chunks.chunks).flat(),
  ];
  assert.ok(named.filter((f) => f.endsWith(".wasm")).length >= 2, named.join(" "));
  const boot = readFileSync(join(DIST, chunks.chunks.boot[0]), "utf8");
  for (const ref of [...refs, ...named]) {
    assert.ok(sw.includes(JSON.stringify(ref)), `${ref} is precached`);
  }
  for (const file of named.filter((f) => /\.(js|wasm)$/.test(f) && !f.startsWith("boot-"))) {
    assert.ok(boot.includes(file), `the boot script names ${file}`);
  }
  assert.match(sw, /"index\.html"/);
  assert.match(sw, /"questions-[0-9a-f]{16}\.json"/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /script-src 'self' 'wasm-unsafe-eval'/);
});

for (const [name, device] of Object.entries(VIEWPORTS)) {
  describe(`PWA on ${name}`, () => {
    test("after one online visit the app loads and works offline", async (t) => {
      const server = await startServer({ root: DIST });
      const context = await browser.newContext({ ...device, locale: "en-US" });
      t.after(async () => {
        await context.close();
        await server.close();
      });
      const seen = watch(context);
      const page = await context.newPage();
      const app = new AppPage(page, server.url);
      await app.open();
      await app.waitForServiceWorker();

      await context.setOffline(true);
      await app.reload();
      assert.equal(await app.headingText(), "Get ready for your customer-service interview");
      await app.viaMore("Settings");
      assert.equal(await app.headingText(), "Settings");
      await app.chooseLanguage("zh-Hant");
      // A deep link, cold, while offline.
      await page.goto(server.url + "#/settings");
      await app.ready();
      assert.equal(await app.headingText(), "設定");
      assert.deepEqual(seen.errors, []);
    });

    test("a new deployment shows 'Update available' and reloads only when asked", async (t) => {
      const root = mkdtempSync(join(tmpdir(), "csic-dist-"));
      cpSync(DIST, root, { recursive: true });
      const server = await startServer({ root });
      const context = await browser.newContext({ ...device, locale: "en-US" });
      t.after(async () => {
        await context.close();
        await server.close();
        rmSync(root, { recursive: true, force: true });
      });
      const page = await context.newPage();
      const app = new AppPage(page, server.url);
      await app.open();
      await app.waitForServiceWorker();
      const banner = page.getByTestId("update-banner");
      assert.equal(await banner.count(), 0, "no banner without an update");

      // Deploy a new version: any byte change to sw.js is a new service worker.
      appendFileSync(join(root, "sw.js"), "\n// next deployment\n");
      await page.evaluate(() => {
        window.__stillHere = true;
      });
      // Ask for the update check as browsers do on their own, again until the new worker is waiting
      // (under load a first check can still see the old script).
      for (let i = 0; i < 10 && !(await banner.isVisible()); i++) {
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        await banner.waitFor({ state: "visible", timeout: 3000 }).catch(() => {});
      }
      await banner.waitFor({ state: "visible" });
      assert.match(await banner.textContent(), /Update available/);

      // It waits for the user: the page has not reloaded by itself.
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => window.__stillHere), true);

      await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload" }).click()]);
      await app.ready();
      assert.equal(await page.evaluate(() => window.__stillHere), undefined, "reloaded after the click");
      assert.equal(await banner.count(), 0);
    });
  });
}

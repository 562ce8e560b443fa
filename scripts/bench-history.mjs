// Benchmark (not a test): how long the history and progress pages take to open with 1,000 stored
// answers (each scored, one session per 10 answers, spread over 20 weeks).
// Usage: node scripts/bench-history.mjs [dist] [runs] [attempts]   (after `trunk build --release`)
//   cold   load the app at #/history until the first page of rows is on screen (after a frame)
//   nav    from the home page, click "History" until its rows are on screen (after a frame)
//   chart  from the home page, click "Progress" until its charts are on screen (after a frame)
import { startServer } from "../tests/e2e/support/server.mjs";
import { stats } from "./bench-stats.mjs";
import { launch } from "../tests/e2e/support/browser.mjs";

const root = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 7);
const count = Number(process.argv[4] ?? 1000);
const server = await startServer({ root });
const browser = await launch();

function seed(n) {
  const week = 7 * 86_400_000;
  const start = Date.now() - 20 * week;
  const questions = ["angry-customer", "handle-complaints", "handle-stress", "what-service-means", "dont-know-answer"];
  for (let i = 0; i < n; i++) {
    const id = `bench-${String(i).padStart(5, "0")}`;
    const session = `bench-s-${Math.floor(i / 10)}`;
    const at = start + Math.floor((i * 20 * week) / n);
    const attempt = { id, session, question: questions[i % questions.length], started_ms: at, duration_ms: 45_000, text: "I would listen first, um, and then apologise and offer a refund.", state: "complete" };
    localStorage.setItem(`csic:attempt:${id}`, JSON.stringify({ v: 1, data: attempt }));
    const marks = { "structure/situation": 1, "criteria/skills": 1 + (i % 5), "criteria/confidence": 1 + ((i + 2) % 5), "qualities/patience": 3 };
    if (i % 7 === 0) marks["red-flags/unprepared"] = 1;
    localStorage.setItem(`csic:review:${id}`, JSON.stringify({ v: 1, data: { attempt: id, rubric: 1, marks, overall: 3, differently: "", updated_ms: at } }));
    if (i % 10 === 0) {
      const s = { id: session, questions: [attempt.question], index: 1, started_ms: at, finished_ms: at + 60_000, timer: { t: 30000, a: 120000, o: false, p: "done", r: "idle", s: 0, q: 0, f: 0, d: 45000 } };
      localStorage.setItem(`csic:session:${session}`, JSON.stringify({ v: 1, data: s }));
    }
  }
}

/** Clicks the nav link `name` and resolves with the ms until `selector` is on screen, after a frame. */
function timeNav([name, selector]) {
  return new Promise((done) => {
    const link = [...document.querySelectorAll("nav a")].find((a) => a.textContent.trim() === name);
    const t0 = performance.now();
    const check = () => {
      if (document.querySelector(selector)) {
        obs.disconnect();
        requestAnimationFrame(() => done(performance.now() - t0));
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { childList: true, subtree: true });
    link.click();
  });
}

const results = { cold: [], nav: [], chart: [] };
try {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("#main h1").waitFor();
  await page.evaluate(seed, count);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("csic:attempt:")).length);
  for (let i = 0; i < runs; i++) {
    await page.goto(server.url + "#/history");
    await page.reload();
    await page.getByTestId("history-row").nth(19).waitFor();
    const cold = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(performance.now()))));
    const rowsAt = await page.evaluate(() => performance.getEntriesByName("csic-history-rows")[0]?.startTime ?? null);
    results.cold.push(rowsAt ?? cold);
    await page.goto(server.url + "#/");
    await page.locator("#main h1").waitFor();
    results.nav.push(await page.evaluate(timeNav, ["History", '[data-testid="history-row"]']));
    const shown = await page.getByTestId("history-count").textContent();
    if (!shown.includes(String(count))) throw new Error(`history shows "${shown}", expected ${count}`);
    await page.goto(server.url + "#/");
    await page.locator("#main h1").waitFor();
    results.chart.push(await page.evaluate(timeNav, ["Progress", '[data-testid="charts"]']));
  }
  console.log(`stored answers: ${stored}, runs: ${runs}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
console.log("| measure | median | p95 | max |\n|---|---|---|---|");
for (const [name, xs] of Object.entries(results)) {
  const { median, p95, max } = stats(xs);
  console.log(`| ${name} | ${median.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${max.toFixed(1)} ms |`);
}

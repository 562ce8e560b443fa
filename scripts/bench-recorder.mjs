// Benchmark (not a test): how fast recording starts and how long each audio chunk takes to save.
// Usage: node scripts/bench-recorder.mjs [dist] [runs]   (after `trunk build --release`)
// Reads the app's own performance measures:
//   csic-recorder-start  Start answering -> MediaRecorder "start" event
//   csic-first-data      Start answering -> first chunk handed over (includes the 2 s slice)
//   csic-chunk-save      one chunk written to IndexedDB
import { startServer } from "../tests/e2e/support/server.mjs";
import { stats } from "./bench-stats.mjs";
import { launch, FAKE_MIC } from "../tests/e2e/support/browser.mjs";
import { PracticePage } from "../tests/e2e/support/app-page.mjs";

const root = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 5);
const server = await startServer({ root });
const browser = await launch(FAKE_MIC);
const all = { "csic-recorder-start": [], "csic-first-data": [], "csic-chunk-save": [] };
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const app = new PracticePage(page, server.url);
    await app.start("#/practice/question/angry-customer");
    await app.passMicCheck();
    await app.answerFor(6500);
    await app.stop();
    await app.waitSaved(1);
    const measures = await page.evaluate(() =>
      performance.getEntriesByType("measure").map((m) => [m.name, m.duration]),
    );
    for (const [name, ms] of measures) all[name]?.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`recorder benchmark, ${runs} recordings of 6.5 s, headless Chromium, fake microphone`);
console.log("measure".padEnd(22), "n".padStart(4), "median ms".padStart(10), "p95 ms".padStart(8), "max ms".padStart(8));
for (const [name, xs] of Object.entries(all)) {
  const { n, median, p95, max } = stats(xs);
  const f = (v) => (v === undefined ? "-" : v.toFixed(1));
  console.log(name.padEnd(22), String(n).padStart(4), f(median).padStart(10), f(p95).padStart(8), f(max).padStart(8));
}

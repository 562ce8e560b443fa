// Benchmark (not a test): reading a 2-minute spoken answer's delivery, from its stored recording
// to the figures on screen, and what the read costs the main thread.
// Usage: node scripts/bench-delivery.mjs [dist] [runs] [--json out.json]   (after `trunk build --release`)
//        (BENCH_ANSWER_SECONDS=20 records a shorter answer, to try the script quickly)
//
// dist/ is served from 127.0.0.1 under /a/b/ (tests/e2e/support/server.mjs) to Debian's Chromium
// (CHROMIUM, default /usr/bin/chromium) headless, whose microphone is a generated WAV file
// (`--use-file-for-fake-audio-capture`): 2 minutes of speech-like sound, tone bursts of 0.4–3 s
// (120–300 Hz, amplitude 0.15–0.6) with gaps of 0.2–3 s of faint noise, from a seeded generator
// (the same file every time). One answer of 2 minutes is recorded through the app, once (it takes
// 2 real minutes). Then each run deletes the envelope from the attempt document (localStorage) and
// loads the answer page (#/history/attempt/<id>) afresh, which reads the recording again: the
// stored chunks from IndexedDB, decoded with Web Audio, the envelope built in short tasks.
// Every run is done twice: as the machine is ("desktop"), and with the CPU slowed 4× through
// CDP's Emulation.setCPUThrottlingRate ("phone-like"); the two alternate.
//
// Prints, per run: the recording (length, chunks, bytes), the app's own measure of the read
// (performance.measure "csic-envelope": stored chunks to envelope), the time from navigation to
// [data-testid=delivery-figures] on screen, the longest main-thread task during the read
// (PerformanceObserver "longtask", buffered: it reports tasks of 50 ms or more, so "none ≥ 50 ms"
// when empty) and the largest gap between heartbeats during the read (a MessageChannel ping-pong
// and requestAnimationFrame, both started before the app: a gap is time the page could not
// respond); then the medians of each set.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { startServer } from "../tests/e2e/support/server.mjs";
import { launch } from "../tests/e2e/support/browser.mjs";
import { ReviewPage } from "../tests/e2e/support/app-page.mjs";
import { toneWav } from "../tests/e2e/support/speech.mjs";
import { benchArgs, median, printLoad, writeFigures } from "./bench-common.mjs";

const { root, runs, jsonOut } = benchArgs("node scripts/bench-delivery.mjs [dist] [runs] [--json out.json]", 1);

const ANSWER_MS = 1000 * Number(process.env.BENCH_ANSWER_SECONDS ?? 120); // shorter for a quick try of the script
const SEED = 14;

/** mulberry32: a small seeded generator, [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Speech-like sound: bursts and gaps, a little longer than the answer (the mic check comes first). */
function speechLike(ms) {
  const next = random(SEED);
  const between = (lo, hi) => Math.round(lo + (hi - lo) * next());
  const pattern = [[300, "noise"]];
  let at = 300;
  while (at < ms) {
    const burst = between(400, 3000);
    const gap = between(200, 3000);
    pattern.push([burst, "tone", { frequency: between(120, 300), amplitude: 0.15 + 0.45 * next() }], [gap, "noise"]);
    at += burst + gap;
  }
  return pattern;
}

// In the page, before the app: long tasks, heartbeats, and when the figures appear.
function probe() {
  if (!location.hash.startsWith("#/history/attempt/")) return; // only the answer page's loads
  const bench = (window.__bench = { longtasks: [], channel: [], frames: [], figuresAt: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    bench.longtasks = null; // not supported
  }
  // Gaps over 1 ms only, as [start, length]: enough to find the largest in any window.
  let stopAt = Infinity;
  let last = performance.now();
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    if (now - last > 1) bench.channel.push([last, now - last]);
    last = now;
    if (now < stopAt) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  let lastFrame = performance.now();
  const frame = (now) => {
    bench.frames.push([lastFrame, now - lastFrame]);
    lastFrame = now;
    if (now < stopAt) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver((_, observer) => {
    if (bench.figuresAt === null && document.querySelector('[data-testid="delivery-figures"]')) {
      bench.figuresAt = performance.now();
      stopAt = bench.figuresAt + 1000;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** One read: delete the envelope, load the answer page, wait for the figures, collect. */
async function measure(page, cdp, attemptUrl, id, rate) {
  await page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key));
    delete doc.data.envelope;
    localStorage.setItem(key, JSON.stringify(doc));
  }, `csic:attempt:${id}`);
  await page.goto("about:blank");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  try {
    await page.goto(attemptUrl);
    await page.getByTestId("delivery-figures").waitFor({ timeout: 120_000 });
    // The heartbeats run a second past the figures: wait for them to stop.
    await page.waitForFunction(() => performance.now() > window.__bench.figuresAt + 1100);
  } finally {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  const r = await page.evaluate(() => {
    const read = performance.getEntriesByName("csic-envelope")[0];
    const b = window.__bench;
    const within = (list, s, e) => (list ?? []).filter(([start, len]) => start < e && start + len > s);
    const longest = (list) => list.reduce((m, [, len]) => Math.max(m, len), 0);
    const [s, e] = read ? [read.startTime, read.startTime + read.duration] : [0, b.figuresAt];
    return {
      readMs: read ? read.duration : null,
      figuresMs: b.figuresAt,
      longtaskMs: b.longtasks === null ? null : longest(within(b.longtasks, s, e)),
      longtasksSupported: b.longtasks !== null,
      channelGapMs: longest(within(b.channel, s, e)),
      frameGapMs: longest(within(b.frames, s, e)),
      loadLongtaskMs: b.longtasks === null ? null : longest(b.longtasks),
    };
  });
  const saved = await page.evaluate((key) => Boolean(JSON.parse(localStorage.getItem(key)).data.envelope), `csic:attempt:${id}`);
  if (!saved) throw new Error("the envelope was not saved again");
  return r;
}

const ms = (v) => (v === null || v === undefined ? "-" : `${Math.round(v)} ms`);
const COLUMNS = [
  ["read", 10, (r) => ms(r.readMs)],
  ["figures", 10, (r) => ms(r.figuresMs)],
  ["longtask", 16, (r) => (r.longtaskMs === null ? "unsupported" : r.longtaskMs > 0 ? ms(r.longtaskMs) : "none ≥ 50 ms")],
  ["channel gap", 12, (r) => ms(r.channelGapMs)],
  ["frame gap", 10, (r) => ms(r.frameGapMs)],
];
const LABEL = 20;
const head = () => "".padEnd(LABEL) + COLUMNS.map(([h, w]) => h.padStart(w + 1)).join("");
const row = (label, r) => label.padEnd(LABEL) + COLUMNS.map(([, w, f]) => f(r).padStart(w + 1)).join("");

const dir = mkdtempSync(join(tmpdir(), "bench-delivery-"));
const wav = join(dir, "speech-like.wav");
const pattern = speechLike(ANSWER_MS + 15_000);
writeFileSync(wav, toneWav({ pattern, seed: SEED }));

const server = await startServer({ root });
const browser = await launch([
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  `--use-file-for-fake-audio-capture=${wav}`,
]);
const results = { desktop: [], phone: [] };
let recording = null;
let loadAtStart = null;
try {
  let chromium = "";
  try {
    chromium = execFileSync(process.env.CHROMIUM ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
  }
  const bursts = pattern.filter(([, k]) => k === "tone").length;
  console.log(`delivery benchmark: a ${ANSWER_MS / 1000} s spoken answer read ${runs} time(s) as is and ${runs} time(s) with the CPU slowed 4×`);
  console.log(`${chromium}; dist: ${root}; microphone: ${bursts} tone bursts in ${Math.round(pattern.reduce((a, [t]) => a + t, 0) / 1000)} s (seed ${SEED})`);
  loadAtStart = printLoad(`on ${cpus().length} CPUs`);

  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const app = new ReviewPage(page, server.url);
  // Answer time of 3 minutes, whatever the question suggests.
  await app.open("#/");
  await page.evaluate(() =>
    localStorage.setItem(
      "csic:settings:app",
      JSON.stringify({ v: 1, data: { practice: { question_times: false, think_seconds: 5, answer_seconds: 180 } } }),
    ),
  );
  await app.reload();
  console.log(`recording a ${ANSWER_MS / 1000} s answer (takes as long)…`);
  await app.start("#/practice/question/angry-customer");
  await app.passMicCheck();
  await app.speakFor(ANSWER_MS);
  await app.waitSaved(1);
  const [attempt] = await app.storedAttempts();
  recording = { id: attempt.id, durationMs: attempt.duration_ms, chunks: attempt.chunks, bytes: attempt.size, mime: attempt.mime };
  // The practice page reads it once after the answer; wait for that, so that runs start clean.
  await app.waitEnvelopes(1);
  console.log(
    `recording: ${(recording.durationMs / 1000).toFixed(1)} s, ${recording.chunks} chunks, ${recording.bytes.toLocaleString("en")} bytes (${recording.mime})`,
  );
  const cdp = await context.newCDPSession(page);
  const attemptUrl = `${server.url}#/history/attempt/${attempt.id}`;
  console.log(head());
  for (let i = 1; i <= runs; i++) {
    for (const [kind, rate] of [["desktop", 1], ["phone", 4]]) {
      const r = await measure(page, cdp, attemptUrl, attempt.id, rate);
      results[kind].push(r);
      console.log(row(`${kind === "phone" ? "phone-like ×4" : "desktop"} run ${i}`, r));
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const medians = {};
for (const kind of ["desktop", "phone"]) {
  const list = results[kind];
  medians[kind] = {
    readMs: median(list.map((r) => r.readMs)),
    figuresMs: median(list.map((r) => r.figuresMs)),
    longtaskMs: list.some((r) => r.longtaskMs === null) ? null : median(list.map((r) => r.longtaskMs)),
    channelGapMs: median(list.map((r) => r.channelGapMs)),
    frameGapMs: median(list.map((r) => r.frameGapMs)),
  };
}
console.log("");
console.log(head());
console.log(row("desktop median", medians.desktop));
console.log(row("phone-like median", medians.phone));
console.log(
  "read: performance.measure csic-envelope (chunks from IndexedDB, decoded, envelope built); figures: navigation to the figures in the DOM;",
);
console.log("longtask: longest task ≥ 50 ms during the read; channel/frame gap: largest gap between MessageChannel / rAF heartbeats during the read.");
const loadAtEnd = printLoad("at the end");

if (jsonOut) {
  writeFigures(jsonOut, { root, runs, loadAtStart, loadAtEnd }, {
    seed: SEED,
    recording,
    units: { readMs: "ms", figuresMs: "ms since navigation", longtaskMs: "ms (0: none ≥ 50 ms)", channelGapMs: "ms", frameGapMs: "ms" },
    desktop: results.desktop,
    phoneLike: results.phone,
    cpuThrottlingRate: { desktop: 1, phoneLike: 4 },
    median: { desktop: medians.desktop, phoneLike: medians.phone },
  });
}

// Benchmark (not a test): Lighthouse's performance category on the release dist/, and on the shell
// alone (index.html and its CSS with no script) as the floor that the app's first paint can approach.
// Usage: node scripts/bench-lighthouse.mjs [dist] [runs] [--h2] [--json out.json]   (after `trunk build --release`)
//
// Lighthouse 12.8.2 from npm (the last release that runs on Node 20), mobile preset (its default: a
// Moto G Power sized screen, simulated slow 4G and 4x CPU slowdown), driving Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium) headless, one fresh browser per run. dist/ is served from
// 127.0.0.1 under /a/b/, every file brotli-compressed (quality 11, compressed once in memory before
// the first run). The runs of the app and of the shell alternate, so that a busy machine weighs on both.
// The server speaks HTTP/1.1, where each request in parallel opens a connection of its own (Lighthouse
// simulates each handshake: the boot script, which must run before the first paint, costs the app
// one round trip that the shell alone does not pay). `--h2` serves HTTP/2 over TLS instead (a
// throwaway certificate from openssl, accepted with --ignore-certificate-errors), as static hosts do.
//
// Prints, per run: performance score, FCP, LCP, TBT (ms), CLS and the bytes transferred; then the
// medians, and the app's median LCP against the shell's (the floor) in %.
// Simulated throttling derives its figures from a trace taken on this machine: on a loaded machine
// TBT rises; compare figures from the same run.
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import { join, relative, sep } from "node:path";
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../tests/e2e/support/server.mjs";
import { benchArgs, median, printLoad, writeFigures } from "./bench-common.mjs";

const usage = "node scripts/bench-lighthouse.mjs [dist] [runs] [--h2] [--json out.json]";
const { root, runs, jsonOut, flags } = benchArgs(usage, 3, ["--h2"]);
const h2 = flags.has("--h2");
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run"];
if (h2) CHROME_FLAGS.push("--ignore-certificate-errors", "--allow-insecure-localhost");

/** A self-signed certificate for 127.0.0.1 (openssl), for `--h2`. */
function throwawayCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "bench-h2-"));
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * index.html without any script: every <script> element, and every modulepreload, or preload of
 * JS or wasm, removed. What is left is the static shell and its CSS.
 */
export function shellOnly(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<script\b[^>]*\/>/gi, "")
    .replace(/<link\b[^>]*>/gi, (tag) => {
      const attr = (name) =>
        tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))?.slice(1).find((v) => v !== undefined) ?? "";
      const rel = attr("rel").toLowerCase().split(/\s+/);
      const href = attr("href").split(/[?#]/)[0];
      const as = attr("as").toLowerCase();
      if (rel.includes("modulepreload")) return "";
      if (rel.includes("preload") && (/\.(m?js|wasm)$/i.test(href) || as === "script")) return "";
      return tag;
    });
}

const AUDITS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  bytes: "total-byte-weight",
};

async function measure(url) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const figures = { perf: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100) };
    for (const [key, id] of Object.entries(AUDITS)) figures[key] = lhr.audits[id]?.numericValue ?? null;
    // The main-thread tasks of 50 ms or more (as simulated), by script: what TBT is made of.
    const tasks = (lhr.audits["long-tasks"]?.details?.items ?? []).map((t) => ({
      url: String(t.url ?? "").replace(/^.*\//, "") || "(page)",
      start: Math.round(t.startTime ?? 0),
      ms: Math.round(t.duration ?? 0),
    }));
    return { figures, tasks, warnings: lhr.runWarnings ?? [], version: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent };
  } finally {
    await chrome.kill();
  }
}

const fmt = {
  perf: (v) => (v === null ? "-" : String(Math.round(v))),
  fcp: (v) => (v === null ? "-" : `${(v / 1000).toFixed(2)} s`),
  lcp: (v) => (v === null ? "-" : `${(v / 1000).toFixed(2)} s`),
  tbt: (v) => (v === null ? "-" : `${Math.round(v)} ms`),
  cls: (v) => (v === null ? "-" : v.toFixed(3)),
  bytes: (v) => (v === null ? "-" : `${Math.round(v).toLocaleString("en")} B`),
};
const WIDTH = { label: 14, perf: 5, fcp: 8, lcp: 8, tbt: 8, cls: 7, bytes: 12 };
const row = (label, f) =>
  label.padEnd(WIDTH.label) + Object.keys(fmt).map((k) => fmt[k](f[k]).padStart(WIDTH[k] + 1)).join("");
const head = () =>
  "".padEnd(WIDTH.label) + ["perf", "FCP", "LCP", "TBT", "CLS", "bytes"].map((h, i) => h.padStart(Object.values(WIDTH)[i + 1] + 1)).join("");

/** Fetches `url` once (brotli accepted), so that the server compresses it before the first run. */
function warm(url) {
  return new Promise((ok, fail) => {
    const get = url.startsWith("https:") ? httpsGet : httpGet;
    get(url, { headers: { "accept-encoding": "br" }, rejectUnauthorized: false }, (res) => {
      res.on("data", () => {});
      res.on("end", ok);
    }).on("error", fail);
  });
}

/** Every file under dir, as paths relative to it with "/". */
function files(dir, base = dir) {
  return readdirSync(dir).flatMap((entry) => {
    if (entry.startsWith(".")) return [];
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? files(full, base) : [relative(base, full).split(sep).join("/")];
  });
}

const tls = h2 ? throwawayCertificate() : null;
const app = await startServer({ root, brotli: true, tls });
const shell = await startServer({
  root,
  brotli: true,
  tls,
  rewrite: (rel, body) => (rel === "index.html" ? shellOnly(body.toString("utf8")) : body),
});
const results = { app: [], shell: [] };
let version = null;
let userAgent = null;
let loadAtStart = null;
try {
  // Compress every file once before the first run, so that no run waits on brotli quality 11.
  for (const server of [app, shell]) {
    for (const file of files(root)) {
      await warm(server.url + file);
    }
  }
  let chromium = "";
  try {
    chromium = execFileSync(chromePath, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    chromium = chromePath;
  }
  console.log(`Lighthouse, performance only, mobile preset (simulated throttling), ${runs} run(s) each`);
  console.log(`${chromium}; dist: ${root}, served brotli-compressed under /a/b/ on 127.0.0.1 over ${h2 ? "HTTP/2 (TLS)" : "HTTP/1.1"}`);
  loadAtStart = printLoad(`on ${cpus().length} CPUs (TBT rises on a busy machine)`);
  console.log(head());
  for (let i = 1; i <= runs; i++) {
    for (const [kind, server] of [["app", app], ["shell", shell]]) {
      const r = await measure(server.url);
      version ??= r.version;
      userAgent ??= r.userAgent;
      results[kind].push({ ...r.figures, longTasks: r.tasks });
      console.log(row(`${kind} run ${i}`, r.figures));
      if (r.tasks.length) console.log(`  long tasks: ${r.tasks.map((t) => `${t.url} at ${t.start} ms: ${t.ms} ms`).join("; ")}`);
      for (const w of r.warnings) console.log(`  warning: ${w}`);
    }
  }
} finally {
  await app.close();
  await shell.close();
}

const medians = {};
for (const kind of ["app", "shell"]) {
  medians[kind] = Object.fromEntries(Object.keys(fmt).map((k) => [k, median(results[kind].map((f) => f[k]))]));
}
const lcpVsFloor =
  medians.app.lcp !== null && medians.shell.lcp ? ((medians.app.lcp - medians.shell.lcp) / medians.shell.lcp) * 100 : null;

console.log("");
console.log(head());
for (const kind of ["app", "shell"]) {
  results[kind].forEach((f, i) => console.log(row(`${kind} run ${i + 1}`, f)));
}
console.log(row("app median", medians.app));
console.log(row("shell median", medians.shell));
console.log(
  `LCP vs the shell-only floor: ${lcpVsFloor === null ? "-" : `${lcpVsFloor >= 0 ? "+" : ""}${lcpVsFloor.toFixed(1)} %`}` +
    ` (app ${fmt.lcp(medians.app.lcp)}, shell ${fmt.lcp(medians.shell.lcp)}; Lighthouse ${version})`,
);
const loadAtEnd = printLoad("at the end");

if (jsonOut) {
  writeFigures(jsonOut, { root, runs, loadAtStart, loadAtEnd }, {
    lighthouse: version,
    userAgent,
    preset: "mobile (Lighthouse default), simulated throttling",
    protocol: h2 ? "h2" : "http/1.1",
    units: { fcp: "ms", lcp: "ms", tbt: "ms", cls: "score", bytes: "bytes transferred" },
    app: results.app,
    shell: results.shell,
    median: medians,
    lcpVsFloorPercent: lcpVsFloor,
  });
}

// Prints every file of dist/ with its bytes raw, gzip (-9) and brotli (quality 11), and the totals.
// When the build wrote dist/chunks.json (the post-build hook of a release build), it also prints
// every chunk, and the first load: the files every first visit to the home page fetches before it
// works (chunks.json "first_load": the page, its CSS, the boot script and the landing part, which
// needs no strings: it adopts the static shell).
// Usage: node scripts/size-report.mjs [dist]
// The budget test (tests/e2e/size.test.mjs) uses measure() and chunkReport() below.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

/** The kinds the budget counts: HTML, CSS, JS and wasm. */
export const BUDGET_KINDS = new Set([".html", ".css", ".js", ".wasm"]);

/** Bytes of one buffer: raw, gzip level 9, brotli quality 11 (what a server precompresses). */
export function sizes(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

const ZERO = Object.freeze({ raw: 0, gzip: 0, brotli: 0 });
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const total = (rows) => rows.reduce(add, ZERO);

export function measure(dist) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith(".")) continue; // Trunk's staging leftovers
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dist);
  const rows = files.sort().map((full) => ({
    file: relative(dist, full).split(sep).join("/"),
    kind: extname(full),
    ...sizes(readFileSync(full)),
  }));
  const code = rows.filter((r) => BUDGET_KINDS.has(r.kind));
  return { rows, code: total(code), all: total(rows) };
}

/** dist/chunks.json, or null when the build wrote none (a debug build, or a build before the split). */
export function readChunks(dist) {
  const path = join(dist, "chunks.json");
  if (!existsSync(path)) return null;
  const chunks = JSON.parse(readFileSync(path, "utf8"));
  for (const key of ["first_load", "strings", "chunks"]) {
    if (!chunks[key] || typeof chunks[key] !== "object") throw new Error(`${path}: no "${key}"`);
  }
  return chunks;
}

/**
 * The chunks and the first load, from chunks.json and the rows of measure().
 * Returns null without chunks.json. Otherwise:
 *   chunks:    { name: { files: [row], total } }      every chunk of chunks.json "chunks"
 *   strings:   { lang: row }                           each language's string table
 *   firstLoad: { files: [row], total }                 chunks.json "first_load"
 */
export function chunkReport(dist, report = measure(dist)) {
  const chunks = readChunks(dist);
  if (!chunks) return null;
  const byFile = new Map(report.rows.map((r) => [r.file, r]));
  const row = (file) => {
    const r = byFile.get(file.replace(/^\.\//, ""));
    if (!r) throw new Error(`chunks.json names ${file}, which is not in ${dist}`);
    return r;
  };
  const group = (files) => {
    const rows = files.map(row);
    return { files: rows, total: total(rows) };
  };
  const named = Object.fromEntries(Object.entries(chunks.chunks).map(([name, files]) => [name, group(files)]));
  const strings = Object.fromEntries(Object.entries(chunks.strings).map(([lang, file]) => [lang, row(file)]));
  return { chunks: named, strings, firstLoad: group(chunks.first_load) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = process.argv[2] ?? "dist";
  const report = measure(dist);
  const pad = (s, n) => String(s).padStart(n);
  const line = (label, t) =>
    console.log(`${label.padEnd(60)} ${pad(t.raw, 10)} ${pad(t.gzip, 10)} ${pad(t.brotli, 10)}`);
  const header = (title) => console.log(`\n${title.padEnd(60)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
  header("file");
  for (const r of report.rows) line(r.file, r);
  line("total HTML+CSS+JS+wasm", report.code);
  line("total, every file", report.all);

  const split = chunkReport(dist, report);
  if (!split) {
    console.log("\n(no chunks.json: no per-chunk report)");
  } else {
    header("chunk");
    for (const [name, chunk] of Object.entries(split.chunks)) {
      line(name, chunk.total);
      if (chunk.files.length > 1) for (const r of chunk.files) line(`  ${r.file}`, r);
    }
    for (const [lang, r] of Object.entries(split.strings)) line(`strings ${lang}: ${r.file}`, r);

    header("first load");
    for (const r of split.firstLoad.files) line(`  ${r.file}`, r);
    line("first-load total", split.firstLoad.total);
  }
}

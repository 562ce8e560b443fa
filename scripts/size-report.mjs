// Prints every file a first visit loads from dist/ with its bytes raw, gzip (-9) and brotli (max),
// and the totals. Usage: node scripts/size-report.mjs [dist]
// The budget test (tests/e2e/size.test.mjs) uses measure() below.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

/** The kinds the budget counts: HTML, CSS, JS and wasm. */
export const BUDGET_KINDS = new Set([".html", ".css", ".js", ".wasm"]);

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
  const rows = files.sort().map((full) => {
    const data = readFileSync(full);
    return {
      file: relative(dist, full).split(sep).join("/"),
      kind: extname(full),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    };
  });
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const code = rows.filter((r) => BUDGET_KINDS.has(r.kind));
  return {
    rows,
    code: { raw: sum(code, "raw"), gzip: sum(code, "gzip"), brotli: sum(code, "brotli") },
    all: { raw: sum(rows, "raw"), gzip: sum(rows, "gzip"), brotli: sum(rows, "brotli") },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = process.argv[2] ?? "dist";
  const report = measure(dist);
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${"file".padEnd(48)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
  for (const r of report.rows) {
    console.log(`${r.file.padEnd(48)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`);
  }
  const line = (label, t) => console.log(`${label.padEnd(48)} ${pad(t.raw, 10)} ${pad(t.gzip, 10)} ${pad(t.brotli, 10)}`);
  line("total HTML+CSS+JS+wasm (budgeted)", report.code);
  line("total, every file", report.all);
}

// Trunk post_build hook (see Trunk.toml). Runs in the staging directory before it becomes dist/.
//
// Every build: bundles content/questions/*.json into questions-<hash>.json and names it in a
// <meta name="csic-questions"> tag, where the app finds it.
//
// Release builds:
//   1. Moves Trunk's inline module loader into boot-<hash>.js, so that the Content-Security-Policy
//      can forbid inline scripts ('self' only).
//   2. Minifies wasm-bindgen's JS glue with terser (Trunk 0.21 leaves it as is) and updates its
//      integrity hash in index.html.
//   3. Writes sw.js: a service worker that precaches every file of dist/ by its hashed name.
// Debug builds (trunk serve): relaxes the CSP so that Trunk's inline loader and live-reload socket
// work; no service worker, so that reload-on-change is never served from a cache.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE ?? "debug";
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run through trunk");
  process.exit(1);
}

const sha = (data) => createHash("sha256").update(data).digest("hex");
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

// The question bank: one minified file, loaded when a page needs it and precached for offline use.
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const questionsDir = join(source, "content", "questions");
const questions = readdirSync(questionsDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(questionsDir, f), "utf8")));
const bundle = JSON.stringify(questions);
const bundleName = `questions-${sha(bundle).slice(0, 16)}.json`;
writeFileSync(join(staging, bundleName), bundle);
// Minified HTML may have no </head>: put the tag right after <meta charset>.
const questionsMeta = `<meta name="csic-questions" content="./${bundleName}">`;
const charset = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
if (!charset) {
  console.error("post-build: index.html has no <meta charset=utf-8>");
  process.exit(1);
}
html = html.replace(charset[0], charset[0] + questionsMeta);

if (profile !== "release") {
  html = html.replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'");
  html = html.replace(/connect-src 'self'/, "connect-src 'self' ws: wss:");
  writeFileSync(indexPath, html);
  console.log("post-build: debug build, CSP relaxed for trunk serve");
  process.exit(0);
}

// 1. Inline scripts → files.
let moved = 0;
html = html.replace(/<script(\s+type=["']?module["']?)?\s*>([\s\S]*?)<\/script>/g, (_all, type, body) => {
  if (!body.trim()) return "";
  const name = `boot-${sha(body).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), body.trim() + "\n");
  moved += 1;
  return `<script${type ? ' type="module"' : ""} src="./${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("post-build: an inline <script> is left in index.html; the CSP would block it");
  process.exit(1);
}
if (/\s(on[a-z]+)="/.test(html)) {
  console.error("post-build: an inline event handler is left in index.html; the CSP would block it");
  process.exit(1);
}

// 2. The JS glue, minified. Export and property names are kept: the wasm imports them by name.
const { minify } = await import("terser");
for (const name of readdirSync(staging).filter((f) => /^cs-interview-coach-[0-9a-f]+\.js$/.test(f))) {
  const path = join(staging, name);
  const code = readFileSync(path, "utf8");
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) {
    console.error(`post-build: terser returned nothing for ${name}`);
    process.exit(1);
  }
  writeFileSync(path, out.code);
  const integrity = `sha384-${createHash("sha384").update(out.code).digest("base64")}`;
  const link = new RegExp(`(href=["']?\\./${name.replace(/\./g, "\\.")}["']?[^>]*integrity=)["']?sha384-[A-Za-z0-9+/=]+["']?`);
  const before = html;
  html = html.replace(link, `$1"${integrity}"`);
  if (html === before && /integrity=/.test(html)) {
    console.error(`post-build: could not update the integrity of ${name} in index.html`);
    process.exit(1);
  }
  console.log(`post-build: ${name} minified, ${code.length} -> ${out.code.length} bytes`);
}
writeFileSync(indexPath, html);

// 3. The service worker.
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(relative(staging, full).split(sep).join("/"));
  }
};
walk(staging);
const precache = files.filter((f) => f !== "sw.js").sort();
const version = sha(precache.map((f) => `${f}:${sha(readFileSync(join(staging, f)))}`).join("\n")).slice(0, 16);
const template = readFileSync(new URL("./sw.template.js", import.meta.url), "utf8");
const sw = template
  .replace("__VERSION__", JSON.stringify(version))
  .replace("__PRECACHE__", JSON.stringify(precache, null, 2));
writeFileSync(join(staging, "sw.js"), sw);
console.log(`post-build: moved ${moved} inline script(s); sw.js precaches ${precache.length} files (version ${version})`);

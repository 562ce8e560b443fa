// Trunk post_build hook (see Trunk.toml). Runs in the staging directory before it becomes dist/.
//
// Every build:
//   1. Bundles content/questions/*.json into questions-<hash>.json, named in <meta name="csic-questions">,
//      and content/examples/*.json into examples-<hash>.json, named in <meta name="csic-examples">.
//   2. Packs each locale file as strings-<lang>-<hash>.txt, named in <meta name="csic-strings-<lang>">.
//   3. Replaces Trunk's two loaders (one per binary: `landing`, the first load, and
//      `cs-interview-coach`, the whole app) with the boot script (scripts/boot.js → boot-<hash>.js),
//      which loads the part the page needs; no inline script is left, so the Content-Security-Policy
//      allows 'self' only.
//   4. Writes the static shell (scripts/shell.mjs) into <div id="csic-shell">: the frame and the
//      home page in every language, painted before any script runs.
// Release builds also minify the boot script and wasm-bindgen's JS glue with terser, write
// chunks.json (what each chunk is; what the first load fetches) and sw.js, a service worker that
// precaches every file of dist/ by its hashed name.
// Debug builds (trunk serve) relax the CSP for Trunk's live-reload socket and register no service
// worker, so that reload-on-change is never served from a cache.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, renameSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { LANGS, loadLocales, shell } from "./shell.mjs";

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
// The example answers: one file, fetched by the answer page (they show only after a first attempt).
const examplesDir = join(source, "content", "examples");
const examples = JSON.stringify(
  readdirSync(examplesDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(examplesDir, f), "utf8")))
);
const examplesName = `examples-${sha(examples).slice(0, 16)}.json`;
writeFileSync(join(staging, examplesName), examples);
const questionsMeta =
  `<meta name="csic-questions" content="./${bundleName}">` + `<meta name="csic-examples" content="./${examplesName}">`;
const charset = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
if (!charset) {
  console.error("post-build: index.html has no <meta charset=utf-8>");
  process.exit(1);
}
html = html.replace(charset[0], charset[0] + questionsMeta);

// The UI strings: each language's locale file, packed (as build.rs packs it for native tests and
// src/i18n.rs reads it: key U+001F string U+001E, no JSON to parse on the phone), fetched at run
// time (the current language by the boot script; another one when the user switches) and named in
// <meta name="csic-strings-…">.
function pack(table, lang) {
  return Object.entries(table)
    .map(([k, v]) => {
      if (/[\u001e\u001f]/.test(k + v)) throw new Error(`post-build: ${lang}.${k} holds U+001E or U+001F`);
      return `${k}\u001f${v}\u001e`;
    })
    .join("");
}
const locales = loadLocales(source);
const stringFiles = {};
let metas = "";
for (const lang of LANGS) {
  const text = pack(locales[lang], lang);
  const name = `strings-${lang}-${sha(text).slice(0, 16)}.txt`;
  writeFileSync(join(staging, name), text);
  stringFiles[lang] = `./${name}`;
  metas += `<meta name="csic-strings-${lang}" content="./${name}">`;
}
html = html.replace(charset[0] + questionsMeta, charset[0] + questionsMeta + metas);

// The two parts of the app that Trunk built: the landing part (first load, hashed by Trunk) and the
// whole app (built as a "worker", which Trunk does not hash: named app-<hash> here).
const staged = () => readdirSync(staging);
const landingJs = staged().find((f) => /^landing-[0-9a-f]+\.js$/.test(f));
const parts = {};
if (landingJs && staged().includes(landingJs.replace(/\.js$/, "_bg.wasm"))) {
  parts.landing = { js: landingJs, wasm: landingJs.replace(/\.js$/, "_bg.wasm") };
}
const appJs = staged().find((f) => /^cs-interview-coach(-[0-9a-f]+)?\.js$/.test(f));
if (appJs && staged().includes(appJs.replace(/\.js$/, "_bg.wasm"))) {
  const appWasm = appJs.replace(/\.js$/, "_bg.wasm");
  const hash = sha(Buffer.concat([readFileSync(join(staging, appJs)), readFileSync(join(staging, appWasm))])).slice(0, 16);
  parts.app = { js: `app-${hash}.js`, wasm: `app-${hash}_bg.wasm` };
  renameSync(join(staging, appJs), join(staging, parts.app.js));
  renameSync(join(staging, appWasm), join(staging, parts.app.wasm));
}
for (const [part, bin] of [["landing", "landing"], ["app", "cs-interview-coach"]]) {
  if (!parts[part]) {
    console.error(`post-build: Trunk built no ${bin} (its .js and _bg.wasm)`);
    process.exit(1);
  }
}
// Trunk's own loader (an inline module script that starts the landing wasm at once) and its
// preload links go: the boot script loads one part, the one the page needs.
const names = Object.values(parts).flatMap((p) => [p.js, p.wasm]);
let loaders = 0;
html = html.replace(/<script(\s+type=["']?module["']?)\s*>([\s\S]*?)<\/script>/g, (all, _type, body) => {
  if (!names.some((n) => body.includes(n))) return all;
  loaders += 1;
  return "";
});
html = html.replace(/<link\b[^>]*>/g, (tag) => (names.some((n) => tag.includes(n)) ? "" : tag));
if (loaders !== 1) {
  console.error(`post-build: expected Trunk's loader script, found ${loaders}`);
  process.exit(1);
}

// The static shell: the frame and the home page in every language, painted before any script.
const slot = /<div id=["']?csic-shell["']?\s*>\s*<\/div>/;
if (!slot.test(html)) {
  console.error('post-build: index.html has no <div id="csic-shell"></div>');
  process.exit(1);
}
html = html.replace(slot, () => shell(locales));

// The boot script, with the hashed names filled in.
const release = profile === "release";
const assets = {
  landing: { js: `./${parts.landing.js}`, wasm: `./${parts.landing.wasm}` },
  app: { js: `./${parts.app.js}`, wasm: `./${parts.app.wasm}` },
  strings: stringFiles,
  sw: release ? "./sw.js" : null,
};
const { minify } = await import("terser");
let boot = readFileSync(new URL("./boot.js", import.meta.url), "utf8").replace("var A = __ASSETS__;", () => `var A = ${JSON.stringify(assets)};`);
if (release) {
  const out = await minify(boot, { ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) {
    console.error("post-build: terser returned nothing for boot.js");
    process.exit(1);
  }
  boot = out.code;
}
const bootName = `boot-${sha(boot).slice(0, 16)}.js`;
writeFileSync(join(staging, bootName), boot);
html = html.replace(charset[0], charset[0] + `<script src="./${bootName}"></script>`);

if (!release) {
  html = html.replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'");
  html = html.replace(/connect-src 'self'/, "connect-src 'self' ws: wss:");
  writeFileSync(indexPath, html);
  console.log("post-build: debug build, CSP relaxed for trunk serve");
  process.exit(0);
}

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("post-build: an inline <script> is left in index.html; the CSP would block it");
  process.exit(1);
}
if (/\s(on[a-z]+)="/.test(html)) {
  console.error("post-build: an inline event handler is left in index.html; the CSP would block it");
  process.exit(1);
}

// The JS glue, minified. Export and property names are kept: the wasm imports them by name.
for (const name of [parts.landing.js, parts.app.js]) {
  const path = join(staging, name);
  const code = readFileSync(path, "utf8");
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) {
    console.error(`post-build: terser returned nothing for ${name}`);
    process.exit(1);
  }
  writeFileSync(path, out.code);
  console.log(`post-build: ${name} minified, ${code.length} -> ${out.code.length} bytes`);
}
writeFileSync(indexPath, html);

// What each chunk is, and what the first load fetches (scripts/size-report.mjs and the size test
// read it): index.html, the CSS, the boot script and the landing part (which adopts the static
// shell and needs no strings; they come with the rest of the app).
const css = readdirSync(staging).filter((f) => f.endsWith(".css"));
writeFileSync(
  join(staging, "chunks.json"),
  JSON.stringify(
    {
      first_load: ["index.html", ...css, bootName, parts.landing.js, parts.landing.wasm],
      strings: Object.fromEntries(LANGS.map((l) => [l, stringFiles[l].slice(2)])),
      chunks: {
        landing: [parts.landing.js, parts.landing.wasm],
        app: [parts.app.js, parts.app.wasm],
        questions: [bundleName],
        examples: [examplesName],
        boot: [bootName],
        css,
      },
    },
    null,
    2
  ) + "\n"
);

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
console.log(`post-build: removed ${loaders} loader script(s); sw.js precaches ${precache.length} files (version ${version})`);

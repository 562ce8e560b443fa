#!/usr/bin/env node
// Architecture check for src/ (plain node, no dependencies).
//
//   node scripts/check-architecture.mjs            check; exit 1 listing every violation
//   node scripts/check-architecture.mjs --list     also print the module graph edges
//   node scripts/check-architecture.mjs --largest  also print the 10 largest files in src/
//   node scripts/check-architecture.mjs --root DIR check another tree (default: the current directory)
//
// Rules:
//   1. no import cycle between the crate's modules (one node a source file; src/main.rs skipped);
//   2. route groups (direct subfolders of src/ui/pages/) stand alone: no group references another,
//      and outside src/ui/pages/ only the shells (src/ui/app.rs, the first load's src/ui/landing.rs,
//      src/ui/mod.rs) and
//      src/ui/pages/mod.rs reference a group;
//   3. layering: src/domain/** references neither crate::ui, crate::storage, crate::browser nor the
//      browser crates; src/storage/** does not reference crate::ui;
//   4. no raw event-handler closure in src/ui/ (`on:click=move |_| ...`): wrap it in
//      click(...)/event(...)/submit(...)/drag(...) from src/ui/erase.rs;
//   5. no file under src/ui/ over MAX_UI_LINES lines, except those in ALLOW_LARGE.
//
// An edge A → B is any path in A's code (comments and string literals stripped) that names module B:
// use trees (`crate::`, `super::`, `self::`, `$crate::`, a child module, or a name a `use` brought
// in), and inline paths in code. A path resolves to the longest prefix that is a module file; if
// that module only re-exports the next name (`pub use child::Item`), on to the module it names.
// `mod x;` declarations are not edges; `pub use x::Item` is.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Largest allowed file under src/ui/, in lines. */
export const MAX_UI_LINES = 400;

/** Files under src/ui/ allowed over MAX_UI_LINES: repo-relative path → the most lines allowed. */
export const ALLOW_LARGE = {
  // 'src/ui/pages/example.rs': 450,
};

/** Files outside src/ui/pages/ that may reference a route group (the shell mounts the pages). */
const GROUP_IMPORTERS = new Set(['src/ui/pages/mod.rs', 'src/ui/app.rs', 'src/ui/landing.rs', 'src/ui/mod.rs']);

const DOMAIN_FORBIDDEN_MODULES = ['ui', 'storage', 'browser'];
const DOMAIN_FORBIDDEN_CRATES =
  /\b(web_sys|js_sys|wasm_bindgen(?:_[a-z_]+)?|gloo(?:_[a-z_]+)?|leptos(?:_[a-z_]+)?)\b/g;
const RAW_HANDLER = /\bon:[a-z_]+(?::[a-z_]+)*\s*=\s*\{?\s*(move\s*)?\|/g;

// ---------------------------------------------------------------------------------------------
// Source text

/**
 * The code with comments (line, block — nested —, doc) and string/char literals (normal, byte,
 * raw, C) blanked out by spaces. Newlines are kept, so offsets and line numbers stay the same.
 * String literals keep their quotes, so `"..."` stays a (blank) token.
 */
export function stripRust(src) {
  const out = src.split('');
  const n = src.length;
  const blank = (from, to) => {
    for (let k = from; k < to && k < n; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const isIdent = (c) => c !== undefined && /[A-Za-z0-9_]/.test(c);
  let i = 0;
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      let j = i;
      while (j < n && src[j] !== '\n') j++;
      blank(i, j);
      i = j;
    } else if (c === '/' && d === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (src[j] === '/' && src[j + 1] === '*') { depth++; j += 2; }
        else if (src[j] === '*' && src[j + 1] === '/') { depth--; j += 2; }
        else j++;
      }
      blank(i, j);
      i = j;
    } else if (
      (c === 'r' || ((c === 'b' || c === 'c') && d === 'r')) &&
      !isIdent(src[i - 1]) &&
      /^[bc]?r#*"/.test(src.slice(i, i + 300))
    ) {
      // Raw string r"..", r#".."#, br#".."#, cr".."
      const m = /^[bc]?r(#*)"/.exec(src.slice(i, i + 300));
      const close = '"' + m[1];
      const start = i + m[0].length;
      let j = src.indexOf(close, start);
      j = j < 0 ? n : j + close.length;
      blank(start, j - close.length);
      i = j;
    } else if (c === '"' || ((c === 'b' || c === 'c') && d === '"' && !isIdent(src[i - 1]))) {
      const start = c === '"' ? i + 1 : i + 2;
      let j = start;
      while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      blank(start, j);
      i = j + 1;
    } else if (c === '\'' || (c === 'b' && d === '\'' && !isIdent(src[i - 1]))) {
      // A char literal ('a', '\n', '\u{..}', b'x') or a lifetime/label ('a, 'static).
      const q = c === '\'' ? i : i + 1;
      if (src[q + 1] === '\\') {
        let j = q + 2;
        while (j < n && src[j] !== '\'' && src[j] !== '\n') j++;
        blank(q + 1, j);
        i = j + 1;
      } else {
        const cp = src.codePointAt(q + 1);
        const w = cp !== undefined && cp > 0xffff ? 2 : 1;
        if (src[q + 1 + w] === '\'' && src[q + 1] !== '\n') {
          blank(q + 1, q + 1 + w);
          i = q + 2 + w;
        } else {
          i = q + 1; // lifetime
        }
      }
    } else {
      i++;
    }
  }
  return out.join('');
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function countLines(text) {
  if (text.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') count++;
  return text.endsWith('\n') ? count : count + 1;
}

// ---------------------------------------------------------------------------------------------
// Files and modules

function listRustFiles(dir, root) {
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.rs')) files.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return files;
}

/** `src/ui/pages/practice/runner.rs` → ['ui','pages','practice','runner']; lib.rs → []; main.rs → null. */
export function moduleOfFile(rel) {
  const parts = rel.replace(/^src\//, '').replace(/\.rs$/, '').split('/');
  if (parts.length === 1 && parts[0] === 'main') return null;
  if (parts.length === 1 && parts[0] === 'lib') return [];
  if (parts[parts.length - 1] === 'mod') parts.pop();
  return parts;
}

const modName = (segs) => ['crate', ...segs].join('::');
/** A module key ('ui::bank', '' for the root) as a path. */
const show = (key) => (key === '' ? 'crate' : `crate::${key}`);

// ---------------------------------------------------------------------------------------------
// Tokens and use trees

const TOKEN = /\$?[A-Za-z_][A-Za-z0-9_]*|r#[A-Za-z_][A-Za-z0-9_]*|::|[{}(),;*]|\S/g;

function tokenize(code, from, to) {
  const tokens = [];
  TOKEN.lastIndex = from;
  let m;
  while ((m = TOKEN.exec(code)) && m.index < to) tokens.push({ t: m[0].replace(/^r#/, ''), at: m.index });
  return tokens;
}

/** The end (offset of the `;`) of a use declaration starting at `from`, braces balanced. */
function useEnd(code, from) {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i; // malformed; stop at the enclosing block
      depth--;
    } else if (c === ';' && depth === 0) return i;
  }
  return code.length;
}

/**
 * Leaves of a use tree: { segs, name, glob, at, leadingColons }. `self` in braces names the
 * prefix itself; `as x` renames; `*` is a glob of the prefix.
 */
export function parseUseTree(tokens) {
  const leaves = [];
  let p = 0;
  const peek = () => tokens[p]?.t;
  const parseTree = (prefix, leading) => {
    const segs = [...prefix];
    let leadingColons = leading;
    if (segs.length === 0 && peek() === '::') { p++; leadingColons = true; }
    for (;;) {
      const tok = tokens[p];
      if (!tok) return;
      if (tok.t === '*') {
        p++;
        leaves.push({ segs, name: null, glob: true, at: tok.at, leadingColons });
        return;
      }
      if (tok.t === '{') {
        p++;
        while (p < tokens.length && peek() !== '}') {
          if (peek() === ',') { p++; continue; }
          const before = p;
          parseTree(segs, leadingColons);
          if (p === before) p++; // never stall on a stray token
        }
        p++; // '}'
        return;
      }
      if (/^\$?[A-Za-z_]/.test(tok.t)) {
        p++;
        if (peek() === '::') {
          p++;
          segs.push(tok.t);
          continue;
        }
        let name = tok.t;
        let leafSegs = [...segs, tok.t];
        if (tok.t === 'self' && segs.length > 0) {
          leafSegs = [...segs];
          name = segs[segs.length - 1];
        }
        if (peek() === 'as') {
          p++;
          name = tokens[p]?.t ?? name;
          p++;
        }
        leaves.push({ segs: leafSegs, name, glob: false, at: tok.at, leadingColons });
        return;
      }
      p++; // something unexpected: skip it
      return;
    }
  };
  while (p < tokens.length) {
    const before = p;
    parseTree([], false);
    if (p === before) p++;
    if (peek() === ',') p++;
  }
  return leaves;
}

// ---------------------------------------------------------------------------------------------
// Inline modules (`mod tests { ... }`): they change what `super` and `self` mean.

function inlineModules(code) {
  const found = [];
  const re = /\bmod\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/g;
  let m;
  while ((m = re.exec(code))) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = code.length;
    for (let i = open; i < code.length; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) { close = i; break; }
    }
    found.push({ name: m[1], from: open, to: close });
  }
  return found;
}

function inlinePathAt(mods, offset) {
  return mods.filter((m) => m.from < offset && offset < m.to).sort((a, b) => a.from - b.from).map((m) => m.name);
}

// ---------------------------------------------------------------------------------------------
// Analysis

/**
 * Analyse the crate under `root` (the directory holding src/). Returns
 * { modules, edges, refs, cycles, crossGroup, layering, rawHandlers, oversized, largest, largestUi }.
 */
export function analyze(root) {
  const srcDir = path.join(root, 'src');
  const allFiles = listRustFiles(srcDir, root);
  const files = [];
  const moduleKeys = new Map(); // 'ui::bank' → file
  for (const rel of allFiles) {
    const segs = moduleOfFile(rel);
    if (segs === null) continue;
    files.push({ rel, segs });
    moduleKeys.set(segs.join('::'), rel);
  }
  const isModule = (segs) => moduleKeys.has(segs.join('::'));
  /** The longest prefix of `segs` that is a module file (always at least the crate root if there is a lib.rs). */
  const resolve = (segs) => {
    for (let k = segs.length; k >= 0; k--) {
      const prefix = segs.slice(0, k);
      if (isModule(prefix)) return prefix;
    }
    return null;
  };

  const pagesDir = path.join(srcDir, 'ui', 'pages');
  const groups = new Set(
    fs.existsSync(pagesDir)
      ? fs.readdirSync(pagesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
      : [],
  );
  const groupOf = (segs) => (segs.length >= 3 && segs[0] === 'ui' && segs[1] === 'pages' && groups.has(segs[2]) ? segs[2] : null);

  const rawRefs = []; // { from, fromFile, abs, line, kind }: paths as written, made absolute
  const reexports = new Map(); // module key → Map(name → absolute path of what `pub use` re-exports)
  const layering = [];
  const rawHandlers = [];
  const sizes = [];

  for (const { rel, segs: fileMod } of files) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    sizes.push({ file: rel, lines: countLines(text) });
    const code = stripRust(text);
    const starts = lineStarts(code);
    const mods = inlineModules(code);
    const scopeAt = (offset) => [...fileMod, ...inlinePathAt(mods, offset)];

    /** Absolute segments for a path written in scope `scope`, or null if it is not the crate's. */
    const absolute = (written, scope, aliases) => {
      const [first, ...rest] = written;
      if (first === 'crate' || first === '$crate') return rest;
      if (first === 'self') return [...scope, ...rest];
      if (first === 'super') {
        const base = [...scope];
        let k = 0;
        while (written[k] === 'super') { base.pop(); k++; }
        return [...base, ...written.slice(k)];
      }
      // A child module of the current scope, or of the file's module (seen from an inline module).
      if (isModule([...scope, first])) return [...scope, ...written];
      if (isModule([...fileMod, first])) return [...fileMod, ...written];
      if (aliases && aliases.has(first)) return [...aliases.get(first), ...rest];
      return null;
    };

    const addRef = (abs, offset, kind) => {
      rawRefs.push({ from: fileMod.join('::'), fromFile: rel, abs, line: lineAt(starts, offset), kind });
    };

    const reexport = (scope, name, abs) => {
      const key = scope.join('::');
      if (!reexports.has(key)) reexports.set(key, new Map());
      reexports.get(key).set(name, abs);
    };

    // Use declarations.
    const useRanges = [];
    const pending = [];
    const aliases = new Map(); // name a `use` brought in → absolute segments
    const moduleAliases = new Map(); // the same, for names that are module files
    const useRe = /(?<![A-Za-z0-9_$:])use\b/g;
    let m;
    while ((m = useRe.exec(code))) {
      const from = m.index + 3;
      const end = useEnd(code, from);
      useRanges.push([m.index, end]);
      const scope = scopeAt(m.index);
      const isPub = /\bpub\s*(\([^()]*\))?\s*$/.test(code.slice(Math.max(0, m.index - 60), m.index));
      for (const leaf of parseUseTree(tokenize(code, from, end))) {
        if (leaf.leadingColons || leaf.segs.length === 0) continue;
        const abs = absolute(leaf.segs, scope, null);
        if (abs === null) pending.push({ leaf, scope, isPub });
        else {
          addRef(abs, leaf.at, 'use');
          if (isPub && leaf.name && !leaf.glob) reexport(scope, leaf.name, abs);
          if (leaf.name && !leaf.glob) {
            aliases.set(leaf.name, abs);
            if (isModule(abs)) moduleAliases.set(leaf.name, abs);
          }
        }
      }
      useRe.lastIndex = end;
    }
    // Use paths that start with a name another `use` brought in (`use crate::domain; use domain::x;`).
    for (const { leaf, scope, isPub } of pending) {
      const abs = absolute(leaf.segs, scope, aliases);
      if (abs === null) continue;
      addRef(abs, leaf.at, 'use');
      if (isPub && leaf.name && !leaf.glob) reexport(scope, leaf.name, abs);
    }

    // Inline paths in code (outside use declarations): crate::, $crate::, super::, self::, a child
    // module, or a module a `use` brought in.
    const inUse = (offset) => useRanges.some(([a, b]) => a <= offset && offset <= b);
    const pathRe = /(?<![A-Za-z0-9_$:.])(\$?[A-Za-z_][A-Za-z0-9_]*)((?:\s*::\s*[A-Za-z_][A-Za-z0-9_]*)+)/g;
    while ((m = pathRe.exec(code))) {
      if (inUse(m.index)) continue;
      const written = [m[1], ...m[2].split('::').map((s) => s.trim()).filter(Boolean)];
      const first = written[0];
      let abs = null;
      if (['crate', '$crate', 'self', 'super'].includes(first)) abs = absolute(written, scopeAt(m.index), null);
      else if (moduleAliases.has(first)) abs = [...moduleAliases.get(first), ...written.slice(1)];
      else {
        const scope = scopeAt(m.index);
        if (isModule([...scope, first]) || isModule([...fileMod, first])) abs = absolute(written, scope, null);
      }
      if (abs !== null) addRef(abs, m.index, 'inline');
    }

    // Rule 3: layering, the crates (the module references are checked below).
    const inDomain = rel.startsWith('src/domain/');
    if (inDomain) {
      DOMAIN_FORBIDDEN_CRATES.lastIndex = 0;
      while ((m = DOMAIN_FORBIDDEN_CRATES.exec(code))) {
        layering.push({ file: rel, line: lineAt(starts, m.index), what: `mentions ${m[1]} (domain is pure Rust)` });
      }
    }

    // Rule 4: raw event-handler closures.
    if (rel.startsWith('src/ui/')) {
      RAW_HANDLER.lastIndex = 0;
      while ((m = RAW_HANDLER.exec(code))) {
        const line = lineAt(starts, m.index);
        const source = text.split('\n')[line - 1].trim();
        rawHandlers.push({ file: rel, line, source });
      }
    }
  }

  // Resolve each path to the longest prefix that is a module file; a name that module re-exports
  // (`pub use child::Item`) resolves on through the re-export, to the module that defines it.
  const resolveThrough = (abs, depth = 0) => {
    const target = resolve(abs);
    if (!target) return null;
    if (depth < 16 && abs.length > target.length) {
      const again = reexports.get(target.join('::'))?.get(abs[target.length]);
      if (again) {
        const further = resolveThrough([...again, ...abs.slice(target.length + 1)], depth + 1);
        if (further) return further;
      }
    }
    return target;
  };
  const refs = [];
  for (const r of rawRefs) {
    const target = resolveThrough(r.abs);
    if (!target) continue;
    const direct = resolve(r.abs);
    const to = target.join('::');
    refs.push({
      from: r.from,
      fromFile: r.fromFile,
      to,
      path: modName(r.abs),
      via: direct.join('::') !== to ? to : null, // reached through a re-export
      line: r.line,
      kind: r.kind,
    });
  }

  // Rule 3: layering, the module references.
  for (const r of refs) {
    const inDomain = r.fromFile.startsWith('src/domain/');
    if (!inDomain && !r.fromFile.startsWith('src/storage/')) continue;
    const forbidden = inDomain ? DOMAIN_FORBIDDEN_MODULES : ['ui'];
    const top = [r.path.split('::')[1], r.to.split('::')[0]].find((t) => forbidden.includes(t));
    if (top) layering.push({ file: r.fromFile, line: r.line, what: `references crate::${top} (${r.path})` });
  }

  // The graph: distinct edges between different modules, each with the places that make it.
  const edgeMap = new Map();
  for (const r of refs) {
    if (r.from === r.to) continue;
    const key = `${r.from}\u0000${r.to}`;
    if (!edgeMap.has(key)) edgeMap.set(key, { from: r.from, to: r.to, refs: [] });
    edgeMap.get(key).refs.push(r);
  }
  const edges = [...edgeMap.values()].sort((a, b) => (a.from === b.from ? cmp(a.to, b.to) : cmp(a.from, b.from)));
  const modules = [...moduleKeys.keys()].sort(cmp);

  const cycles = findCycles(modules, edges);

  // Rule 2: route groups.
  const crossGroup = [];
  const seen = new Set();
  for (const r of refs) {
    if (r.from === r.to) continue;
    const fromSegs = r.from === '' ? [] : r.from.split('::');
    const toSegs = r.to === '' ? [] : r.to.split('::');
    const toGroup = groupOf(toSegs);
    if (!toGroup) continue;
    const fromGroup = groupOf(fromSegs);
    let who = null;
    if (fromGroup) {
      if (fromGroup !== toGroup) who = `<${fromGroup}>`;
    } else if (!r.fromFile.startsWith('src/ui/pages/') || r.fromFile.split('/').length > 4) {
      // Outside src/ui/pages/ (files directly in src/ui/pages/ may mount groups).
      if (!GROUP_IMPORTERS.has(r.fromFile)) who = `${r.fromFile} (outside src/ui/pages/)`;
    }
    if (!who) continue;
    const key = `${r.fromFile}:${r.line}:${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    crossGroup.push({ file: r.fromFile, line: r.line, fromGroup, toGroup, path: r.path, message: `${who} imports <${toGroup}> (${r.path}${r.via ? `, re-exported from ${show(r.via)}` : ''})` });
  }
  crossGroup.sort((a, b) => cmp(a.file, b.file) || a.line - b.line);
  layering.sort((a, b) => cmp(a.file, b.file) || a.line - b.line);

  // Rule 5: size.
  const uiSizes = sizes.filter((s) => s.file.startsWith('src/ui/'));
  const oversized = uiSizes
    .filter((s) => s.lines > (ALLOW_LARGE[s.file] ?? MAX_UI_LINES))
    .sort((a, b) => b.lines - a.lines);
  const largest = [...sizes].sort((a, b) => b.lines - a.lines || cmp(a.file, b.file));
  const largestUi = uiSizes.reduce((best, s) => (!best || s.lines > best.lines ? s : best), null);

  return { modules, edges, refs, cycles, crossGroup, layering, rawHandlers, oversized, largest, largestUi, groups: [...groups].sort() };
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tarjan's strongly connected components; each one with more than one node, with one cycle through it. */
export function findCycles(modules, edges) {
  const adj = new Map(modules.map((m) => [m, []]));
  for (const e of edges) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    if (!adj.has(e.to)) adj.set(e.to, []);
    adj.get(e.from).push(e.to);
  }
  for (const list of adj.values()) list.sort(cmp);
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const sccs = [];
  // Iterative Tarjan (no recursion limit).
  for (const start of [...adj.keys()].sort(cmp)) {
    if (idx.has(start)) continue;
    const work = [[start, 0]];
    idx.set(start, index); low.set(start, index); index++;
    stack.push(start); onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const next = adj.get(v);
      if (i < next.length) {
        frame[1]++;
        const w = next[i];
        if (!idx.has(w)) {
          idx.set(w, index); low.set(w, index); index++;
          stack.push(w); onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v), idx.get(w)));
        }
      } else {
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1][0];
          low.set(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v) === idx.get(v)) {
          const comp = [];
          let w;
          do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
          if (comp.length > 1) sccs.push(comp.sort(cmp));
        }
      }
    }
  }
  return sccs
    .sort((a, b) => cmp(a[0], b[0]))
    .map((nodes) => {
      const inside = new Set(nodes);
      // The shortest cycle through the first node (BFS inside the component).
      const start = nodes[0];
      const prev = new Map();
      const queue = [start];
      let found = false;
      const seenNodes = new Set([start]);
      while (queue.length && !found) {
        const v = queue.shift();
        for (const w of adj.get(v)) {
          if (!inside.has(w)) continue;
          if (w === start) { prev.set('$end', v); found = true; break; }
          if (!seenNodes.has(w)) { seenNodes.add(w); prev.set(w, v); queue.push(w); }
        }
      }
      const chain = [start];
      let v = prev.get('$end');
      const back = [];
      while (v !== undefined && v !== start) { back.push(v); v = prev.get(v); }
      chain.push(...back.reverse(), start);
      const internal = edges.filter((e) => inside.has(e.from) && inside.has(e.to));
      return { nodes, chain, edges: internal };
    });
}

// ---------------------------------------------------------------------------------------------
// Report

const fileOf = (edge) => edge.refs[0].fromFile;
const linesOf = (edge) => [...new Set(edge.refs.map((r) => r.line))].sort((a, b) => a - b);

export function report(result, { list = false, largestFlag = false } = {}) {
  const out = [];
  if (list) {
    out.push(`module graph: ${result.modules.length} modules, ${result.edges.length} edges`);
    for (const e of result.edges) out.push(`  ${show(e.from)} → ${show(e.to)}   (${fileOf(e)}:${linesOf(e).join(',')})`);
    out.push('');
  }
  if (largestFlag) {
    out.push('largest files in src/:');
    for (const s of result.largest.slice(0, 10)) out.push(`  ${String(s.lines).padStart(5)}  ${s.file}`);
    out.push('');
  }
  const problems = [];
  if (result.cycles.length) {
    problems.push(`import cycles (${result.cycles.length}):`);
    for (const c of result.cycles) {
      problems.push(`  cycle among ${c.nodes.length} modules: ${c.nodes.map(show).join(', ')}`);
      problems.push(`    ${c.chain.map(show).join(' → ')}`);
      problems.push('    edges inside it:');
      for (const e of c.edges) problems.push(`      ${show(e.from)} → ${show(e.to)}   (${fileOf(e)}:${linesOf(e).join(',')})`);
    }
  }
  if (result.crossGroup.length) {
    problems.push(`route-group imports (${result.crossGroup.length}):`);
    for (const v of result.crossGroup) problems.push(`  ${v.file}:${v.line}: ${v.message}`);
  }
  if (result.layering.length) {
    problems.push(`layering (${result.layering.length}):`);
    for (const v of result.layering) problems.push(`  ${v.file}:${v.line}: ${v.what}`);
  }
  if (result.rawHandlers.length) {
    problems.push(`raw event-handler closures (${result.rawHandlers.length}; wrap them in click(...), event(...), submit(...) or drag(...) from src/ui/erase.rs):`);
    for (const v of result.rawHandlers) problems.push(`  ${v.file}:${v.line}: ${v.source}`);
  }
  if (result.oversized.length) {
    problems.push(`files under src/ui/ over ${MAX_UI_LINES} lines (${result.oversized.length}):`);
    for (const v of result.oversized) problems.push(`  ${v.file}: ${v.lines} lines${ALLOW_LARGE[v.file] ? ` (allowed ${ALLOW_LARGE[v.file]})` : ''}`);
  }
  if (problems.length) {
    out.push('architecture check FAILED', ...problems);
  } else {
    const largestUi = result.largestUi ? `largest ui file ${result.largestUi.lines} lines` : 'no ui file';
    out.push(
      `architecture: ${result.modules.length} modules, ${result.edges.length} imports, no cycle, no cross-group import, ` +
        `no layering breach, no raw handler, ${largestUi}`,
    );
  }
  return { ok: problems.length === 0, text: out.join('\n') };
}

function main(argv) {
  const list = argv.includes('--list');
  const largestFlag = argv.includes('--largest');
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(argv[rootAt + 1]) : process.cwd();
  if (!fs.existsSync(path.join(root, 'src'))) {
    console.error(`check-architecture: no src/ in ${root} (run it from the repo root, or pass --root DIR)`);
    return 2;
  }
  const { ok, text } = report(analyze(root), { list, largestFlag });
  console.log(text);
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}


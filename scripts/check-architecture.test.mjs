// node --test scripts/check-architecture.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyze, parseUseTree, stripRust } from './check-architecture.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-architecture.mjs');

function tree(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-check-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const lines = (n) => Array.from({ length: n }, (_, i) => `// line ${i + 1}`).join('\n') + '\n';

const FAKE = {
  'src/main.rs': 'fn main() { fake::run() }\n',
  'src/lib.rs': 'pub mod a;\npub mod b;\npub mod c1;\npub mod c2;\npub mod d;\npub mod domain;\npub mod e;\npub mod f;\npub mod g;\npub mod ui;\n',
  // A cycle through a re-export: a re-exports its child's Item, the child uses a's own Thing.
  'src/a/mod.rs': 'mod child;\npub use child::Item;\npub struct Thing;\n',
  'src/a/child.rs': 'use super::Thing;\npub struct Item(Thing);\n',
  // No cycle: y uses X, which b only re-exports from x; the edge goes to b::x.
  'src/b/mod.rs': 'mod x;\nmod y;\npub use x::X;\npub use y::Y;\n',
  'src/b/x.rs': 'pub struct X;\n',
  'src/b/y.rs': 'use super::X;\npub struct Y(X);\n',
  // A cycle through an inline path in code.
  'src/c1.rs': 'pub fn f() -> u32 {\n    crate::c2::g() + 1\n}\n',
  'src/c2.rs': 'use crate::c1::f;\npub fn g() -> u32 { 0 }\npub fn h() -> u32 { f() }\n',
  // A multi-line nested use tree with self, a rename and globs.
  'src/d.rs': [
    'use std::collections::HashMap;',
    'use crate::{',
    '    g::{self, h::{Thing as Other, *}},',
    '    f::*,',
    '};',
    'pub fn x() {}',
    '',
  ].join('\n'),
  // Names a `use` brought in, in a later use and in code.
  'src/e.rs': 'use crate::g;\nuse g::k::K;\npub fn w() { g::h::Thing; }\n',
  // Prose and strings that name crate::d must not count (else d ↔ f would be a cycle).
  'src/f.rs': [
    '//! See crate::d::x for the other half.',
    '/* crate::d::x /* nested */ still a comment: crate::d */',
    '/// Doc: `crate::d::x()`.',
    'pub fn y() -> &\'static str { "crate::d::x" }',
    'pub fn z() -> &\'static str { r#"use crate::d; "quoted" crate::d::x"# }',
    'pub fn q() -> char { \'"\' }',
    '',
  ].join('\n'),
  'src/g/mod.rs': 'pub mod h;\npub mod k;\n',
  'src/g/k.rs': 'pub struct K;\n',
  // `super` inside an inline module: two levels up from g::h::tests is g, three the crate root.
  'src/g/h.rs': 'pub struct Thing;\n#[cfg(test)]\nmod tests {\n    use super::super::k::K;\n    use super::super::super::c2::g;\n}\n',
  // Layering: the domain imports the ui and names leptos; a comment naming web_sys is fine.
  'src/domain/mod.rs': 'pub mod calc;\n',
  'src/domain/calc.rs': '// not web_sys\nuse crate::ui::erase::click;\nuse leptos::prelude::*;\npub fn total(n: u32) -> u32 { n }\n',
  'src/ui/mod.rs': 'macro_rules! tap { () => { $crate::ui::erase::click(|| ()) }; }\nmod app;\npub mod big;\npub mod components;\npub mod erase;\npub mod ok400;\npub mod pages;\n',
  'src/ui/erase.rs': 'pub fn click<F>(f: F) -> F { f }\n',
  // The shell may mount the pages.
  'src/ui/app.rs': 'use super::pages::beta::widget::Widget;\nuse crate::ui::pages::AlphaPage;\n',
  'src/ui/components.rs': [
    'use crate::ui::erase::click;',
    'use crate::ui::pages::beta::widget::Widget;',
    'pub fn view() {',
    '    let n = crate::domain::calc::total(1);',
    '    view! {',
    '        <button on:click=move |_| go()>"raw"</button>',
    '        <button on:click=click(move |_| go())>"wrapped"</button>',
    '        <input on:input=handler />',
    '        <input on:change={move |ev| go()} />',
    '        <i on:click=|_| go() />',
    '        <a title="on:click=move |_| not code">"string"</a>',
    '        // <b on:click=|_| commented() />',
    '    }',
    '}',
    '',
  ].join('\n'),
  'src/ui/pages/mod.rs': 'mod alpha;\nmod beta;\npub use alpha::AlphaPage;\n',
  'src/ui/pages/alpha/mod.rs': 'mod other;\nuse crate::ui::pages::beta::widget::Widget;\npub struct AlphaPage;\n',
  'src/ui/pages/alpha/other.rs': 'pub struct Other;\n',
  'src/ui/pages/beta/mod.rs': 'pub mod widget;\n',
  'src/ui/pages/beta/widget.rs': 'pub struct Widget;\npub fn w() { super::super::alpha::other::Other; }\n',
  'src/ui/big.rs': lines(401),
  'src/ui/ok400.rs': lines(400),
};

test('strips comments and strings, keeping offsets and lines', () => {
  const src = 'a // crate::x\n/* b /* c */ d */ "crate::y" \'"\' r#"crate::z"# \'a e';
  const out = stripRust(src);
  assert.equal(out.length, src.length);
  assert.equal(out.split('\n').length, 2);
  assert.doesNotMatch(out, /crate/);
  assert.match(out, /'a e$/); // a lifetime is code
});

test('parses nested use trees', () => {
  const code = 'crate::{a::{self, b::{C as D, *}}, e}';
  const tokens = [...code.matchAll(/\$?[A-Za-z_]\w*|::|[{}(),;*]|\S/g)].map((m) => ({ t: m[0], at: m.index }));
  const leaves = parseUseTree(tokens).map((l) => `${l.segs.join('::')}${l.glob ? '::*' : ''}=${l.name}`);
  assert.deepEqual(leaves, ['crate::a=a', 'crate::a::b::C=D', 'crate::a::b::*=null', 'crate::e=e']);
});

test('finds cycles, group imports, layering, raw handlers and big files', () => {
  const root = tree(FAKE);
  const r = analyze(root);
  const edge = (from, to) => r.edges.some((e) => e.from === from && e.to === to);

  // Modules: main.rs skipped, lib.rs is the root, mod.rs is its folder.
  assert.ok(!r.modules.includes('main'));
  assert.ok(r.modules.includes('') && r.modules.includes('a') && r.modules.includes('ui::pages::beta::widget'));

  // Cycles: a ↔ a::child (re-export + use super::Thing) and c1 ↔ c2 (inline path). No others.
  const sccs = r.cycles.map((c) => c.nodes.join(' '));
  assert.deepEqual(sccs.sort(), ['a a::child', 'c1 c2']);
  const a = r.cycles.find((c) => c.nodes.includes('a'));
  assert.deepEqual(a.chain, ['a', 'a::child', 'a']);

  // Re-exports resolve on to the module that defines the item.
  assert.ok(edge('b::y', 'b::x'));
  assert.ok(!edge('b::y', 'b'));

  // The multi-line use tree.
  assert.ok(edge('d', 'g'));
  assert.ok(edge('d', 'g::h'));
  assert.ok(edge('d', 'f'));
  assert.ok(edge('e', 'g') && edge('e', 'g::k') && edge('e', 'g::h'));
  // Comments and strings.
  assert.ok(!r.edges.some((e) => e.from === 'f'));
  // Inline paths, and super inside an inline module.
  assert.ok(edge('c1', 'c2'));
  assert.ok(edge('ui::components', 'domain::calc'));
  assert.ok(edge('g::h', 'c2'));
  assert.ok(edge('g::h', 'g::k'));
  assert.ok(!edge('g::h', ''));
  assert.ok(edge('ui', 'ui::erase')); // $crate:: in a macro
  // `mod x;` is not an edge; external crates are not nodes.
  assert.ok(!edge('', 'a'));
  assert.ok(!r.edges.some((e) => e.to.startsWith('std') || e.to.startsWith('leptos')));

  // Route groups: alpha → beta and beta → alpha, and a component importing a page; not the shell.
  const groups = r.crossGroup.map((v) => `${v.file}:${v.line}: ${v.message}`);
  assert.deepEqual(groups, [
    'src/ui/components.rs:2: src/ui/components.rs (outside src/ui/pages/) imports <beta> (crate::ui::pages::beta::widget::Widget)',
    'src/ui/pages/alpha/mod.rs:2: <alpha> imports <beta> (crate::ui::pages::beta::widget::Widget)',
    'src/ui/pages/beta/widget.rs:2: <beta> imports <alpha> (crate::ui::pages::alpha::other::Other)',
  ]);

  // Layering.
  assert.deepEqual(
    r.layering.map((v) => `${v.file}:${v.line}: ${v.what}`),
    [
      'src/domain/calc.rs:2: references crate::ui (crate::ui::erase::click)',
      'src/domain/calc.rs:3: mentions leptos (domain is pure Rust)',
    ],
  );

  // Raw handlers: the bare closure and the braced one, not the wrapped, the identifier, the string or the comment.
  assert.deepEqual(r.rawHandlers.map((v) => `${v.file}:${v.line}`), ['src/ui/components.rs:6', 'src/ui/components.rs:9', 'src/ui/components.rs:10']);

  // Size.
  assert.deepEqual(r.oversized, [{ file: 'src/ui/big.rs', lines: 401 }]);
  fs.rmSync(root, { recursive: true, force: true });
});

test('the CLI exits 1 listing the violations, 0 with a summary on a clean tree', () => {
  const bad = tree(FAKE);
  const failed = spawnSync(process.execPath, [script, '--root', bad], { encoding: 'utf8' });
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /crate::a → crate::a::child → crate::a/);
  assert.match(failed.stdout, /src\/ui\/pages\/alpha\/mod\.rs:2: <alpha> imports <beta>/);
  assert.match(failed.stdout, /src\/ui\/components\.rs:6: /);
  assert.match(failed.stdout, /src\/ui\/big\.rs: 401 lines/);
  fs.rmSync(bad, { recursive: true, force: true });

  const good = tree({
    'src/lib.rs': 'pub mod domain;\npub mod ui;\n',
    'src/domain/mod.rs': 'pub fn pure() {}\n',
    'src/ui/mod.rs': 'mod app;\npub mod erase;\n',
    'src/ui/app.rs': 'use super::erase::click;\npub fn app() { crate::domain::pure(); view! { <b on:click=click(|_| ()) /> } }\n',
    'src/ui/erase.rs': 'pub fn click<F>(f: F) -> F { f }\n',
  });
  const passed = spawnSync(process.execPath, [script, '--root', good], { encoding: 'utf8' });
  assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  assert.match(passed.stdout, /^architecture: 5 modules, 2 imports, no cycle, no cross-group import, .*no raw handler, largest ui file 2 lines\n$/);
  fs.rmSync(good, { recursive: true, force: true });
});

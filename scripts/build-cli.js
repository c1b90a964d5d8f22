#!/usr/bin/env node
// Builds the `sfa` command line into lib/ (esbuild), so a start reads a few files instead of resolving
// hundreds of modules, and each command compiles only the code it runs: the bundle is split (esbuild's code
// splitting) at every `await import()`, so `sfa --help` loads commander and the help texts, `sfa score x.json`
// adds the scoring and zod, and only the commands that write a .docx or a workbook load docx, JSZip and
// their helpers. esbuild splits only ES modules; each chunk is then turned into CommonJS, which Node loads
// with its faster loader (require instead of the ES module loader; `import()` becomes a require). ExcelJS
// stays external: it is required only by the commands that write a workbook. Before bundling, the shipped
// rubric data is checked against its schema (the bundle then uses it without loading zod; see
// src/domain/rubrics/index.ts): a bad data file fails the build.
'use strict';
const { build, transform } = require('esbuild');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, dirname, join } = require('node:path');

const root = join(__dirname, '..');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['exceljs'],
  // Drops dead branches and unused exports; names stay readable in stack traces and profiles.
  minifySyntax: true,
  legalComments: 'none',
};

async function checkRubrics() {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-rubric-check-'));
  try {
    const out = join(dir, 'check.js');
    await build({
      ...common,
      stdin: {
        contents: "export { checkShippedRubrics } from './src/domain/rubrics/check';",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: out,
    });
    const problems = require(out).checkShippedRubrics();
    if (problems.length) {
      for (const p of problems) process.stderr.write(`build-cli: ${p}\n`);
      process.exit(1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The split must not make a cycle of chunks that load each other when loaded (`import` statements, not the
 * `import()` of a command): CommonJS would hand one of them a half-initialised chunk.
 */
function checkAcyclic(metafile) {
  const deps = new Map(
    Object.entries(metafile.outputs).map(([out, o]) => [out, o.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path)]),
  );
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') throw new Error(`the split CLI has a cycle of chunks: ${[...path, name].map((p) => basename(p)).join(' → ')}`);
    state.set(name, 'open');
    for (const d of deps.get(name) ?? []) visit(d, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of deps.keys()) visit(name, []);
}

/** commander's `require('node:child_process')` gets src/cli/lazy-child-process.ts (see there). */
const commanderWithoutChildProcess = {
  name: 'commander-without-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(a.importer) ? { path: join(root, 'src', 'cli', 'lazy-child-process.ts') } : undefined,
    );
  },
};

async function main() {
  await checkRubrics();
  // `--check-rubrics`: the pane's build runs only the data check (webpack bundles the pane itself).
  if (process.argv.includes('--check-rubrics')) return;
  // The worker thread that reads one file for `sfa merge` is its own entry (isolated-reader.ts loads it from
  // the same folder as its own chunk: every output, chunks included, is written flat into lib/).
  const entries = { sfa: 'src/cli/main.ts', 'read-worker': 'src/cli/read-worker.ts' };
  const lib = join(root, 'lib');
  const split = await build({
    ...common,
    format: 'esm',
    splitting: true,
    plugins: [commanderWithoutChildProcess],
    entryPoints: entries,
    outdir: lib,
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
  });
  checkAcyclic(split.metafile);
  const files = [];
  for (const f of split.outputFiles) {
    // `dynamic-import: false` turns each `import()` into a require of the chunk, loaded when the command runs.
    const { code } = await transform(f.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minifySyntax: true,
      legalComments: 'none',
      supported: { 'dynamic-import': false },
    });
    if (/\bimport\(|import\.meta/.test(code)) throw new Error(`${basename(f.path)}: an ES module construct is left after the conversion to CommonJS`);
    files.push({ path: f.path, code });
  }
  rmSync(lib, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.code);
  }
  writeFileSync(join(lib, 'README.txt'), 'Built by scripts/build-cli.js from src/ (npm run build:cli). Do not edit.\n');
}

main().catch((e) => {
  process.stderr.write(`build-cli: ${e.message}\n`);
  process.exit(1);
});

#!/usr/bin/env node
// Builds the `sfa` command line: one bundled file per entry point in lib/ (esbuild), so a start reads one
// file instead of resolving hundreds of modules. ExcelJS stays external: it is required only by the commands
// that write a workbook. Before bundling, the shipped rubric data is checked against its schema (the bundle
// then uses it without loading zod; see src/domain/rubrics/index.ts): a bad data file fails the build.
'use strict';
const { build } = require('esbuild');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

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

async function main() {
  await checkRubrics();
  // `--check-rubrics`: the pane's build runs only the data check (webpack bundles the pane itself).
  if (process.argv.includes('--check-rubrics')) return;
  // The worker thread that reads one file for `sfa merge` is its own entry (isolated-reader.ts loads it from
  // the same folder as the main bundle).
  const entries = { sfa: 'src/cli/main.ts', 'read-worker': 'src/cli/read-worker.ts' };
  rmSync(join(root, 'lib'), { recursive: true, force: true });
  await build({ ...common, entryPoints: entries, outdir: join(root, 'lib') });
  writeFileSync(join(root, 'lib', 'README.txt'), 'Built by scripts/build-cli.js from src/ (npm run build:cli). Do not edit.\n');
}

main().catch((e) => {
  process.stderr.write(`build-cli: ${e.message}\n`);
  process.exit(1);
});

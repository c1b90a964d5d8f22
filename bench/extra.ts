// Figures that need a build or other files; each prints a line or says why it could not.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The production bundle's JS that taskpane.html loads first, gzipped. */
function bundleSize(root: string): void {
  const dist = join(root, 'dist');
  const html = join(dist, 'taskpane.html');
  if (!existsSync(html)) {
    console.log('pane bundle:          not measured (run `npm run build` first)');
    return;
  }
  const scripts = [...readFileSync(html, 'utf8').matchAll(/<script[^>]+src="?([^"\s>]+\.js)/g)].map((m) => m[1]!).filter((s) => !s.startsWith('http'));
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = readFileSync(join(dist, s));
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  const all = readdirSync(dist).filter((f) => f.endsWith('.js')).reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  console.log(`pane bundle:          initial JS ${(raw / 1024).toFixed(0)} kB raw / ${(gz / 1024).toFixed(0)} kB gzip (goal ≤ 250 kB gzip); all JS ${(all / 1024).toFixed(0)} kB`);
}

/** Writing the template, reading a filled workbook, exporting 100 files (the .xlsx adapter). */
async function workbookFiles(root: string): Promise<void> {
  const { getRubric } = await import('../src/domain/rubrics');
  const { buildLayout } = await import('../src/workbook/layout');
  const { inputsFromAssessment } = await import('../src/workbook/inputs');
  const { writeWorkbook } = await import('../src/adapters/xlsx/write');
  const { readAssessmentWorkbook } = await import('../src/adapters/xlsx/read');
  const rubric = getRubric()!;
  const a = JSON.parse(readFileSync(join(root, 'examples', 'advanced.json'), 'utf8'));
  const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
  let t0 = process.hrtime.bigint();
  const layout = buildLayout(rubric);
  const empty = await writeWorkbook(layout);
  console.log(`template:             ${ms(t0).toFixed(0)} ms to build the layout and write the workbook (${(empty.length / 1024).toFixed(0)} kB)`);
  const filled = await writeWorkbook(layout, inputsFromAssessment(rubric, a));
  t0 = process.hrtime.bigint();
  await readAssessmentWorkbook(filled);
  console.log(`read workbook:        ${ms(t0).toFixed(0)} ms to read a filled workbook back into an assessment`);
  t0 = process.hrtime.bigint();
  for (let i = 0; i < 100; i++) JSON.stringify((await readAssessmentWorkbook(filled)).assessment);
  const total = ms(t0);
  console.log(`export 100 files:     ${(total / 1000).toFixed(1)} s (${(100 / (total / 1000)).toFixed(1)} files/s, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB)`);
}

/**
 * `sfa merge` over 100 and 1,000 generated enterprise workbooks, as a bureau runs it: the built CLI in a child
 * process, wall time from spawn to exit. Peak RSS is the child's own `process.resourceUsage().maxRSS`,
 * written on exit by a file preloaded with `node --require` (the CLI itself is not changed). The workbooks
 * are generated once per count and layout version and cached in the temp folder.
 */
async function mergeFiles(root: string): Promise<void> {
  const { writeEnterpriseWorkbooks } = await import('../test/corpus/make-corpus');
  const { LAYOUT_VERSION } = await import('../src/workbook/layout');
  const cli = join(root, 'bin', 'sfa.js');
  for (const count of [100, 1000]) {
    const label = `merge ${count} files:`.padEnd(22);
    const cache = join(tmpdir(), `sfa-bench-merge-v${LAYOUT_VERSION}-${count}`);
    const input = join(cache, '申报 材料');
    const ready = join(cache, 'complete');
    let generated = '';
    if (!existsSync(ready)) {
      rmSync(cache, { recursive: true, force: true });
      const t0 = Date.now();
      await writeEnterpriseWorkbooks(input, count);
      writeFileSync(ready, new Date().toISOString());
      generated = `; generated the workbooks in ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    }
    const preload = join(cache, 'max-rss.js');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.SFA_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
    const rssFile = join(cache, 'max-rss.txt');
    rmSync(rssFile, { force: true });
    const out = join(cache, '推荐汇总表.xlsx');
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', preload, cli, 'merge', input, '-o', out], { env: { ...process.env, SFA_BENCH_RSS: rssFile }, encoding: 'utf8', maxBuffer: 64 << 20 });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 || !existsSync(rssFile)) {
      console.log(`${label}not measured: sfa merge exited ${r.status ?? r.signal}: ${(r.stderr || r.error?.message || '').split('\n')[0]}`);
      continue;
    }
    const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024; // maxRSS is in kB
    const goal = count === 1000 ? ' (goal ≤ 60 s and < 500 MB)' : '';
    console.log(`${label}${s.toFixed(1)} s wall (${(count / s).toFixed(1)} files/s), peak RSS ${rssMb.toFixed(0)} MB${goal}; output ${(statSync(out).size / 1024).toFixed(0)} kB${generated}`);
  }
}

export async function extraBenches(root: string): Promise<void> {
  await workbookFiles(root);
  await mergeFiles(root);
  bundleSize(root);
}

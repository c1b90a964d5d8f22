// Figures that need a build or other files; each prints a line or says why it could not.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

export async function extraBenches(root: string): Promise<void> {
  await workbookFiles(root);
  bundleSize(root);
}

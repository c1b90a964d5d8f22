// The README's screenshots: numbered in the order the e2e walk-through takes them (01, 02, … with no number used
// twice), each written by one `shot(page, name)` of test/e2e, and every picture the README shows exists.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const e2e = readdirSync(join(ROOT, 'test', 'e2e')).filter((f) => f.endsWith('.e2e.ts'));
/** Every shot name the e2e suites write, file by file in the order they appear (jest runs a file's tests in order). */
const written = e2e.flatMap((f) => [...readFileSync(join(ROOT, 'test', 'e2e', f), 'utf8').matchAll(/shot\(page, '([^']+)'\)/g)].map((m) => m[1]!));

describe('docs/screenshots', () => {
  const numbered = readdirSync(SHOTS)
    .filter((f) => /^\d\d-.*\.png$/.test(f))
    .sort();

  test('numbered pictures are 01, 02, … with no number used twice', () => {
    expect(numbered.map((f) => f.slice(0, 2))).toEqual(numbered.map((_f, i) => String(i + 1).padStart(2, '0')));
  });

  test('each numbered picture is written by one shot of the e2e suites, in the order they take them', () => {
    const names = numbered.map((f) => f.replace(/\.png$/, ''));
    const taken = written.filter((n) => /^\d\d-/.test(n));
    expect(taken).toEqual(names);
    expect(new Set(written).size).toBe(written.length);
  });

  test('every screenshot the README shows exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/docs\/screenshots\/([^)\s]+\.png)/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((f) => !existsSync(join(SHOTS, f)))).toEqual([]);
  });
});

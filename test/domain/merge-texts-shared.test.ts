// Texts most enterprises of a round share are held once, not once per enterprise (src/domain/text/pool.ts says
// why: half the string bytes of a 5,000-file merge were copies). Counted in a heap snapshot of a node of its
// own, small enough to snapshot in a second; the probe is test/fixtures/shared-texts-probe.ts.
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const N = 300;

describe('a merge holds each shared text once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-texts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const probe = join(dir, 'probe.js');
  buildSync({
    entryPoints: [join(__dirname, '../fixtures/shared-texts-probe.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: probe,
    logLevel: 'warning',
  });
  const out = JSON.parse(execFileSync(process.execPath, [probe, String(N)], { env: { ...process.env, SFA_PROBE_DIR: dir }, encoding: 'utf8' })) as {
    rows: number;
    texts: Record<string, string>;
    counts: Record<string, number>;
  };

  it('merged every enterprise', () => expect(out.rows).toBe(N));

  it.each(Object.keys(out.texts))('%s: a few strings, not one per enterprise', (key) => {
    // The text itself, the rubric's or the code's own literal, a key of the pool: a few. Before, N or more.
    expect(out.counts[key]).toBeGreaterThanOrEqual(1);
    expect(out.counts[key]).toBeLessThanOrEqual(4);
  });
});

// TurboFan off for a one-file command on a small file, on for the rest (src/cli/compile-tier.ts): the flags the
// real `sfa` process gives V8, recorded by a preloaded hook around v8.setFlagsFromString.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { optimiserPays, SMALL_FILE_BYTES } from '../../src/cli/compile-tier';

const ROOT = join(__dirname, '..', '..');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sfa-tier-'));
  writeFileSync(
    join(dir, 'hook.js'),
    "const v8 = require('v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (f) => { require('fs').appendFileSync(process.env.SFA_FLAGS_LOG, f + '\\n'); return set(f); };\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The V8 flags `sfa args…` set while it ran. */
function flagsOf(args: string[]): string[] {
  const log = join(dir, `flags-${Math.random()}.log`);
  spawnSync(process.execPath, ['--require', join(dir, 'hook.js'), join(ROOT, 'bin', 'sfa.js'), ...args], {
    cwd: dir,
    env: { ...process.env, SFA_FLAGS_LOG: log },
    encoding: 'utf8',
  });
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

describe('which commands keep the optimising compiler', () => {
  it('drops it only for score, export and application on a file of at most SMALL_FILE_BYTES', () => {
    for (const c of ['score', 'export', 'application']) {
      expect(optimiserPays(c, 150_000)).toBe(false);
      expect(optimiserPays(c, SMALL_FILE_BYTES)).toBe(false);
      expect(optimiserPays(c, SMALL_FILE_BYTES + 1)).toBe(true);
      expect(optimiserPays(c, undefined)).toBe(true);
    }
    for (const c of ['merge', 'letter', 'template']) expect(optimiserPays(c, 1000)).toBe(true);
  });

  it('the sfa process sets --no-opt for a small score and leaves V8 alone for a large file, merge and --help', () => {
    const small = join(ROOT, 'examples', 'advanced.json');
    expect(flagsOf(['score', small])).toEqual(['--no-opt']);
    expect(flagsOf(['export', small, '-o', join(dir, 'x.json')])).toEqual(['--no-opt']);
    // A path relative to the working folder is the file measured.
    writeFileSync(join(dir, 'large.xlsx'), Buffer.alloc(SMALL_FILE_BYTES + 1, 0x41));
    expect(flagsOf(['score', 'large.xlsx'])).toEqual([]);
    expect(flagsOf(['score', 'missing.xlsx'])).toEqual([]);
    expect(flagsOf(['--help'])).toEqual([]);
    expect(flagsOf(['merge', small, '-o', join(dir, 'out.xlsx')]).includes('--no-opt')).toBe(false);
  });
});

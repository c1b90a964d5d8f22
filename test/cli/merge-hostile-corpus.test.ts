// `sfa merge` over issue 14's hostile corpus (test/corpus/hostile-corpus.ts): every entry gets what it must,
// nothing hangs, nothing from outside the folder is read, no JavaScript text is shown, and the summary reopens
// in openpyxl and with --into.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { makeHostileCorpus, type HostileCorpus } from '../corpus/hostile-corpus';
import { readMergedSummary } from '../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../src/adapters/xlsx/inflate-node';
import { runCli } from './run-cli';

const JS_TEXT = /Cannot read|undefined|Invalid time value|is not a function|TypeError|RangeError|JSON at position|Unexpected token/;

describe('sfa merge over the hostile corpus (issue 14)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-hostile-'));
  const out = join(dir, '汇总.xlsx');
  let corpus: HostileCorpus;
  let r: { code: number; out: string; err: string };
  beforeAll(async () => {
    corpus = await makeHostileCorpus(dir);
    r = await runCli(['merge', corpus.root, '-o', out], { cwd: dir });
  }, 120_000);

  it('exits 1 (files skipped, things to verify) and writes the summary', () => {
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/已写入/);
  });

  it('every entry is reported as it must be, once; nothing from outside the folder, no JavaScript text', () => {
    const lines = r.err.trim().split('\n');
    for (const e of corpus.entries) {
      if (!e.expect) continue;
      // eslint-disable-next-line no-control-regex -- the file names hold these control characters on purpose
      const shown = relative(dir, join(corpus.root, e.path)).replace(/[\uFFFE\u0007]/g, '�');
      const mine = lines.filter((l) => l.includes(`${shown}:`));
      expect({ entry: e.path, ok: mine.some((l) => e.expect!.test(l)) }).toEqual({ entry: e.path, ok: true });
    }
    for (const s of corpus.secrets) expect(r.err + r.out).not.toContain(s);
    expect(r.err).not.toMatch(JS_TEXT);
    // eslint-disable-next-line no-control-regex -- none of these may reach the console
    expect(r.err).not.toMatch(/[\uFFFE\uFFFF\u0000\u0007\u001B]/);
  });

  it('合并明细 reopens in openpyxl and with --into, showing what changed', async () => {
    const py = `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]))`;
    const p = spawnSync('/usr/bin/python3', ['-c', py, out], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(p.stderr).toBe('');
    const strings = JSON.parse(p.stdout) as string[];
    const all = strings.join('\n');
    for (const s of corpus.secrets) expect(all).not.toContain(s);
    expect(all).not.toMatch(JS_TEXT);
    expect(all).toContain('恶意�企业���[31m有限公司');
    expect(all).toMatch(/需核实：统一社会信用代码 .* 还对应其他企业/);
    expect(strings.filter((s) => s.startsWith('【待核实：统一社会信用代码重复】'))).toHaveLength(2); // 受害者 and 抢注者 both kept
    const back = await readMergedSummary(readFileSync(out), 'zh', { inflate: nodeInflater });
    expect(back.rows.map((x) => x.enterpriseName)).toEqual(expect.arrayContaining(['江苏受害者精密机械有限公司', '抢注者科技有限公司']));
  });
});

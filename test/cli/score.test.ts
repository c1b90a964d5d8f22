import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { nextTierGap, score, sweep } from '../../src/domain';
import { getRubric } from '../../src/domain/rubrics';
import { advancedAssessment } from '../fixtures/jiangsu';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'sfa-score-'));
const write = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const ROOT = join(__dirname, '..', '..');

describe('sfa score', () => {
  it('prints a readable report and exits 0 for an assessment without errors', async () => {
    const f = write('ok.json', JSON.stringify(advancedAssessment()));
    const r = await runCli(['score', f]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('综合得分：75.00');
    expect(r.out).toContain('参考等级：先进级');
    expect(r.out).toContain('✓ 先进级');
    expect(r.out).toContain('✗ 卓越级');
    expect(r.out).toContain('迈向卓越级');
  });

  it('--json prints exactly the report of score(), with the next-tier gap and the ranked what-if options', async () => {
    const a = advancedAssessment();
    const f = write('ok2.json', JSON.stringify(a));
    const r = await runCli(['score', f, '--json']);
    const { gap, whatIf, ...report } = JSON.parse(r.out);
    expect(report).toEqual(score(getRubric()!, a));
    expect(gap).toEqual(JSON.parse(JSON.stringify(nextTierGap(getRubric()!, a))));
    expect(gap).toMatchObject({ tier: 'excellent', reachable: true });
    expect(whatIf).toEqual(JSON.parse(JSON.stringify(sweep(getRubric()!, a))));
    expect(whatIf.options.length).toBeGreaterThan(10);
  });

  it('--lang en switches every message', async () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, score: 40 };
    const f = write('err.json', JSON.stringify(a));
    const r = await runCli(['score', f, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Errors (1)');
    expect(r.out).toContain('indicators.3.score');
    expect(r.out).toContain('needs 20 ≤ score < 40');
  });

  it('exits 1 with errors and still prints the report', async () => {
    const a = advancedAssessment();
    a.scenarios!['1'] = 'basic';
    const r = await runCli(['score', write('e.json', JSON.stringify(a)), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).errors[0].path).toBe('scenarios.1');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /^sfa: .*nope\.json 不存在，请检查文件名和路径\n$/],
    ['invalid JSON', () => write('bad.json', '{"indicators": '), /^sfa: .*bad\.json 不是有效的 JSON：/],
    ['{"indicators": 5}', () => write('five.json', '{"indicators": 5}'), /^sfa: .*five\.json 不是自评数据：indicators：应为对象，实为数字\n$/],
    ['an array', () => write('arr.json', '[1,2]'), /不是自评数据：应为 JSON 对象/],
    ['an unknown rubric', () => write('rub.json', '{"rubric": "x-1999"}'), /评价标准 x-1999 未知/],
  ])('exits 2 with one clear line on %s', async (_name, file, pattern) => {
    const r = await runCli(['score', file()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(pattern);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a bad --lang and on a missing argument', async () => {
    expect((await runCli(['score', 'x.json', '--lang', 'fr'])).code).toBe(2);
    expect((await runCli(['score'])).code).toBe(2);
  });

  it('runs as the package bin with no stack trace on bad input', () => {
    const good = execFileSync(process.execPath, [join(ROOT, 'bin', 'sfa.js'), 'score', write('bin.json', JSON.stringify(advancedAssessment())), '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(good).tier).toBe('advanced');
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin', 'sfa.js'), 'score', write('bin5.json', '{"indicators": 5}'), '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sfa: .*bin5\.json is not an assessment: indicators: expected an object, got a number\n$/);
  });

  it('scores every bundled example as its name says', async () => {
    const examples = join(ROOT, 'examples');
    const expected: Record<string, { code: number; tier: string | null }> = {
      'advanced.json': { code: 0, tier: 'advanced' },
      'application.json': { code: 0, tier: 'advanced' },
      'leading.json': { code: 0, tier: 'leading' },
      'with-errors.json': { code: 1, tier: null },
    };
    expect(
      readdirSync(examples)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
    for (const [file, want] of Object.entries(expected)) {
      const r = await runCli(['score', join(examples, file), '--json']);
      expect([file, r.code, JSON.parse(r.out).tier]).toEqual([file, want.code, want.tier]);
    }
  });
});

// A key the schema refuses is said as the user can act on it: the place in words, where the key belongs when it
// is a field elsewhere, else what the place accepts (labels with their keys); never 「profile: 未知字段：projectName」.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAssessment, type Assessment } from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { runCli } from '../cli/run-cli';

const ROOT = join(__dirname, '..', '..');
const example = (): Assessment & Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'examples', 'application.json'), 'utf8'));
const said = (data: unknown, lang: 'zh' | 'en' = 'zh') => {
  const r = parseAssessment(J, data, lang);
  if (r.ok) throw new Error('accepted');
  return r.problems;
};

describe('an unknown key of an assessment', () => {
  it('that is a field of another place says where it belongs, by that place’s label (企业信息 → 申报书“封面”)', () => {
    const [p, ...rest] = said({ profile: { projectName: '年产 10 万台智能工厂' } });
    expect(rest).toEqual([]);
    expect(p!.message).toBe('企业信息中没有“projectName”这一项；“projectName”是申报书“封面”的“项目名称”（application.cover.projectName），请移到那里');
    expect(p!.inWords).toBe(true);
    expect(said({ profile: { projectName: 'x' } }, 'en')[0]!.message).toBe(
      'no item “projectName” in the enterprise profile; “projectName” is “Project name” in the application’s “Cover page” (application.cover.projectName): move it there',
    );
  });

  it('names every place it stands in (a credit code at the top level is the profile’s)', () => {
    expect(said({ creditCode: 'x' })[0]!.message).toMatch(
      /^自评数据的最外层中没有“creditCode”这一项；“creditCode”是企业信息的“统一社会信用代码”（profile\.creditCode）/,
    );
  });

  it('that is nowhere lists what the place takes, in words with the keys', () => {
    const m = said({ profile: { nickname: 'x' } })[0]!.message;
    expect(m).toMatch(/^企业信息中没有“nickname”这一项；请删除或改正（企业信息可填：企业名称（enterpriseName）、统一社会信用代码（creditCode）、/);
    expect(m).toContain('填表日期（fillDate）');
    expect(said({ indicators: { '3': { lvl: 1 } } })[0]!.message).toMatch(
      /^指标 3「.+」中没有“lvl”这一项；请删除或改正（指标 3「.+」可填：等级（level）、得分（score）、符合程度（fit））$/,
    );
    expect(said({ scenarios: { '99': 'basic' } })[0]!.message).toBe(`场景中没有“99”这一项；请删除或改正（场景可填：场景编号 1–${J.scenarios.length}）`);
    expect(said({ scenarios: { '99': 'basic' } }, 'en')[0]!.message).toBe(
      `no item “99” in the scenarios; remove or correct it (the scenarios can hold: scenario ids 1–${J.scenarios.length})`,
    );
  });

  it('does not offer a field the JSON does not carry (an auto field of the 申报书 taken from the profile)', () => {
    // 封面's 申报单位 is filled from profile.enterpriseName: the key belongs to the profile only.
    const m = said({ application: { cover: { enterpriseName: 'x' } } })[0]!.message;
    expect(m).toBe('申报书“封面”中没有“enterpriseName”这一项；“enterpriseName”是企业信息的“企业名称”（profile.enterpriseName），请移到那里');
  });

  it('says each key of one place once, and no raw 「未知字段」 in either language', () => {
    const a = example();
    a.profile = { ...a.profile, projectName: 'x', foo: 'y' } as Assessment['profile'];
    const ps = said(a);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.message.split('；').filter((s) => s.includes('中没有'))).toHaveLength(2);
    expect(ps[0]!.message).not.toMatch(/未知字段|unknown key/);
    expect(said(a, 'en')[0]!.message).not.toMatch(/未知字段|unknown key/);
  });
});

describe('sfa template --from a JSON with an unknown profile field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-unknown-'));
  const from = join(dir, 'a.json');
  const a = example();
  a.profile = { ...a.profile, projectName: '年产 10 万台智能工厂' } as Assessment['profile'];
  writeFileSync(from, JSON.stringify(a));

  it('refuses it naming the field as the user knows it and where it belongs, without the JSON path before it', async () => {
    const out = join(dir, 'x.xlsx');
    const r = await runCli(['template', '--from', from, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `sfa: ${from} 不是自评数据：企业信息中没有“projectName”这一项；“projectName”是申报书“封面”的“项目名称”（application.cover.projectName），请移到那里\n`,
    );
    expect(existsSync(out)).toBe(false);
    const e = await runCli(['template', '--from', from, '-o', out, '--lang', 'en']);
    expect(e.err).toMatch(
      /is not an assessment: no item “projectName” in the enterprise profile; .*“Cover page” \(application\.cover\.projectName\): move it there\n$/,
    );
  });
});

// The `application` section of the exchange JSON: the example parses, and values outside the schema are refused with their path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAssessment } from '../../../src/domain/assessment/schema';
import { J as jiangsu } from '../../fixtures/jiangsu';
import { miniRubric } from '../../fixtures/mini-rubric';

const example = JSON.parse(readFileSync(join(__dirname, '../../../examples/application.json'), 'utf8'));

describe('application section of the exchange JSON', () => {
  test('examples/application.json parses unchanged, with every section of annex 5', () => {
    const r = parseAssessment(jiangsu, example);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assessment.application).toEqual(example.application);
    expect(Object.keys(r.assessment.application!).sort()).toEqual(
      [
        'attachments',
        'basic',
        'cover',
        'dataModels',
        'equipment',
        'factory',
        'finance',
        'instances',
        'intro',
        'keyEquipment',
        'keySoftware',
        'keyTechnologies',
        'narrative',
        'outcomes',
        'patents',
        'pledge',
        'processes',
        'provincialProjects',
        'ratings',
        'software',
        'standards',
        'suppliers',
        'talents',
        'technologies',
      ].sort(),
    );
  });

  test.each([
    [{ basic: { ownership: '外资' } }, 'application.basic.ownership', /取值应为/],
    [
      { basic: { enterpriseName: 'x' } },
      'application.basic',
      /^申报书“（一）申报单位基本信息”中没有“enterpriseName”这一项；“enterpriseName”是企业信息的“企业名称”（profile\.enterpriseName），请移到那里$/,
    ],
    [{ equipment: [{ scenario: '99', category: '工业机器人', name: 'x' }] }, 'application.equipment.0.scenario', /取值应为/],
    [{ equipment: [{ category: '机床', name: 'x' }] }, 'application.equipment.0.category', /取值应为/],
    [
      { finance: { 2021: { totalAssets: 1 } } },
      'application.finance',
      /申报书“近三年发展情况”中没有“2021”这一项；请删除或改正（申报书“近三年发展情况”可填：年份 2022–2024）/,
    ],
    [{ outcomes: { cncRate: { before: '71' } } }, 'application.outcomes.cncRate.before', /应为数字/],
    [{ pledge: { confirmed: [true, true] } }, 'application.pledge.confirmed', /.+/],
    [{ instances: { 41: { name: 'x' } } }, 'application.instances', /申报书“附1-1 每个场景实例描述”中没有“41”这一项；请删除或改正（.*可填：场景编号 1–40）/],
    [{ ratings: { provincialDemo: '是' } }, 'application.ratings.provincialDemo', /应为布尔值/],
    [{ nosuch: {} }, 'application', /^申报书中没有“nosuch”这一项；请删除或改正（申报书可填：封面（cover）、（一）申报单位基本信息（basic）/],
  ])('%j is refused at %s', (application, path, message) => {
    const r = parseAssessment(jiangsu, { rubric: 'jiangsu-2025', application });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
  });

  test('a rubric without an application rubric has no application section', () => {
    const r = parseAssessment(miniRubric, { application: {} });
    expect(r.ok).toBe(false);
  });
});

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
    [{ basic: { enterpriseName: 'x' } }, 'application.basic', /未知字段：enterpriseName/],
    [{ equipment: [{ scenario: '99', category: '工业机器人', name: 'x' }] }, 'application.equipment.0.scenario', /取值应为/],
    [{ equipment: [{ category: '机床', name: 'x' }] }, 'application.equipment.0.category', /取值应为/],
    [{ finance: { 2021: { totalAssets: 1 } } }, 'application.finance', /未知字段：2021/],
    [{ outcomes: { cncRate: { before: '71' } } }, 'application.outcomes.cncRate.before', /应为数字/],
    [{ pledge: { confirmed: [true, true] } }, 'application.pledge.confirmed', /.+/],
    [{ instances: { 41: { name: 'x' } } }, 'application.instances', /未知字段：41/],
    [{ ratings: { provincialDemo: '是' } }, 'application.ratings.provincialDemo', /应为布尔值/],
    [{ nosuch: {} }, 'application', /未知字段：nosuch/],
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

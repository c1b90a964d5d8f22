// The bureau merge (RULES §5, issue 6) as a pure function: keys, replacement, order, 备注, errors, report.
import fc from 'fast-check';
import {
  ageMode,
  compareAge,
  enterpriseKey,
  mergeSummary,
  parseRemark,
  score,
  summaryRemark,
  tierRank,
  SUMMARY_COLUMNS,
  CONFLICT_MARK,
  TIER_IDS,
  type Assessment,
  type MergeInput,
  type MergeOptions,
  type SummaryRow,
  type TierId,
} from '../../src/domain';
import { advancedAssessment, allScores, indicatorsFromScores, J, validCreditCode } from '../fixtures/jiangsu';
import { enterprise } from '../fixtures/enterprise-workbooks';
import { bureauMerge, digested } from '../../src/domain';

// ─── builders ────────────────────────────────────────────────────────────────────────────────────────────

/** A valid credit code numbered n (n < 100). */
const code = (n: number) => validCreditCode(`913201000000000${String(n).padStart(2, '0')}`);

type Tier = TierId | null;
/** Scores, scenarios and maturity that reach exactly `tier` with composite `c` (c must suit the tier). */
function withTier(a: Assessment, tier: Tier, c?: number): Assessment {
  const composite = c ?? { leading: 95, excellent: 85, advanced: 75, basic: 65, none: 55 }[tier ?? 'none'];
  a.indicators = indicatorsFromScores(allScores(composite));
  if (tier === 'leading' || tier === 'excellent') {
    a.scenarios = Object.fromEntries(J.scenarios.map((s) => [s.id, tier]));
    a.maturityLevel = tier === 'leading' ? 4 : 3;
  }
  return a;
}

interface EntOpts {
  code?: string | undefined;
  factory?: string;
  fillDate?: string;
  tier?: Tier;
  composite?: number;
}
/** An assessment of enterprise `name`; by default a credit code, a factory, 先进级 at 75. */
function ent(name: string | undefined, o: EntOpts = {}): Assessment {
  const a = withTier(advancedAssessment(), o.tier === undefined ? 'advanced' : o.tier, o.composite);
  const p = a.profile!;
  if (name === undefined) delete p.enterpriseName;
  else p.enterpriseName = name;
  if ('code' in o) {
    if (o.code === undefined) delete p.creditCode;
    else p.creditCode = o.code;
  }
  if (o.factory !== undefined) p.factoryName = o.factory;
  if (o.fillDate !== undefined) p.fillDate = o.fillDate;
  return a;
}

const input = (file: string, modified: number, assessment?: Assessment, extra: Partial<MergeInput> = {}): MergeInput => ({
  file,
  modified,
  rubric: J,
  ...(assessment ? { assessment } : {}),
  ...extra,
});

const existingRow = (r: Partial<SummaryRow> & { enterpriseName: string }): SummaryRow => ({
  seq: 1,
  factoryName: '',
  cluster: '',
  industryChain: '',
  industry: '',
  contactName: '',
  contactMobile: '',
  remark: '',
  ...r,
});

const merge = (existing: SummaryRow[], inputs: MergeInput[], options: MergeOptions = {}) => mergeSummary(existing, inputs, options);
const names = (rows: SummaryRow[]) => rows.map((r) => r.enterpriseName);
const byFile = (res: ReturnType<typeof merge>, file: string) => res.report.files.find((f) => f.file === file)!;

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 3, 1);

// ─── tests ───────────────────────────────────────────────────────────────────────────────────────────────

describe('rows of the 推荐汇总表', () => {
  it('have the nine columns of the official table, in order', () => {
    expect(SUMMARY_COLUMNS.map((c) => c.label.zh)).toEqual(['序号', '企业名称', '工厂名称', '所属集群', '所属产业链', '所属行业', '联系人', '手机', '备注']);
  });

  it('carry the profile, the hidden keys and 序号', () => {
    const a = ent('江苏某某精密机械有限公司', { code: code(1), fillDate: '2025-04-01' });
    const { rows, report } = merge([], [input('a 企业.xlsx', T0, a)]);
    expect(rows).toEqual([
      {
        seq: 1,
        enterpriseName: '江苏某某精密机械有限公司',
        factoryName: '某某发动机壳体智能工厂',
        cluster: '高端装备',
        industryChain: '汽车零部件',
        industry: '通用设备制造业',
        contactName: '张三',
        contactMobile: '13912345678',
        remark: '先进级，综合得分 75.00',
        creditCode: code(1),
        tier: 'advanced',
        composite: 75,
        fillDate: '2025-04-01',
        modified: T0,
        source: 'a 企业.xlsx',
      },
    ]);
    expect(report.files).toEqual([
      expect.objectContaining({
        file: 'a 企业.xlsx',
        input: 0,
        status: 'merged',
        reason: 'added',
        message: '已合并',
        enterpriseName: '江苏某某精密机械有限公司',
        creditCode: code(1),
        composite: 75,
        tier: 'advanced',
        seq: 1,
        key: `code:${code(1)}`,
        errors: [],
        replaced: [],
      }),
    ]);
    expect(report.counts).toEqual({ files: 1, merged: 1, replaced: 0, skipped: 0, existingKept: 0, existingReplaced: 0, rows: 1, flagged: 0 });
  });

  it('carry names that look like formulas as text, unchanged', () => {
    const odd = ['=HYPERLINK("http://x","y")', '+86公司', '-1 有限公司', '@某某'];
    const { rows } = merge(
      [],
      odd.map((n, i) => input(`${i}.xlsx`, T0, ent(n, { code: code(i + 1), factory: n }))),
    );
    expect(rows.map((r) => r.enterpriseName).sort()).toEqual([...odd].sort());
    for (const r of rows) expect(r.factoryName).toBe(r.enterpriseName);
  });
});

describe('备注', () => {
  it('gives the tier and composite at 先进级 or above, with two decimals', () => {
    const a = ent('甲', { code: code(1) });
    a.indicators = indicatorsFromScores({ '1': 70, '2': 71, '3': 72, '4': 73, '5': 74, '6': 75, '8': 76, '9': 77, '10': 72 });
    const r = score(J, a);
    expect(r.tier).toBe('advanced');
    expect(merge([], [input('a', T0, a)]).rows[0]!.remark).toBe(`先进级，综合得分 ${r.composite!.toFixed(2)}`);
    expect(merge([], [input('l', T0, ent('乙', { tier: 'leading' }))]).rows[0]!.remark).toBe('领航级，综合得分 95.00');
    expect(merge([], [input('e', T0, ent('丙', { tier: 'excellent' }))], { lang: 'en' }).rows[0]!.remark).toBe('Excellent, composite 85.00');
  });

  it('below 先进级 gives the first reason 先进级 is missed, in the chosen language', () => {
    const basic = ent('甲', { tier: 'basic' });
    expect(score(J, basic).tier).toBe('basic');
    expect(merge([], [input('b', T0, basic)]).rows[0]!.remark).toBe(score(J, basic).tiers.advanced.unmet[0]);
    expect(merge([], [input('b', T0, basic)]).rows[0]!.remark).toBe('综合得分 65.00 未高于 70');
    expect(merge([], [input('b', T0, basic)], { lang: 'en' }).rows[0]!.remark).toBe('composite 65.00 is not above 70');

    const fewScenarios = ent('乙');
    fewScenarios.scenarios = { '9': 'advanced' };
    expect(merge([], [input('s', T0, fewScenarios)]).rows[0]!.remark).toBe(score(J, fewScenarios).tiers.advanced.unmet[0]);
    expect(merge([], [input('s', T0, fewScenarios)]).rows[0]!.remark).toMatch(/^需要至少 15 个先进级及以上场景/);

    const withError = ent('丙');
    withError.indicators!['3'] = { level: 3, score: 75 };
    expect(merge([], [input('e', T0, withError)]).rows[0]!.remark).toBe('有 1 处错误，须先更正');
  });

  it('summaryRemark and parseRemark round-trip at 先进级 and above, in both languages', () => {
    for (const tier of ['advanced', 'excellent', 'leading'] as const)
      for (const lang of ['zh', 'en'] as const) {
        const r = score(J, ent('甲', { tier }));
        expect(parseRemark(J, summaryRemark(J, r, lang))).toEqual({ tier, composite: r.composite });
      }
    expect(parseRemark(J, '综合得分 65.00 未高于 70')).toBeUndefined();
    expect(parseRemark(J, '')).toBeUndefined();
  });
});

describe('a credit code that is not one', () => {
  it('keys by 企业名称 + 工厂名称 when the code is 「无」, 「/」 or malformed, so no enterprise replaces another', () => {
    const inputs = [
      input('甲', T0, ent('甲公司', { code: '无', factory: '甲厂' })),
      input('乙', T0 + 1, ent('乙公司', { code: '无', factory: '乙厂' })),
      input('丙', T0 + 2, ent('丙公司', { code: '/', factory: '丙厂' })),
      input('丁', T0 + 3, ent('丁公司', { code: '91320100MA1', factory: '丁厂' })),
    ];
    const { rows, report } = merge([], inputs);
    expect(names(rows).sort()).toEqual(['丁公司', '丙公司', '乙公司', '甲公司']);
    expect(report.counts.replaced).toBe(0);
    // A check-digit mismatch is only a warning (RULES §4): such a code still keys the row.
    const bad = code(7).slice(0, 17) + (code(7)[17] === '0' ? '1' : '0');
    const two = merge([], [input('a', T0, ent('戊公司', { code: bad })), input('b', T0 + 1, ent('戊公司', { code: bad, factory: '新厂' }))]);
    expect(two.rows).toHaveLength(1);
  });
});

describe('order (按推荐项目优先顺序)', () => {
  it('is tier highest first (none last), then composite highest first, 序号 renumbered', () => {
    const inputs = [
      input('none', T0, ent('无级企业', { code: code(1), tier: null })),
      input('basic', T0, ent('基础企业', { code: code(2), tier: 'basic' })),
      input('adv76', T0, ent('先进企业二', { code: code(3), tier: 'advanced', composite: 76 })),
      input('leading', T0, ent('领航企业', { code: code(4), tier: 'leading' })),
      input('adv79', T0, ent('先进企业一', { code: code(5), tier: 'advanced', composite: 79 })),
      input('excellent', T0, ent('卓越企业', { code: code(6), tier: 'excellent' })),
    ];
    const { rows } = merge([], inputs);
    expect(names(rows)).toEqual(['领航企业', '卓越企业', '先进企业一', '先进企业二', '基础企业', '无级企业']);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('puts a null composite after every number within the same (null) tier', () => {
    const incomplete = ent('安', { code: code(1) });
    delete (incomplete.indicators!['4'] as { score?: number }).score;
    expect(score(J, incomplete).composite).toBeNull();
    const low = ent('中', { code: code(2), tier: null, composite: 30 });
    const { rows } = merge([], [input('i', T0, incomplete), input('l', T0, low)]);
    expect(names(rows)).toEqual(['中', '安']);
    expect(rows.map((r) => [r.tier, r.composite])).toEqual([
      [null, 30],
      [null, null],
    ]);
  });

  it('breaks ties by 企业名称 in pinyin order, not code-point order', () => {
    const list = ['中国某某', '北京某某', '安徽某某', '重庆某某', '长沙某某', '阿里某某'];
    // the premise: code-point order differs from pinyin order
    expect([...list].sort()).not.toEqual(['阿里某某', '安徽某某', '北京某某', '重庆某某', '长沙某某', '中国某某']);
    const { rows } = merge(
      [],
      list.map((n, i) => input(`${i}.xlsx`, T0, ent(n, { code: code(i + 1) }))),
    );
    expect(names(rows)).toEqual(['阿里某某', '安徽某某', '北京某某', '重庆某某', '长沙某某', '中国某某']);
  });

  it('is total: equal tier, composite and name are ordered by 工厂名称, then credit code', () => {
    const inputs = [
      input('x', T0, ent('同名', { code: code(3), factory: '乙工厂' })),
      input('y', T0, ent('同名', { code: code(2), factory: '甲工厂' })),
      input('z', T0, ent('同名', { code: code(1), factory: '乙工厂' })),
    ];
    const a = merge([], inputs).rows;
    const b = merge([], [...inputs].reverse()).rows;
    expect(a.map((r) => r.creditCode)).toEqual([code(2), code(1), code(3)]);
    expect(b).toEqual(a.map((r) => ({ ...r })));
  });

  it('orders existing rows with the rows of the batch by the tier and composite they carry', () => {
    const existing = [
      existingRow({ enterpriseName: '旧领航', creditCode: code(10), tier: 'leading', composite: 92.5, remark: '领航级，综合得分 92.50' }),
      existingRow({ enterpriseName: '旧未知', remark: '手工录入' }),
      existingRow({ enterpriseName: '旧基础', creditCode: code(11), tier: 'basic', composite: 61 }),
    ];
    const { rows } = merge(existing, [input('n', T0, ent('新先进', { code: code(1) })), input('m', T0, ent('新无级', { code: code(2), tier: null }))]);
    expect(names(rows)).toEqual(['旧领航', '新先进', '旧基础', '新无级', '旧未知']);
  });
});

describe('keys', () => {
  it('credit codes match trimmed and case-insensitively', () => {
    const c = code(7);
    expect(enterpriseKey({ creditCode: `  ${c.toLowerCase()} ` })).toBe(`code:${c}`);
    const { rows, report } = merge(
      [existingRow({ enterpriseName: '甲公司', creditCode: ` ${c.toLowerCase()}` })],
      [input('new', T0, ent('甲公司', { code: c, factory: '新厂' }))],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.factoryName).toBe('新厂');
    expect(report.existing[0]!.status).toBe('replaced');
  });

  it('one row per enterprise: the credit code wins over differing factories (and the forms of one name)', () => {
    const { rows } = merge(
      [],
      [input('a', T0, ent('甲(南京)', { code: code(1), factory: 'F1' })), input('b', T0 + 1, ent(' 甲（南京）', { code: code(1), factory: 'F2' }))],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.factoryName).toBe('F2');
  });

  it('without a credit code, 企业名称 + 工厂名称 is the key (white space and full-width forms ignored)', () => {
    const inputs = [
      input('a', T0, ent('江苏某某（南京）有限公司', { code: undefined, factory: '一号工厂' })),
      input('b', T0 + 1, ent(' 江苏某某(南京)有限公司', { code: undefined, factory: '一号 工厂' })),
      input('c', T0, ent('江苏某某（南京）有限公司', { code: undefined, factory: '二号工厂' })),
    ];
    const { rows, report } = merge([], inputs);
    expect(Object.fromEntries(rows.map((r) => [r.source, r.factoryName]))).toEqual({ b: '一号 工厂', c: '二号工厂' });
    expect(report.files.map((f) => f.status)).toEqual(['replaced', 'merged', 'merged']);
    expect(byFile({ rows, report }, 'a').key).toBe(byFile({ rows, report }, 'b').key);
    expect(byFile({ rows, report }, 'a').key).toMatch(/^name:/);
  });

  it('a record without a credit code joins the one credit code used with the same name and factory', () => {
    // An existing row read back without its credit code, and a file that has it.
    const { rows, report } = merge(
      [existingRow({ enterpriseName: '甲公司', factoryName: '甲工厂', remark: 'old' })],
      [input('new', T0, ent('甲公司', { code: code(1), factory: '甲工厂' }))],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.source).toBe('new');
    expect(report.existing[0]!.status).toBe('replaced');
    expect(byFile({ rows, report }, 'new').key).toBe(`code:${code(1)}`);
  });

  it('does not link when two credit codes share the name and factory', () => {
    const { rows } = merge(
      [],
      [
        input('a', T0, ent('甲公司', { code: code(1), factory: '甲工厂' })),
        input('b', T0, ent('甲公司', { code: code(2), factory: '甲工厂' })),
        input('c', T0, ent('甲公司', { code: undefined, factory: '甲工厂' })),
      ],
    );
    expect(rows.map((r) => r.source).sort()).toEqual(['a', 'b', 'c']);
  });

  it('a file naming neither credit code nor enterprise is skipped, not merged under an empty key', () => {
    const { rows, report } = merge([], [input('anon1', T0, ent(undefined, { code: undefined })), input('anon2', T0, ent(undefined, { code: undefined }))]);
    expect(rows).toEqual([]);
    expect(report.files.map((f) => [f.status, f.reason])).toEqual([
      ['skipped', 'no-identity'],
      ['skipped', 'no-identity'],
    ]);
    expect(report.files[0]!.message).toContain('无法识别企业');
  });

  it('a credit code alone (no name) is enough to merge', () => {
    const { rows } = merge([], [input('c', T0, ent(undefined, { code: code(1) }))]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.enterpriseName).toBe('');
  });
});

describe('which workbook is newer', () => {
  it('ageMode: 填表日期 when every dated record has a valid one, else modification time', () => {
    expect(
      ageMode([
        { fillDate: '2025-05-01', modified: 1 },
        { fillDate: '2025-04-30', modified: 9 },
      ]),
    ).toBe('fillDate');
    expect(ageMode([{ fillDate: '2025-05-01', modified: 1 }, { modified: 9 }])).toBe('modified');
    expect(
      ageMode([
        { fillDate: '2025-05-01', modified: 1 },
        { fillDate: '2025-02-30', modified: 9 },
      ]),
    ).toBe('modified');
    expect(ageMode([{ fillDate: '2025-05-01', modified: 1 }, {}])).toBe('fillDate'); // an undated record does not count
  });

  it('compareAge: undated oldest, then 填表日期 (in its mode), then modification time, else equal', () => {
    expect(compareAge({ fillDate: '2025-05-01', modified: 1 }, { fillDate: '2025-04-30', modified: 9 }, 'fillDate')).toEqual({ cmp: 1, basis: 'fillDate' });
    expect(compareAge({ fillDate: '2025-05-01', modified: 1 }, { fillDate: '2025-04-30', modified: 9 }, 'modified')).toEqual({ cmp: -8, basis: 'modified' });
    expect(compareAge({ fillDate: '2025-05-01', modified: 9 }, { fillDate: '2025-05-01', modified: 1 }, 'fillDate')).toEqual({ cmp: 8, basis: 'modified' });
    expect(compareAge({ modified: 1 }, {}, 'fillDate')).toEqual({ cmp: 1, basis: 'undated' });
    expect(compareAge({ fillDate: '2025-02-01' }, { modified: 1 }, 'modified')).toEqual({ cmp: -1, basis: 'modified' });
    expect(compareAge({ modified: 5 }, { modified: 5 }, 'modified')).toEqual({ cmp: 0, basis: 'order' });
    expect(compareAge({}, {}, 'fillDate')).toEqual({ cmp: 0, basis: 'order' });
  });

  it('one workbook with 填表日期 and one without: the modification time decides', () => {
    const res = merge(
      [],
      [input('dated.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-12-31' })), input('plain.xlsx', T0 + 1, ent('甲公司', { code: code(1) }))],
    );
    expect(res.rows[0]!.source).toBe('plain.xlsx');
    expect(byFile(res, 'dated.xlsx').supersededBy?.basis).toBe('modified');
  });

  it('stays transitive when only some workbooks of an enterprise have 填表日期 (all go by modification time)', () => {
    // Pairwise the rule is a cycle: A > C by 填表日期, C > B and B > A by modification time.
    const A = input('A.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-02' }));
    const B = input('B.xlsx', T0 + DAY, ent('甲公司', { code: code(1) }));
    const C = input('C.xlsx', T0 + 2 * DAY, ent('甲公司', { code: code(1), fillDate: '2025-04-01' }));
    for (const order of [
      [A, B, C],
      [C, B, A],
      [B, A, C],
      [A, C, B],
    ]) {
      const res = merge([], order);
      expect(res.rows.map((r) => r.source)).toEqual(['C.xlsx']);
      expect(byFile(res, 'A.xlsx').message).toBe('同一企业有较新的文件「C.xlsx」（该企业并非每份工作簿都有填表日期，按文件修改时间：较晚），本文件未采用');
    }
  });

  const older = () => ent('甲公司', { code: code(1), fillDate: '2025-03-01', tier: 'basic' });
  const newer = () => ent('甲公司', { code: code(1), fillDate: '2025-04-01', tier: 'advanced' });

  it.each([
    ['older first', ['old', 'new']],
    ['newer first', ['new', 'old']],
  ])('in one batch the later 填表日期 wins whatever the order (%s) and the modification times', (_, order) => {
    // The older workbook has the later modification time: 填表日期 still decides.
    const files = { old: input('old.xlsx', T0 + 5 * DAY, older()), new: input('new.xlsx', T0, newer()) };
    const res = merge(
      [],
      order.map((k) => files[k as 'old' | 'new']),
    );
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]!.source).toBe('new.xlsx');
    expect(res.rows[0]!.tier).toBe('advanced');
    const o = byFile(res, 'old.xlsx');
    expect(o.status).toBe('replaced');
    expect(o.reason).toBe('newer-in-batch');
    expect(o.supersededBy).toEqual({ kind: 'file', file: 'new.xlsx', input: order.indexOf('new'), basis: 'fillDate' });
    expect(o.message).toBe('同一企业有较新的文件「new.xlsx」（填表日期 2025-04-01 晚于 2025-03-01），本文件未采用');
    expect(o.seq).toBeUndefined();
    const n = byFile(res, 'new.xlsx');
    expect(n.status).toBe('merged');
    expect(n.reason).toBe('replaces');
    expect(n.replaced).toEqual([{ kind: 'file', file: 'old.xlsx', input: order.indexOf('old'), basis: 'fillDate' }]);
    expect(n.message).toBe('已合并，替换了文件「old.xlsx」（填表日期 2025-04-01 晚于 2025-03-01）');
    expect(res.report.counts).toMatchObject({ merged: 1, replaced: 1, skipped: 0, rows: 1 });
  });

  it('without 填表日期 on both, the later modification time wins', () => {
    const a = ent('甲公司', { code: code(1), fillDate: '2025-09-01', tier: 'basic' });
    const b = ent('甲公司', { code: code(1), tier: 'advanced' });
    const res = merge([], [input('a.xlsx', T0, a), input('b.xlsx', T0 + DAY, b)]);
    expect(res.rows[0]!.source).toBe('b.xlsx');
    expect(byFile(res, 'a.xlsx').supersededBy?.basis).toBe('modified');
    expect(byFile(res, 'a.xlsx').message).toContain('文件修改时间较晚');
    const rev = merge([], [input('b.xlsx', T0 - DAY, b), input('a.xlsx', T0, a)]);
    expect(rev.rows[0]!.source).toBe('a.xlsx');
  });

  it('with the same 填表日期, the later modification time wins', () => {
    const res = merge([], [input('later.xlsx', T0 + DAY, newer()), input('earlier.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-01' }))]);
    expect(res.rows[0]!.source).toBe('later.xlsx');
    expect(byFile(res, 'earlier.xlsx').supersededBy?.basis).toBe('modified');
    expect(byFile(res, 'earlier.xlsx').message).toContain('填表日期相同，文件修改时间较晚');
  });

  it('an invalid 填表日期 is ignored for age (and reported as an error)', () => {
    const bad = ent('甲公司', { code: code(1), fillDate: '2025-13-01' });
    const res = merge([], [input('bad.xlsx', T0 + DAY, bad), input('good.xlsx', T0, newer())]);
    expect(res.rows[0]!.source).toBe('bad.xlsx');
    expect(res.rows[0]!.fillDate).toBeUndefined();
    expect(byFile(res, 'bad.xlsx').errors.map((e) => e.path)).toContain('profile.fillDate');
  });

  it('on a complete tie the file later in the batch wins, and the order is said', () => {
    const res = merge([], [input('first.xlsx', T0, newer()), input('second.xlsx', T0, newer())]);
    expect(res.rows[0]!.source).toBe('second.xlsx');
    expect(byFile(res, 'first.xlsx').supersededBy?.basis).toBe('order');
    expect(byFile(res, 'first.xlsx').message).toContain('日期相同');
  });

  it('three workbooks of one enterprise: the newest replaces both others', () => {
    const res = merge(
      [],
      [
        input('2.xlsx', T0, ent('甲', { code: code(1), fillDate: '2025-02-01' })),
        input('3.xlsx', T0, ent('甲', { code: code(1), fillDate: '2025-03-01' })),
        input('1.xlsx', T0, ent('甲', { code: code(1), fillDate: '2025-02-01' })),
      ],
    );
    expect(res.rows.map((r) => r.source)).toEqual(['3.xlsx']);
    expect(byFile(res, '3.xlsx').replaced.map((r) => (r.kind === 'file' ? r.file : ''))).toEqual(['2.xlsx', '1.xlsx']);
    expect(byFile(res, '1.xlsx').supersededBy).toMatchObject({ file: '3.xlsx' });
    expect(byFile(res, '2.xlsx').supersededBy).toMatchObject({ file: '3.xlsx' });
  });
});

describe('existing rows (--into)', () => {
  const kept = existingRow({
    seq: 1,
    enterpriseName: '乙公司',
    creditCode: code(2),
    tier: 'excellent',
    composite: 85,
    remark: '卓越级，综合得分 85.00',
    source: 'b.xlsx',
  });
  const old = existingRow({
    seq: 2,
    enterpriseName: '甲公司',
    creditCode: code(1),
    tier: 'basic',
    composite: 65,
    remark: '综合得分 65.00 未高于 70',
    fillDate: '2025-03-01',
    modified: T0,
    source: 'a-old.xlsx',
  });

  it('rows of enterprises not in the batch are kept as they are, renumbered', () => {
    const { rows, report } = merge([kept, old], [input('c.xlsx', T0, ent('丙公司', { code: code(3), tier: 'leading' }))]);
    expect(names(rows)).toEqual(['丙公司', '乙公司', '甲公司']);
    expect(rows[1]).toEqual({ ...kept, seq: 2 });
    expect(rows[2]).toEqual({ ...old, seq: 3 });
    expect(report.existing).toEqual([
      { index: 0, row: kept, status: 'kept', message: '保留（本批次没有该企业）', seq: 2, flags: [] },
      { index: 1, row: old, status: 'kept', message: '保留（本批次没有该企业）', seq: 3, flags: [] },
    ]);
    expect(report.counts).toMatchObject({ existingKept: 2, existingReplaced: 0, rows: 3 });
  });

  it('a newer workbook replaces the existing row, and both sides report it', () => {
    const { rows, report } = merge([kept, old], [input('a-new.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-01' }))]);
    expect(rows.map((r) => [r.seq, r.enterpriseName, r.source, r.remark])).toEqual([
      [1, '乙公司', 'b.xlsx', '卓越级，综合得分 85.00'],
      [2, '甲公司', 'a-new.xlsx', '先进级，综合得分 75.00'],
    ]);
    expect(report.existing[1]).toEqual({
      index: 1,
      row: old,
      status: 'replaced',
      message: '被文件「a-new.xlsx」替换（填表日期 2025-04-01 晚于 2025-03-01）',
      replacedBy: { kind: 'file', file: 'a-new.xlsx', input: 0, basis: 'fillDate' },
      flags: [],
    });
    const f = report.files[0]!;
    expect(f).toMatchObject({ status: 'merged', reason: 'replaces', seq: 2 });
    expect(f.replaced).toEqual([{ kind: 'existing', index: 1, enterpriseName: '甲公司', basis: 'fillDate' }]);
    expect(f.message).toBe('已合并，替换了汇总表原有的「甲公司」行（填表日期 2025-04-01 晚于 2025-03-01）');
    expect(report.counts).toMatchObject({ merged: 1, existingKept: 1, existingReplaced: 1, rows: 2 });
  });

  it('an older workbook arriving after the newer one does NOT replace it', () => {
    const stale = ent('甲公司', { code: code(1), fillDate: '2025-02-01', tier: 'leading' });
    const { rows, report } = merge([kept, old], [input('a-stale.xlsx', T0 + 30 * DAY, stale)]);
    expect(rows).toEqual([
      { ...kept, seq: 1 },
      { ...old, seq: 2 },
    ]);
    const f = report.files[0]!;
    expect(f.status).toBe('replaced');
    expect(f.reason).toBe('newer-in-summary');
    expect(f.supersededBy).toEqual({ kind: 'existing', index: 1, enterpriseName: '甲公司', basis: 'fillDate' });
    expect(f.message).toBe('汇总表中已有该企业较新的记录（填表日期 2025-03-01 晚于 2025-02-01），本文件未采用');
    expect(f.tier).toBe('leading'); // still reported for 合并明细
    expect(report.existing[1]).toMatchObject({ status: 'kept', seq: 2 });
  });

  it('an older workbook by modification time does not replace either', () => {
    const row = existingRow({ enterpriseName: '甲公司', creditCode: code(1), modified: T0 + DAY, tier: 'basic', composite: 65 });
    const { rows, report } = merge([row], [input('a.xlsx', T0, ent('甲公司', { code: code(1) }))]);
    expect(rows).toEqual([{ ...row, seq: 1 }]);
    expect(report.files[0]).toMatchObject({ status: 'replaced', reason: 'newer-in-summary', supersededBy: { basis: 'modified' } });
  });

  it('re-merging the very file a row came from (same dates) refreshes the row', () => {
    const first = merge([], [input('a.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-01' }))]);
    const again = merge(first.rows, [input('a.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-01' }))]);
    expect(again.rows).toEqual(first.rows);
    expect(again.report.files[0]).toMatchObject({ status: 'merged', reason: 'replaces' });
    expect(again.report.counts.skipped).toBe(0);
  });

  it('an existing row without any date is replaced by a file of the same enterprise', () => {
    const row = existingRow({ enterpriseName: '甲公司', creditCode: code(1), remark: '手工' });
    const { rows, report } = merge([row], [input('a.xlsx', 0, ent('甲公司', { code: code(1) }))]);
    expect(rows[0]!.source).toBe('a.xlsx');
    expect(report.existing[0]!.message).toBe('被文件「a.xlsx」替换（原记录没有日期）');
  });

  it('duplicate rows already in the table are collapsed to the newest', () => {
    const r1 = existingRow({ seq: 1, enterpriseName: '甲公司', creditCode: code(1), fillDate: '2025-01-30' });
    const r2 = existingRow({ seq: 2, enterpriseName: '甲公司', creditCode: code(1), fillDate: '2025-02-01' });
    const { rows, report } = merge([r1, r2], []);
    expect(rows).toEqual([{ ...r2, seq: 1, tier: null, composite: null }]);
    expect(report.existing[0]).toMatchObject({ status: 'replaced', replacedBy: { kind: 'existing', index: 1, basis: 'fillDate' } });
    expect(report.existing[1]).toMatchObject({ status: 'kept', seq: 1 });
  });

  it('a batch file replacing an existing row and an older batch file lists both', () => {
    const res = merge(
      [old],
      [
        input('mid.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-03-15' })),
        input('last.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-01' })),
      ],
    );
    expect(res.rows.map((r) => r.source)).toEqual(['last.xlsx']);
    expect(byFile(res, 'last.xlsx').replaced).toEqual([
      { kind: 'existing', index: 0, enterpriseName: '甲公司', basis: 'fillDate' },
      { kind: 'file', file: 'mid.xlsx', input: 0, basis: 'fillDate' },
    ]);
    expect(res.report.existing[0]).toMatchObject({ status: 'replaced', replacedBy: { file: 'last.xlsx' } });
    expect(byFile(res, 'mid.xlsx')).toMatchObject({ status: 'replaced', reason: 'newer-in-batch' });
  });

  it('an existing row naming no enterprise is kept on its own', () => {
    const blank = existingRow({ enterpriseName: '', remark: 'x' });
    const { rows } = merge([blank, blank], [input('a.xlsx', T0, ent('甲', { code: code(1) }))]);
    expect(rows).toHaveLength(3);
  });
});

describe('files with errors and unreadable files', () => {
  const withErrors = () => {
    const a = ent('错公司', { code: code(9) });
    a.indicators!['3'] = { level: 3, score: 75 };
    a.profile!.contactMobile = '025-69652756';
    return a;
  };
  const locate = (path: string) => (path.startsWith('indicators.') ? { sheet: '数字化转型自评', cell: `E${Number(path.split('.')[1]) + 5}` } : undefined);

  it('are merged with every error and warning listed, with its cell when the caller can locate it', () => {
    const a = withErrors();
    delete a.profile!.cluster;
    const res = merge([], [input('err.xlsx', T0, a)], { locate });
    const f = res.report.files[0]!;
    expect(f.status).toBe('merged');
    expect(f.message).toBe('已合并；有 2 处错误，请企业更正');
    expect(f.errors).toEqual([
      expect.objectContaining({ path: 'profile.contactMobile', code: 'mobile-format' }),
      { path: 'indicators.3.score', code: 'score-out-of-band', message: expect.stringContaining('指标 3'), sheet: '数字化转型自评', cell: 'E8' },
    ]);
    expect(f.errors[0]!.cell).toBeUndefined();
    expect(f.warnings).toContainEqual(expect.objectContaining({ path: 'profile.cluster', code: 'required' }));
    expect(f.tier).toBeNull();
    expect(res.rows[0]!.remark).toBe('有 2 处错误，须先更正');
  });

  it('are skipped under strict, and then do not replace an older valid row', () => {
    const older = ent('错公司', { code: code(9), fillDate: '2025-02-01' });
    const newerBad = withErrors();
    newerBad.profile!.fillDate = '2025-05-01';
    const res = merge([], [input('ok.xlsx', T0, older), input('err.xlsx', T0, newerBad)], { strict: true, lang: 'en' });
    expect(res.rows.map((r) => r.source)).toEqual(['ok.xlsx']);
    expect(byFile(res, 'err.xlsx')).toMatchObject({ status: 'skipped', reason: 'errors-strict', message: '2 errors: not merged in strict mode' });
    expect(byFile(res, 'err.xlsx').errors).toHaveLength(2);
    expect(byFile(res, 'ok.xlsx')).toMatchObject({ status: 'merged', reason: 'added' });
    expect(res.report.counts).toMatchObject({ merged: 1, skipped: 1 });
  });

  it('without strict, a newer workbook with errors replaces an older valid one', () => {
    const older = ent('错公司', { code: code(9), fillDate: '2025-02-01' });
    const newerBad = withErrors();
    newerBad.profile!.fillDate = '2025-05-01';
    const res = merge([], [input('ok.xlsx', T0, older), input('err.xlsx', T0, newerBad)]);
    expect(res.rows.map((r) => r.source)).toEqual(['err.xlsx']);
    expect(byFile(res, 'err.xlsx').message).toBe('已合并，替换了文件「ok.xlsx」（填表日期 2025-05-01 晚于 2025-02-01）；有 2 处错误，请企业更正');
  });

  it("the reader's problems count as errors, keep their cell, and strict skips them", () => {
    const problems = [
      { path: 'indicators.2.score', message: '单元格 E7 不是数字', sheet: '数字化转型自评', cell: 'E7' },
      { path: 'maturityLevel', message: 'unreadable' },
    ];
    const a = ent('读公司', { code: code(8) });
    const loose = merge([], [input('r.xlsx', T0, a, { readProblems: problems })], { locate: () => ({ sheet: 'S', cell: 'Z1' }) });
    expect(loose.report.files[0]!.status).toBe('merged');
    expect(loose.report.files[0]!.errors).toEqual([
      { path: 'indicators.2.score', code: 'read', message: '单元格 E7 不是数字', sheet: '数字化转型自评', cell: 'E7' },
      { path: 'maturityLevel', code: 'read', message: 'unreadable', sheet: 'S', cell: 'Z1' },
    ]);
    const strict = merge([], [input('r.xlsx', T0, a, { readProblems: problems })], { strict: true });
    expect(strict.report.files[0]).toMatchObject({ status: 'skipped', reason: 'errors-strict' });
    expect(strict.rows).toEqual([]);
  });

  it('unreadable files are skipped with their failure; the batch goes on', () => {
    const res = merge(
      [],
      [
        input('bomb.xlsx', T0, undefined, { failure: '解压后超过 50 MB 上限' }),
        input('ok.xlsx', T0, ent('好公司', { code: code(1) })),
        input('empty.xlsx', T0),
        input('both.xlsx', T0, ent('坏公司', { code: code(2) }), { failure: 'encrypted' }),
      ],
      { lang: 'zh' },
    );
    expect(res.rows.map((r) => r.source)).toEqual(['ok.xlsx']);
    expect(res.report.files.map((f) => [f.file, f.status, f.reason, f.message])).toEqual([
      ['bomb.xlsx', 'skipped', 'unreadable', '无法读取：解压后超过 50 MB 上限'],
      ['ok.xlsx', 'merged', 'added', '已合并'],
      ['empty.xlsx', 'skipped', 'unreadable', '无法读取：文件中没有自评数据'],
      ['both.xlsx', 'skipped', 'unreadable', '无法读取：encrypted'],
    ]);
    expect(res.report.files[0]).toMatchObject({ failure: '解压后超过 50 MB 上限', composite: null, tier: null, errors: [], warnings: [], replaced: [] });
    expect(res.report.counts).toEqual({ files: 4, merged: 1, replaced: 0, skipped: 3, existingKept: 0, existingReplaced: 0, rows: 1, flagged: 0 });
  });

  it('an empty batch and an empty table give an empty table', () => {
    expect(merge([], [])).toEqual({
      rows: [],
      report: { files: [], existing: [], counts: { files: 0, merged: 0, replaced: 0, skipped: 0, existingKept: 0, existingReplaced: 0, rows: 0, flagged: 0 } },
    });
  });
});

describe('purity', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object' && !Object.isFrozen(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) deepFreeze(v);
    }
    return o;
  };

  it('does not change its inputs (deep-frozen inputs work, and equal their copies afterwards)', () => {
    const existing = [
      existingRow({ enterpriseName: '甲公司', creditCode: ` ${code(1).toLowerCase()}`, tier: 'basic', composite: 65, fillDate: '2025-02-01' }),
      existingRow({ enterpriseName: '乙公司', creditCode: code(2), tier: 'advanced', composite: 72 }),
    ];
    const inputs = [
      input('a.xlsx', T0, ent('甲公司', { code: code(1), fillDate: '2025-04-01' }), { readProblems: [{ path: 'maturityLevel', message: 'x' }] }),
      input('c.xlsx', T0, ent('丙公司', { code: undefined })),
      input('d.xlsx', T0, undefined, { failure: 'not a zip' }),
    ];
    const before = structuredClone({ existing, inputs: inputs.map(({ rubric: _r, ...rest }) => rest) });
    deepFreeze(existing);
    for (const i of inputs) {
      Object.freeze(i);
      deepFreeze(i.assessment);
      deepFreeze(i.readProblems);
    }
    const res = merge(existing, inputs, { locate: () => ({ sheet: 'S', cell: 'A1' }) });
    expect({ existing, inputs: inputs.map(({ rubric: _r, ...rest }) => rest) }).toEqual(before);
    // the output shares no row object with the input
    for (const r of res.rows) expect(existing).not.toContain(r);
    // and is deterministic
    expect(merge(existing, inputs, { locate: () => ({ sheet: 'S', cell: 'A1' }) })).toEqual(res);
  });
});

// ─── properties ──────────────────────────────────────────────────────────────────────────────────────────

const rank = (t: TierId | null | undefined) => (t ? tierRank(t) : 0);
const zh = new Intl.Collator('zh-CN');
function isSorted(rows: SummaryRow[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (rank(a.tier) !== rank(b.tier)) {
      if (rank(a.tier) < rank(b.tier)) return false;
      continue;
    }
    const ca = a.composite ?? null;
    const cb = b.composite ?? null;
    if (ca !== cb) {
      if (ca === null || (cb !== null && ca < cb)) return false;
      continue;
    }
    if (zh.compare(a.enterpriseName, b.enterpriseName) > 0) return false;
  }
  return true;
}

const NAME_POOL = ['安徽甲', '北京乙', '中国丙', '阿里丁', '重庆戊', '长沙己', '=SUM(A1)', '江苏庚'];
const TIERS: Tier[] = [null, ...TIER_IDS];
const COMPOSITE_FOR: Record<string, number[]> = { none: [30, 55], basic: [61, 65], advanced: [71, 75.5], excellent: [81, 85], leading: [91, 95] };

interface Spec {
  code: number | null;
  name: number;
  tier: Tier;
  compositeIx: number;
  fillDay: number | null;
  mtime: number;
  unreadable: boolean;
}
const specArb = (withCode: fc.Arbitrary<number | null>) =>
  fc.record({
    code: withCode,
    name: fc.integer({ min: 0, max: NAME_POOL.length - 1 }),
    tier: fc.constantFrom(...TIERS),
    compositeIx: fc.integer({ min: 0, max: 1 }),
    fillDay: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    mtime: fc.integer({ min: 0, max: 3 }),
    unreadable: fc.boolean(),
  });

/** name/factory of a spec: when `tied`, each credit code has its own name (as in life); else any name. */
const nameOf = (s: Spec, tied: boolean) => (tied && s.code !== null ? NAME_POOL[s.code % NAME_POOL.length]! : NAME_POOL[s.name]!);

function build(existing: Spec[], files: Spec[], tied: boolean) {
  const rows = existing.map((s, i) =>
    existingRow({
      seq: i + 1,
      enterpriseName: nameOf(s, tied),
      factoryName: '工厂',
      ...(s.code !== null ? { creditCode: code(s.code) } : {}),
      tier: s.tier,
      composite: s.tier === null && s.compositeIx === 1 ? null : COMPOSITE_FOR[s.tier ?? 'none']![s.compositeIx]!,
      ...(s.fillDay !== null ? { fillDate: `2025-04-0${s.fillDay}` } : {}),
      modified: T0 + s.mtime * DAY,
    }),
  );
  const inputs = files.map((s, i) =>
    s.unreadable
      ? input(`f${i}.xlsx`, T0 + s.mtime * DAY, undefined, { failure: 'not a zip' })
      : input(
          `f${i}.xlsx`,
          T0 + s.mtime * DAY,
          ent(nameOf(s, tied), {
            code: s.code !== null ? code(s.code) : undefined,
            factory: '工厂',
            tier: s.tier,
            composite: COMPOSITE_FOR[s.tier ?? 'none']![s.compositeIx]!,
            ...(s.fillDay !== null ? { fillDate: `2025-04-0${s.fillDay}` } : {}),
          }),
        ),
  );
  return { rows, inputs };
}

describe('properties', () => {
  const common = (existing: SummaryRow[], inputs: MergeInput[], strict: boolean) => {
    const res = mergeSummary(existing, inputs, { strict });
    expect(isSorted(res.rows)).toBe(true);
    expect(res.rows.map((r) => r.seq)).toEqual(res.rows.map((_, i) => i + 1));
    expect(res.report.files.map((f) => f.file)).toEqual(inputs.map((i) => i.file));
    expect(res.report.existing.map((e) => e.index)).toEqual(existing.map((_, i) => i));
    // every row comes from exactly one merged file or one kept existing row
    const merged = res.report.files.filter((f) => f.status === 'merged');
    const kept = res.report.existing.filter((e) => e.status === 'kept');
    expect(res.rows).toHaveLength(merged.length + kept.length);
    expect(new Set(merged.map((f) => f.seq)).size).toBe(merged.length);
    for (const f of merged) expect(res.rows[f.seq! - 1]!.source).toBe(f.file);
    for (const e of kept) expect(res.rows[e.seq! - 1]!.remark).toBe((e.flags.length ? CONFLICT_MARK.zh : '') + e.row.remark);
    expect(res.report.counts.merged + res.report.counts.replaced + res.report.counts.skipped).toBe(inputs.length);
    return res;
  };

  it('every record has a credit code: exactly one row per distinct code and name of (existing ∪ merged inputs), sorted', () => {
    fc.assert(
      fc.property(
        fc.array(specArb(fc.integer({ min: 1, max: 6 })), { maxLength: 6 }),
        fc.array(specArb(fc.integer({ min: 1, max: 6 })), { maxLength: 12 }),
        fc.boolean(),
        (ex, fs, strict) => {
          const { rows, inputs } = build(ex, fs, false);
          const res = common(rows, inputs, strict);
          // one credit code under two names is a conflict: each name keeps a row, both flagged
          const key = (s: Spec) => `${code(s.code!)}|${nameOf(s, false)}`;
          const expected = new Set([...ex.map(key), ...fs.filter((s) => !s.unreadable).map(key)]);
          expect(new Set(res.rows.map((r) => `${r.creditCode}|${r.enterpriseName}`))).toEqual(expected);
          expect(res.rows).toHaveLength(expected.size);
          const names = new Map<string, Set<string>>();
          for (const k of expected) names.set(k.split('|')[0]!, (names.get(k.split('|')[0]!) ?? new Set()).add(k));
          for (const r of res.rows) expect(r.remark.startsWith(CONFLICT_MARK.zh)).toBe(names.get(r.creditCode!)!.size > 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('some records lack a credit code: exactly one row per distinct enterprise (name + factory), sorted', () => {
    fc.assert(
      fc.property(
        fc.array(specArb(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null })), { maxLength: 6 }),
        fc.array(specArb(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null })), { maxLength: 12 }),
        (ex, fs) => {
          const { rows, inputs } = build(ex, fs, true);
          const res = common(rows, inputs, false);
          const expected = new Set([...ex, ...fs.filter((s) => !s.unreadable)].map((s) => nameOf(s, true)));
          expect(new Set(res.rows.map((r) => r.enterpriseName))).toEqual(expected);
          expect(res.rows).toHaveLength(expected.size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the row kept for an enterprise is never older than one it replaced; input order matters only on exact ties', () => {
    fc.assert(
      fc.property(fc.array(specArb(fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 8 }), (fs) => {
        const { inputs } = build([], fs, true);
        const stamp = (i: MergeInput) => ({ fillDate: i.assessment?.profile?.fillDate, modified: i.modified });
        // every workbook here has a modification time: 填表日期 counts only if all of the enterprise's have one
        const modeOf = (c: number | null) => (fs.filter((s) => !s.unreadable && s.code === c).every((s) => s.fillDay !== null) ? 'fillDate' : 'modified');
        const res = mergeSummary([], inputs);
        for (const f of res.report.files.filter((x) => x.status === 'replaced')) {
          const by = f.supersededBy as { input: number };
          const age = compareAge(stamp(inputs[by.input]!), stamp(inputs[f.input]!), modeOf(fs[f.input]!.code));
          expect(age.cmp).toBeGreaterThanOrEqual(0);
          if (age.cmp === 0) expect(by.input).toBeGreaterThan(f.input);
        }
        const rev = mergeSummary([], [...inputs].reverse());
        expect(new Set(rev.rows.map((r) => r.creditCode))).toEqual(new Set(res.rows.map((r) => r.creditCode)));
        const exactTie = fs.some((a, i) =>
          fs.some(
            (b, j) =>
              i < j && !a.unreadable && !b.unreadable && a.code === b.code && compareAge(stamp(inputs[i]!), stamp(inputs[j]!), modeOf(a.code)).cmp === 0,
          ),
        );
        if (!exactTie) expect(rev.rows).toEqual(res.rows);
      }),
      { numRuns: 100 },
    );
  });
});

// ─── issue 14: what the bureau must decide, never decided silently ──────────────────────────────────────

describe('flags (issue 14 item 6)', () => {
  const victim = existingRow({
    seq: 1,
    enterpriseName: '江苏受害者有限公司',
    creditCode: code(5),
    tier: 'advanced',
    composite: 75,
    remark: '先进级，综合得分 75.00',
    fillDate: '2025-03-01',
    modified: T0,
  });

  it("a competitor's credit code under another name and 填表日期 2099-12-31 replaces nothing: both rows stay, flagged", () => {
    const hijack = input('hijack.xlsx', T0 + DAY, ent('抢注者有限公司', { code: code(5), fillDate: '2099-12-31', tier: 'leading' }));
    const res = merge([victim], [hijack], { today: '2026-12-01' });
    expect(res.rows.map((r) => r.enterpriseName).sort()).toEqual(['抢注者有限公司', '江苏受害者有限公司']);
    for (const r of res.rows) expect(r.remark.startsWith(CONFLICT_MARK.zh)).toBe(true);
    expect(res.report.existing[0]).toMatchObject({ status: 'kept' });
    const f = byFile(res, 'hijack.xlsx');
    expect(f).toMatchObject({ status: 'merged', reason: 'added' });
    expect(f.message).not.toMatch(/较新/);
    expect(f.flags.map((x) => x.kind).sort()).toEqual(['credit-code-conflict', 'future-date']);
    const conflict = f.flags.find((x) => x.kind === 'credit-code-conflict')!;
    expect(conflict).toMatchObject({
      creditCode: code(5),
      enterpriseName: '抢注者有限公司',
      others: [{ kind: 'existing', index: 0, enterpriseName: '江苏受害者有限公司' }],
    });
    expect(conflict.message).toContain('江苏受害者有限公司');
    expect(res.report.existing[0]!.flags).toEqual([expect.objectContaining({ kind: 'credit-code-conflict', enterpriseName: '江苏受害者有限公司' })]);
    expect(res.report.counts.flagged).toBe(2);
    // The mark is re-decided on each merge: once the bureau deleted the wrong row, it goes.
    const victimRow = res.rows.find((r) => r.enterpriseName === '江苏受害者有限公司')!;
    const again = merge([victimRow], [], { today: '2026-12-01' });
    expect(again.rows[0]!.remark).toBe('先进级，综合得分 75.00');
    expect(again.report.counts.flagged).toBe(0);
  });

  it('two files of one code and two names in a batch: neither is dropped, neither replaces the other', () => {
    const res = merge([], [input('a.xlsx', T0, ent('甲公司', { code: code(6) })), input('b.xlsx', T0 + DAY, ent('乙公司', { code: code(6) }))]);
    expect(res.rows).toHaveLength(2);
    expect(res.report.counts).toMatchObject({ merged: 2, replaced: 0, flagged: 2 });
  });

  it('the same name with a newer file still replaces its own row (no flag)', () => {
    const res = merge([victim], [input('new.xlsx', T0 + DAY, ent('江苏受害者有限公司', { code: code(5), fillDate: '2025-04-01' }))], { today: '2026-12-01' });
    expect(res.rows).toHaveLength(1);
    expect(res.report.counts.flagged).toBe(0);
  });

  it('a future 填表日期 is flagged and does not make the file newer', () => {
    const older = input('real.xlsx', T0 + 2 * DAY, ent('甲公司', { code: code(7), fillDate: '2025-04-01' }));
    const future = input('future.xlsx', T0 + DAY, ent('甲公司', { code: code(7), fillDate: '2099-12-31' }));
    const res = merge([], [older, future], { today: '2026-12-01' });
    expect(res.rows.map((r) => r.source)).toEqual(['real.xlsx']);
    expect(byFile(res, 'future.xlsx').flags).toEqual([
      {
        kind: 'future-date',
        path: 'profile.fillDate',
        fillDate: '2099-12-31',
        today: '2026-12-01',
        message: '填表日期 2099-12-31 晚于今天（2026-12-01），不能作为新旧依据，按文件修改时间比较',
      },
    ]);
    expect(res.rows[0]!.fillDate).toBe('2025-04-01');
  });

  it('a 填表日期 before the 2025 edition (2025-01-01) is implausible', () => {
    const res = merge([], [input('old.xlsx', T0, ent('甲公司', { code: code(8), fillDate: '1900-01-01' }))], { today: '2026-12-01' });
    expect(byFile(res, 'old.xlsx').flags).toEqual([expect.objectContaining({ kind: 'implausible-date', fillDate: '1900-01-01', earliest: '2025-01-01' })]);
    expect(res.rows[0]!.fillDate).toBeUndefined();
  });

  it('cached results that disagree with the recomputed ones are flagged; matching ones are not', () => {
    const a = ent('甲公司', { code: code(9) }); // 先进级, 75
    const ok = input('ok.xlsx', T0, a, { cached: { composite: 75.001, tier: '先进级', errors: 0 } });
    const forged = input('forged.xlsx', T0, ent('乙公司', { code: code(10) }), { cached: { composite: 91.11, tier: '领航级', errors: 0 } });
    const blank = input('never-calculated.xlsx', T0, ent('丙公司', { code: code(11) }), { cached: { composite: null, tier: null, errors: null } });
    const res = merge([], [ok, forged, blank]);
    expect(byFile(res, 'ok.xlsx').flags).toEqual([]);
    expect(byFile(res, 'never-calculated.xlsx').flags).toEqual([]);
    const flags = byFile(res, 'forged.xlsx').flags;
    expect(flags.map((f) => f.kind === 'cached-mismatch' && f.field)).toEqual(['composite', 'tier']);
    expect(flags[0]!.message).toBe('文件中保存的综合得分为「91.11」，按填报内容重新计算为「75.00」；以重新计算的为准（文件可能在 Excel 之外被改动过）');
    // the recomputed result is the one used
    expect(res.rows.find((r) => r.enterpriseName === '乙公司')).toMatchObject({ tier: 'advanced', composite: 75 });
  });
});

describe('digested inputs (what sfa merge keeps of each file once read)', () => {
  it('merge to the same table, report, 审核 and 统计 as the assessments themselves', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({
      file: `${i}.xlsx`,
      modified: 1000 + i,
      rubric: J,
      // Two files of one enterprise, a future 填表日期, an error, a tampered saved result, an unreadable file.
      assessment: enterprise(`企业${i % 10}`, `91320500MA1${String(i % 10).padStart(5, '0')}0`, 60 + i, (a) => {
        if (i === 3) a.profile!.fillDate = '2099-01-01';
        if (i === 4) delete a.indicators!['2'];
      }),
      ...(i === 5 ? { cached: { composite: 99, tier: '领航级', errors: 0 } } : {}),
      ...(i === 6 ? { failure: 'not a zip' } : {}),
      readProblems: i === 7 ? [{ path: 'profile.employees', message: 'cannot read' }] : [],
    }));
    const options = { lang: 'zh' as const, today: '2026-01-01', locate: (path: string) => ({ sheet: '企业信息', cell: path.length > 10 ? 'B3' : 'B4' }) };
    const lean = files.map((f) => digested(f, options));
    expect(lean.every((f) => f.assessment === undefined)).toBe(true);
    expect(bureauMerge(J, [], lean, options)).toEqual(bureauMerge(J, [], files, options));
  });
});

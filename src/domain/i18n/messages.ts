// Every sentence the engine says, in Chinese and English. Rubric names come from the rubric via Texts.
import { fmt2, fmtNum, type Texts } from './texts';
import { COMPOSITE_PLACES, toUnits, unitsToPlain } from '../scoring/decimal';
import type { Condition } from '../scoring/types';
import type { GapAction } from '../scoring/gap';
import type { Change, EffectDiff } from '../scoring/whatif';
import type { Assessment, LevelAnswer } from '../assessment/types';
import type { ScenarioTier } from '../rubric/schema';
import { counted } from './plural';
import { zhOrEn } from './catalogue';

const PROFILE_FIELD: Record<string, { zh: string; en: string }> = {
  enterpriseName: { zh: '企业名称', en: 'enterprise name' },
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  factoryName: { zh: '工厂名称', en: 'factory name' },
  cluster: { zh: '所属集群', en: 'cluster' },
  industryChain: { zh: '所属产业链', en: 'industry chain' },
  industry: { zh: '所属行业', en: 'industry' },
  address: { zh: '单位地址', en: 'address' },
  legalRepresentative: { zh: '法人代表', en: 'legal representative' },
  contactName: { zh: '联系人', en: 'contact name' },
  contactMobile: { zh: '联系人手机', en: 'contact mobile' },
  contactTitle: { zh: '联系人职务', en: 'contact title' },
  contactEmail: { zh: '联系人邮箱', en: 'contact e-mail' },
  fillDate: { zh: '填表日期', en: 'date filled in' },
  employees: { zh: '从业人员（人）', en: 'employees' },
  revenue: { zh: '营业收入（万元）', en: 'revenue (10k CNY)' },
  recognition: { zh: '直接认定类别', en: 'direct recognition' },
};

export function profileFieldLabel(key: string, t: Texts): string {
  return (Object.hasOwn(PROFILE_FIELD, key) ? PROFILE_FIELD[key]?.[t.lang] : undefined) ?? key;
}

/** The part of an indicator a path names, in words: 等级, 得分, 符合程度, an amount's label; '' for the indicator. */
function indicatorPart(id: string, field: string | undefined, t: Texts): string {
  const zh = t.lang === 'zh';
  if (field === 'level') return zh ? '等级' : 'level';
  if (field === 'score') return zh ? '得分' : 'score';
  if (field === 'fit') return zh ? '符合程度' : 'fit';
  return field === undefined ? '' : t.amount(id, field);
}

/** A field path in words: `indicators.3.score` → 指标 3「…」得分. */
export function describePath(path: string, t: Texts): string {
  const zh = t.lang === 'zh';
  const [head, id, field] = path.split('.');
  switch (head) {
    case 'indicators': {
      const part = indicatorPart(id!, field, t);
      return zh ? `${t.indicator(id!)}${part}` : `${t.indicator(id!)} ${part}`.trim();
    }
    case 'scenarios':
      return t.scenario(id!);
    case 'maturityLevel':
      return zh ? '智能制造能力成熟度等级' : 'maturity level (GB/T 39116)';
    case 'declarations':
      return zh ? `基础要求「${t.declaration(id!)}」` : `basic requirement “${t.declaration(id!)}”`;
    case 'profile':
      return profileFieldLabel(id!, t);
    default:
      return path;
  }
}

/**
 * A composite beside its threshold: two decimals, unless those would round it up to the threshold or past it
 * (89.999 is not "90.00 未高于 90"): then its exact decimals (COMPOSITE_PLACES at most).
 */
function compositeShown(c: number, above: number): string {
  const two = fmt2(c);
  return Number(two) >= above && c < above ? unitsToPlain(toUnits(c, COMPOSITE_PLACES), COMPOSITE_PLACES) : two;
}

export const issueMessages = {
  required: (t: Texts, path: string) => zhOrEn(t.lang, `${describePath(path, t)}未填写`, `${describePath(path, t)} is not filled in`),
  levelInvalid: (t: Texts, path: string, level: number, max: number) =>
    zhOrEn(
      t.lang,
      `${describePath(path, t)}应为 1–${max} 的整数，填写的是 ${fmtNum(level)}`,
      `${describePath(path, t)} must be a whole number 1–${max}; got ${fmtNum(level)}`,
    ),
  naNotAllowed: (t: Texts, id: string) =>
    zhOrEn(
      t.lang,
      `${t.indicator(id)}不能选「${t.na}」（只有允许不涉及此环节的指标可以）`,
      `${t.indicator(id)} cannot be “${t.na}” (only indicators that allow it)`,
    ),
  scoreOutOfBand: (t: Texts, id: string, level: number, fitLabel: string | undefined, interval: string, score: number) =>
    zhOrEn(
      t.lang,
      `${t.indicator(id)}：${t.level(level)}${fitLabel ? `「${fitLabel}」` : ''}要求 ${interval}，填写的是 ${fmtNum(score)}`,
      `${t.indicator(id)}: ${t.level(level)}${fitLabel ? ` “${fitLabel}”` : ''} needs ${interval}; got ${fmtNum(score)}`,
    ),
  scoreOutOfRange: (t: Texts, id: string, interval: string, score: number) =>
    zhOrEn(
      t.lang,
      `${t.indicator(id)}：得分应满足 ${interval}，填写的是 ${fmtNum(score)}`,
      `${t.indicator(id)}: the score must satisfy ${interval}; got ${fmtNum(score)}`,
    ),
  fitNotApplicable: (t: Texts, id: string) =>
    zhOrEn(
      t.lang,
      `${t.indicator(id)}：所选等级没有符合程度分段，符合程度已忽略`,
      `${t.indicator(id)}: the chosen level has no fit sub-bands; the fit is ignored`,
    ),
  scoreIgnored: (t: Texts, id: string) =>
    zhOrEn(t.lang, `${t.indicator(id)}选了「${t.na}」，得分不计入综合得分`, `${t.indicator(id)} is “${t.na}”; its score is not counted`),
  amountNegative: (t: Texts, path: string, v: number) =>
    zhOrEn(t.lang, `${describePath(path, t)}不能为负数，填写的是 ${fmtNum(v)}`, `${describePath(path, t)} cannot be negative; got ${fmtNum(v)}`),
  amountInconsistent: (t: Texts, label2024: string, labelTotal: string) =>
    zhOrEn(t.lang, `「${label2024}」大于「${labelTotal}」，请核对`, `“${label2024}” exceeds “${labelTotal}”; please check`),
  tierUnavailable: (t: Texts, id: string, tier: ScenarioTier, offered: ScenarioTier[]) =>
    zhOrEn(
      t.lang,
      `${t.scenario(id)}没有${t.tier(tier)}（附件4 中为「/」），可选：${t.list(offered.map(t.tier))}`,
      `${t.scenario(id)} has no ${t.tier(tier)} tier (“/” in Annex 4); choose from: ${t.list(offered.map(t.tier))}`,
    ),
  maturityInvalid: (t: Texts, v: number, max: number) =>
    zhOrEn(t.lang, `智能制造能力成熟度等级应为 1–${max} 的整数，填写的是 ${fmtNum(v)}`, `maturity level must be a whole number 1–${max}; got ${fmtNum(v)}`),
  rubricMismatch: (t: Texts, got: string, expected: string) =>
    zhOrEn(t.lang, `评价标准为 ${got}，与所用标准 ${expected} 不符`, `rubric ${got} does not match ${expected}`),
  creditCodeFormat: (t: Texts, v: string) => {
    const chars = [...v];
    const bad = [...new Set(chars.filter((c) => !/[0-9A-HJ-NPQRTUWXY]/.test(c)))];
    const why =
      chars.length !== 18
        ? zhOrEn(t.lang, `应为 18 位，填写的是 ${chars.length} 位`, `must be 18 characters, got ${chars.length}`)
        : zhOrEn(t.lang, `含有不允许的字符「${bad.join('')}」`, `contains characters that are not allowed: “${bad.join('')}”`);
    return zhOrEn(
      t.lang,
      `统一社会信用代码「${v}」${why}（只能用数字和大写字母，不含 I、O、Z、S、V）`,
      `unified social credit code “${v}” ${why} (digits and capital letters only, no I, O, Z, S, V)`,
    );
  },
  creditCodeCheckDigit: (t: Texts, v: string, expected: string) =>
    zhOrEn(
      t.lang,
      `统一社会信用代码「${v}」的校验位应为 ${expected}（GB 32100-2015），请核对`,
      `the check digit of credit code “${v}” should be ${expected} (GB 32100-2015); please check`,
    ),
  mobileFormat: (t: Texts, v: string) =>
    zhOrEn(
      t.lang,
      `手机号应为 11 位数字、以 13–19 开头，填写的是「${v}」（座机请填在联系电话栏）`,
      `a mobile number is 11 digits starting 13–19; got “${v}” (landlines belong in the phone fields)`,
    ),
  emailFormat: (t: Texts, v: string) => zhOrEn(t.lang, `邮箱「${v}」格式不对`, `e-mail “${v}” does not look like an address`),
  countInvalid: (t: Texts, path: string, v: number) =>
    zhOrEn(
      t.lang,
      `${describePath(path, t)}应为不小于 0 的整数，填写的是 ${fmtNum(v)}`,
      `${describePath(path, t)} must be a whole number ≥ 0; got ${fmtNum(v)}`,
    ),
  dateInvalid: (t: Texts, path: string, v: string) =>
    zhOrEn(t.lang, `${describePath(path, t)}应为 YYYY-MM-DD 格式的日期，填写的是「${v}」`, `${describePath(path, t)} must be a date YYYY-MM-DD; got “${v}”`),
};

const MAX_LISTED = 5;
const FIELD_ORDER = ['level', 'fit', 'score'];
/**
 * Paths as one list, an indicator's fields said together (「指标 1「…」等级和得分」, not the indicator twice);
 * past MAX_LISTED entries, how many items there are in all.
 */
function listPaths(t: Texts, paths: string[]): string {
  // An indicator's level, fit and score group under its id; any other path stands alone.
  const groups: { id: string | null; paths: string[]; fields: string[] }[] = [];
  for (const p of paths) {
    const [head, id, field] = p.split('.');
    const key = head === 'indicators' && field !== undefined && FIELD_ORDER.includes(field) ? id! : null;
    const g = key === null ? undefined : groups.find((x) => x.id === key);
    if (g) {
      g.paths.push(p);
      g.fields.push(field!);
    } else groups.push({ id: key, paths: [p], fields: key === null ? [] : [field!] });
  }
  const say = (g: (typeof groups)[number]) => {
    if (g.id === null || g.paths.length === 1) return describePath(g.paths[0]!, t);
    const parts = [...g.fields].sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)).map((f) => indicatorPart(g.id!, f, t));
    return zhOrEn(t.lang, `${t.indicator(g.id)}${parts.join('和')}`, `${t.indicator(g.id)} ${parts.join(' and ')}`);
  };
  const shownGroups = groups.slice(0, MAX_LISTED);
  const shown = shownGroups.map(say);
  const rest = paths.length - shownGroups.reduce((n, g) => n + g.paths.length, 0);
  if (rest <= 0) return t.list(shown);
  return zhOrEn(t.lang, `${t.list(shown)}等 ${paths.length} 项`, `${t.list(shown)} and ${rest} more`);
}

/** A tier condition that is not met, in words: what is missing and by how much. */
export function conditionMessage(c: Condition, t: Texts): string {
  switch (c.kind) {
    case 'errors':
      return zhOrEn(t.lang, `有 ${c.count} 处错误，须先更正`, `${counted(c.count, 'error')} must be corrected first`);
    case 'incomplete':
      return zhOrEn(t.lang, `尚未填写完整：${listPaths(t, c.missing)}`, `not filled in yet: ${listPaths(t, c.missing)}`);
    case 'composite':
      return c.composite === null
        ? zhOrEn(t.lang, `综合得分尚无法计算（需高于 ${c.above}）`, `the composite cannot be computed yet (must be above ${c.above})`)
        : zhOrEn(
            t.lang,
            `综合得分 ${compositeShown(c.composite, c.above)} 未高于 ${c.above}`,
            `composite ${compositeShown(c.composite, c.above)} is not above ${c.above}`,
          );
    case 'scenarios':
      return zhOrEn(
        t.lang,
        `需要至少 ${c.need} 个${t.tier(c.tier)}及以上场景，现有 ${c.have} 个`,
        `${counted(c.need, 'scenario')} at ${t.tier(c.tier)} or above needed, ${c.have} claimed`,
      );
    case 'segment':
      return zhOrEn(
        t.lang,
        `${t.segment(c.segment)}环节没有${t.tier(c.tier)}及以上场景`,
        `${t.segment(c.segment)} has no scenario at ${t.tier(c.tier)} or above`,
      );
    case 'maturity':
      return c.have === null
        ? zhOrEn(
            t.lang,
            `智能制造能力成熟度等级未填写（需达到${t.maturity(c.need)}及以上）`,
            `maturity level not given (${t.maturity(c.need)} or above needed)`,
          )
        : zhOrEn(
            t.lang,
            `智能制造能力成熟度需达到${t.maturity(c.need)}及以上，当前为${t.maturity(c.have)}`,
            `maturity ${t.maturity(c.need)} or above needed, ${t.maturity(c.have)} given`,
          );
    case 'declaration':
      return c.value === undefined
        ? zhOrEn(t.lang, `基础要求「${t.declaration(c.key)}」未声明`, `basic requirement “${t.declaration(c.key)}” not declared`)
        : zhOrEn(t.lang, `基础要求「${t.declaration(c.key)}」不满足`, `basic requirement “${t.declaration(c.key)}” not met`);
  }
}

/** One action of the next-tier gap, as a sentence a person can act on. */
export function gapMessage(a: GapAction, t: Texts): string {
  switch (a.kind) {
    case 'fix-errors':
      return zhOrEn(
        t.lang,
        `先更正 ${a.paths.length} 处错误：${listPaths(t, [...new Set(a.paths)])}`,
        `correct ${counted(a.paths.length, 'error')} first: ${listPaths(t, [...new Set(a.paths)])}`,
      );
    case 'fill':
      return zhOrEn(t.lang, `填写：${listPaths(t, a.paths)}`, `fill in: ${listPaths(t, a.paths)}`);
    case 'composite':
      return zhOrEn(
        t.lang,
        `综合得分需从 ${compositeShown(a.from, a.above)} 提高到高于 ${a.above}：${a.count} 项指标得分合计需再增加超过 ${fmtNum(a.points)} 分`,
        `raise the composite from ${compositeShown(a.from, a.above)} to above ${a.above}: the ${a.count} indicator scores need more than ${fmtNum(a.points)} points in total`,
      );
    case 'composite-out-of-reach':
      return zhOrEn(
        t.lang,
        `即使把可提升的指标都提高到最高等级，综合得分最多为 ${compositeShown(a.best, a.above)}，仍未高于 ${a.above}：还需提高其他指标的得分`,
        `even with every indicator that can be raised at the top level the composite is at most ${compositeShown(a.best, a.above)}, not above ${a.above}: other scores must rise too`,
      );
    case 'segment-out-of-reach':
      return zhOrEn(
        t.lang,
        `${t.segment(a.segment)}环节没有可提升到${t.tier(a.tier)}的场景`,
        `no scenario of ${t.segment(a.segment)} can be raised to ${t.tier(a.tier)}`,
      );
    case 'raise-indicator':
      return zhOrEn(
        t.lang,
        `将${t.indicator(a.indicator)}从${t.level(a.fromLevel)}（${fmtNum(a.fromScore)} 分）提升到${t.level(a.toLevel)}（约 ${fmtNum(a.toScore)} 分）`,
        `raise ${t.indicator(a.indicator)} from ${t.level(a.fromLevel)} (${fmtNum(a.fromScore)}) to ${t.level(a.toLevel)} (about ${fmtNum(a.toScore)})`,
      );
    case 'scenarios':
      return zhOrEn(
        t.lang,
        `还需 ${a.need - a.have} 个${t.tier(a.tier)}及以上场景（需 ${a.need} 个，现有 ${a.have} 个）`,
        `${a.need - a.have} more scenario${a.need - a.have > 1 ? 's' : ''} at ${t.tier(a.tier)} or above (${a.need} needed, ${a.have} claimed)`,
      );
    case 'raise-scenario': {
      const seg = a.segment === null ? '' : t.segment(a.segment);
      return a.forSegment
        ? zhOrEn(
            t.lang,
            `覆盖${seg}环节：将${t.scenario(a.scenario)}从${t.scenarioTier(a.from)}提升到${t.scenarioTier(a.to)}`,
            `cover ${seg}: raise ${t.scenario(a.scenario)} from ${t.scenarioTier(a.from)} to ${t.scenarioTier(a.to)}`,
          )
        : zhOrEn(
            t.lang,
            `将${t.scenario(a.scenario)}${seg ? `（${seg}）` : ''}从${t.scenarioTier(a.from)}提升到${t.scenarioTier(a.to)}`,
            `raise ${t.scenario(a.scenario)}${seg ? ` (${seg})` : ''} from ${t.scenarioTier(a.from)} to ${t.scenarioTier(a.to)}`,
          );
    }
    case 'maturity':
      return a.from === null
        ? zhOrEn(t.lang, `填写智能制造能力成熟度等级（需达到${t.maturity(a.to)}及以上）`, `give the maturity level (${t.maturity(a.to)} or above)`)
        : zhOrEn(
            t.lang,
            `智能制造能力成熟度从${t.maturity(a.from)}提升到${t.maturity(a.to)}`,
            `raise maturity from ${t.maturity(a.from)} to ${t.maturity(a.to)}`,
          );
    case 'declaration':
      return a.value === undefined
        ? zhOrEn(t.lang, `声明基础要求「${t.declaration(a.key)}」`, `declare the basic requirement “${t.declaration(a.key)}”`)
        : zhOrEn(t.lang, `满足基础要求「${t.declaration(a.key)}」`, `meet the basic requirement “${t.declaration(a.key)}”`);
  }
}

export const whatIfMessages = {
  change(c: Change, a: Assessment, t: Texts): string {
    switch (c.kind) {
      case 'indicator': {
        const prev = (a.indicators?.[c.id] ?? {}) as LevelAnswer;
        const to = c.level === 'na' ? t.na : t.level(c.level);
        const from = prev.level === undefined ? '' : prev.level === 'na' ? t.na : t.level(prev.level);
        const score = c.score === undefined ? '' : zhOrEn(t.lang, `（${fmtNum(c.score)} 分）`, ` (${fmtNum(c.score)})`);
        return zhOrEn(
          t.lang,
          `将${t.indicator(c.id)}${from ? `从${from}` : ''}调整到${to}${score}`,
          `set ${t.indicator(c.id)}${from ? ` from ${from}` : ''} to ${to}${score}`,
        );
      }
      case 'scenario': {
        const from = a.scenarios?.[c.id] ?? 'none';
        return zhOrEn(
          t.lang,
          `将${t.scenario(c.id)}从${t.scenarioTier(from)}调整到${t.scenarioTier(c.tier)}`,
          `set ${t.scenario(c.id)} from ${t.scenarioTier(from)} to ${t.scenarioTier(c.tier)}`,
        );
      }
      case 'maturity':
        return zhOrEn(t.lang, `智能制造能力成熟度调整到${t.maturity(c.level)}`, `set maturity to ${t.maturity(c.level)}`);
    }
  },
  effect(d: EffectDiff, t: Texts): string {
    const parts: string[] = [];
    if (d.tierAfter !== d.tierBefore)
      parts.push(
        zhOrEn(
          t.lang,
          `参考等级：${t.tier(d.tierBefore ?? 'none')} → ${t.tier(d.tierAfter ?? 'none')}`,
          `reference tier: ${t.tier(d.tierBefore ?? 'none')} → ${t.tier(d.tierAfter ?? 'none')}`,
        ),
      );
    if (d.target && d.countAfter !== d.countBefore)
      parts.push(
        zhOrEn(
          t.lang,
          `${t.tier(d.target)}及以上场景 ${signed(d.countAfter - d.countBefore)}（${d.countAfter}/${d.need}）`,
          `${t.tier(d.target)}+ scenarios ${signed(d.countAfter - d.countBefore)} (${d.countAfter}/${d.need})`,
        ),
      );
    for (const s of d.newSegments) parts.push(zhOrEn(t.lang, `覆盖${t.segment(s)}`, `covers ${t.segment(s)}`));
    if (d.compositeDelta !== null && d.compositeDelta !== 0)
      parts.push(zhOrEn(t.lang, `综合得分 ${signed2(d.compositeDelta)}`, `composite ${signed2(d.compositeDelta)}`));
    if (d.target && d.unmetAfter < d.unmetBefore)
      parts.push(
        zhOrEn(
          t.lang,
          `${t.tier(d.target)}未满足条件 ${d.unmetBefore} → ${d.unmetAfter}`,
          `${t.tier(d.target)} unmet conditions ${d.unmetBefore} → ${d.unmetAfter}`,
        ),
      );
    return parts.length ? parts.join(zhOrEn(t.lang, '；', '; ')) : zhOrEn(t.lang, '对参考等级暂无影响', 'no effect on the reference tier yet');
  },
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const signed2 = (n: number) => (n > 0 ? `+${fmt2(n)}` : fmt2(n));

/** What the text sanitiser changed in a field before it is written (issue 14). */
export const textMessages = {
  forbiddenChars: (t: Texts, field: string, n: number) =>
    zhOrEn(
      t.lang,
      `${field}含 ${n} 个工作簿不能保存的字符（控制字符、U+FFFE/U+FFFF 或不成对的代理项），写入时已替换为 �`,
      `${field} holds ${counted(n, 'character')} a workbook cannot store (control characters, U+FFFE/U+FFFF or lone surrogates), written as �`,
    ),
  truncated: (t: Texts, field: string, max: number, cut: number) =>
    zhOrEn(
      t.lang,
      `${field}超过 Excel 单元格上限 ${max} 个字符，写入时截去末尾 ${cut} 个字符`,
      `${field} is longer than an Excel cell holds (${max} characters); the last ${counted(cut, 'character')} ${cut === 1 ? 'was' : 'were'} cut when written`,
    ),
  /** As `truncated`, quoting the start of what is cut (`lost`), so the reader knows which end is gone. */
  cutFrom: (t: Texts, field: string, max: number, cut: number, lost: string) =>
    zhOrEn(
      t.lang,
      `${field}超过 Excel 单元格上限 ${max} 个字符，写入时截去末尾 ${cut} 个字符（从「${lost}」起）`,
      `${field} is longer than an Excel cell holds (${max} characters); the last ${counted(cut, 'character')} (from “${lost}”) ${cut === 1 ? 'was' : 'were'} cut when written`,
    ),
};

/** A failure whose own text is JavaScript's ("Cannot read properties of undefined"), never shown as is. */
export const internalErrorMessages = {
  reading: (lang: 'zh' | 'en') =>
    lang === 'zh'
      ? '文件内容不合常规（内部错误）；请企业用 Excel 或 WPS 重新保存后再发送'
      : 'the file is malformed in a way the reader cannot handle (internal error); ask the enterprise to save it again in Excel or WPS',
  command: (lang: 'zh' | 'en') =>
    lang === 'zh'
      ? '内部错误，命令未完成；设置环境变量 SFA_DEBUG=1 可显示详情，请报告此问题'
      : 'internal error, the command did not finish; set SFA_DEBUG=1 for details and please report it',
};

/** What JSON.parse does not see in a file's text. */
export const jsonMessages = {
  duplicateKey: (lang: 'zh' | 'en', key: string) =>
    lang === 'zh' ? `字段「${key}」出现了两次（只能出现一次，请删去多余的一个）` : `the key “${key}” appears twice (it may appear once; delete the extra one)`,
};

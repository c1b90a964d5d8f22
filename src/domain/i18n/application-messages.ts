// Every sentence the 申报书 checks say, in Chinese and English. The annex's own words (labels, section titles)
// come from the application rubric.
import type { Lang } from './lang';
import { counted } from './plural';
import { zhOrEn } from './catalogue';

/** A value as a sentence quotes it, as autoMismatch does: 「2024」, 「是」 (in English 是/否 with their English). */
export function quotedValue(lang: Lang, v: string): string {
  const en = v === '是' ? '“是” (yes)' : v === '否' ? '“否” (no)' : `“${v}”`;
  return zhOrEn(lang, `「${v}」`, en);
}

export const applicationMessages = {
  required: (lang: Lang, what: string) => zhOrEn(lang, `${what}未填写`, `${what} is not filled in`),
  overLimit: (lang: Lang, what: string, limit: number, count: number) =>
    zhOrEn(lang, `${what}超过 ${limit} 字：现为 ${count} 字`, `${what} is longer than ${limit} characters: ${count}`),
  belowMin: (lang: Lang, what: string, min: number, v: number) =>
    zhOrEn(lang, `${what}应不小于 ${min}，填写的是 ${v}`, `${what} must be at least ${min}; got ${v}`),
  aboveMax: (lang: Lang, what: string, max: number, v: number) =>
    zhOrEn(lang, `${what}应不大于 ${max}，填写的是 ${v}`, `${what} must be at most ${max}; got ${v}`),
  warnAbove: (lang: Lang, what: string, max: number, v: number) =>
    zhOrEn(lang, `${what}高于 ${max}（${v}），请核对`, `${what} is above ${max} (${v}); please check`),
  notWhole: (lang: Lang, what: string, v: number) => zhOrEn(lang, `${what}应为整数，填写的是 ${v}`, `${what} must be a whole number; got ${v}`),
  dateInvalid: (lang: Lang, what: string, v: string) =>
    zhOrEn(lang, `${what}应为日期（YYYY-MM-DD），填写的是「${v}」`, `${what} must be a date (YYYY-MM-DD); got “${v}”`),
  phoneInvalid: (lang: Lang, what: string, v: string) => zhOrEn(lang, `${what}不像电话号码：「${v}」`, `${what} does not look like a phone number: “${v}”`),
  notCompleted: (lang: Lang, end: string, limit: string) =>
    zhOrEn(
      lang,
      `建设完成日期 ${end} 晚于申报日期 ${limit}：须已建设完成`,
      `construction completes on ${end}, after the application date ${limit}: it must be complete`,
    ),
  startAfterEnd: (lang: Lang, start: string, end: string) =>
    zhOrEn(lang, `建设开始日期 ${start} 晚于完成日期 ${end}`, `construction starts on ${start}, after it completes on ${end}`),
  instanceMissing: (lang: Lang, scenario: string, tier: string) =>
    zhOrEn(
      lang,
      `场景「${scenario}」自评为${tier}，附1-1 缺少该场景实例的描述`,
      `scenario “${scenario}” is self-assessed at ${tier} but 附1-1 has no instance for it`,
    ),
  instanceUnclaimed: (lang: Lang, scenario: string) =>
    zhOrEn(
      lang,
      `附1-1 填写了场景「${scenario}」的实例，但该场景未自评为先进级及以上`,
      `附1-1 describes an instance of “${scenario}”, which is not self-assessed at 先进级 or higher`,
    ),
  resourceNoScenario: (lang: Lang, table: string, row: number) => zhOrEn(lang, `${table}第 ${row} 行未选择所属场景`, `${table} row ${row} names no scenario`),
  resourceUnclaimed: (lang: Lang, table: string, row: number, scenario: string) =>
    zhOrEn(
      lang,
      `${table}第 ${row} 行属于场景「${scenario}」，但该场景没有场景实例（未自评为先进级及以上）`,
      `${table} row ${row} belongs to “${scenario}”, which has no instance (not claimed at 先进级 or higher)`,
    ),
  rowMissing: (lang: Lang, table: string, row: number, column: string) =>
    zhOrEn(lang, `${table}第 ${row} 行「${column}」未填写`, `${table} row ${row}: “${column}” is not filled in`),
  segmentEmpty: (lang: Lang, section: string, segment: string, count: number) =>
    zhOrEn(
      lang,
      `「${section}」为空，但已有 ${count} 个${segment}环节的场景自评为先进级及以上`,
      `“${section}” is empty although ${counted(count, `${segment} scenario`)} ${count === 1 ? 'is' : 'are'} claimed at 先进级 or higher`,
    ),
  outcomeWorse: (lang: Lang, indicator: string, before: number, after: number) =>
    zhOrEn(
      lang,
      `「${indicator}」建成后（${after}）比建设前（${before}）差，请核对`,
      `“${indicator}” is worse after (${after}) than before (${before}); please check`,
    ),
  outcomeNoLabel: (lang: Lang, row: number) => zhOrEn(lang, `其他个性化指标第 ${row} 行未填写指标名称`, `other indicator row ${row} has no name`),
  attachmentMissing: (lang: Lang, label: string) => zhOrEn(lang, `必填附件未准备：${label}`, `required attachment not ready: ${label}`),
  honoursMissing: (lang: Lang, label: string) =>
    zhOrEn(lang, `已选择省、国家荣誉或项目，须提供：${label}`, `honours or projects are claimed, so this is required: ${label}`),
  fileMissing: (lang: Lang, label: string) => zhOrEn(lang, `附件「${label}」已准备，但未填写文件名`, `attachment “${label}” is ready but has no file name`),
  pledgeNotConfirmed: (lang: Lang, n: number) => zhOrEn(lang, `真实性承诺第 ${n} 条未确认`, `pledge ${n} is not confirmed`),
  autoMismatch: (lang: Lang, what: string, given: string, computed: string) =>
    zhOrEn(
      lang,
      `${what}应与自评结果一致（自动导入）：填写的是「${given}」，自评结果为「${computed}」`,
      `${what} must equal the self-assessment (imported automatically): given “${given}”, computed “${computed}”`,
    ),
  /** 企业信息's 直接认定 (the notice's item 二（二）4) implies this field's value; `given` is '' when it is empty. */
  recognitionField: (lang: Lang, recognition: string, field: string, equals: string, given: string) =>
    zhOrEn(
      lang,
      `企业信息选了直接认定“${recognition}”，「${field}」应为${quotedValue(lang, equals)}${given === '' ? '（现未填写）' : `（现为${quotedValue(lang, given)}）`}`,
      `企业信息 gives the direct recognition “${recognition}”, so “${field}” should be ${quotedValue(lang, equals)} (${given === '' ? 'not filled in' : `now ${quotedValue(lang, given)}`})`,
    ),
  /** …or implies that at least one of these fields has its value (国家示范类: 国家智能制造项目 or 国家 5G 工厂). */
  recognitionAnyOf: (lang: Lang, recognition: string, fields: { field: string; equals: string }[]) =>
    zhOrEn(
      lang,
      `企业信息选了直接认定“${recognition}”，应至少有一项：${fields.map((f) => `「${f.field}」为${quotedValue(lang, f.equals)}`).join('，或')}`,
      `企业信息 gives the direct recognition “${recognition}”, so ${fields.map((f) => `“${f.field}” should be ${quotedValue(lang, f.equals)}`).join(', or ')}`,
    ),
};

// The bureau's cover letter (推荐函) for the 推荐汇总表 it files with the province: the notice asks each city's
// 工业和信息化主管部门 to 行文 (一式 2 份) with the table in priority order. The words and the figures, from the
// merged summary; src/adapters/docx/letter.ts lays them out as an official document.
import { TIER_IDS, type Rubric } from '../rubric/schema';
import type { SummaryRow } from '../merge/types';
import { isDirectlyRecognised } from '../profile/recognition';

export interface LetterInput {
  /** 推荐单位名称 (the header of the summary), e.g. 南京市工业和信息化局. */
  unit: string;
  contact: string;
  phone: string;
  /** The date of the letter, YYYY-MM-DD. */
  date: string;
  rows: readonly SummaryRow[];
}

export interface LetterContent {
  title: string;
  addressee: string;
  paragraphs: string[];
  attachment: string;
  /** The signature: the unit (its 公章 goes over it) and the date in words. */
  unit: string;
  date: string;
  /** Enterprises per tier, highest first, and those directly recognised / without a tier. */
  counts: { label: string; count: number }[];
}

/** 2025-04-03 → 2025 年 4 月 3 日. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function letterContent(rubric: Rubric, input: LetterInput): LetterContent {
  const n = input.rows.length;
  // Directly recognised enterprises (the notice's item 二（二）4) are counted by their class, not by a tier.
  const recognised = (rubric.recognitions ?? [])
    .filter((x) => x.effect === 'recognised')
    .map((x) => ({ label: x.label.zh, count: input.rows.filter((r) => r.recognition === x.id).length }))
    .filter((c) => c.count > 0);
  const scored = input.rows.filter((r) => !isDirectlyRecognised(rubric, r.recognition));
  const byTier = [...TIER_IDS]
    .reverse()
    .map((t) => ({ label: rubric.tiers.find((x) => x.id === t)!.label.zh, count: scored.filter((r) => r.tier === t).length }))
    .filter((c) => c.count > 0);
  const untiered = scored.filter((r) => !r.tier).length;
  if (untiered > 0) byTier.push({ label: `未达到${rubric.tiers.find((x) => x.id === TIER_IDS[0])!.label.zh}`, count: untiered });
  const counts = [...recognised.map((c) => ({ ...c, label: `直接认定（${c.label}）` })), ...byTier];
  const list = (cs: { label: string; count: number }[]) => cs.map((c) => `${c.label} ${c.count} 家`).join('、');
  const parts = [
    ...(recognised.length ? [`直接认定 ${recognised.reduce((k, c) => k + c.count, 0)} 家：${list(recognised)}`] : []),
    ...(byTier.length ? [`自评参考等级：${list(byTier)}`] : []),
  ];
  const breakdown = parts.join('；');
  const unit = input.unit.trim();
  const contact = [input.contact.trim() && `联系人：${input.contact.trim()}`, input.phone.trim() && `联系电话：${input.phone.trim()}`]
    .filter(Boolean)
    .join('，');
  return {
    title: '关于推荐2025年江苏省先进级智能工厂的函',
    addressee: '江苏省工业和信息化厅：',
    paragraphs: [
      `根据《关于组织开展2025年江苏省先进级智能工厂申报工作的通知》（苏工信信发〔2025〕28号）要求，${unit || '我单位'}组织本地区企业开展了智能工厂建设水平自评价和省先进级智能工厂申报工作，并对申报材料进行了线下查验和线上审核。`,
      `经审核，现按推荐项目优先顺序推荐 ${n} 家企业的智能工厂申报江苏省先进级智能工厂${breakdown ? `（${breakdown}）` : ''}，具体名单见附件。`,
      '特此函告。',
      ...(contact ? [`${contact}。`] : []),
    ],
    attachment: '附件：先进级智能工厂推荐汇总表',
    unit: unit || '（推荐单位名称）',
    date: chineseDate(input.date),
    counts,
  };
}

// What the bureau's statistics need to know of each enterprise beyond the printed row: its 企业类型, its
// district (from the address), and the tier it claims for each scenario. Taken from the assessment of the
// file a row came from; a row kept from an earlier summary carries the facts that summary stored.
import type { Assessment } from '../assessment/types';
import { TIER_IDS, type Rubric, type ScenarioTier, type TierId } from '../rubric/schema';
import { enterpriseSize } from '../profile/checks';
import { recognitionOf } from '../profile/recognition';

export interface EnterpriseFacts {
  /** 企业类型: a size class id of the rubric (enterpriseSize), when employees and revenue are given. */
  size?: string;
  /** 区/县/县级市 read from the address (see districtOf), when it names one. */
  district?: string;
  /** The scenarios claimed (tier other than 未建设): scenario id → tier. */
  scenarios: Record<string, Exclude<ScenarioTier, 'none'>>;
  /** 直接认定类别: a Rubric.recognitions id other than none (kept here so the next merge still knows it). */
  recognition?: string;
}

/**
 * The district of a Jiangsu address: the first 区, 县 or 县级市 after the city, e.g. 「江苏省苏州市昆山市玉山镇…」
 * → 昆山市, 「南京市江宁区秣陵街道…」 → 江宁区. Undefined when the address names none (a district is "if given").
 * A district is Chinese characters only: an address with 「|」, 「,」 or letters where the district stands gives
 * none, so the hidden facts text (factsToText, split at 「|」) can never be broken by an address.
 */
export function districtOf(address: string | undefined): string | undefined {
  const a = (address ?? '').normalize('NFKC').replace(/\s+/gu, '');
  const afterCity = a.replace(/^.*?省/u, '').replace(/^[^市]{1,6}?市/u, '');
  const m = /^((?:(?![市区县镇乡路街道号])\p{Script=Han}){1,6}?(?:区|县|市))/u.exec(afterCity);
  return m && a !== afterCity ? m[1] : undefined;
}

export function factsOf(rubric: Rubric, a: Assessment): EnterpriseFacts {
  const p = a.profile ?? {};
  const scenarios: EnterpriseFacts['scenarios'] = {};
  for (const s of rubric.scenarios) {
    const t = a.scenarios?.[s.id];
    if (t !== undefined && t !== 'none') scenarios[s.id] = tierId(t);
  }
  const size = enterpriseSize(rubric, p.employees, p.revenue);
  const district = districtOf(p.address);
  return facts(size, district, scenarios, knownRecognition(rubric, p.recognition));
}

/** Facts set field by field in one order (a spread of the optional ones gave each enterprise a hidden class of its own). */
function facts(
  size: string | undefined,
  district: string | undefined,
  scenarios: EnterpriseFacts['scenarios'],
  recognition: string | undefined,
): EnterpriseFacts {
  const f = {} as EnterpriseFacts;
  if (size !== undefined) f.size = size;
  if (district !== undefined) f.district = district;
  f.scenarios = scenarios;
  if (recognition) f.recognition = recognition;
  return f;
}

/** A class id of the rubric other than none, else undefined. */
function knownRecognition(rubric: Rubric, id: string | undefined): string | undefined {
  const r = recognitionOf(rubric, id);
  return r && r.effect !== 'none' ? r.id : undefined;
}

/**
 * Facts as one line of text for a hidden cell («size|district|1:advanced,3:basic», then «|class» for a directly
 * recognised enterprise, so the text of every other enterprise is what summaries before the class held), and back.
 */
export function factsToText(f: EnterpriseFacts): string {
  // The fields are split at 「|」 and the scenarios at 「,」/「:」: a district holding one is not stored.
  const district = f.district !== undefined && !/[|,:]/u.test(f.district) ? f.district : '';
  const sc = Object.entries(f.scenarios)
    .map(([id, t]) => `${id}:${t}`)
    .join(',');
  return `${f.size ?? ''}|${district}|${sc}${f.recognition ? `|${f.recognition}` : ''}`;
}

/**
 * The tier id itself, not the equal text read from a file: a workbook read in a worker arrives with strings of
 * its own, and a province round's facts would hold 20,000 copies of each (~9 MB).
 */
const tierId = (t: string): TierId => TIER_IDS.find((x) => x === t) ?? (t as TierId);
const CLAIMED = new Set<string>(TIER_IDS);

export function factsFromText(rubric: Rubric, text: string): EnterpriseFacts | undefined {
  const parts = text.split('|');
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const [size, district, sc, rec] = parts as [string, string, string, string?];
  const recognition = knownRecognition(rubric, rec);
  const scenarios: EnterpriseFacts['scenarios'] = {};
  for (const pair of sc.split(',').filter(Boolean)) {
    const [id, t] = pair.split(':');
    if (id !== undefined && t !== undefined && CLAIMED.has(t) && rubric.scenarios.some((s) => s.id === id)) scenarios[id] = tierId(t);
  }
  const knownSize = [...rubric.sizeClasses.map((c) => c.id), rubric.smallestSize.id].includes(size);
  return facts(knownSize ? size : undefined, district !== '' ? district : undefined, scenarios, recognition);
}

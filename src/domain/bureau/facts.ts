// What the bureau's statistics need to know of each enterprise beyond the printed row: its 企业类型, its
// district (from the address), and the tier it claims for each scenario. Taken from the assessment of the
// file a row came from; a row kept from an earlier summary carries the facts that summary stored.
import type { Assessment } from '../assessment/types';
import { TIER_IDS, type Rubric, type TierId } from '../rubric/schema';
import { enterpriseSize } from '../profile/checks';
import { recognitionOf } from '../profile/recognition';

export interface EnterpriseFacts {
  /** 企业类型: a size class id of the rubric (enterpriseSize), when employees and revenue are given. */
  size?: string;
  /** 区/县/县级市 read from the address (see districtOf), when it names one. */
  district?: string;
  /**
   * The scenarios claimed: one character per scenario of the rubric, in its order — the index in TIER_IDS of the
   * tier claimed, or NOT_CLAIMED (未建设 or not given). Read with claimedTierAt / claimedScenarios. A string, not
   * an id → tier object: a province round's 20,000 such objects (up to 40 keys each) held 12 MB; these 1.
   */
  claims: string;
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
  const claims = rubric.scenarios.map((s) => claimChar(a.scenarios?.[s.id])).join('');
  const size = enterpriseSize(rubric, p.employees, p.revenue);
  const district = districtOf(p.address);
  return facts(size, district, claims, knownRecognition(rubric, p.recognition));
}

/** In EnterpriseFacts.claims: a scenario not claimed. */
export const NOT_CLAIMED = '-';
const claimChar = (t: string | undefined): string => {
  const i = TIER_IDS.indexOf(t as TierId);
  return i < 0 ? NOT_CLAIMED : String(i);
};

/** The tier claimed for the rubric's `index`-th scenario, if any. */
export function claimedTierAt(f: EnterpriseFacts, index: number): TierId | undefined {
  const c = f.claims.charCodeAt(index) - 48; // '0'
  return c >= 0 && c < TIER_IDS.length ? TIER_IDS[c] : undefined;
}

/** The scenarios claimed, id → tier, in the rubric's order. */
export function claimedScenarios(rubric: Rubric, f: EnterpriseFacts): Record<string, TierId> {
  const out: Record<string, TierId> = {};
  rubric.scenarios.forEach((s, i) => {
    const t = claimedTierAt(f, i);
    if (t !== undefined) out[s.id] = t;
  });
  return out;
}

/** Facts set field by field in one order (a spread of the optional ones gave each enterprise a hidden class of its own). */
function facts(size: string | undefined, district: string | undefined, claims: string, recognition: string | undefined): EnterpriseFacts {
  const f = {} as EnterpriseFacts;
  if (size !== undefined) f.size = size;
  if (district !== undefined) f.district = district;
  f.claims = claims;
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
export function factsToText(rubric: Rubric, f: EnterpriseFacts): string {
  // The fields are split at 「|」 and the scenarios at 「,」/「:」: a district holding one is not stored.
  const district = f.district !== undefined && !/[|,:]/u.test(f.district) ? f.district : '';
  const sc = Object.entries(claimedScenarios(rubric, f))
    .map(([id, t]) => `${id}:${t}`)
    .join(',');
  return `${f.size ?? ''}|${district}|${sc}${f.recognition ? `|${f.recognition}` : ''}`;
}

export function factsFromText(rubric: Rubric, text: string): EnterpriseFacts | undefined {
  const parts = text.split('|');
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const [size, district, sc, rec] = parts as [string, string, string, string?];
  const recognition = knownRecognition(rubric, rec);
  const claimed = new Map<string, string>();
  for (const pair of sc.split(',').filter(Boolean)) {
    const [id, t] = pair.split(':');
    if (id !== undefined && t !== undefined) claimed.set(id, t);
  }
  const claims = rubric.scenarios.map((s) => claimChar(claimed.get(s.id))).join('');
  const knownSize = [...rubric.sizeClasses.map((c) => c.id), rubric.smallestSize.id].includes(size);
  return facts(knownSize ? size : undefined, district !== '' ? district : undefined, claims, recognition);
}

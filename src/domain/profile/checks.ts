// Enterprise profile rules of RULES §4: 统一社会信用代码 (GB 32100-2015), mobile numbers, 企业类型.
import type { Rubric } from '../rubric/schema';

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type CreditCodeCheck = 'ok' | 'format' | 'check-digit';

/** Format (18 characters of the GB 32100 alphabet) and check digit (weights 3^i mod 31). */
export function checkCreditCode(code: string): CreditCodeCheck {
  if (!CREDIT_CODE_RE.test(code)) return 'format';
  return creditCodeCheckDigit(code.slice(0, 17)) === code[17] ? 'ok' : 'check-digit';
}

/** The 18th character GB 32100 expects for these first 17. */
export function creditCodeCheckDigit(first17: string): string {
  let sum = 0;
  let weight = 1; // 3^0
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

const MOBILE_RE = /^1[3-9]\d{9}$/;
export function isMobile(s: string): boolean {
  return MOBILE_RE.test(s);
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(s: string): boolean {
  return EMAIL_RE.test(s);
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** A moment as the local calendar day YYYY-MM-DD (the merge's "today" for future 填表日期). */
export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 企业类型 by the rubric's size classes (largest first); undefined until both figures are known. */
export function enterpriseSize(rubric: Rubric, employees: number | undefined, revenue: number | undefined): string | undefined {
  if (employees === undefined || revenue === undefined) return undefined;
  const cls = rubric.sizeClasses.find((c) => employees >= c.minEmployees && revenue >= c.minRevenue);
  return (cls ?? rubric.smallestSize).id;
}

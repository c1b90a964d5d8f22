// Every sentence of 审核, in Chinese and English.
import type { Lang } from '../i18n/lang';
import { counted } from '../i18n/plural';
import { zhOrEn } from '../i18n/catalogue';

export const reviewMessages = {
  ok: (lang: Lang) => zhOrEn(lang, '通过', 'ok'),
  attention: (lang: Lang) => zhOrEn(lang, '需核实', 'check'),
  same: (lang: Lang) => zhOrEn(lang, '一致', 'same'),
  mismatch: (lang: Lang, what: string[]) => zhOrEn(lang, `不一致：${what.join('；')}`, `differs: ${what.join('; ')}`),
  noCachedJson: (lang: Lang) => zhOrEn(lang, 'JSON 文件，无计算结果可核对', 'a JSON file: no results to compare'),
  noCachedSaved: (lang: Lang) => zhOrEn(lang, '文件未保存计算结果，无法核对', 'the file saved no results: nothing to compare'),
  keptNoFile: (lang: Lang) => zhOrEn(lang, '沿用原汇总表（本次未收到该企业文件）', 'kept from the earlier summary (no file of this enterprise in this merge)'),
  creditMissing: (lang: Lang) => zhOrEn(lang, '未填写', 'missing'),
  creditFormat: (lang: Lang) =>
    zhOrEn(lang, '格式不对：应为 18 位数字或大写字母（不含 I、O、Z、S、V）', 'wrong format: 18 digits or capitals (no I, O, Z, S, V)'),
  creditCheckDigit: (lang: Lang, digit: string) =>
    zhOrEn(lang, `校验位不对：按 GB 32100 第 18 位应为 ${digit}`, `wrong check digit: GB 32100 expects ${digit} as the 18th character`),
  sameNameOtherCodes: (lang: Lang, codes: string[]) =>
    zhOrEn(lang, `同名企业另有统一社会信用代码 ${codes.join('、')}`, `an enterprise of the same name has credit code ${codes.join(', ')}`),
  recognitionNone: (lang: Lang) => zhOrEn(lang, '否', 'no'),
  noApplication: (lang: Lang) => zhOrEn(lang, '无申报书', 'no application'),
  application: (lang: Lang, filled: number, required: number, open: string[], errors: number) =>
    zhOrEn(
      lang,
      `已填 ${filled}/${required} 项${open.length ? `；未完成：${open.join('、')}` : ''}${errors ? `；${errors} 个错误` : ''}`,
      `${filled}/${required} filled${open.length ? `; not complete: ${open.join(', ')}` : ''}${errors ? `; ${counted(errors, 'error')}` : ''}`,
    ),
  problems: (lang: Lang, errors: number, warnings: number) =>
    zhOrEn(lang, `${errors} 个错误，${warnings} 个提示`, `${counted(errors, 'error')}, ${counted(warnings, 'warning')}`),
};

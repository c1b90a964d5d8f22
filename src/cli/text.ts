// The CLI's own sentences (file errors, headings), in Chinese and English.
import type { Lang } from '../domain';

const zh = {
  cannotRead: (f: string, code: string) => `无法读取 ${f}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : code}`,
  readTimeout: (s: number) => `读取超过 ${s} 秒，已中止（文件可能有问题；可用 --file-timeout 放宽）`,
  readMemory: (mb: number) => `读取时内存超过 ${mb} MB，已中止（文件可能有问题）`,
  readCrashed: (why: string) => `读取时出错，已中止：${why}`,
  folderUnreadable: (code: string) => `无法读取这个文件夹（${code === 'EACCES' ? '没有读取权限' : code}），其中的文件未合并`,
  notJson: (f: string, why: string) => `${f} 不是有效的 JSON：${why}`,
  notAssessment: (f: string, why: string) => `${f} 不是自评数据：${why}`,
  notAnObject: '应为 JSON 对象',
  andMore: (n: number) => `；另有 ${n} 处`,
  unknownRubric: (f: string, id: string, known: string[]) => `${f} 使用的评价标准 ${id} 未知（可用：${known.join('、')}）`,
  badLang: (v: string) => `--lang 应为 zh 或 en，而不是 ${v}`,
  composite: '综合得分',
  tier: '参考等级',
  size: '企业类型',
  counts: '场景数（该等级及以上）',
  coverage: '环节覆盖',
  conditions: '各等级条件',
  gap: (tier: string) => `迈向${tier}`,
  errors: (n: number) => `错误（${n}）`,
  warnings: (n: number) => `提示（${n}）`,
  incomplete: '（尚未填写完整）',
  none: '无',
  rubric: '评价标准',
  exists: (f: string) => `${f} 已存在；要覆盖请加 --force`,
  wrote: (f: string) => `已写入 ${f}\n`,
  notWorkbook: (f: string) => `${f} 不是 .xlsx 工作簿`,
  noInputs: '请给出要合并的文件或文件夹',
  nothingUsable: '没有可合并的文件：所有文件都无法读取或被跳过（见上）',
  mergeSummary: (out: string, rows: number, merged: number, replaced: number, skipped: number, kept: number) =>
    `已写入 ${out}：共 ${rows} 家企业（本次合并 ${merged} 个文件，被较新文件替换 ${replaced} 个，跳过 ${skipped} 个，保留原有 ${kept} 行）\n`,
};
type CliText = typeof zh;
const en: CliText = {
  cannotRead: (f, code) => `cannot read ${f}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code}`,
  readTimeout: (s) => `reading took more than ${s} s and was stopped (a damaged file? --file-timeout allows more)`,
  readMemory: (mb) => `reading needed more than ${mb} MB and was stopped (a damaged file?)`,
  readCrashed: (why) => `reading failed and was stopped: ${why}`,
  folderUnreadable: (code) => `this folder cannot be read (${code === 'EACCES' ? 'permission denied' : code}); its files were not merged`,
  notJson: (f, why) => `${f} is not valid JSON: ${why}`,
  notAssessment: (f, why) => `${f} is not an assessment: ${why}`,
  notAnObject: 'expected a JSON object',
  andMore: (n) => `; and ${n} more`,
  unknownRubric: (f, id, known) => `${f} uses an unknown rubric ${id} (known: ${known.join(', ')})`,
  badLang: (v) => `--lang must be zh or en, not ${v}`,
  composite: 'Composite',
  tier: 'Reference tier',
  size: 'Enterprise size',
  counts: 'Scenarios (at tier or above)',
  coverage: 'Segments covered',
  conditions: 'Tier conditions',
  gap: (tier) => `Toward ${tier}`,
  errors: (n) => `Errors (${n})`,
  warnings: (n) => `Warnings (${n})`,
  incomplete: ' (not complete yet)',
  none: 'none',
  rubric: 'Rubric',
  exists: (f) => `${f} exists; add --force to overwrite it`,
  wrote: (f) => `wrote ${f}\n`,
  notWorkbook: (f) => `${f} is not an .xlsx workbook`,
  noInputs: 'name the files or folders to merge',
  nothingUsable: 'nothing to merge: every file was unreadable or skipped (see above)',
  mergeSummary: (out, rows, merged, replaced, skipped, kept) =>
    `wrote ${out}: ${rows} enterprises (${merged} files merged, ${replaced} replaced by newer ones, ${skipped} skipped, ${kept} existing rows kept)\n`,
};

export function cliText(lang: Lang): CliText {
  return lang === 'en' ? en : zh;
}

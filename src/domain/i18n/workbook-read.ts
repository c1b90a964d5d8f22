// What the .xlsx reader says about a file it refuses, in Chinese and English: one line a person can act on,
// naming the defined name, sheet and cell where there is one.
import type { Lang } from './lang';
import { catalogue } from './catalogue';
import { counted } from './plural';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const zh = {
  empty: '文件是空的',
  notZip: '不是 .xlsx 文件（可能是改了扩展名的 .csv 或其他文件）',
  corrupt: (detail: string) => `.xlsx 文件已损坏：${detail}`,
  tooLarge: (bytes: number) => `解压后超过 ${mb(bytes)} MB（疑似压缩炸弹），未读取`,
  tooManyEntries: (n: number) => `压缩包内的部件超过 ${n} 个（疑似压缩炸弹），未读取`,
  tooManyCells: (n: number) => `工作表中的单元格超过 ${n} 个，未读取`,
  tooManyStrings: (n: number) => `共享字符串超过 ${n} 个，未读取`,
  tooManyNames: (n: number) => `定义的名称超过 ${n} 个，未读取`,
  tooManySheets: (n: number) => `工作表或关系超过 ${n} 个，未读取`,
  tooManyRows: (name: string, n: number) => `名称 ${name} 的表格超过 ${n} 行，未读取`,
  rangeTooLarge: (name: string, cells: number) => `区域过大：名称 ${name} 覆盖 ${cells} 个单元格，不是本工具生成的工作簿`,
  nameNotArea: (name: string, formula: string) => `名称 ${name} 应指向一个单元格区域，实为「${formula}」，未读取`,
  nameTwice: (name: string) => `名称 ${name} 被定义了不止一次，未读取`,
  nameNoSheet: (name: string, sheet: string) => `名称 ${name} 指向的工作表「${sheet}」不存在，未读取`,
  nameMoved: (name: string, actual: string, expected: string, version: number) =>
    `名称 ${name} 指向 ${actual}，按第 ${version} 版版式应为 ${expected}：工作簿被改动过，未读取（请用原模板重新填写）`,
  nameMissing: (name: string, expected: string) => `缺少名称 ${name}（应为 ${expected}）：工作簿被改动过，未读取`,
  mergedNotAssessment: '这是合并生成的推荐汇总表，不是企业自评工作簿：要保留其中的各行，命令行用 --into，加载项请在这张汇总表中合并',
  notOurs: '不是智能工厂自评工作簿（不是在本工具的自评表中填写的）：请在 sfa template 或加载项「插入自评表」生成的自评表中填写后再提交',
  badVersion: (v: string) => `版式版本「${v}」无效，未读取`,
  newerVersion: (v: string, known: number) => `工作簿版式为第 ${v} 版，本工具只认识到第 ${known} 版：请更新 sfa`,
  unknownRubric: (id: string, known: string[]) => `评价标准 ${id} 未知（可用：${known.join('、')}）`,
  notMerged: '不是合并生成的推荐汇总表：请给出 sfa merge 或加载项「合并推荐汇总表」写出的汇总表',
};
export type WorkbookReadText = typeof zh;

export const WORKBOOK_READ_TEXT = catalogue(zh, {
  empty: 'the file is empty',
  notZip: 'not an .xlsx file (perhaps a renamed .csv or other file)',
  corrupt: (detail) => `the .xlsx file is corrupt: ${detail}`,
  tooLarge: (bytes) => `expands to more than ${mb(bytes)} MB (a zip bomb?); not read`,
  tooManyEntries: (n) => `more than ${n} parts in the zip (a zip bomb?); not read`,
  tooManyCells: (n) => `more than ${counted(n, 'cell')} in its sheets; not read`,
  tooManyStrings: (n) => `more than ${n} shared strings; not read`,
  tooManyNames: (n) => `more than ${n} defined names; not read`,
  tooManySheets: (n) => `more than ${n} sheets or relationships; not read`,
  tooManyRows: (name, n) => `the table of the name ${name} has more than ${counted(n, 'row')}; not read`,
  rangeTooLarge: (name, cells) => `a range is too large: the name ${name} covers ${counted(cells, 'cell')}; not a workbook of this tool`,
  nameNotArea: (name, formula) => `the name ${name} should point at a range of cells, not “${formula}”; not read`,
  nameTwice: (name) => `the name ${name} is defined more than once; not read`,
  nameNoSheet: (name, sheet) => `the name ${name} points at a sheet “${sheet}” that does not exist; not read`,
  nameMoved: (name, actual, expected, version) =>
    `the name ${name} points at ${actual}, but layout version ${version} puts it at ${expected}: the workbook was altered; not read (fill in a fresh template)`,
  nameMissing: (name, expected) => `the name ${name} is missing (it should be ${expected}): the workbook was altered; not read`,
  mergedNotAssessment: 'this is a merged summary, not an enterprise workbook: to keep its rows use --into (command line) or merge inside it (add-in)',
  notOurs:
    'not a smart-factory self-assessment workbook (not filled in on this tool’s template): fill in the workbook that sfa template or the add-in’s 插入自评表 makes, and send it again',
  badVersion: (v) => `the layout version “${v}” is not valid; not read`,
  newerVersion: (v, known) => `the workbook has layout version ${v}; this tool knows up to ${known}: update sfa`,
  unknownRubric: (id, known) => `unknown rubric ${id} (known: ${known.join(', ')})`,
  notMerged: 'not a merged summary: give the summary that sfa merge or the add-in’s 合并推荐汇总表 wrote',
});

export function workbookReadText(lang: Lang): WorkbookReadText {
  return WORKBOOK_READ_TEXT[lang];
}

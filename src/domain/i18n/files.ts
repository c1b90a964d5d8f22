// What is wrong with an input file as a whole, said the same way by `sfa` and the pane (each names the file
// in its own way around it). Chinese first; every key in both languages.
import type { JsonSyntaxProblem } from '../assessment/json';
import type { Lang } from './lang';

const zh = {
  jsonSyntax: (p: JsonSyntaxProblem) =>
    p.truncated
      ? '内容在结尾处不完整（文件可能没有保存完或被截断）'
      : p.line !== undefined
        ? `第 ${p.line} 行第 ${p.column} 列不符合 JSON 格式${p.token ? `（「${p.token}」）` : ''}`
        : `含有不符合 JSON 格式的内容${p.token ? `「${p.token}」` : ''}`,
  notJson: (why: string) => `不是有效的 JSON：${why}`,
  neitherWorkbookNorJson: '既不是 .xlsx 工作簿，也不是 JSON 格式的自评数据（sfa 读取 sfa template 生成的 .xlsx 自评表和 .json 自评数据）',
};
type FileMessages = typeof zh;
const en: FileMessages = {
  jsonSyntax: (p) =>
    p.truncated
      ? 'it ends too soon (the file may not have been saved completely)'
      : p.line !== undefined
        ? `line ${p.line}, column ${p.column} is not JSON${p.token ? ` (“${p.token}”)` : ''}`
        : `it holds text that is not JSON${p.token ? `: “${p.token}”` : ''}`,
  notJson: (why) => `not valid JSON: ${why}`,
  neitherWorkbookNorJson: 'is neither an .xlsx workbook nor an assessment in JSON (sfa reads the .xlsx workbooks sfa template makes and .json assessments)',
};

export const FILE_MESSAGES: Record<Lang, FileMessages> = { zh, en };
export const fileMessages = (lang: Lang): FileMessages => FILE_MESSAGES[lang];

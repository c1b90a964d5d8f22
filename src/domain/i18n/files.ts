// What is wrong with an input file as a whole, said the same way by `sfa` and the pane (each names the file
// in its own way around it; 合并明细 puts 「无法读取：」 in front, so these never say it again). Chinese first;
// every key in both languages.
import type { JsonSyntaxProblem } from '../assessment/json';
import type { Lang } from './lang';
import { catalogue } from './catalogue';

const zh = {
  jsonSyntax: (p: JsonSyntaxProblem) =>
    p.truncated
      ? '内容在结尾处不完整（文件可能没有保存完或被截断）'
      : p.line !== undefined
        ? `第 ${p.line} 行第 ${p.column} 列不符合 JSON 格式${p.token ? `（「${p.token}」）` : ''}`
        : `含有不符合 JSON 格式的内容${p.token ? `「${p.token}」` : ''}`,
  notJson: (why: string) => `不是有效的 JSON：${why}`,
  encrypted:
    '这是设了打开密码的（加密的）工作簿：请在 Excel 或 WPS 中打开它，去掉打开密码（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后保存，再提交',
  oldXls: '这是旧的 .xls/.et 格式工作簿（只能读取 .xlsx）：请在 Excel 或 WPS 中打开它，另存为 .xlsx（Excel 工作簿）后再提交',
  otherOle: '这是 Office 旧格式的文件，不是 .xlsx 工作簿：请另存为 .xlsx 后再提交',
  otherSpreadsheet: (ext: string) => `这是 ${ext} 格式的表格（只能读取 .xlsx）：请在 Excel、WPS 或 LibreOffice 中打开它，另存为 .xlsx 后再提交`,
  neitherWorkbookNorJson: '既不是 .xlsx 工作簿，也不是 JSON 格式的自评数据（sfa 读取 sfa template 生成的 .xlsx 自评表和 .json 自评数据）',
};
type FileMessages = typeof zh;
export const FILE_MESSAGES = catalogue(zh, {
  jsonSyntax: (p) =>
    p.truncated
      ? 'it ends too soon (the file may not have been saved completely)'
      : p.line !== undefined
        ? `line ${p.line}, column ${p.column} is not JSON${p.token ? ` (“${p.token}”)` : ''}`
        : `it holds text that is not JSON${p.token ? `: “${p.token}”` : ''}`,
  notJson: (why) => `not valid JSON: ${why}`,
  encrypted:
    'a workbook with an opening password (encrypted): open it in Excel or WPS, remove the password (Excel: File › Info › Protect Workbook › Encrypt with Password, clear it), save, and send it again',
  oldXls: 'an old .xls/.et workbook (only .xlsx is read): open it in Excel or WPS, save it as .xlsx (Excel Workbook) and send it again',
  otherOle: 'an old Office file, not an .xlsx workbook: save it as .xlsx and send it again',
  otherSpreadsheet: (ext) => `a ${ext} spreadsheet (only .xlsx is read): open it in Excel, WPS or LibreOffice, save it as .xlsx and send it again`,
  neitherWorkbookNorJson: 'is neither an .xlsx workbook nor an assessment in JSON (sfa reads the .xlsx workbooks sfa template makes and .json assessments)',
});

export const fileMessages = (lang: Lang): FileMessages => FILE_MESSAGES[lang];

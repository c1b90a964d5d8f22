// The command line's own sentences (file errors, headings, help and usage errors), Chinese first, every key in
// both languages. Sentences the pane says too live in files.ts and messages.ts.
import type { Lang } from './lang';
import { catalogue } from './catalogue';
import { counted } from './plural';

/** What sfa was doing with a path when the file system refused: reading a file, writing one, listing a folder. */
export type FsAction = 'read' | 'write' | 'list';
/** A file-system failure by what the user can do about it (cli/fs-errors.ts maps error codes to these). */
export type FsProblem =
  'missing' | 'noFolder' | 'notFolder' | 'isFolder' | 'exists' | 'locked' | 'denied' | 'readOnly' | 'full' | 'tooLong' | 'tooManyOpen' | 'linkLoop' | 'other';

/** Why an input file was refused without being read (cli/input-file.ts decides, this says it). */
export type SpecialKind = 'fifo' | 'device' | 'socket' | 'other';
export type InputRefusal =
  | { kind: 'not-regular'; what: SpecialKind }
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'changed' }
  | { kind: 'dangling-link' }
  | { kind: 'link-outside' }
  | { kind: 'link-loop' };

const ZH_SPECIAL: Record<SpecialKind, string> = { fifo: '命名管道（FIFO）', device: '设备文件', socket: '套接字', other: '特殊文件' };
const EN_SPECIAL: Record<SpecialKind, string> = { fifo: 'a named pipe (FIFO)', device: 'a device', socket: 'a socket', other: 'a special file' };
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** What a command writes, by the extension its name must end in. */
export type OutputExt = '.xlsx' | '.json' | '.docx';
const ZH_OUTPUT: Record<OutputExt, string> = { '.xlsx': '工作簿', '.json': 'JSON 格式的自评数据', '.docx': 'Word 文档' };
const EN_OUTPUT: Record<OutputExt, string> = { '.xlsx': 'a workbook', '.json': 'an assessment in JSON', '.docx': 'a Word document' };

const ZH_VERB: Record<FsAction, string> = { read: '读取', write: '写入', list: '读取文件夹' };
const EN_VERB: Record<FsAction, string> = { read: 'read', write: 'write', list: 'list the folder' };

const zh = {
  readTimeout: (s: number) => `读取超过 ${s} 秒，已中止（文件可能有问题；可用 --file-timeout 放宽）`,
  readMemory: (mb: number) => `读取时内存超过 ${mb} MB，已中止（文件可能有问题）`,
  readCrashed: (why: string) => `读取时出错，已中止：${why}`,
  folderUnreadable: (why: string) => `${why}；其中的文件未合并`,
  notJson: (f: string, why: string) => `${f} 不是有效的 JSON：${why}`,
  notAssessment: (f: string, why: string) => `${f} 不是自评数据：${why}`,
  notAnObject: '应为 JSON 对象',
  andMore: (n: number) => `；另有 ${n} 处`,
  unknownRubric: (f: string, id: string, known: string[]) => `${f} 使用的评价标准 ${id} 未知（可用：${known.join('、')}）`,
  badLang: (v: string) => `--lang 应为 zh 或 en，而不是 ${v}`,
  fs: (p: FsProblem, action: FsAction, path: string, folder: string, code: string): string => {
    switch (p) {
      case 'missing':
        return action === 'list' ? `文件夹 ${path} 不存在，请检查路径` : `${path} 不存在，请检查文件名和路径`;
      case 'noFolder':
        return `无法写入 ${path}：文件夹 ${folder} 不存在，请先建立该文件夹或换一个位置`;
      case 'notFolder':
        return `无法${ZH_VERB[action]} ${path}：路径中有一段是文件而不是文件夹，请检查路径`;
      case 'isFolder':
        return action === 'write' ? `${path} 是一个文件夹；请给出要写入的文件名` : `${path} 是一个文件夹，不是文件`;
      case 'exists':
        return `${path} 已存在；要覆盖请加 --force`;
      case 'locked':
        return `无法${ZH_VERB[action]} ${path}：文件正被其他程序占用（可能在 Excel 或 WPS 中打开着），请关闭后重试；若没有打开，请检查是否有${ZH_VERB[action]}权限`;
      case 'denied':
        return `没有权限${ZH_VERB[action]} ${path}；请换一个位置，或请管理员开放权限`;
      case 'readOnly':
        return `无法写入 ${path}：所在位置是只读的，请换一个位置`;
      case 'full':
        return `无法写入 ${path}：磁盘空间不足，请清理后重试`;
      case 'tooLong':
        return `无法${ZH_VERB[action]} ${path}：路径太长，请换一个短一些的位置或文件名`;
      case 'tooManyOpen':
        return `无法${ZH_VERB[action]} ${path}：同时打开的文件太多，请稍后重试`;
      case 'linkLoop':
        return `无法${ZH_VERB[action]} ${path}：符号链接指向自身（循环），请检查路径`;
      case 'other':
        return `无法${ZH_VERB[action]} ${path}（系统错误 ${code}）`;
    }
  },
  help: {
    program: '智能工厂自评助手：江苏省先进级智能工厂的自评、评分和推荐汇总',
    titles: {
      'Usage:': '用法：',
      'Options:': '选项：',
      'Commands:': '命令：',
      'Arguments:': '参数：',
      'Global Options:': '通用选项：',
      '[options]': '[选项]',
      '[command]': '[命令]',
    } as Record<string, string>,
    /** The names of arguments and option values, as usage lines, 参数 and usage errors show them. */
    args: {
      file: '<文件>',
      summary: '<汇总表>',
      paths: '[路径...]',
      lang: '<语言>',
      unit: '<名称>',
      contact: '<姓名>',
      phone: '<电话>',
      date: '<YYYY-MM-DD>',
      seconds: '<秒数>',
    },
    helpOption: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    version: '显示版本号',
    lang: '提示语言：zh（中文，默认）或 en（英文）',
    output: {
      file: (name: string) => `输出文件（默认：${name}）`,
      stdout: '输出文件（默认：输出到屏幕）',
      summary: '要写入的推荐汇总表，例如 推荐汇总表.xlsx',
      force: '覆盖已存在的文件',
      forceInto: '覆盖已存在的输出文件（就地更新 --into 的汇总表时不需要）',
    },
    score: {
      description: '为自评数据（.json）或自评表（.xlsx）评分并输出报告',
      file: '自评数据（.json）或自评表（.xlsx）',
      json: '以 JSON 输出评分报告（格式见 ASSESSMENT-JSON.md）',
    },
    template: {
      description: '生成自评表（.xlsx），可用已有的自评数据预先填好',
      from: '用这份自评数据（.json 或 .xlsx）预先填写',
    },
    export: { description: '把自评表导出为交换用的 JSON 自评数据', file: '自评表（.xlsx）' },
    application: {
      description: '按附件5的格式生成可打印的申报书（Word .docx）',
      file: '自评表（.xlsx）或自评数据（.json）',
    },
    merge: {
      description: '把多家企业的自评表（.xlsx）和自评数据（.json）合并为一张推荐汇总表',
      paths: '文件或文件夹（包括子文件夹）；只给 --into 时按推荐顺序重新排序',
      unit: '推荐单位名称',
      contact: '联系人',
      phone: '联系电话',
      into: '以前合并出的推荐汇总表：保留其中的行，同一企业较新的文件替换原来的行',
      strict: '有错误的文件不合并（默认合并，并列出其中的错误）',
      json: '以 JSON 输出合并报告（统计表的数字在 stats 下）',
      stats: '以文字输出统计表的数字',
      fileTimeout: '单个文件读取超过这么多秒即中止并报告（默认 60）',
    },
    letter: {
      description: '按合并出的推荐汇总表生成推荐函（.docx，公文格式）',
      summary: 'sfa merge 生成的推荐汇总表（.xlsx）',
      date: '成文日期 YYYY-MM-DD（默认：今天）',
      unit: '推荐单位名称（默认：取汇总表中的）',
      contact: '联系人（默认：取汇总表中的）',
      phone: '联系电话（默认：取汇总表中的）',
    },
  },
  usage: {
    unknownOption: (flag: string, suggestion: string | undefined) => `没有 ${flag} 这个选项${suggestion ? `（是否想用 ${suggestion}？）` : ''}`,
    unknownCommand: (name: string, suggestion: string | undefined, commands: string[]) =>
      `没有 ${name} 这个命令${suggestion ? `（是否想用 ${suggestion}？）` : ''}；可用的命令：${commands.join('、')}`,
    missingArgument: (name: string) => `缺少参数 <${name}>`,
    optionMissingArgument: (flags: string) => `选项 ${flags} 后面需要一个值`,
    missingMandatoryOption: (flags: string) => `必须给出选项 ${flags}`,
    excessArguments: (expected: number, got: number) => `参数太多：应为 ${expected} 个，给出了 ${got} 个`,
    other: (text: string) => `命令行有误：${text}`,
    seeHelp: (command: string | undefined) => `运行 sfa ${command ? `${command} ` : ''}--help 查看用法`,
    positiveNumber: (option: string, v: string) => `${option} 应为大于 0 的数（秒），而不是 ${v}`,
  },
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
  wrote: (f: string) => `已写入 ${f}\n`,
  notWorkbook: (f: string) => `${f} 不是 .xlsx 工作簿`,
  noApplicationForm: (f: string, rubric: string) => `${f}：评价标准 ${rubric} 没有申报书模板`,
  noApplicationData: (f: string) =>
    `${f} 中没有申报书（附件5）的内容，未生成申报书：请先在自评表的申报书各工作表（申报书-基本信息 至 附件清单）中填写，或在 JSON 中填写 application 部分（示例见 examples/application.json）`,
  noInputs: '请给出要合并的文件或文件夹',
  outputWrongExt: (f: string, ext: OutputExt) => `-o ${f}：要写入的是${ZH_OUTPUT[ext]}，文件名应以 ${ext} 结尾`,
  /** `-o 文件夹`: the file name to give ends in what the command writes. */
  outputIsFolder: (f: string, ext: OutputExt) => `${f} 是一个文件夹；请给出要写入的文件名（以 ${ext} 结尾）`,
  outputIsInput: (f: string, input: string, merged: boolean) =>
    merged
      ? `-o ${f} 就是要合并的文件 ${input}；请换一个输出文件名，以免覆盖企业的自评表`
      : `-o ${f} 就是要读取的文件 ${input}；请换一个输出文件名，以免覆盖它`,
  intoNotXlsx: (f: string) => `--into ${f}：应为以前合并出的推荐汇总表（.xlsx）`,
  waitingForLock: (f: string, pid: number | undefined, host: string | undefined) =>
    `另一个 sfa${pid ? `（${host ? `${host} 上的` : ''}进程 ${pid}）` : ''}正在写入 ${f}，等待它完成……\n`,
  lockTimeout: (f: string, lockFile: string) => `${f} 一直被另一个 sfa 占用；如确认没有别的合并在运行，删除 ${lockFile} 后重试`,
  nothingUsable: '没有可合并的文件：所有文件都无法读取或被跳过（见上）',
  spillFailed: (why: string) => `合并时需要在临时文件夹中暂存各文件的结果，但${why}；可用环境变量 TMPDIR 指定另一个文件夹后重试`,
  letterBadDate: (d: string) => `--date ${d}：日期应为 YYYY-MM-DD，例如 2025-04-03`,
  letterNoRows: (f: string) => `${f}：推荐汇总表中没有企业，无法生成推荐函`,
  toVerify: (why: string) => `需核实：${why}`,
  flaggedCount: (n: number) => `${n} 项需核实（统一社会信用代码重复、日期或保存的结果不符），见合并明细\n`,
  refused: (r: InputRefusal): string => {
    switch (r.kind) {
      case 'not-regular':
        return `不是普通文件，而是${ZH_SPECIAL[r.what]}，未打开`;
      case 'too-large':
        return `文件过大（${mb(r.bytes)} MB，上限 ${mb(r.limit)} MB），不是自评表，未读取`;
      case 'changed':
        return '文件在检查之后被替换（换成了链接或特殊文件），未读取；请重新运行';
      case 'dangling-link':
        return '符号链接指向的文件不存在，已跳过';
      case 'link-outside':
        return '符号链接指向所给文件夹之外，未读取（只跟随指向文件夹之内的链接）';
      case 'link-loop':
        return '符号链接循环指向自身，已跳过';
    }
  },
  mergeSummary: (out: string, rows: number, merged: number, replaced: number, skipped: number, kept: number) =>
    `已写入 ${out}：共 ${rows} 家企业（本次合并 ${merged} 个文件，被较新文件替换 ${replaced} 个，跳过 ${skipped} 个，保留原有 ${kept} 行）\n`,
  /** `sfa score`'s part on the 申报书 (附件5). */
  application: {
    status: (complete: boolean) => `申报书（附件5）：${complete ? '已完整' : '未完成'}`,
    sectionErrors: (n: number) => `，错误 ${n}`,
    errors: (n: number) => `申报书错误（${n}）`,
    warnings: (n: number) => `申报书提示（${n}）`,
  },
};
type CliText = typeof zh;
export const CLI_TEXT = catalogue(zh, {
  readTimeout: (s) => `reading took more than ${s} s and was stopped (a damaged file? --file-timeout allows more)`,
  readMemory: (mb) => `reading needed more than ${mb} MB and was stopped (a damaged file?)`,
  readCrashed: (why) => `reading failed and was stopped: ${why}`,
  folderUnreadable: (why) => `${why}; its files were not merged`,
  notJson: (f, why) => `${f} is not valid JSON: ${why}`,
  notAssessment: (f, why) => `${f} is not an assessment: ${why}`,
  notAnObject: 'expected a JSON object',
  andMore: (n) => `; and ${n} more`,
  unknownRubric: (f, id, known) => `${f} uses an unknown rubric ${id} (known: ${known.join(', ')})`,
  badLang: (v) => `--lang must be zh or en, not ${v}`,
  fs: (p, action, path, folder, code) => {
    switch (p) {
      case 'missing':
        return action === 'list' ? `the folder ${path} does not exist; check the path` : `${path} does not exist; check the file name and path`;
      case 'noFolder':
        return `cannot write ${path}: the folder ${folder} does not exist; create it first or choose another place`;
      case 'notFolder':
        return `cannot ${EN_VERB[action]} ${path}: a part of the path is a file, not a folder; check the path`;
      case 'isFolder':
        return action === 'write' ? `${path} is a folder; give the name of the file to write` : `${path} is a folder, not a file`;
      case 'exists':
        return `${path} exists; add --force to overwrite it`;
      case 'locked':
        return `cannot ${EN_VERB[action]} ${path}: another program holds the file (open in Excel or WPS?); close it and try again, or check that you may ${EN_VERB[action]} it`;
      case 'denied':
        return `no permission to ${EN_VERB[action]} ${path}; choose another place or ask an administrator for access`;
      case 'readOnly':
        return `cannot write ${path}: the place is read-only; choose another place`;
      case 'full':
        return `cannot write ${path}: the disk is full; free some space and try again`;
      case 'tooLong':
        return `cannot ${EN_VERB[action]} ${path}: the path is too long; choose a shorter place or name`;
      case 'tooManyOpen':
        return `cannot ${EN_VERB[action]} ${path}: too many files are open; try again later`;
      case 'linkLoop':
        return `cannot ${EN_VERB[action]} ${path}: a symbolic link points to itself; check the path`;
      case 'other':
        return `cannot ${EN_VERB[action]} ${path} (system error ${code})`;
    }
  },
  help: {
    program: 'Smart factory self-assessment: self-assess, score and summarise for the Jiangsu advanced smart-factory programme',
    titles: {},
    args: {
      file: '<file>',
      summary: '<summary>',
      paths: '[paths...]',
      lang: '<lang>',
      unit: '<name>',
      contact: '<name>',
      phone: '<phone>',
      date: '<YYYY-MM-DD>',
      seconds: '<seconds>',
    },
    helpOption: 'display help',
    helpCommand: 'display help for a command',
    version: 'display the version number',
    lang: 'message language: zh (Chinese, default) or en (English)',
    output: {
      file: (name) => `output file (default: ${name})`,
      stdout: 'output file (default: standard output)',
      summary: 'the merged workbook to write, e.g. 推荐汇总表.xlsx',
      force: 'overwrite an existing file',
      forceInto: 'overwrite an existing output file (not needed to update the --into summary in place)',
    },
    score: {
      description: 'score an assessment (.json) or a workbook (.xlsx) and print the report',
      file: 'assessment (.json) or workbook (.xlsx)',
      json: 'print the report as JSON (ASSESSMENT-JSON.md)',
    },
    template: {
      description: 'write the self-assessment workbook (.xlsx), optionally filled from an assessment',
      from: 'fill it from this assessment (.json or .xlsx)',
    },
    export: { description: 'write the exchange JSON of a workbook', file: 'workbook (.xlsx)' },
    application: {
      description: 'write the printable 申报书 (附件5) as a Word document (.docx)',
      file: 'workbook (.xlsx) or assessment (.json)',
    },
    merge: {
      description: 'merge enterprise workbooks (.xlsx) and assessments (.json) into one 推荐汇总表',
      paths: 'files or folders (searched recursively); none with --into re-sorts by 推荐顺序',
      unit: 'recommending unit (推荐单位名称)',
      contact: 'contact name (联系人)',
      phone: 'contact phone (联系电话)',
      into: 'an earlier merged summary whose rows are kept, or replaced by newer files of the same enterprise',
      strict: 'skip files that have errors instead of merging them with their errors listed',
      json: 'print the merge report as JSON (the figures of 统计 under "stats")',
      stats: 'print the figures of 统计 as text',
      fileTimeout: 'stop reading a file after this many seconds and report it (default 60)',
    },
    letter: {
      description: "write the bureau's cover letter (推荐函, .docx, official-document layout) for a merged 推荐汇总表",
      summary: 'the merged summary (.xlsx) written by sfa merge',
      date: 'date of the letter, YYYY-MM-DD (default: today)',
      unit: "recommending unit (default: the summary's)",
      contact: "contact name (default: the summary's)",
      phone: "contact phone (default: the summary's)",
    },
  },
  usage: {
    unknownOption: (flag, suggestion) => `unknown option ${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
    unknownCommand: (name, suggestion, commands) =>
      `unknown command ${name}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; the commands are ${commands.join(', ')}`,
    missingArgument: (name) => `missing argument <${name}>`,
    optionMissingArgument: (flags) => `option ${flags} needs a value`,
    missingMandatoryOption: (flags) => `option ${flags} is required`,
    excessArguments: (expected, got) => `too many arguments: expected ${expected}, got ${got}`,
    other: (text) => `bad command line: ${text}`,
    seeHelp: (command) => `run sfa ${command ? `${command} ` : ''}--help for usage`,
    positiveNumber: (option, v) => `${option} must be a number above 0 (seconds), not ${v}`,
  },
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
  wrote: (f) => `wrote ${f}\n`,
  notWorkbook: (f) => `${f} is not an .xlsx workbook`,
  noApplicationForm: (f, rubric) => `${f}: rubric ${rubric} has no application form`,
  noApplicationData: (f) =>
    `${f} holds no 申报书 (application, annex 5) data, so no document was written: fill in the workbook's 申报书 sheets (申报书-基本信息 to 附件清单) or the JSON's application section first (example: examples/application.json)`,
  noInputs: 'name the files or folders to merge',
  outputWrongExt: (f, ext) => `-o ${f}: the output is ${EN_OUTPUT[ext]}; its name must end in ${ext}`,
  outputIsFolder: (f, ext) => `${f} is a folder; give the name of the file to write (ending in ${ext})`,
  outputIsInput: (f, input, merged) =>
    merged
      ? `-o ${f} is the input ${input}; choose another output name so that no enterprise workbook is overwritten`
      : `-o ${f} is the file read, ${input}; choose another output name so that it is not overwritten`,
  intoNotXlsx: (f) => `--into ${f}: expected an earlier merged summary (.xlsx)`,
  waitingForLock: (f, pid, host) => `another sfa${pid ? ` (process ${pid}${host ? ` on ${host}` : ''})` : ''} is writing ${f}; waiting for it to finish…\n`,
  lockTimeout: (f, lockFile) => `${f} stays held by another sfa; if no other merge is running, delete ${lockFile} and try again`,
  nothingUsable: 'nothing to merge: every file was unreadable or skipped (see above)',
  spillFailed: (why) => `a merge keeps each file's results in a temporary folder while it runs, but ${why}; set TMPDIR to another folder and try again`,
  letterBadDate: (d) => `--date ${d}: the date must be YYYY-MM-DD, e.g. 2025-04-03`,
  letterNoRows: (f) => `${f}: the summary lists no enterprise; no letter to write`,
  toVerify: (why) => `to verify: ${why}`,
  flaggedCount: (n) => `${n} to verify (duplicate credit codes, dates or saved results that disagree): see the merge details\n`,
  refused: (r) => {
    switch (r.kind) {
      case 'not-regular':
        return `not a regular file but ${EN_SPECIAL[r.what]}; not opened`;
      case 'too-large':
        return `too large (${mb(r.bytes)} MB, the limit is ${mb(r.limit)} MB) to be an assessment; not read`;
      case 'changed':
        return 'the file was replaced (by a link or a special file) after it was checked; not read — run again';
      case 'dangling-link':
        return 'a symbolic link to a file that does not exist; skipped';
      case 'link-outside':
        return 'a symbolic link out of the folder given; not read (only links within it are followed)';
      case 'link-loop':
        return 'a symbolic link that loops; skipped';
    }
  },
  mergeSummary: (out, rows, merged, replaced, skipped, kept) =>
    `wrote ${out}: ${counted(rows, 'enterprise')} (${counted(merged, 'file')} merged, ${replaced} replaced by newer ones, ${skipped} skipped, ${counted(kept, 'existing row')} kept)\n`,
  application: {
    status: (complete) => `Application (附件5): ${complete ? 'complete' : 'not complete'}`,
    sectionErrors: (n) => `, ${counted(n, 'error')}`,
    errors: (n) => `Application errors (${n})`,
    warnings: (n) => `Application warnings (${n})`,
  },
});

export function cliText(lang: Lang): CliText {
  return CLI_TEXT[lang];
}

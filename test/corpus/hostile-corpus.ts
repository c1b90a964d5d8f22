// The hostile corpus of issue 14, generated on disk (never hand-made files): what a careless or hostile
// enterprise (or a bureau's folder) can hold, one file or entry per finding, each with what `sfa merge` must
// say. The reader's findings (items 3–5: zip and XML bombs, typed values, redirected names) come in as a
// sample of the fuzz cases of ./fuzz.ts; the rest are written here:
//   1 texts a workbook cannot store (U+FFFE/U+FFFF, controls, lone surrogates) in names and in a file name;
//   2 odd folder entries: FIFOs, a dangling link, links out of the folder (a system file, /dev/zero), a huge file;
//   6 a competitor's credit code under another name dated 2099-12-31, a pre-edition date, forged saved results;
//   8 text over 32,767 characters, rubric "__proto__", employees 1e400, a key given twice, broken JSON.
//
//   npm run corpus -- <dir> --hostile     writes it into <dir>/hostile and lists every entry with its expectation
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRubric } from '../../src/domain/rubrics';
import { buildLayout } from '../../src/workbook/layout';
import { NAMES } from '../../src/workbook/names';
import { splitRef } from '../../src/workbook/a1';
import { enterpriseAssessment, enterpriseWorkbook, type EnterpriseSpec } from './make-corpus';
import { fuzzCases } from './fuzz';
import { readZip, writeZip } from './zip';

export interface HostileEntry {
  /** Path inside the batch folder. */
  path: string;
  /** Issue 14 item. */
  item: number;
  /** What its line on stderr (or in 合并明细) must say; undefined: whatever it is, in our words. */
  expect?: RegExp;
  note: string;
}

export interface HostileCorpus {
  root: string;
  entries: HostileEntry[];
  /** Text that must appear nowhere in the output (the content of files outside the folder). */
  secrets: string[];
}

const victim: EnterpriseSpec = {
  name: '江苏受害者精密机械有限公司',
  code17: '91320100MA1H00001',
  aim: 'advanced',
  score: 75,
  fillDate: '2025-03-01',
  city: '南京',
};

/** The workbook with the cached result of SFA_COMPOSITE forged (as if edited outside Excel). */
async function forgedCache(spec: EnterpriseSpec, composite: number): Promise<Buffer> {
  const good = await enterpriseWorkbook(enterpriseAssessment(spec));
  const ref = buildLayout(getRubric()!).names.find((n) => n.name === NAMES.composite)!.ref;
  const { sheet, range } = splitRef(ref);
  const cell = range.replace(/\$/g, '');
  const entries = readZip(good);
  const wb = entries.find((e) => e.name === 'xl/workbook.xml')!.data!.toString();
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!.data!.toString();
  const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!.replace(/^\/?xl\//, '')}`;
  const e = entries.find((x) => x.name === part)!;
  e.data = Buffer.from(e.data!.toString().replace(new RegExp(`(<c r="${cell}"[^>]*>)(<f>[\\s\\S]*?</f>)(<v>[^<]*</v>)?`), `$1$2<v>${composite}</v>`));
  return writeZip(entries);
}

const json = (o: unknown) => JSON.stringify(o);

export async function makeHostileCorpus(dir: string): Promise<HostileCorpus> {
  const root = join(dir, 'hostile', '批次');
  const outside = join(dir, 'hostile', '别处');
  mkdirSync(root, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const entries: HostileEntry[] = [];
  const add = (path: string, item: number, expect: RegExp | undefined, note: string) => entries.push({ path, item, ...(expect ? { expect } : {}), note });
  const put = (path: string, data: Buffer | string) => writeFileSync(join(root, path), data);
  const base = enterpriseAssessment(victim);

  // 1 — characters XML 1.0 forbids
  put(
    '名称含控制字符.json',
    json({ ...base, profile: { ...base.profile, enterpriseName: '恶意\uFFFE企业\uFFFF\u0000\u001B[31m有限公司', creditCode: undefined } }),
  );
  add('名称含控制字符.json', 1, /企业名称含 4 个工作簿不能保存的字符/, 'U+FFFE, U+FFFF, NUL and ESC in 企业名称');
  put('文件名\uFFFE\u0007.json', json({ ...base, profile: { ...base.profile, enterpriseName: '文件名企业有限公司', creditCode: undefined } }));
  add('文件名\uFFFE\u0007.json', 1, undefined, 'U+FFFE and BEL in the file name (shown as �)');

  // 2 — folder entries
  for (let i = 0; i < 4; i++) {
    execFileSync('mkfifo', [join(root, `管道${i}.json`)]);
    add(`管道${i}.json`, 2, /命名管道/, 'a FIFO named *.json (an open would block a libuv thread)');
  }
  symlinkSync(join(root, '不存在.json'), join(root, '断链.json'));
  add('断链.json', 2, /符号链接指向的文件不存在/, 'a dangling link');
  writeFileSync(join(outside, '机密.json'), json({ ...base, profile: { ...base.profile, enterpriseName: '别处的机密企业' } }));
  symlinkSync(join(outside, '机密.json'), join(root, '外链.json'));
  add('外链.json', 2, /指向所给文件夹之外/, 'a link to a file outside the folder');
  symlinkSync('/etc/passwd', join(root, 'passwd.json'));
  add('passwd.json', 2, /指向所给文件夹之外/, 'a link to a system file');
  symlinkSync('/dev/zero', join(root, 'zero.xlsx'));
  add('zero.xlsx', 2, /指向所给文件夹之外/, 'a link to /dev/zero');
  put('巨大.xlsx', '');
  truncateSync(join(root, '巨大.xlsx'), 1900 * 1024 * 1024); // sparse: no disk used
  add('巨大.xlsx', 2, /文件过大/, 'a 1.9 GB file (sparse)');

  // 6 — what the bureau must decide
  put('受害者.xlsx', await enterpriseWorkbook(enterpriseAssessment(victim)));
  add('受害者.xlsx', 6, /统一社会信用代码 .* 还对应其他企业/, 'the real enterprise');
  put(
    '抢注者.xlsx',
    await enterpriseWorkbook(enterpriseAssessment({ ...victim, name: '抢注者科技有限公司', aim: 'leading', score: 95, fillDate: '2099-12-31' })),
  );
  add('抢注者.xlsx', 6, /填表日期 2099-12-31 晚于今天/, "a competitor's credit code, its own name, 填表日期 2099-12-31");
  put(
    '远古.xlsx',
    await enterpriseWorkbook(enterpriseAssessment({ name: '远古日期有限公司', code17: '91320100MA1H00002', aim: 'basic', score: 65, fillDate: '1900-01-01' })),
  );
  add('远古.xlsx', 6, /填表日期 1900-01-01 早于本版评价标准的启用日期/, 'a 填表日期 before the edition');
  put('篡改结果.xlsx', await forgedCache({ name: '篡改结果有限公司', code17: '91320100MA1H00003', aim: 'advanced', score: 75, fillDate: '2025-03-02' }, 91.11));
  add('篡改结果.xlsx', 6, /文件中保存的综合得分为「91\.11」/, 'SFA_COMPOSITE cached as 91.11, the inputs give 75');

  // 8 — JSON and text
  put(
    '超长文本.json',
    json({ ...base, profile: { ...base.profile, enterpriseName: '超长文本有限公司', creditCode: '91320100MA1H000049', address: '长'.repeat(40_000) } }),
  );
  add('超长文本.json', 8, /单位地址超过 Excel 单元格上限 32767 个字符/, 'a 40,000-character 单位地址');
  put('proto.json', json({ rubric: '__proto__' }));
  add('proto.json', 8, /评价标准 __proto__ 未知/, 'rubric "__proto__"');
  put('巨数.json', '{"profile": {"employees": 1e400}}');
  add('巨数.json', 8, /数值超出范围/, 'employees: 1e400');
  put('重复字段.json', json(base).replace('"enterpriseName":', '"enterpriseName":"伪装企业","enterpriseName":'));
  add('重复字段.json', 8, /字段「enterpriseName」出现了两次/, 'a key given twice (JSON.parse keeps the last)');
  put('坏JSON.json', '{"profile": {"employees": 12,,}}');
  add('坏JSON.json', 8, /不是有效的 JSON/, 'broken JSON: said by line and column, never in JSON.parse’s words');

  // 3–5 — a sample of the fuzz cases (the reader's findings)
  const sample = (await fuzzCases(7, 0, 0, 0)).filter((c) => c.kind === 'zip' || c.kind === 'xml');
  mkdirSync(join(root, '变异'), { recursive: true });
  sample.forEach((c, i) => {
    const path = `变异/${String(i).padStart(2, '0')}-${c.kind}.xlsx`;
    put(path, c.data);
    add(path, 3, undefined, c.label);
  });
  return { root, entries, secrets: ['别处的机密企业', 'root:x:0:0'] };
}

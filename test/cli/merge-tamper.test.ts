// The acceptance: the examples plus a tampered workbook (its saved results typed over to claim 领航级)
// merged — 审核 flags the tampering and the table ranks it by the recomputed tier.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLayout } from '../../src/workbook/layout';
import { NAMES } from '../../src/workbook/names';
import { splitRef } from '../../src/workbook/a1';
import { J } from '../fixtures/jiangsu';
import { runCli } from './run-cli';

const examples = join(__dirname, '..', '..', 'examples');

describe('sfa merge: a tampered workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-tamper-'));
  const inDir = join(dir, 'in');
  const out = join(dir, '汇总.xlsx');

  beforeAll(async () => {
    mkdirSync(inDir);
    for (const e of ['advanced', 'leading', 'with-errors'])
      expect((await runCli(['template', '--from', join(examples, `${e}.json`), '-o', join(inDir, `${e}.xlsx`)])).code).toBe(0);
    // Another enterprise's 先进级 workbook whose result cells were typed over: 领航级, 96.
    const a = JSON.parse(readFileSync(join(examples, 'advanced.json'), 'utf8'));
    a.profile.enterpriseName = '某某篡改有限公司';
    a.profile.creditCode = '91320100MA1W2X3Y5' + 'X';
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(a));
    const file = join(inDir, 'tampered.xlsx');
    expect((await runCli(['template', '--from', join(dir, 'tampered.json'), '-o', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const names = buildLayout(J).names;
    const at = (name: string) => splitRef(names.find((n) => n.name === name)!.ref);
    const tier = at(NAMES.tier);
    const composite = at(NAMES.composite);
    wb.getWorksheet(tier.sheet)!.getCell(tier.range.replace(/\$/g, '')).value = '领航级';
    wb.getWorksheet(composite.sheet)!.getCell(composite.range.replace(/\$/g, '')).value = 96;
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  });

  it('flags it in 审核 and ranks it by the recomputed tier', async () => {
    const r = await runCli(['merge', inDir, '-o', out]);
    expect(r.code).toBe(1); // something needs the bureau's decision
    expect(r.err).toContain('tampered.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('推荐汇总表')!;
    const order = [4, 5, 6, 7].map((row) => summary.getCell(row, 2).value);
    // The real 领航级 first; the tampered one is ranked as the 先进级 it is, not as the 领航级 it claims.
    expect(order[0]).toBe('江苏某某智能装备集团有限公司');
    expect(String(summary.getCell(4 + order.indexOf('某某篡改有限公司'), 9).value)).toMatch(/^先进级，综合得分/);
    const review = wb.getWorksheet('审核')!;
    const cols = (review.getRow(3).values as unknown[]).slice(1).map(String);
    let row = 4;
    while (review.getCell(row, 2).value !== '某某篡改有限公司') row++;
    const cell = (c: string) => review.getCell(row, cols.indexOf(c) + 1).value;
    expect(cell('需核实')).toBe('需核实');
    expect(cell('参考等级（重算）')).toBe('先进级');
    expect(cell('文件所称等级')).toBe('领航级');
    expect(cell('文件所称得分')).toBe(96);
    expect(String(cell('计算结果核对'))).toMatch(/^不一致：.*领航级/);
    // An untampered workbook written by sfa has no saved results: said, not flagged as tampering.
    let honest = 4;
    while (review.getCell(honest, 2).value !== '江苏某某智能装备集团有限公司') honest++;
    expect(String(review.getCell(honest, cols.indexOf('计算结果核对') + 1).value)).toContain('未保存计算结果');
  });
});

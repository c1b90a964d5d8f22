// The printed 申报书: a .docx valid against the WordprocessingML schema (vendored wml.xsd), rendered by LibreOffice
// Writer with annex 5's headings in annex 5's order, the cover page's fields, each claimed scenario's 附1-1
// block, and the pledge's seal and date lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeApplicationDocx } from '../../../src/adapters/docx/application';
import { getApplicationRubric } from '../../../src/domain/rubrics/applications';
import type { Assessment } from '../../../src/domain';
import { J } from '../../fixtures/jiangsu';
import { describeErrors, validatePackages } from '../../support/ooxml-validate';
import { findSoffice, printToPdf } from '../../parity/libreoffice';
import { runCli } from '../../cli/run-cli';

const app = getApplicationRubric('jiangsu-2025')!;
const ROOT = join(__dirname, '..', '..', '..');
const example: Assessment = JSON.parse(readFileSync(join(ROOT, 'examples', 'application.json'), 'utf8'));

/** Annex 5's headings in its order (the seed's text of 附件5). */
const ANNEX_ORDER = [
  '江苏省先进级智能工厂申报书',
  '申报单位（盖章）',
  '填报说明',
  '一、申报主体和工厂基本信息',
  '（一）申报单位基本信息',
  '（二）先进级智能工厂基本信息',
  '工厂整体建设成效',
  '真实性承诺',
  '相关附件上传',
  '二、工厂总体情况',
  '三、重点方面建设情况',
  '（一）工厂建设',
  '（五）运营管理',
  '（六）多环节模式创新（选填）',
  '四、系统集成方案',
  '五、项目的先进性与特色',
  '六、项目实施成效',
  '七、后续实施计划',
  '（四）推广应用计划',
  '附 1-1',
  '每个场景实例描述',
  '附 1-2',
  '附 1-3',
  '附 1-7',
];

describe('the printed 申报书 (.docx)', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await writeApplicationDocx({ app, rubric: J, assessment: example });
  });

  test('every part validates against the vendored WordprocessingML schemas', async () => {
    const reports = await validatePackages([
      { name: 'application.docx', data: docx },
      { name: 'blank.docx', data: await writeApplicationDocx({ app, rubric: J, assessment: { rubric: 'jiangsu-2025' } }) },
    ]);
    expect(describeErrors(reports)).toBe('');
    expect([...reports.values()].every((r) => r.parts.some((p) => p.part === 'word/document.xml'))).toBe(true);
  });

  const soffice = findSoffice();
  (soffice ? test : test.skip)(
    'LibreOffice Writer renders annex 5 in its order, with the cover fields, 16 instances and the pledge',
    async () => {
      const pdf = (await printToPdf([{ name: 'application.docx', data: docx }], soffice)).get('application.pdf')!;
      const dir = mkdtempSync(join(tmpdir(), 'sfa-docx-'));
      writeFileSync(join(dir, 'a.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
      let at = -1;
      for (const h of ANNEX_ORDER) {
        const next = text.indexOf(h, at + 1);
        expect([h, next > at]).toEqual([h, true]);
        at = next;
      }
      expect(text).toMatch(/申报单位（盖章）：\s*江苏某某精密机械有限公司/);
      expect(text).toMatch(/项目名称：\s*某某发动机壳体智能工厂建设项目/);
      expect(text).toMatch(/☑民营/);
      expect(text.match(/环节名称/g)).toHaveLength(16);
      expect(text).toMatch(/申报单位公章：[\s\S]*2025 年 3 月 15 日/);
      expect(text).toMatch(/—\s*1\s*—/);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'a.pdf')], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThan(20);
    },
    180_000,
  );

  test('sfa application writes the same document from a workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfa-app-cli-'));
    const xlsx = join(dir, 'a.xlsx');
    expect((await runCli(['template', '--from', join(ROOT, 'examples', 'application.json'), '-o', xlsx])).code).toBe(0);
    const r = await runCli(['application', xlsx, '-o', join(dir, '申报书.docx')]);
    expect([r.code, r.err]).toEqual([0, '']);
    const reports = await validatePackages([{ name: 'cli.docx', data: readFileSync(join(dir, '申报书.docx')) }]);
    expect(describeErrors(reports)).toBe('');
  }, 120_000);
});

// The newcomer flow, as a person does it, in real Chromium against the preview host; screenshots of each
// step land in a temporary folder (docs/screenshots under `npm run screenshots`, for the README) and every
// pane state is scanned with axe-core.
import type { Page } from 'playwright-core';
import { axe, setCell, shot, usePreview } from './harness';
import { BATCH, workbookBytes } from '../fixtures/enterprise-workbooks';
import { buildLayout } from '../../src/workbook/layout';
import { cellForPath } from '../../src/workbook/paths';
import { J } from '../fixtures/jiangsu';

const preview = usePreview();

async function open(lang: 'zh' | 'en'): Promise<Page> {
  const context = await preview.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${preview.url}?lang=${lang}`);
  return page;
}

const tier = (page: Page) => page.getByTestId('tier');
const composite = (page: Page) => page.getByTestId('composite');

describe('preview, zh-CN newcomer flow', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('zh');
  });

  it('starts with 插入自评表 and inserts the sheets', async () => {
    const insert = page.getByRole('button', { name: '插入自评表' });
    await insert.waitFor();
    await axe(page, 'start');
    await shot(page, '01-start');
    await insert.click();
    await page.getByRole('tab', { name: '数字化转型自评', exact: true }).waitFor();
    await expect(composite(page).textContent()).resolves.toBe('—');
    await shot(page, '02-inserted');
  });

  it('declarations, maturity, levels and scores: the pane follows each edit', async () => {
    for (const row of [21, 22, 23, 24]) await setCell(page, '企业信息', `B${row}`, '是');
    await setCell(page, '企业信息', 'B27', '二级 规范级');
    const rows = [3, 4, 5, 6, 7, 8, 10, 11, 12];
    for (const r of rows) {
      await setCell(page, '数字化转型自评', `E${r}`, '五级');
      await setCell(page, '数字化转型自评', `G${r}`, '75');
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="composite"]')?.textContent === '75.00');
    await axe(page, 'dashboard');
    await shot(page, '03-scored');
  });

  it('an out-of-band score turns the cell red, the pane lists it, and clicking selects the cell', async () => {
    await setCell(page, '数字化转型自评', 'E5', '三级'); // G5 still 75: outside [20, 40)
    await page.waitForFunction(() => document.querySelector('[data-testid="cell-数字化转型自评-G5"]')?.getAttribute('data-paint') === 'invalid');
    const link = page.getByRole('button', { name: /G5：指标 3/ });
    await link.waitFor();
    await shot(page, '04-invalid-score');
    await page.getByRole('tab', { name: '企业信息', exact: true }).click();
    await link.click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="cell-数字化转型自评-G5"]') as HTMLElement | null)?.style.outline.includes('2px'));
    await setCell(page, '数字化转型自评', 'E5', '五级');
    await page.waitForFunction(() => !document.querySelector('[data-testid="cell-数字化转型自评-G5"]')?.getAttribute('data-paint'));
  });

  it('scenarios until 先进级: the tier badge changes', async () => {
    const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 25];
    await expect(tier(page).textContent()).resolves.toBe('未达到');
    for (const id of ids) await setCell(page, '场景自评', `E${id + 2}`, '先进级');
    await page.waitForFunction(() => document.querySelector('[data-testid="tier"]')?.textContent === '先进级');
    await shot(page, '05-advanced');
    // Under the vertically merged 环节 (B3:B4) the row keeps its columns: E4 lies exactly under the header E.
    const x = async (testId: string | null, header?: string) =>
      (await (
        testId ? page.getByTestId(testId) : page.getByRole('table', { name: '场景自评' }).locator('thead th', { hasText: new RegExp(`^${header}$`) })
      ).boundingBox())!.x;
    expect(await x('cell-场景自评-E4')).toBeCloseTo(await x(null, 'E'), 0);
    expect(await x('cell-场景自评-D4')).toBeCloseTo(await x(null, 'D'), 0);
  });

  it('a what-if moves the composite without touching the sheet, and reverts', async () => {
    await page.getByRole('tab', { name: '假设分析' }).click();
    await page.getByRole('button', { name: '试一试' }).first().click();
    await page
      .getByText(/项假设修改未写入工作表/)
      .first()
      .waitFor();
    await axe(page, 'what-if');
    await shot(page, '06-what-if');
    await page.getByRole('button', { name: '还原' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="composite"]')?.textContent === '75.00');
  });

  it('fills the 推荐汇总表', async () => {
    await setCell(page, '企业信息', 'B3', '江苏某某精密机械有限公司');
    await setCell(page, '企业信息', 'B5', '某某发动机壳体智能工厂');
    await page.getByRole('tab', { name: '汇总表', exact: true }).click();
    await page.getByLabel('推荐单位名称').fill('南京市工业和信息化局');
    await page.getByLabel('联系人').fill('李四');
    await page.getByLabel('联系电话').fill('025-12345678');
    await page.getByRole('button', { name: '填写推荐汇总表' }).click();
    await page.getByText('已写入推荐汇总表。').waitFor();
    await page.getByRole('tab', { name: '推荐汇总表', exact: true }).click();
    await expect(page.getByTestId('cell-推荐汇总表-C2').textContent()).resolves.toBe('南京市工业和信息化局');
    await expect(page.getByTestId('cell-推荐汇总表-B4').textContent()).resolves.toBe('江苏某某精密机械有限公司');
    await expect(page.getByTestId('cell-推荐汇总表-I4').textContent()).resolves.toBe('先进级，综合得分 75.00');
    await axe(page, 'summary');
    await shot(page, '07-summary');
  });

  it('fills part of the 申报书 and sees its checks in the sheet and in the pane', async () => {
    const layout = buildLayout(J);
    const at = (path: string) => cellForPath(layout, J, path)!;
    const name = at('application.instances.1.name');
    await setCell(page, name.sheet, name.cell, '发动机壳体工厂三维数字化交付');
    const goals = at('application.narrative.goals');
    await setCell(page, goals.sheet, goals.cell, '目'.repeat(501));
    const check = `${goals.sheet}-D${goals.cell.slice(1)}`;
    await page.waitForFunction((id) => document.querySelector(`[data-testid="cell-${id}"]`)?.textContent === '超过 500 字：现为 501 字', check);
    await page.getByRole('tab', { name: '申报书', exact: true }).click();
    await page.getByText('（一）预期目标超过 500 字：现为 501 字').waitFor();
    await page.getByText(/场景「2 数字孪生工厂运营优化」自评为先进级，附1-1 缺少该场景实例的描述/).waitFor();
    await expect(page.getByTestId('application-status').textContent()).resolves.toMatch(/申报书尚未完成/);
    await page.getByRole('button', { name: '保存申报书（.docx）' }).waitFor();
    await axe(page, 'application');
    await shot(page, '08-application');
  });
});

describe('preview, en-US', () => {
  it('shows no Chinese UI strings in the pane', async () => {
    const page = await open('en');
    await page.getByRole('button', { name: 'Insert sheets' }).click();
    await page.getByTestId('composite').waitFor();
    await setCell(page, '数字化转型自评', 'E5', '三级');
    await setCell(page, '数字化转型自评', 'G5', '45');
    await page.getByRole('button', { name: /G5: indicator 3/ }).waitFor();
    const text = await page.locator('aside.pane').innerText();
    const chinese = text.match(/[\u4e00-\u9fff]+/g) ?? [];
    expect(chinese).toEqual([]);
    await axe(page, 'en dashboard');
    await shot(page, '09-en');
  });
});

describe('preview, a city bureau merges enterprise workbooks', () => {
  it('chooses 合并推荐汇总表 on a blank workbook, uploads three workbooks and a bad file, and gets the table in priority order', async () => {
    const page = await open('zh');
    // The files are parsed in the pane's merge worker (a Web Worker), not on the page's thread.
    const workers: string[] = [];
    const scripts: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    page.on('request', (r) => void (r.url().endsWith('.js') && scripts.push(r.url())));
    await page.getByRole('button', { name: '合并推荐汇总表' }).click();
    await page.getByLabel('推荐单位名称').fill('南京市工业和信息化局');
    await page.getByLabel('联系人').fill('李四');
    await page.getByLabel('联系电话').fill('025-12345678');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const files = await Promise.all(BATCH.map(async (b) => ({ name: b.file, mimeType: xlsx, buffer: Buffer.from(await workbookBytes(b.assessment)) })));
    await page.getByTestId('merge-input').setInputFiles([...files, { name: '坏.xlsx', mimeType: xlsx, buffer: Buffer.from('hello') }]);
    await page.getByRole('button', { name: '合并推荐汇总表' }).click();
    await page.getByText('已写入推荐汇总表：共 3 家企业', { exact: false }).waitFor({ timeout: 60000 });
    await expect(page.getByText('已读取 4/4 个文件').isVisible()).resolves.toBe(true);
    expect(workers).toEqual([expect.stringMatching(/\/merge-reader\.js$/)]); // one worker for the whole batch
    // The reader's chunks (ExcelJS…) were loaded by the worker: requested, yet not in the page's own timeline.
    const onPage = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.filter((u) => !onPage.includes(u)).length).toBeGreaterThan(0);
    await expect(page.getByTestId('merge-file').count()).resolves.toBe(4);
    await expect(page.locator('[data-testid="merge-file"][data-status="skipped"]').textContent()).resolves.toContain('坏.xlsx');
    // The preview shows the written sheet: tier first, then composite, 序号 renumbered.
    await page.getByRole('tab', { name: '推荐汇总表', exact: true }).click();
    const cell = (a: string) => page.getByTestId(`cell-推荐汇总表-${a}`).textContent();
    await expect(Promise.all(['A4', 'B4', 'A5', 'B5', 'A6', 'B6'].map(cell))).resolves.toEqual(['1', '乙企业', '2', '甲企业', '3', '丙企业']);
    await expect(cell('I4')).resolves.toBe('先进级，综合得分 78.00');
    await expect(cell('C2')).resolves.toBe('南京市工业和信息化局');
    await axe(page, 'merge');
    await shot(page, '10-merge');
    // 合并明细 names every file, the bad one with its status and why.
    await page.getByRole('tab', { name: '合并明细', exact: true }).click();
    const details = await page.locator('[data-testid^="cell-合并明细-"]').allTextContents();
    for (const f of [...BATCH.map((b) => b.file), '坏.xlsx']) expect(details).toContain(f);
    const row = Number((await page.locator('[data-testid^="cell-合并明细-A"]', { hasText: '坏.xlsx' }).getAttribute('data-testid'))!.replace(/\D+/g, ''));
    await expect(page.getByTestId(`cell-合并明细-B${row}`).textContent()).resolves.toBe('已跳过');
    await expect(page.getByTestId(`cell-合并明细-C${row}`).textContent()).resolves.toContain('不是 .xlsx 文件');
    await shot(page, '11-merge-details');
    // 审核: one row per enterprise in the table's order, the tier recomputed, the SHA-256 of the file reviewed.
    await page.getByRole('tab', { name: '审核', exact: true }).click();
    const review = (a: string) => page.getByTestId(`cell-审核-${a}`).textContent();
    await expect(Promise.all(['B4', 'B5', 'B6', 'E4', 'E6'].map(review))).resolves.toEqual(['乙企业', '甲企业', '丙企业', '先进级', '基础级']);
    // The hash column found by its header (row 3), not by letter: 审核 gains columns (直接认定, 申报书完整度).
    const header = page.locator('[data-testid^="cell-审核-"][data-testid$="3"]', { hasText: '文件 SHA-256' });
    const hashCol = (await header.getAttribute('data-testid'))!.replace(/^cell-审核-([A-Z]+)3$/, '$1');
    await expect(review(`${hashCol}4`)).resolves.toMatch(/^[0-9a-f]{64}$/);
    await shot(page, '12-merge-review');
    // 统计: enterprises by reference tier (乙 and 甲 先进级, 丙 基础级), the same numbers as sfa merge --json.
    await page.getByRole('tab', { name: '统计', exact: true }).click();
    const stats = (a: string) => page.getByTestId(`cell-统计-${a}`).textContent();
    await expect(Promise.all(['A5', 'A9', 'B9', 'A10', 'B10'].map(stats))).resolves.toEqual(['按参考等级', '先进级', '2', '基础级', '1']);
  });
});

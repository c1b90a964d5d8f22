/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { createExcelActions } from '../../src/taskpane/excel-host';
import { SimWorkbook, newSheet } from '../../src/preview/sim/model';
import { installSimOffice } from '../../src/preview/sim/office-global';
import { SimContext } from '../../src/preview/sim/context';
import { injectLayout } from '../../src/adapters/office/inject';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { DETAILS_SHEET } from '../../src/workbook/merged-summary';
import type { Lang } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import { BATCH, enterprise, workbookBytes } from '../fixtures/enterprise-workbooks';
import JSZip from 'jszip';

/** Tabs load their code on first use: the first render of one may take a moment in jest. */
const LAZY = { timeout: 60_000 }; // lazy chunks compile under ts-jest; a loaded machine takes long, a hang still fails

const FEATURES = { core: true, pageLayout: true, charts: true };

function renderPane(model: SimWorkbook, lang: Lang = 'zh') {
  const office = installSimOffice(model);
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions(FEATURES, lang)} lang={lang} />
    </FluentProvider>,
  );
  return office;
}

const blank = () => {
  const model = new SimWorkbook();
  model.sheets.push(newSheet('Sheet1'));
  return model;
};

const file = (name: string, bytes: Uint8Array | string, lastModified: number) => new File([bytes as BlobPart], name, { lastModified });
const batchFiles = async () => Promise.all(BATCH.map(async (b) => file(b.file, await workbookBytes(b.assessment), b.modified)));

async function openMergePanel() {
  const start = await screen.findByRole('button', { name: '合并推荐汇总表' });
  await act(async () => fireEvent.click(start));
  await screen.findByRole('button', { name: '选择文件夹' });
}

/** Picks the files, sets strict mode off, and merges; resolves when the pane reports the outcome. */
async function merge(files: File[], unit?: string) {
  if (unit !== undefined) fireEvent.change(screen.getByLabelText('推荐单位名称'), { target: { value: unit } });
  fireEvent.change(screen.getByTestId('merge-input'), { target: { files } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '合并推荐汇总表' })));
  await waitFor(() => expect(screen.getByTestId('merge-notice').textContent).toMatch(/已写入推荐汇总表|没有可合并|不能|同名/), { timeout: 30000 });
}

const column = (model: SimWorkbook, sheet: string, col: number, from: number) => {
  const s = model.sheet(sheet)!;
  const out: unknown[] = [];
  for (let r = from; r <= s.maxRow; r++) out.push(model.peek(s, r, col)?.value ?? null);
  return out;
};
const rowsOf = (model: SimWorkbook) => {
  const s = model.sheet('推荐汇总表')!;
  return model.values(s, { c1: 1, r1: 4, c2: 9, r2: s.maxRow }).filter((r) => r[1] !== '');
};

describe('合并推荐汇总表 in the pane', () => {
  it('merges three enterprise workbooks and a bad file into a blank workbook: order, 序号, 合并明细 and per-file status', async () => {
    const model = blank();
    const office = renderPane(model);
    await openMergePanel();
    const [jia, bing, yi] = await batchFiles();
    const syncsBefore = office.totalSyncs();
    await merge([jia!, file('坏.xlsx', 'hello', Date.UTC(2025, 5, 4)), bing!, yi!], '南京市工业和信息化局');

    expect(screen.getByTestId('merge-notice').textContent).toBe(
      '已写入推荐汇总表：共 3 家企业（本次合并 3 个文件，被较新文件替换 0 个，跳过 1 个，保留原有 0 行）。',
    );
    // 推荐汇总表: tier first (先进级 before 基础级), then composite; 序号 1…n.
    const rows = rowsOf(model);
    expect(rows.map((r) => [r[0], r[1], r[8]])).toEqual([
      [1, '乙企业', '先进级，综合得分 78.00'],
      [2, '甲企业', '先进级，综合得分 75.00'],
      [3, '丙企业', expect.stringMatching(/先进级/)], // 基础级: the reason it misses 先进级
    ]);
    expect(rows[2]![2]).toBe('丙企业智能工厂');
    expect(model.peek(model.sheet('推荐汇总表')!, 2, 3)!.value).toBe('南京市工业和信息化局');
    expect(model.sheet('Sheet1')).toBeDefined();
    // 合并明细: one line per file (the bad one with why), in the order picked.
    expect(column(model, DETAILS_SHEET, 1, 3).filter(Boolean)).toEqual(['甲企业.xlsx', '坏.xlsx', '丙企业.xlsx', '乙企业.xlsx']);
    const details = model.sheet(DETAILS_SHEET)!;
    const line = (name: string) => model.values(details, { c1: 1, r1: 3, c2: 9, r2: details.maxRow }).find((r) => r[0] === name)!;
    expect(line('坏.xlsx').slice(1, 3)).toEqual(['已跳过', expect.stringContaining('不是 .xlsx 文件')]);
    expect(line('乙企业.xlsx').slice(1, 7)).toEqual(['已合并', '已合并', '乙企业', expect.stringMatching(/^91320500MA1BBBBB0/), '78.00', '先进级']);
    expect(line('丙企业.xlsx')[6]).toBe('基础级');

    // The pane lists every file with its status and first message.
    const items = within(screen.getByTestId('merge-files')).getAllByTestId('merge-file');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['merged', 'skipped', 'merged', 'merged']);
    expect(items[1]!.textContent).toContain('坏.xlsx');
    expect(items[1]!.textContent).toContain('无法读取：不是 .xlsx 文件');
    expect(items[1]!.textContent).toContain('已跳过');
    expect(screen.getByText('已读取 4/4 个文件')).toBeTruthy();
    // Read the target twice, then one write (look, write, events back on) and the pane's re-read.
    expect(office.totalSyncs() - syncsBefore).toBeLessThanOrEqual(7);
    expect(model.enableEvents).toBe(true);
  });

  it('opens a merged summary on its merge panel, and a second merge keeps the rows already there', async () => {
    const model = blank();
    renderPane(model);
    await openMergePanel();
    const [jia, bing] = await batchFiles();
    await merge([jia!, bing!], '苏州市工业和信息化局');
    cleanup();

    // A new pane on the same workbook: straight to the merge panel, header filled from the sheet.
    renderPane(model);
    await screen.findByText(/本工作簿已是推荐汇总表（2 家企业）/);
    expect(screen.queryByRole('button', { name: '插入自评表' })).toBeNull();
    expect((screen.getByLabelText('推荐单位名称') as HTMLInputElement).value).toBe('苏州市工业和信息化局');
    const newerJia = file('甲企业-更新.xlsx', await workbookBytes(enterprise('甲企业', '91320500MA1AAAAA0', 79)), Date.UTC(2025, 6, 1));
    const ding = file('丁企业.json', JSON.stringify(enterprise('丁企业', '91320500MA1DDDDD0', 77)), Date.UTC(2025, 6, 1));
    await merge([newerJia, ding]);

    expect(screen.getByTestId('merge-notice').textContent).toBe(
      '已写入推荐汇总表：共 3 家企业（本次合并 2 个文件，被较新文件替换 0 个，跳过 0 个，保留原有 1 行）。',
    );
    expect(rowsOf(model).map((r) => [r[0], r[1]])).toEqual([
      [1, '甲企业'], // replaced by the newer file: 79
      [2, '丁企业'], // 77
      [3, '丙企业'], // kept from the first merge (基础级)
    ]);
    const details = model.sheet(DETAILS_SHEET)!;
    const existing = model.values(details, { c1: 1, r1: 3, c2: 4, r2: details.maxRow }).filter((r) => r[0] === '（原汇总表）');
    expect(existing.map((r) => [r[1], r[3]])).toEqual([
      ['已被替换', '甲企业'],
      ['保留', '丙企业'],
    ]);
    expect(model.peek(model.sheet('推荐汇总表')!, 2, 3)!.value).toBe('苏州市工业和信息化局');
  });

  it('refuses the merge in an enterprise assessment workbook, and writes nothing into it', async () => {
    const model = new SimWorkbook();
    await injectLayout(new SimContext(model) as unknown as Excel.RequestContext, buildLayout(J), FEATURES, inputsFromAssessment(J, advancedAssessment()));
    const names = [...model.names.keys()];
    renderPane(model);
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    fireEvent.click(screen.getByRole('tab', { name: '汇总表' }));
    fireEvent.click(await screen.findByRole('button', { name: '合并推荐汇总表' }, LAZY)); // the tab loads lazily
    expect(await screen.findByText(/这是企业的自评工作簿，不能在其中合并推荐汇总表，本工作簿未被改动。请新建一个空白工作簿/)).toBeTruthy();
    expect(model.sheet(DETAILS_SHEET)).toBeUndefined();
    expect([...model.names.keys()]).toEqual(names);
  });

  it('refuses in English too, and the host action itself refuses an assessment workbook', async () => {
    const model = new SimWorkbook();
    await injectLayout(new SimContext(model) as unknown as Excel.RequestContext, buildLayout(J), FEATURES, inputsFromAssessment(J, advancedAssessment()));
    renderPane(model, 'en');
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('Advanced'));
    fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Merge the summary' }, LAZY));
    expect(await screen.findByText(/Open a new blank workbook/)).toBeTruthy();
    const { runMerge } = await import('../../src/taskpane/merge/run-merge');
    const { paneStrings } = await import('../../src/taskpane/strings');
    const progress = jest.fn();
    const outcome = await runMerge(createExcelActions(FEATURES, 'en'), await batchFiles(), {
      lang: 'en',
      strings: paneStrings('en'),
      strict: false,
      header: { unit: '', contact: '', phone: '' },
      onProgress: progress,
    });
    expect(outcome).toEqual({ kind: 'refused' });
    expect(progress).not.toHaveBeenCalled(); // refused before any file is read
    expect(model.sheet(DETAILS_SHEET)).toBeUndefined();
  });

  it('writes an enterprise name that starts with "=" as text, and strict mode skips a file with errors', async () => {
    const model = blank();
    renderPane(model);
    await openMergePanel();
    const name = '=HYPERLINK("http://example.com","点我")';
    const withError = enterprise('错企业', '91320500MA1EEEEE0', 75, (a) => (a.indicators!['3'] = { level: 3, score: 75 }));
    fireEvent.click(screen.getByRole('switch', { name: '严格模式：有错误的文件不合并' }));
    await merge([file('公式.xlsx', await workbookBytes(enterprise(name, '91320500MA1AAAAA0', 75)), 1), file('错.xlsx', await workbookBytes(withError), 2)]);
    const cell = model.peek(model.sheet('推荐汇总表')!, 4, 2)!;
    expect(cell.value).toBe(name);
    expect(cell.formula).toBeUndefined();
    expect(cell.numberFormat).toBe('@');
    const items = screen.getAllByTestId('merge-file');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['merged', 'skipped']);
    expect(items[1]!.textContent).toMatch(/严格模式下不合并/);
    expect(items[1]!.textContent).toMatch(/数字化转型自评!G5/); // the first error, with its cell
  });

  it('saves the cover letter of the merged summary from the merge panel (the .docx `sfa letter` writes)', async () => {
    const saved: { blob: Blob; name: string }[] = [];
    const created: Blob[] = [];
    const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
    const before = { create: url.createObjectURL, revoke: url.revokeObjectURL };
    url.createObjectURL = (b: Blob) => (created.push(b), `blob:letter-${created.length}`);
    url.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ blob: created[created.length - 1]!, name: this.download });
    });
    try {
      const model = blank();
      renderPane(model);
      await openMergePanel();
      // No summary yet: no letter to save.
      expect(screen.queryByRole('button', { name: '保存推荐函（.docx）' })).toBeNull();
      const [jia, , yi] = await batchFiles();
      const rec = enterprise('卓越企业', '91320500MA1EEEEE0', 72);
      rec.profile = { ...rec.profile, recognition: 'national-excellent-2024' };
      await merge([jia!, yi!, file('卓越.json', JSON.stringify(rec), Date.UTC(2025, 6, 1))], '苏州市工业和信息化局');
      fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '李四' } });
      const button = await screen.findByRole('button', { name: '保存推荐函（.docx）' });
      await act(async () => fireEvent.click(button));
      await waitFor(() => expect(screen.getByTestId('merge-notice').textContent).toMatch(/^已生成推荐函：推荐函-\d{4}-\d{2}-\d{2}\.docx$/));
      expect(saved).toHaveLength(1);
      expect(saved[0]!.name).toMatch(/^推荐函-\d{4}-\d{2}-\d{2}\.docx$/);
      const zip = await JSZip.loadAsync(saved[0]!.blob); // read through FileReader (jsdom's Blob has no arrayBuffer)
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain('关于推荐2025年江苏省先进级智能工厂的函');
      expect(text).toContain('苏州市工业和信息化局组织本地区企业');
      expect(text).toContain('推荐 3 家企业的智能工厂申报江苏省先进级智能工厂（直接认定 1 家：2024 年国家卓越级智能工厂 1 家；自评参考等级：先进级 2 家）');
      expect(text).toContain('联系人：李四');
      // The summary lists the directly recognised enterprise first, with its 备注.
      expect(rowsOf(model).map((r) => [r[1], r[8]])[0]).toEqual(['卓越企业', '直接认定：2024 年国家卓越级智能工厂']);
    } finally {
      click.mockRestore();
      url.createObjectURL = before.create;
      url.revokeObjectURL = before.revoke;
    }
  });
});

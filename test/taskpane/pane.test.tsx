/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { createExcelActions } from '../../src/taskpane/excel-host';
import { SimWorkbook, newSheet } from '../../src/preview/sim/model';
import { installSimOffice } from '../../src/preview/sim/office-global';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { buildLayout, LAYOUT_VERSION } from '../../src/workbook/layout';
import { injectLayout } from '../../src/adapters/office/inject';
import { SimContext } from '../../src/preview/sim/context';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import type { Lang } from '../../src/domain';

/** Tabs load their code on first use: the first render of one may take a moment in jest. */
const LAZY = { timeout: 60_000 }; // lazy chunks compile under ts-jest; a loaded machine takes long, a hang still fails

const FEATURES = { core: true, pageLayout: true, charts: true };

function renderPane(model: SimWorkbook, lang: Lang = 'zh', features = FEATURES, events = true) {
  const office = installSimOffice(model);
  const actions = createExcelActions(features, lang);
  // A host without change events: the subscription fails and the pane cannot follow edits by itself.
  if (!events) actions.subscribe = () => Promise.reject(new Error('events are not supported'));
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} lang={lang} />
    </FluentProvider>,
  );
  return office;
}

async function prefilled(a = advancedAssessment()) {
  const model = new SimWorkbook();
  await injectLayout(new SimContext(model) as unknown as Excel.RequestContext, buildLayout(J), FEATURES, inputsFromAssessment(J, a));
  return model;
}

describe('task pane', () => {
  it('offers 插入自评表 on a workbook without our sheets, and inserts them', async () => {
    const model = new SimWorkbook();
    model.sheets.push(newSheet('Sheet1'));
    renderPane(model);
    const button = await screen.findByRole('button', { name: '插入自评表' });
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('—'));
    expect(model.sheets.map((s) => s.name)).toContain('评估结果');
    expect(model.sheet('Sheet1')).toBeDefined();
  });

  it('shows composite, tier, conditions and the next-tier gap of the workbook', async () => {
    renderPane(await prefilled());
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    expect(screen.getByTestId('tier').textContent).toBe('先进级');
    expect(within(screen.getByTestId('tier-excellent')).getByText(/综合得分 75.00 未高于 80/)).toBeTruthy();
    expect(within(screen.getByTestId('gap')).getByText(/迈向卓越级还需/)).toBeTruthy();
  });

  it('re-scores live when a cell changes and lists an out-of-band score; clicking it selects the cell', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const model = await prefilled();
      renderPane(model);
      await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('先进级'));
      await act(async () => {
        model.userEdit('数字化转型自评', 'G5', 40); // indicator 3 is level 5 [60, 80)
        jest.advanceTimersByTime(400);
      });
      await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('未达到'));
      const link = await screen.findByRole('button', { name: /G5：指标 3/ });
      await act(async () => fireEvent.click(link));
      await waitFor(() => expect(model.selection).toEqual({ sheet: '数字化转型自评', address: 'G5' }));
      expect(model.active).toBe('数字化转型自评');
    } finally {
      jest.useRealTimers();
    }
  });

  it('says what 重新读取 is for: a rare missed pick while edits are live, every edit where the host has no events', async () => {
    renderPane(await prefilled());
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('先进级'), LAZY);
    await waitFor(() => expect(screen.getByRole('button', { name: '重新读取', description: /填写后会自动重新计算/ })).toBeTruthy());

    document.body.innerHTML = '';
    const model = await prefilled();
    renderPane(model, 'zh', FEATURES, false);
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('先进级'), LAZY);
    const button = await screen.findByRole('button', { name: '重新读取', description: /不会通知工作表的更改/ });
    await act(async () => model.userEdit('数字化转型自评', 'G5', 40));
    await new Promise((r) => setTimeout(r, 400));
    expect(screen.getByTestId('tier').textContent).toBe('先进级'); // no event: nothing re-read yet
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('未达到'));
  });

  it('what-if moves the score without touching the sheet; revert drops it; apply writes it in one batch', async () => {
    const model = await prefilled();
    const office = renderPane(model);
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    fireEvent.click(screen.getByRole('tab', { name: '假设分析' }));
    const scoreInputs = await screen.findAllByRole('spinbutton', {}, LAZY); // the tab's code loads lazily
    fireEvent.change(scoreInputs[0]!, { target: { value: '79' } });
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.44'));
    const before = model.peek(model.sheet('数字化转型自评')!, 3, 7)!.value;
    expect(before).toBe(75);
    fireEvent.click(screen.getByRole('button', { name: '还原' }));
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    fireEvent.change(screen.getAllByRole('spinbutton')[0]!, { target: { value: '79' } });
    const syncsBefore = office.totalSyncs();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '应用到工作表' })));
    await waitFor(() => expect(model.peek(model.sheet('数字化转型自评')!, 3, 7)!.value).toBe(79));
    expect(screen.queryByText(/项假设修改未写入工作表/)).toBeNull();
    expect(office.totalSyncs() - syncsBefore).toBe(2); // one batch to apply, one to re-read
  });

  it('what-if writes level, 符合程度 and score as the pane holds them, and refuses a pair the sheet would refuse', async () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 5, fit: 'high', score: 75 };
    const model = await prefilled(a);
    renderPane(model);
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    fireEvent.click(screen.getByRole('tab', { name: '假设分析' }));
    await screen.findAllByRole('spinbutton', {}, LAZY);
    // 六级 with 75: the sheet's validation refuses it; the pane says so and scores nothing new.
    fireEvent.change(document.getElementById('wi-level-3')!, { target: { value: '6' } });
    await screen.findByText(/自评得分须落在所选等级的分段内/);
    expect(screen.getByTestId('composite').textContent).toBe('75.00');
    expect((screen.getByRole('button', { name: '应用到工作表' }) as HTMLButtonElement).disabled).toBe(true);
    // 六级 with 95 is a pair the sheet takes: scored, and written with the 符合程度 the engine kept (95 is 非常符合).
    fireEvent.change(screen.getAllByRole('spinbutton')[2]!, { target: { value: '95' } });
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('77.22'));
    expect(screen.queryByText(/自评得分须落在所选等级的分段内/)).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '应用到工作表' })));
    const sheet = model.sheet('数字化转型自评')!;
    await waitFor(() => expect(model.peek(sheet, 5, 7)!.value).toBe(95));
    expect([model.peek(sheet, 5, 5)!.value, model.peek(sheet, 5, 6)!.value]).toEqual(['六级', '非常符合']);
  });

  it('a ranked suggestion is one click to try', async () => {
    const a = advancedAssessment();
    delete a.scenarios!['25'];
    a.scenarios!['26'] = 'basic';
    renderPane(await prefilled(a));
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('基础级'));
    fireEvent.click(screen.getByRole('tab', { name: '假设分析' }));
    const first = within(await screen.findByTestId('suggestions', {}, LAZY)).getAllByRole('button', { name: '试一试' })[0]!;
    fireEvent.click(first);
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('先进级'));
  });

  it('fills the summary header fields', async () => {
    const model = await prefilled();
    renderPane(model);
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    fireEvent.click(screen.getByRole('tab', { name: '汇总表' }));
    fireEvent.change(await screen.findByLabelText('推荐单位名称', {}, LAZY), { target: { value: '南京市工业和信息化局' } });
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '025-12345678' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '填写推荐汇总表' })));
    await screen.findByText('已写入推荐汇总表。');
    const sheet = model.sheet('推荐汇总表')!;
    expect(model.peek(sheet, 2, 3)!.value).toBe('南京市工业和信息化局');
    expect(model.peek(sheet, 2, 8)!.value).toBe('025-12345678');
  });

  it('shows the sheet’s 直接认定类别 in the 汇总表 tab and writes a new choice into 企业信息', async () => {
    const a = advancedAssessment();
    a.profile = { ...a.profile, recognition: 'provincial-demonstration' };
    const model = await prefilled(a);
    renderPane(model);
    await waitFor(() => expect(screen.getByTestId('composite').textContent).toBe('75.00'));
    fireEvent.click(screen.getByRole('tab', { name: '汇总表' }));
    const select = (await screen.findByLabelText('已入选的国家、省级示范类', {}, LAZY)) as HTMLSelectElement;
    expect(select.value).toBe('provincial-demonstration');
    await act(async () => fireEvent.change(select, { target: { value: 'national-excellent-2024' } }));
    await screen.findByText('已写入企业信息表。');
    const sheet = model.sheet('企业信息')!;
    expect(model.peek(sheet, 30, 2)!.value).toBe('2024 年国家卓越级智能工厂');
    await act(async () => fireEvent.change(select, { target: { value: '' } }));
    await waitFor(() => expect(model.peek(sheet, 30, 2)?.value ?? '').toBe(''));
  });

  it('offers 升级 for an older layout and keeps every input', async () => {
    const model = new SimWorkbook();
    const layout = buildLayout(J);
    const older = {
      ...layout,
      layoutVersion: 0,
      sheets: layout.sheets.map((s) => (s.key === 'rubric' ? { ...s, blocks: [...s.blocks, { at: 'B2', rows: [[0]] }] } : s)),
    };
    await injectLayout(new SimContext(model) as unknown as Excel.RequestContext, older, FEATURES, inputsFromAssessment(J, advancedAssessment()));
    renderPane(model);
    const upgrade = await screen.findByRole('button', { name: '升级' });
    expect(screen.getByText(new RegExp(`第 0 版，当前为第 ${LAYOUT_VERSION} 版`))).toBeTruthy();
    await act(async () => fireEvent.click(upgrade));
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('先进级'));
  });

  it('says what is unavailable below ExcelApi 1.8 instead of failing', async () => {
    renderPane(new SimWorkbook(), 'zh', { core: false, pageLayout: false, charts: false });
    expect(await screen.findByText(/需要 ExcelApi 1.8/)).toBeTruthy();
  });

  it('speaks English with an en-US display language', async () => {
    renderPane(await prefilled(), 'en');
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('Advanced'));
    expect(screen.getByRole('tab', { name: 'What-if' })).toBeTruthy();
  });
});

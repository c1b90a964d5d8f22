/**
 * @jest-environment jsdom
 */
// The pane's 申报书 tab (completeness per section, each problem linked to its cell) and 升级 from a layout-1
// workbook: the 申报书 sheets appear and every input of layout 1 is kept.
import * as React from 'react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { createExcelActions } from '../../src/taskpane/excel-host';
import { SimWorkbook } from '../../src/preview/sim/model';
import { installSimOffice } from '../../src/preview/sim/office-global';
import { SimContext } from '../../src/preview/sim/context';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { buildLayout, LAYOUT_VERSION } from '../../src/workbook/layout';
import { INPUT_NAMES } from '../../src/workbook/names';
import { rangeBounds, splitRef } from '../../src/workbook/a1';
import { cellForPath } from '../../src/workbook/paths';
import { injectLayout } from '../../src/adapters/office/inject';
import type { Assessment } from '../../src/domain';
import type { WorkbookLayout } from '../../src/workbook/types';
import { J } from '../fixtures/jiangsu';
import { withoutApplication } from '../fixtures/without-application';

const FEATURES = { core: true, pageLayout: true, charts: true };
const example: Assessment = JSON.parse(readFileSync(join(__dirname, '../../examples/application.json'), 'utf8'));
const ctx = (model: SimWorkbook) => new SimContext(model) as unknown as Excel.RequestContext;

function renderPane(model: SimWorkbook) {
  installSimOffice(model);
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions(FEATURES, 'zh')} lang="zh" />
    </FluentProvider>,
  );
}

/** Layout 1 as it shipped: the same sheets and names without the 申报书, version 1 in 规则!B2. */
function layoutOne(): WorkbookLayout {
  const l = withoutApplication(buildLayout(J));
  return { ...l, layoutVersion: 1, sheets: l.sheets.map((s) => (s.key === 'rubric' ? { ...s, blocks: [...s.blocks, { at: 'B2', rows: [[1]] }] } : s)) };
}

/** Every input cell's value, by name, as the sim holds it. */
function inputsOf(model: SimWorkbook, layout: WorkbookLayout): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  for (const n of layout.names) {
    if (!INPUT_NAMES.includes(n.name)) continue;
    const { sheet, range } = splitRef(n.ref);
    const b = rangeBounds(range);
    const rows: unknown[][] = [];
    for (let r = b.r1; r <= b.r2; r++) {
      const row: unknown[] = [];
      for (let c = b.c1; c <= b.c2; c++) row.push(model.peek(model.sheet(sheet)!, r, c)?.value ?? '');
      rows.push(row);
    }
    out.set(n.name, rows);
  }
  return out;
}

/** A workbook holding `a`, the pane on it, and its 申报书 tab open. */
async function openApplicationTab(a: Assessment, layout: WorkbookLayout = buildLayout(J)): Promise<{ model: SimWorkbook; panel: HTMLElement }> {
  const model = new SimWorkbook();
  await injectLayout(ctx(model), layout, FEATURES, inputsFromAssessment(J, a));
  renderPane(model);
  const tab = await screen.findByRole('tab', { name: '申报书' });
  await act(async () => fireEvent.click(tab));
  return { model, panel: await screen.findByTestId('application-panel') };
}

describe('the pane and the 申报书', () => {
  it('shows the 申报书 tab with each section’s completeness and the missing instance, linked to its cell', async () => {
    const a: Assessment = JSON.parse(JSON.stringify(example));
    delete (a.application!.instances as Record<string, unknown>)['10'];
    const { model, panel } = await openApplicationTab(a);
    expect(within(panel).getByTestId('application-status').textContent).toMatch(/申报书尚未完成：错误 1 个/);
    expect(within(panel).getByTestId('application-section-instances').textContent).toMatch(/105\/112/);
    expect(within(panel).getByTestId('application-section-narrative').textContent).toMatch(/13\/13/);
    const link = within(panel).getByText(/场景「10 人机协同制造」自评为先进级，附1-1 缺少该场景实例的描述/);
    await act(async () => fireEvent.click(link));
    await waitFor(() => expect(model.selection?.sheet).toBe('场景实例'));
    expect((screen.getByRole('button', { name: '保存申报书（.docx）' }) as HTMLButtonElement).disabled).toBe(false);
  }, 60_000);

  it('does not offer to print an empty 申报书: with no 申报书 input filled the button is off and says what to fill in', async () => {
    const a: Assessment = JSON.parse(JSON.stringify(example));
    delete a.application;
    const { panel } = await openApplicationTab(a);
    expect(within(panel).getByTestId('application-save-body').textContent).toMatch(/尚未填写任何内容/);
    expect((screen.getByRole('button', { name: '保存申报书（.docx）' }) as HTMLButtonElement).disabled).toBe(true);
  }, 60_000);

  it('lists the 直接认定 warning with the 申报书’s problems, linked to its cell, and not as an error', async () => {
    const a: Assessment = JSON.parse(JSON.stringify(example));
    a.profile = { ...a.profile, recognition: 'national-excellent-2024' };
    const layout = buildLayout(J);
    const { model, panel } = await openApplicationTab(a, layout);
    expect(within(panel).getByText('没有错误。')).toBeTruthy();
    expect(within(panel).getByText('提示（1）')).toBeTruthy();
    const at = cellForPath(layout, J, 'application.ratings.nationalExcellentYear')!;
    // The cell, then the engine's sentence.
    const link = within(panel).getByText(`${at.cell}：企业信息选了直接认定“2024 年国家卓越级智能工厂”，「国家卓越级智能工厂（年度）」应为「2024」（现未填写）`);
    await act(async () => fireEvent.click(link));
    await waitFor(() => expect(model.selection).toEqual({ sheet: at.sheet, address: at.cell }));
  }, 60_000);

  it('升级 turns a layout-1 workbook into layout 2: the 申报书 sheets appear and every input is kept', async () => {
    const one = layoutOne();
    expect(one.sheets.some((s) => s.name === '场景实例')).toBe(false);
    const model = new SimWorkbook();
    await injectLayout(ctx(model), one, FEATURES, inputsFromAssessment(J, example));
    const before = inputsOf(model, one);
    expect([...before.values()].flat(2).filter((v) => v !== '' && v !== null).length).toBeGreaterThan(40);
    renderPane(model);
    const upgrade = await screen.findByRole('button', { name: '升级' });
    expect(screen.getByText(new RegExp(`第 1 版，当前为第 ${LAYOUT_VERSION} 版`))).toBeTruthy();
    await act(async () => fireEvent.click(upgrade));
    await waitFor(() => expect(screen.getByTestId('tier').textContent).toBe('先进级'), { timeout: 30_000 });
    for (const name of ['申报书-基本信息', '场景实例', '附1-2', '真实性承诺', '附件清单']) expect(model.sheet(name)).toBeDefined();
    const after = inputsOf(model, buildLayout(J));
    for (const [name, values] of before) expect([name, after.get(name)]).toEqual([name, values]);
    // The new sheets start empty: the application is filled in after the upgrade.
    expect(after.get('SFA_APP_COVER_PROJECTNAME')).toEqual([['']]);
  }, 60_000);
});

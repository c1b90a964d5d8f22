/**
 * @jest-environment jsdom
 */
// The pane counts the prompts to fill in as the sheet does: the number in 「提示（n，其中待填项 m）」 (or 「提示（n）」
// when every prompt is one) is the 待填项数 that 评估结果 computes (SFA_MISSING, recalculated here by
// HyperFormula as Excel would), for the same workbook. The pane once said 35 where the sheet said 23.
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { createExcelActions } from '../../src/taskpane/excel-host';
import { installSimOffice } from '../../src/preview/sim/office-global';
import { LiveWorkbook } from '../../src/preview/live-model';
import { SimContext } from '../../src/preview/sim/context';
import { injectLayout } from '../../src/adapters/office/inject';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { buildLayout } from '../../src/workbook/layout';
import { NAMES } from '../../src/workbook/names';
import type { Assessment, Lang } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

const FEATURES = { core: true, pageLayout: true, charts: true };

async function workbook(a: Assessment): Promise<LiveWorkbook> {
  const live = new LiveWorkbook();
  await injectLayout(new SimContext(live.model) as unknown as Excel.RequestContext, buildLayout(J), FEATURES, inputsFromAssessment(J, a));
  live.recalc();
  return live;
}

/** 待填项数 as the sheet computes it. */
function sheetMissing(live: LiveWorkbook): number {
  const at = live.model.resolveName(NAMES.missing)!;
  return Number(live.model.peek(at.sheet, at.bounds.r1, at.bounds.c1)!.value);
}

async function paneTitle(live: LiveWorkbook, lang: Lang): Promise<string> {
  installSimOffice(live.model);
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions(FEATURES, lang)} lang={lang} />
    </FluentProvider>,
  );
  const title = await screen.findByText(lang === 'zh' ? /^提示（\d+/ : /^Warnings \(\d+/, undefined, { timeout: 60_000 });
  return title.textContent!;
}

/** The count of prompts to fill in that a title says: m of 「其中待填项 m」, else all n. */
const missingIn = (title: string) => Number((/(?:其中待填项|of which) (\d+)/.exec(title) ?? /[（(](\d+)/.exec(title))![1]);

describe('the pane’s count of prompts to fill in = the sheet’s 待填项数', () => {
  it.each<[string, Lang, () => Assessment]>([
    ['an empty workbook', 'zh', () => ({ rubric: J.id })],
    [
      'profile fields, an amount and a level missing, beside a warning of another kind',
      'zh',
      () => {
        const a = advancedAssessment();
        a.profile = { ...a.profile, enterpriseName: undefined, contactMobile: undefined, contactEmail: 'not-an-email' };
        const seven = a.indicators!['7'] as Record<string, unknown>;
        a.indicators!['7'] = { ...seven, investment2024: undefined } as never;
        a.indicators!['2'] = { score: 50 } as never;
        return a;
      },
    ],
    ['the same in English', 'en', () => ({ rubric: J.id, profile: { enterpriseName: '甲企业', contactEmail: 'x@' } })],
  ])('%s', async (_name, lang, make) => {
    const live = await workbook(make());
    const sheet = sheetMissing(live);
    expect(sheet).toBeGreaterThan(0);
    const title = await paneTitle(live, lang);
    expect([title, missingIn(title)]).toEqual([title, sheet]);
  });
});

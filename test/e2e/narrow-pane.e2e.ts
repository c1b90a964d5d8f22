// The pane at Excel's usual task-pane widths, 320 px and 450 px, in Chinese and English: no table header and
// no tab breaks inside a word (「工厂建/设」), each word of them staying on one line (breaks only at spaces), and
// nothing runs past the pane's right edge (no horizontal scrolling).
import type { Page } from 'playwright-core';
import { setCell, shot, usePreview } from './harness';

const preview = usePreview();

/** Every word (text between spaces) of the headers and tabs that spans more than one line, and the pane's overflow. */
async function measure(page: Page): Promise<{ broken: string[]; headers: number; overflow: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('aside.pane') as HTMLElement;
    const cells = [...pane.querySelectorAll('th, [role="tab"]')];
    const broken: string[] = [];
    for (const el of cells) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index!);
          range.setEnd(n, m.index! + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${m[0]} (${lines.size} lines, in “${el.textContent}”)`);
        }
      }
    }
    return { broken, headers: cells.length, overflow: pane.scrollWidth - pane.clientWidth };
  });
}

describe.each([
  ['zh', 320],
  ['zh', 450],
  ['en', 320],
  ['en', 450],
] as const)('the pane in %s at %i px', (lang, width) => {
  let page: Page;
  beforeAll(async () => {
    const context = await preview.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    page = await context.newPage();
    await page.goto(`${preview.url}?lang=${lang}`);
    await page.addStyleTag({ content: `aside.pane { width: ${width}px !important; }` });
    await page.getByRole('button', { name: lang === 'zh' ? '插入自评表' : 'Insert sheets' }).click();
    await page.getByTestId('coverage').waitFor();
    // A scenario claimed, so the coverage table has a ✓ and a count of two digits' room.
    await setCell(page, '场景自评', 'E3', '先进级');
  });
  afterAll(async () => page?.context().close());

  it('breaks no table header or tab inside a word, and nothing overflows the pane', async () => {
    // The pane is laid out at the width under test (a min-width or a wider layout would make this test moot).
    const laidOut = await page.evaluate(() => (document.querySelector('aside.pane') as HTMLElement).getBoundingClientRect().width);
    expect(Math.round(laidOut)).toBe(width);
    const m = await measure(page);
    await shot(page, `narrow-${lang}-${width}`);
    expect(m.headers).toBeGreaterThanOrEqual(9); // the coverage table's 4 tier and 5 segment headers, and the tabs
    expect(m.broken).toEqual([]);
    expect(m.overflow).toBeLessThanOrEqual(0);
  });

  it("keeps each of the preview workbook's sheet tabs on one line, as Excel's tab bar does (it scrolls instead)", async () => {
    const { tabs, wrapped } = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.tabs .tab')];
      const lines = (t: Element) => {
        const range = document.createRange();
        range.selectNodeContents(t);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      return { tabs: all.length, wrapped: all.filter((t) => lines(t) > 1).map((t) => t.textContent) };
    });
    expect(tabs).toBeGreaterThanOrEqual(10);
    expect(wrapped).toEqual([]);
  });
});

// The merge panel's picker in Chromium at Excel's 320 px task-pane width: Fluent buttons in the pane's language
// (no browser "Choose Files"), files picked through the hidden input, a folder dropped for real (Chromium's
// DevTools drag events with a directory path give the page true FileSystemDirectoryEntry objects, read in
// batches of at most 100), a drop of files built in the page, the folder input, and the merge naming a folder's
// files by their path in 合并明细.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axe, shot, usePreview } from './harness';
import { BATCH, workbookBytes } from '../fixtures/enterprise-workbooks';

const preview = usePreview();
let root: string;

/** 报送/: three workbooks (one two folders down), an Excel owner file, a LibreOffice lock file, a Word file. */
let sent: string;
/** 大批/: 130 small JSON files in one folder, more than Chromium's 100 entries per readEntries call. */
let big: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sfa-picker-'));
  sent = join(root, '报送');
  mkdirSync(join(sent, '苏州市', '昆山'), { recursive: true });
  const [jia, bing, yi] = await Promise.all(BATCH.map((b) => workbookBytes(b.assessment)));
  writeFileSync(join(sent, '苏州市', '甲企业.xlsx'), jia!);
  writeFileSync(join(sent, '苏州市', '昆山', '乙企业.xlsx'), yi!);
  writeFileSync(join(sent, '丙企业.xlsx'), bing!);
  writeFileSync(join(sent, '苏州市', '~$甲企业.xlsx'), 'owner');
  writeFileSync(join(sent, '苏州市', '.~lock.乙企业.xlsx#'), 'lock');
  writeFileSync(join(sent, '说明.docx'), 'doc');
  big = join(root, '大批');
  mkdirSync(big);
  for (let i = 0; i < 130; i++) writeFileSync(join(big, `${String(i).padStart(3, '0')}.json`), '{}');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function openMerge(lang: 'zh' | 'en', width = 320): Promise<Page> {
  const context = await preview.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${preview.url}?lang=${lang}`);
  await page.addStyleTag({ content: `aside.pane { width: ${width}px !important; }` });
  await page.getByRole('button', { name: lang === 'zh' ? '合并推荐汇总表' : 'Merge the summary' }).click();
  await page.getByTestId('merge-drop').waitFor();
  return page;
}

/** A real drag of paths from outside the page over the drop zone (Input.dispatchDragEvent); `drop` false stops over it. */
async function dragPaths(page: Page, paths: string[], drop = true): Promise<void> {
  const box = (await page.getByTestId('merge-drop').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, data: { items: [], files: paths, dragOperationsMask: 1 } };
  await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at });
  await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at });
  if (drop) await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at });
}

const chosen = (page: Page) => page.getByTestId('merge-chosen').innerText();
const notes = (page: Page) => page.getByTestId('merge-pick-note').allInnerTexts();
const overflow = (page: Page) => page.evaluate(() => ((p) => p.scrollWidth - p.clientWidth)(document.querySelector('aside.pane') as HTMLElement));

describe('the merge picker at 320 px, in Chinese', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openMerge('zh');
  });
  afterAll(async () => page?.context().close());

  it('shows Fluent buttons in Chinese, not the browser’s file control', async () => {
    await page.getByRole('button', { name: '选择文件', exact: true }).waitFor();
    await page.getByRole('button', { name: '选择文件夹' }).waitFor();
    const text = await page.locator('aside.pane').innerText();
    expect(text).not.toMatch(/Choose Files|No file chosen|未选择任何文件/);
    for (const id of ['merge-input', 'merge-folder-input']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.width * box.height).toBeLessThanOrEqual(1); // visually hidden
    }
    await expect(chosen(page)).resolves.toBe('尚未选择文件。');
    await axe(page, 'merge picker');
  });

  it('picks files through the hidden input: counts the ones the merge reads, passes over the rest, and clears', async () => {
    await page
      .getByTestId('merge-input')
      .setInputFiles([join(sent, '丙企业.xlsx'), join(sent, '苏州市', '甲企业.xlsx'), join(sent, '说明.docx'), join(sent, '苏州市', '~$甲企业.xlsx')]);
    await expect(page.getByTestId('merge-count').innerText()).resolves.toBe('已选择 2 个文件');
    await expect(notes(page)).resolves.toEqual(['跳过 2 个不是自评表的文件或隐藏文件（如 ~$ 开头的 Excel 临时文件）。']);
    await page.getByRole('button', { name: '清除已选择的文件' }).click();
    await expect(chosen(page)).resolves.toBe('尚未选择文件。');
  });

  it('takes a drop of files built in the page (a synthetic drop: the browser gives its items no entries)', async () => {
    await page.getByTestId('merge-drop').evaluate((zone) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], '丁企业.json'));
      dt.items.add(new File(['x'], '照片.png'));
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('merge-count').waitFor();
    await expect(page.getByTestId('merge-count').innerText()).resolves.toBe('已选择 1 个文件');
    await page.getByRole('button', { name: '清除已选择的文件' }).click();
  });

  it('walks a dropped folder of 130 files: every readEntries batch is read', async () => {
    await dragPaths(page, [big]);
    await page.getByText('已选择 130 个文件').waitFor();
    await page.getByRole('button', { name: '清除已选择的文件' }).click();
  });

  it('lights up while a folder is dragged over, walks it when dropped, and the merge names its files by path', async () => {
    await dragPaths(page, [sent], false);
    await expect(page.getByTestId('merge-drop').getAttribute('data-dragging')).resolves.toBe('true');
    await page.getByText('松开鼠标，加入这些文件或文件夹').waitFor();
    await shot(page, 'merge-picker-zh-320-dragging');
    const cdp = await page.context().newCDPSession(page);
    const box = (await page.getByTestId('merge-drop').boundingBox())!;
    await cdp.send('Input.dispatchDragEvent', {
      type: 'drop',
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
      data: { items: [], files: [sent], dragOperationsMask: 1 },
    });
    await page.getByText('已选择 3 个文件').waitFor();
    await expect(page.getByTestId('merge-drop').getAttribute('data-dragging')).resolves.toBeNull();
    await expect(notes(page)).resolves.toEqual(['跳过 3 个不是自评表的文件或隐藏文件（如 ~$ 开头的 Excel 临时文件）。']);
    // The same folder through the folder input: the same names, so nothing is added twice.
    await page.getByTestId('merge-folder-input').setInputFiles(sent);
    await expect(page.getByTestId('merge-count').innerText()).resolves.toBe('已选择 3 个文件');
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await axe(page, 'merge picker, folder chosen');
    await page.getByTestId('merge-drop').scrollIntoViewIfNeeded();
    await shot(page, 'merge-picker-zh-320');

    await page.getByRole('button', { name: '合并推荐汇总表' }).click();
    await page.getByText('已写入推荐汇总表：共 3 家企业', { exact: false }).waitFor({ timeout: 60000 });
    await page.getByRole('tab', { name: '合并明细', exact: true }).click();
    const details = await page.locator('[data-testid^="cell-合并明细-A"]').allTextContents();
    expect(details).toEqual(expect.arrayContaining(['报送/丙企业.xlsx', '报送/苏州市/昆山/乙企业.xlsx', '报送/苏州市/甲企业.xlsx']));
  });
});

describe('the merge picker at 320 px, in English', () => {
  it('says Choose files / Choose a folder and counts a folder picked through the folder input', async () => {
    const page = await openMerge('en');
    await page.getByRole('button', { name: 'Choose files', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Choose a folder' }).waitFor();
    await page.getByTestId('merge-folder-input').setInputFiles(sent);
    await expect(page.getByTestId('merge-count').innerText()).resolves.toBe('3 files chosen');
    const text = await page.locator('[data-testid="merge-drop"]').innerText();
    expect(text.match(/[\u4e00-\u9fff]+/g) ?? []).toEqual([]);
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await page.getByTestId('merge-drop').scrollIntoViewIfNeeded();
    await shot(page, 'merge-picker-en-320');
    await page.context().close();
  });
});

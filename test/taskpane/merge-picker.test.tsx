/**
 * @jest-environment jsdom
 */
// The merge panel's picker: Fluent buttons in the pane's language instead of the browser's "Choose Files", the
// count of files chosen, clearing, a dropped folder walked, and the names the merge gives a folder's files.
import * as React from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MergePanel } from '../../src/taskpane/components/MergePanel';
import type { MergeHost } from '../../src/taskpane/merge/run-merge';
import type { PickDirectoryReader, PickEntry } from '../../src/taskpane/merge/pick-files';
import type { MergeResult } from '../../src/domain/merge/types';
import type { MergeTarget } from '../../src/adapters/office/merged';
import { paneStrings } from '../../src/taskpane/strings';
import type { Lang } from '../../src/domain';
import { enterprise } from '../fixtures/enterprise-workbooks';

const blankTarget: MergeTarget = { kind: 'blank', rows: [], header: { unit: '', contact: '', phone: '' }, clashes: [] };

/** A host on a blank workbook that keeps what the merge would write. */
function fakeHost() {
  const written: MergeResult[] = [];
  const host: MergeHost = {
    readMergeTarget: async () => blankTarget,
    mergeInto: async (merge) => {
      const r = merge(blankTarget);
      if (r) written.push(r);
    },
    saveLetter: async () => 'x.docx',
  };
  return { host, written };
}

function renderPanel(lang: Lang = 'zh') {
  const fake = fakeHost();
  render(
    <FluentProvider theme={webLightTheme}>
      <MergePanel host={fake.host} strings={paneStrings(lang)} lang={lang} onWritten={() => undefined} />
    </FluentProvider>,
  );
  return fake;
}

const json = (name: string, credit: string, score = 75) => new File([JSON.stringify(enterprise(name, credit, score))], `${name}.json`, { lastModified: 1 });
const withPath = (f: File, path: string) => Object.defineProperty(f, 'webkitRelativePath', { value: path });
const pick = (testId: string, files: File[]) => act(async () => void fireEvent.change(screen.getByTestId(testId), { target: { files } }));

afterEach(cleanup);

describe('the merge picker', () => {
  it.each([
    ['zh', '选择文件', '选择文件夹', '尚未选择文件。'],
    ['en', 'Choose files', 'Choose a folder', 'No files chosen yet.'],
  ] as const)('in %s: Fluent buttons open hidden file inputs, one of them a folder input', async (lang, files, folder, none) => {
    renderPanel(lang);
    const filesButton = await screen.findByRole('button', { name: files });
    expect(screen.getByRole('button', { name: folder })).toBeTruthy();
    expect(screen.getByTestId('merge-chosen').textContent).toBe(none);
    const input = screen.getByTestId('merge-input') as HTMLInputElement;
    const folderInput = screen.getByTestId('merge-folder-input') as HTMLInputElement;
    expect([input.type, input.multiple, input.accept]).toEqual(['file', true, '.xlsx,.xlsm,.json,.xls,.et,.xlsb,.ods,.numbers,.csv']);
    expect(folderInput.hasAttribute('webkitdirectory')).toBe(true);
    expect(input.tabIndex).toBe(-1); // the button is the control, not the bare input
    const clicked: string[] = [];
    input.addEventListener('click', () => clicked.push('files'));
    folderInput.addEventListener('click', () => clicked.push('folder'));
    fireEvent.click(filesButton);
    fireEvent.click(screen.getByRole('button', { name: folder }));
    expect(clicked).toEqual(['files', 'folder']);
    // The drop zone is one labelled group: its name and its hint.
    const zone = screen.getByRole('group', { name: paneStrings(lang).merge.files });
    expect(zone.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('counts the files chosen, passes over other kinds and Excel’s ~$ files, adds a folder’s files, and clears', async () => {
    renderPanel();
    await screen.findByRole('button', { name: '选择文件' });
    await pick('merge-input', [json('甲企业', '91320500MA1AAAAA0'), new File(['x'], '说明.docx'), new File(['x'], '~$甲企业.xlsx')]);
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 1 个文件');
    expect(screen.getAllByTestId('merge-pick-note').map((n) => n.textContent)).toEqual([
      '跳过 2 个不是自评表的文件或隐藏文件（如 ~$ 开头的 Excel 临时文件）。',
    ]);
    await pick('merge-folder-input', [
      withPath(json('乙企业', '91320500MA1BBBBB0'), '报送/乙企业.json'),
      withPath(json('丙企业', '91320500MA1CCCCC0'), '报送/昆山/丙企业.json'),
      withPath(new File(['x'], '.~lock.乙企业.xlsx#'), '报送/.~lock.乙企业.xlsx#'),
    ]);
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 3 个文件');
    // The same files again are not counted twice.
    await pick('merge-input', [json('甲企业', '91320500MA1AAAAA0')]);
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 3 个文件');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '清除已选择的文件' })));
    expect(screen.queryByTestId('merge-count')).toBeNull();
    expect(screen.getByTestId('merge-chosen').textContent).toBe('尚未选择文件。');
    expect(screen.queryAllByTestId('merge-pick-note')).toEqual([]);
  });

  it('in English says the count in words that agree with it', async () => {
    renderPanel('en');
    await screen.findByRole('button', { name: 'Choose files' });
    await pick('merge-input', [json('甲企业', '91320500MA1AAAAA0')]);
    expect(screen.getByTestId('merge-count').textContent).toBe('1 file chosen');
    await pick('merge-input', [json('乙企业', '91320500MA1BBBBB0')]);
    expect(screen.getByTestId('merge-count').textContent).toBe('2 files chosen');
    expect(screen.getByRole('button', { name: 'Clear the chosen files' }).textContent).toBe('Clear');
  });

  it('shows the drop zone while files are dragged over, walks a dropped folder, and the merge names its files by path', async () => {
    const { written } = renderPanel();
    await screen.findByRole('button', { name: '选择文件' });
    const panel = screen.getByRole('region', { name: '合并推荐汇总表' });
    const zone = screen.getByTestId('merge-drop');
    const files = { '甲企业.json': json('甲企业', '91320500MA1AAAAA0', 78), '乙企业.json': json('乙企业', '91320500MA1BBBBB0', 75) };
    const fileEntry = (name: keyof typeof files, parent: string): PickEntry<File> => ({
      name,
      fullPath: `${parent}/${name}`,
      isFile: true,
      isDirectory: false,
      file: (ok) => ok(files[name]),
    });
    const sub: PickEntry<File> = {
      name: '昆山',
      fullPath: '/苏州市/昆山',
      isFile: false,
      isDirectory: true,
      createReader: () => batches([[fileEntry('乙企业.json', '/苏州市/昆山')]]),
    };
    const root: PickEntry<File> = {
      name: '苏州市',
      fullPath: '/苏州市',
      isFile: false,
      isDirectory: true,
      createReader: () => batches([[fileEntry('甲企业.json', '/苏州市')], [sub]]),
    };
    const dataTransfer = { types: ['Files'], files: [], items: [{ kind: 'file', webkitGetAsEntry: () => root, getAsFile: () => null }], dropEffect: 'none' };

    fireEvent.dragEnter(panel, { dataTransfer });
    expect(zone.getAttribute('data-dragging')).toBe('true');
    expect(zone.textContent).toContain('松开鼠标，加入这些文件或文件夹');
    fireEvent.dragOver(panel, { dataTransfer });
    expect(dataTransfer.dropEffect).toBe('copy');
    await act(async () => void fireEvent.drop(panel, { dataTransfer }));
    expect(zone.getAttribute('data-dragging')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('merge-count').textContent).toBe('已选择 2 个文件'));

    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '合并推荐汇总表' })));
    await waitFor(() => expect(written).toHaveLength(1), { timeout: 30_000 });
    expect(written[0]!.report.files.map((f) => [f.file, f.status])).toEqual([
      ['苏州市/甲企业.json', 'merged'],
      ['苏州市/昆山/乙企业.json', 'merged'],
    ]);
  });

  it('a drag of text (no files) does not light up the zone', async () => {
    renderPanel();
    await screen.findByRole('button', { name: '选择文件' });
    fireEvent.dragEnter(screen.getByTestId('merge-drop'), { dataTransfer: { types: ['text/plain'] } });
    expect(screen.getByTestId('merge-drop').getAttribute('data-dragging')).toBeNull();
  });
});

/** A directory reader handing out the batches given, then an empty one. */
function batches(list: PickEntry<File>[][]): PickDirectoryReader<File> {
  let i = 0;
  return { readEntries: (ok) => void setTimeout(() => ok(list[i++] ?? []), 0) };
}

// The merge picker's walk over dropped files and folders, on fake entries that behave as Chromium's do
// (readEntries gives at most 100 entries per call, then an empty batch), and its filter of picked file lists.
import {
  addPicked,
  isHiddenName,
  MERGE_ACCEPT,
  pickFromList,
  walkEntries,
  type NamedFile,
  type PickDirectoryReader,
  type PickEntry,
} from '../../src/taskpane/merge/pick-files';

interface FakeFile {
  name: string;
  path: string;
}
type Tree = { [name: string]: Tree | 'file' | 'broken' };

/** Every readEntries call made, by folder path, and how many entries each returned. */
let calls: { dir: string; size: number }[] = [];

function entry(name: string, node: Tree | 'file' | 'broken', parent: string, batch: number): PickEntry<FakeFile> {
  const fullPath = `${parent}/${name}`;
  if (node === 'file' || node === 'broken')
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (ok, err) => (node === 'broken' ? err?.(new Error('NotFoundError')) : ok({ name, path: fullPath })),
    };
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader(): PickDirectoryReader<FakeFile> {
      // Shuffled, so the walk's own order shows; handed out `batch` at a time, asynchronously, as browsers do.
      const children = Object.keys(node).reverse();
      let at = 0;
      return {
        readEntries(ok) {
          const next = children.slice(at, at + batch).map((n) => entry(n, node[n]!, fullPath, batch));
          at += next.length;
          calls.push({ dir: fullPath, size: next.length });
          setTimeout(() => ok(next), 0);
        },
      };
    },
  };
}
const roots = (tree: Tree, batch = 100) => Object.keys(tree).map((n) => entry(n, tree[n]!, '', batch));
const names = (files: NamedFile<FakeFile>[]) => files.map((f) => f.name);
const many = (n: number, ext = '.xlsx'): Tree => Object.fromEntries(Array.from({ length: n }, (_, i) => [`企业${String(i).padStart(4, '0')}${ext}`, 'file']));

beforeEach(() => {
  calls = [];
});

describe('walking dropped files and folders', () => {
  it('recurses into folders and names each file by its path under what was dropped', async () => {
    const r = await walkEntries(
      roots({
        苏州市: { '甲企业.xlsx': 'file', 昆山: { '乙企业.xlsx': 'file', 补报: { '丙企业.json': 'file' } } },
        '丁企业.xlsm': 'file',
      }),
    );
    // Depth first, a folder's entries in name order (pinyin: 补报 before 乙企业), dropped items in their order.
    expect(names(r.files)).toEqual(['苏州市/甲企业.xlsx', '苏州市/昆山/补报/丙企业.json', '苏州市/昆山/乙企业.xlsx', '丁企业.xlsm']);
    expect(r.files[1]!.file).toEqual({ name: '丙企业.json', path: '/苏州市/昆山/补报/丙企业.json' });
    expect(r).toMatchObject({ skipped: 0, unreadable: 0, limits: { files: false, entries: false, depth: false } });
  });

  it('calls readEntries until it returns an empty batch: 250 files in a folder come in batches of 100, 100, 50', async () => {
    const r = await walkEntries(roots({ 大批: many(250) }));
    expect(r.files).toHaveLength(250);
    expect(new Set(names(r.files)).size).toBe(250);
    expect(calls.map((c) => c.size)).toEqual([100, 100, 50, 0]);
    // A folder's files in name order (the fake hands them out in reverse), as `sfa merge` lists a folder.
    expect(names(r.files).slice(0, 2)).toEqual(['大批/企业0000.xlsx', '大批/企业0001.xlsx']);
  });

  it('with a reader that gives one entry per call, still reads every entry of every folder', async () => {
    const r = await walkEntries(roots({ a: { 'x.xlsx': 'file', 'y.json': 'file', b: { 'z.xlsx': 'file' } } }, 1));
    expect(names(r.files)).toEqual(['a/b/z.xlsx', 'a/x.xlsx', 'a/y.json']);
    expect(calls.filter((c) => c.dir === '/a').map((c) => c.size)).toEqual([1, 1, 1, 0]);
  });

  it('keeps only the kinds the merge reads and passes over hidden files and folders, counting them', async () => {
    const r = await walkEntries(
      roots({
        收件: {
          '甲.XLSX': 'file',
          '乙.ods': 'file',
          '丙.xls': 'file',
          '说明.docx': 'file',
          '扫描件.pdf': 'file',
          '~$甲.XLSX': 'file', // Excel's owner file of an open workbook
          '.~lock.乙.ods#': 'file', // LibreOffice's lock file
          '.DS_Store': 'file',
          '.git': { 'config.json': 'file' }, // a hidden folder is not walked
          无扩展名: 'file',
        },
      }),
    );
    expect(names(r.files)).toEqual(['收件/丙.xls', '收件/甲.XLSX', '收件/乙.ods']);
    expect(r.skipped).toBe(7);
    expect(calls.some((c) => c.dir.includes('.git'))).toBe(false);
  });

  it('stops at the file bound and says so', async () => {
    const r = await walkEntries(roots({ a: many(30), b: many(30) }), { maxFiles: 45 });
    expect(r.files).toHaveLength(45);
    expect(r.limits.files).toBe(true);
    expect(names(r.files).at(-1)).toBe('b/企业0014.xlsx');
  });

  it('stops at the entry bound in a folder of other files, without reading all of it', async () => {
    const r = await walkEntries(roots({ 杂: many(1000, '.pdf') }), { maxEntries: 150 });
    expect(r.files).toEqual([]);
    expect(r.limits.entries).toBe(true);
    expect(calls.reduce((n, c) => n + c.size, 0)).toBeLessThan(1000);
  });

  it('does not read folders deeper than the depth bound, and reads the rest', async () => {
    let deep: Tree = { '最深.xlsx': 'file' };
    for (let i = 0; i < 5; i++) deep = { [`层${i}`]: deep };
    const r = await walkEntries(roots({ 根: { ...deep, '浅.xlsx': 'file' } }), { maxDepth: 3 });
    expect(names(r.files)).toEqual(['根/浅.xlsx']);
    expect(r.limits.depth).toBe(true);
    const ok = await walkEntries(roots({ 根: { ...deep, '浅.xlsx': 'file' } }), { maxDepth: 6 });
    expect(names(ok.files)).toHaveLength(2);
    expect(ok.limits.depth).toBe(false);
  });

  it('counts entries it cannot read and goes on; a non-file item (dragged text) is passed over', async () => {
    const broken: PickEntry<FakeFile> = {
      name: '锁住',
      fullPath: '/锁住',
      isFile: false,
      isDirectory: true,
      createReader: () => ({ readEntries: (_ok, err) => err?.(new Error('NotReadableError')) }),
    };
    const r = await walkEntries([broken, null, ...roots({ '坏.xlsx': 'broken', '好.xlsx': 'file' })]);
    expect(names(r.files)).toEqual(['好.xlsx']);
    expect(r.unreadable).toBe(2);
  });
});

describe('filtering a picked file list', () => {
  const file = (path: string) => ({ name: path.split('/').pop()!, path });

  it('names a folder pick’s files by their relative path, a plain pick’s by their name, with the same filter', () => {
    const r = pickFromList([file('报送/甲.xlsx'), file('报送/.hidden/乙.xlsx'), file('报送/~$甲.xlsx'), file('报送/说明.txt'), file('丙.json')], (f) =>
      f.path.includes('/') ? f.path : '',
    );
    expect(names(r.files)).toEqual(['报送/甲.xlsx', '丙.json']);
    expect(r.skipped).toBe(3);
  });

  it('applies the file and depth bounds', () => {
    const list = Array.from({ length: 10 }, (_, i) => file(`d/${i}.xlsx`));
    const r = pickFromList(list, (f) => f.path, { maxFiles: 4 });
    expect(r.files).toHaveLength(4);
    expect(r.limits.files).toBe(true);
    const deep = pickFromList([file('a/b/c/d.xlsx'), file('a/e.xlsx')], (f) => f.path, { maxDepth: 2 });
    expect(names(deep.files)).toEqual(['a/e.xlsx']);
    expect(deep.limits.depth).toBe(true);
  });

  it('accepts exactly the extensions the merge reads', () => {
    expect([...MERGE_ACCEPT]).toEqual(['.xlsx', '.xlsm', '.json', '.xls', '.et', '.xlsb', '.ods', '.numbers', '.csv']);
    const r = pickFromList(
      ['a.xlsx', 'a.xlsm', 'a.json', 'a.xls', 'a.et', 'a.xlsb', 'a.ods', 'a.numbers', 'a.csv', 'a.pdf', 'a.xlsx.bak', 'xlsx'].map((n) => file(n)),
      () => '',
    );
    expect(names(r.files)).toEqual(['a.xlsx', 'a.xlsm', 'a.json', 'a.xls', 'a.et', 'a.xlsb', 'a.ods', 'a.numbers', 'a.csv']);
    expect(isHiddenName('~$a.xlsx') && isHiddenName('.~lock.a.xlsx#') && !isHiddenName('a~$.xlsx')).toBe(true);
  });

  it('grows a selection without taking a file twice, within the bound', () => {
    const nf = (name: string): NamedFile<FakeFile> => ({ name, file: file(name) });
    const first = addPicked([], [nf('a.xlsx'), nf('b.xlsx')], (f) => f.name, 3);
    expect(first).toEqual({ files: [nf('a.xlsx'), nf('b.xlsx')], limited: false });
    const second = addPicked(first.files, [nf('b.xlsx'), nf('c.xlsx'), nf('d.xlsx')], (f) => f.name, 3);
    expect(names(second.files)).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    expect(second.limited).toBe(true);
  });
});

// The lint configuration really applies Microsoft's Office.js rules to our TypeScript (a parser left unset
// would lint nothing and still report "clean"): a read before sync is caught in .ts and .tsx files.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(file: string, code: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root, input: code, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const READ_BEFORE_SYNC = `
export async function name(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  return sheet.name;
}
`;

describe('npm run lint', () => {
  it.each(['src/adapters/office/example.ts', 'src/taskpane/Example.tsx'])('reports a property read before context.sync() in %s', (file) => {
    const r = lint(file, READ_BEFORE_SYNC);
    expect(r.status).toBe(1);
    expect(r.out).toContain('office-addins/call-sync-before-read');
  });

  it('passes the same code once it syncs first', () => {
    const r = lint('src/adapters/office/example.ts', READ_BEFORE_SYNC.replace("sheet.load('name');", "sheet.load('name');\n  await context.sync();"));
    expect(r.out).not.toContain('office-addins/');
    expect(r.status).toBe(0);
  });
});

describe('npm run lint: formatting', () => {
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const check = (file: string, code: string) =>
    spawnSync(process.execPath, [prettier, '--check', '--stdin-filepath', file], { cwd: root, input: code, encoding: 'utf8' });

  it('runs Prettier with the office-addin config over the sources (part of `npm run lint`)', () => {
    expect(require(join(root, 'package.json')).scripts.lint).toContain('prettier --check .');
  });

  it("rejects code that is not in the repository's Prettier format and accepts it once formatted", () => {
    expect(check('src/example.ts', 'const a = {b:"c"}\n').status).not.toBe(0);
    expect(check('src/example.ts', "const a = { b: 'c' };\n").status).toBe(0);
  });
});

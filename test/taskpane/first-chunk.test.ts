// What the pane's first chunk holds: the modules src/taskpane/index.tsx reaches by static imports (a dynamic
// import() is a lazy chunk). The start screen reads the workbook and scores it; it never builds a layout,
// renders one into Excel, merges, or validates untrusted JSON, so none of that may be reachable here — one
// stray value import (write-inputs took officeValue from the renderer) put the renderer, row heights and
// styles in the first chunk, 10 kB gzip over the 150 kB goal of issue 16. `npm run bench` measures the bytes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The value imports of a module (type-only imports and `import type` are erased by the compiler). */
function valueImports(file: string): string[] {
  const src = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue;
    const names = /\{([^}]*)\}/.exec(m[3]!)?.[1];
    const onlyTypes = names !== undefined && !/^[^{]*\w[^{]*\{/.test(m[3]!) && names.split(',').every((n) => n.trim() === '' || /^type\s/.test(n.trim()));
    if (!onlyTypes) out.push(m[4]!);
  }
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((x) => base + x).find((p) => existsSync(p) && statSync(p).isFile());
}

function firstChunk(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f) || f.endsWith('.json')) {
      files.add(f);
      continue;
    }
    files.add(f);
    for (const spec of valueImports(f)) {
      const local = resolveLocal(f, spec);
      if (local) todo.push(local);
      else if (!spec.startsWith('.')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files: new Set([...files].map((f) => f.slice(ROOT.length + 1))), packages };
}

describe("the pane's first chunk", () => {
  const { files, packages } = firstChunk(join(ROOT, 'src', 'taskpane', 'index.tsx'));

  it('is found by following the static imports (the walk works)', () => {
    expect(files).toContain('src/taskpane/App.tsx');
    expect(files).toContain('src/workbook/inputs.ts');
    expect(packages).toContain('react');
  });

  it('holds no layout builder, renderer, merge engine, ExcelJS or zod', () => {
    const heavy = [...files].filter((f) =>
      /^src\/workbook\/(layout|[a-z-]+-sheet|row-heights|styles|sheet-builder|merged-[a-z-]+)\.ts$|^src\/adapters\/office\/(render|inject|merged)\.ts$|^src\/domain\/merge\/|^src\/adapters\/xlsx\//.test(
        f,
      ),
    );
    expect(heavy).toEqual([]);
    expect([...packages].filter((p) => ['exceljs', 'zod', 'jszip'].includes(p))).toEqual([]);
  });
});

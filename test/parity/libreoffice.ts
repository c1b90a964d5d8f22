// LibreOffice headless as an independent spreadsheet: recalculates a batch of .xlsx in one soffice call and
// reads the computed values back from the sheet XML, keeping zeros (ExcelJS reads a cached 0 as undefined).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { colNumber } from '../../src/workbook/a1';
import { FONT } from '../../src/workbook/styles';
import type { Computed } from './named-values';

/** The soffice on PATH, or undefined. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, 'soffice');
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** A private profile that always recalculates on load (OOXMLRecalcMode 0), whatever results a file caches. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * LibreOffice's font replacement table (Tools ▸ Options ▸ LibreOffice ▸ Fonts) for printing: the workbook's
 * font (FONT in src/workbook/styles.ts) is a Windows font; without this, fontconfig gives its Latin letters
 * and digits DejaVu Sans and its Chinese a CJK font, two families side by side. A LibreOffice user does the
 * same in that dialog; Excel and WPS on Windows have the font itself. A .docx names its own fonts (仿宋, 黑体…):
 * pass their replacements.
 */
function fontReplacement(pairs: readonly (readonly [string, string])[]): string {
  return (
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>\n` +
    pairs
      .map(
        ([from, to], i) =>
          `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${i}" oor:op="replace">` +
          `<prop oor:name="ReplaceFont" oor:op="fuse"><value>${from}</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>${to}</value></prop>` +
          `<prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop></node></item>\n`,
      )
      .join('')
  );
}

/** Recalculates every file in ONE soffice call; returns the recalculated files by the same names. */
export function recalculate(files: { name: string; data: Buffer }[], soffice = findSoffice()): Promise<Map<string, Buffer>> {
  return convert(files, 'xlsx', soffice);
}

/**
 * Prints every file to PDF in ONE soffice call (workbooks recalculated first, as above; .docx documents through
 * Writer): A4 pages as the file's print setup says; hidden sheets are not printed. Returns the PDFs by the
 * input names with .pdf.
 */
export function printToPdf(
  files: { name: string; data: Buffer }[],
  soffice = findSoffice(),
  fonts: readonly (readonly [string, string])[] = [[FONT.name, 'Noto Sans CJK SC']],
): Promise<Map<string, Buffer>> {
  return convert(files, 'pdf', soffice, REGISTRY.replace('</oor:items>', `${fontReplacement(fonts)}</oor:items>`));
}

async function convert(
  files: { name: string; data: Buffer }[],
  to: 'xlsx' | 'pdf',
  soffice: string | undefined,
  registry = REGISTRY,
): Promise<Map<string, Buffer>> {
  if (!soffice) throw new Error('soffice is not installed (Debian: libreoffice-calc-nogui, libreoffice-writer-nogui; see scripts/setup-system.sh)');
  const outName = (name: string) => name.replace(/\.(xlsx|docx)$/, `.${to}`);
  const root = mkdtempSync(join(tmpdir(), 'sfa-lo-'));
  try {
    const [inDir, outDir, profile] = ['in', 'out', 'profile'].map((d) => join(root, d)) as [string, string, string];
    mkdirSync(join(profile, 'user'), { recursive: true });
    mkdirSync(inDir);
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), registry);
    const paths = files.map((f) => {
      if (!/^[\w.-]+\.(xlsx|docx)$/.test(f.name) || (to === 'xlsx' && !f.name.endsWith('.xlsx')))
        throw new Error(`file names must be plain ASCII .xlsx (or, to print, .docx) names: ${f.name}`);
      const p = join(inDir, f.name);
      writeFileSync(p, f.data);
      return p;
    });
    // One call converts the whole batch; soffice has been seen to stop quietly after a few hundred files, so
    // files it did not write are converted again (in one more call) while that makes progress.
    let log = '';
    let pending = paths;
    while (pending.length) {
      log = await run(soffice, [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...pending,
      ]);
      const left = pending.filter((p) => !existsSync(join(outDir, outName(basename(p)))));
      if (left.length === pending.length) break;
      pending = left;
    }
    const out = new Map<string, Buffer>();
    for (const f of files) {
      const p = join(outDir, outName(f.name));
      if (!existsSync(p)) throw new Error(`soffice wrote no ${outName(f.name)}:\n${log}`);
      out.set(to === 'xlsx' ? f.name : outName(f.name), readFileSync(p));
    }
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const SOFFICE_TIMEOUT_MS = 900_000;

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    // A hang guard: one call converts hundreds of files, which took over 5 minutes on a loaded 2-core machine.
    execFile(cmd, args, { timeout: SOFFICE_TIMEOUT_MS, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      err
        ? reject(new Error(`soffice failed${err.killed ? ` (stopped after ${SOFFICE_TIMEOUT_MS / 1000} s)` : ''}: ${err.message}\n${stdout}${stderr}`))
        : resolve(`${stdout}${stderr}`),
    ),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
/** The text of every <t> in a fragment (a shared string may be split into rich-text runs). */
const texts = (xml: string) =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => decodeXml(m[1] ?? '')).join('');

export interface ConditionalFormat {
  sqref: string;
  formulas: string[];
}

/** A recalculated workbook as its XML says: values by sheet and cell, defined names, conditional formats. */
export class ComputedWorkbook {
  private constructor(
    private readonly cells: Map<string, Map<string, Computed>>,
    /** Defined name → its reference as written (LibreOffice leaves sheet names unquoted). */
    readonly names: Map<string, string>,
    private readonly formats: Map<string, ConditionalFormat[]>,
  ) {}

  static async read(data: Buffer): Promise<ComputedWorkbook> {
    const zip = await JSZip.loadAsync(data);
    const file = async (path: string) => {
      const f = zip.file(path);
      if (!f) throw new Error(`the workbook has no ${path}`);
      return f.async('string');
    };
    const workbook = await file('xl/workbook.xml');
    const rels = await file('xl/_rels/workbook.xml.rels');
    const shared = zip.file('xl/sharedStrings.xml') ? [...(await file('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!)) : [];
    const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id')!, attr(m[0], 'Target')!]));
    const cells = new Map<string, Map<string, Computed>>();
    const formats = new Map<string, ConditionalFormat[]>();
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = decodeXml(attr(m[0], 'name')!);
      const target = targets.get(attr(m[0], 'r:id')!)!;
      const xml = await file(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      cells.set(name, parseCells(xml, shared));
      formats.set(
        name,
        [...xml.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g)].map((c) => ({
          sqref: attr(c[1]!, 'sqref') ?? '',
          formulas: [...c[2]!.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((f) => decodeXml(f[1]!)),
        })),
      );
    }
    const names = new Map(
      [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => [decodeXml(attr(m[1]!, 'name')!), decodeXml(m[2]!)]),
    );
    return new ComputedWorkbook(cells, names, formats);
  }

  /** The sheets' names, in the workbook's order. */
  sheetNames(): string[] {
    return [...this.cells.keys()];
  }

  /** Every stored cell of a sheet as [column, row, value], 1-based. */
  cellsOf(sheet: string): [number, number, Computed][] {
    const s = this.cells.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return [...s].map(([k, v]) => {
      const [c, r] = k.split(',').map(Number);
      return [c!, r!, v];
    });
  }

  /** The computed value of a cell (1-based), null when the cell is empty or absent. */
  at(sheet: string, col: number, row: number): Computed {
    const s = this.cells.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return s.get(`${col},${row}`) ?? null;
  }

  conditionalFormats(sheet: string): ConditionalFormat[] {
    return this.formats.get(sheet) ?? [];
  }
}

/** Every <c> of a sheet: shared, inline and formula strings, booleans, errors and numbers (0 included). */
function parseCells(xml: string, shared: string[]): Map<string, Computed> {
  const out = new Map<string, Computed>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = /^([A-Z]+)(\d+)$/.exec(attr(m[1]!, 'r') ?? '');
    if (!ref) throw new Error(`a cell without a reference: ${m[0].slice(0, 80)}`);
    const key = `${colNumber(ref[1]!)},${ref[2]}`;
    const body = m[2] ?? '';
    const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(body);
    const raw = v ? decodeXml(v[1] ?? '') : undefined;
    const type = attr(m[1]!, 't') ?? 'n';
    let value: Computed;
    switch (type) {
      case 's':
        value = shared[Number(raw)] ?? null;
        break;
      case 'str':
        value = raw ?? '';
        break;
      case 'inlineStr':
        value = texts(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
        break;
      case 'b':
        value = raw === '1';
        break;
      case 'e':
        value = { error: raw ?? '' };
        break;
      default:
        value = raw === undefined || raw === '' ? null : Number(raw);
    }
    if (value !== null) out.set(key, value);
  }
  return out;
}

// Reads a workbook file back into an assessment: every input is found by its defined name, each name checked
// against where the workbook's layout version puts it, and the cells converted by the one input grammar
// (src/workbook/inputs.ts). The file is read by the bounded reader (workbook-reader.ts): no ExcelJS here.
import type { Rubric } from '../../domain/rubric/schema';
import type { Assessment } from '../../domain/assessment/types';
import type { Lang } from '../../domain/i18n/lang';
import { workbookReadText, type WorkbookReadText } from '../../domain/i18n/workbook-read';
import { getRubric, RUBRIC_IDS } from '../../domain/rubrics';
import { assessmentFromInputs, cachedValue, type NamedValues, type RawCell, type ReadProblem } from '../../workbook/inputs';
import { LAYOUT_VERSION } from '../../workbook/version';
import { NAMES, READ_INPUT_NAMES } from '../../workbook/names';
import { ASSESSMENT_READ_NAMES, expectedNames, layoutArea, sameArea, showArea } from './layout-names';
import { isOle, isZip, oleMessage } from './sniff';
import {
  ASSESSMENT_LIMITS,
  readNamedRanges,
  WorkbookFormatError,
  type NamedRead,
  type NameRequest,
  type ReadLimits,
  type ReadProblemKind,
} from './workbook-reader';
import type { BoundedInflate } from './zip';
import type { Area } from './parts';

/** A file that is not a workbook we can read: the message is one line a person can act on. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

export interface OpenOptions {
  limits?: ReadLimits;
  /** The bounded inflater: nodeInflater (sfa), else the browser's (also in Node ≥ 20). */
  inflate?: BoundedInflate;
}

export function problemMessage(p: ReadProblemKind, t: WorkbookReadText): string {
  switch (p.kind) {
    case 'corrupt':
      return t.corrupt(p.detail);
    case 'tooLarge':
      return t.tooLarge(p.limitBytes);
    case 'tooManyEntries':
      return t.tooManyEntries(p.limit);
    case 'tooManyCells':
      return t.tooManyCells(p.limit);
    case 'tooManyStrings':
      return t.tooManyStrings(p.limit);
    case 'tooManyNames':
      return t.tooManyNames(p.limit);
    case 'tooManySheets':
      return t.tooManySheets(p.limit);
    case 'tooManyRows':
      return t.tooManyRows(p.name, p.limit);
    case 'rangeTooLarge':
      return t.rangeTooLarge(p.name, p.cells);
    case 'nameNotArea':
      return t.nameNotArea(p.name, p.formula);
    case 'nameTwice':
      return t.nameTwice(p.name);
    case 'nameNoSheet':
      return t.nameNoSheet(p.name, p.sheet);
  }
}

/**
 * Reads the requested names of an .xlsx, telling apart the usual wrong files (empty, encrypted or old
 * .xls/.et, not a zip) and saying in one line why any other file cannot be read.
 */
export async function readWorkbookNames(
  data: Uint8Array,
  requests: readonly NameRequest[],
  lang: Lang,
  options: OpenOptions,
  defaults: ReadLimits,
): Promise<NamedRead> {
  const t = workbookReadText(lang);
  if (data.length === 0) throw new WorkbookReadError(t.empty);
  if (isOle(data)) throw new WorkbookReadError(oleMessage(data, lang));
  if (!isZip(data)) throw new WorkbookReadError(t.notZip);
  // The browser's inflater only when none is given: probing it builds a DecompressionStream, which in Node loads
  // the web streams (~5 ms in a bare node script), and `sfa score x.xlsx` passes Node's zlib.
  const inflate = options.inflate ?? (await import('./inflate-browser')).browserInflater;
  if (!inflate) throw new WorkbookReadError(t.corrupt('no deflate support in this host'));
  try {
    return await readNamedRanges(data, requests, options.limits ?? defaults, inflate);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new WorkbookReadError(problemMessage(e.problem, t));
    throw e;
  }
}

/** Refuses a file whose names do not point where `expected` says (the name, where it points, where it should). */
export function verifyNames(read: NamedRead, expected: ReadonlyMap<string, string>, version: number, t: WorkbookReadText): void {
  for (const [name, ref] of expected) {
    const want = layoutArea(ref);
    const got = read.areas.get(name);
    if (!got) throw new WorkbookReadError(t.nameMissing(name, showArea(want)));
    if (!sameArea(got, want)) throw new WorkbookReadError(t.nameMoved(name, showArea(got), showArea(want), version));
  }
}

/** The cached results of a workbook (what Excel last computed), for the merge's tamper flag. */
export interface CachedResults {
  composite: number | null;
  tier: string | null;
  errors: number | null;
}

export interface WorkbookAssessment {
  rubric: Rubric;
  assessment: Assessment;
  problems: ReadProblem[];
  layoutVersion: number;
  cached: CachedResults;
  /** Where each name read points in this file (checked against the layout's, or the 申报书's as the file has them): the cells a problem names. */
  areas: ReadonlyMap<string, Area>;
}

/** No name of an assessment covers more than a few hundred cells; a larger one is not our workbook. */
const MAX_NAMED_CELLS = 10_000;
/** The names checked against the layout, then the 申报书's inputs (layout 2; absent from layout-1 files, read when present). */
const REQUESTS: NameRequest[] = [...new Set([...ASSESSMENT_READ_NAMES, ...READ_INPUT_NAMES])].map((name) => ({ name, maxCells: MAX_NAMED_CELLS }));

const first = (nv: NamedValues | undefined): RawCell => cachedValue(nv?.values[0]?.[0] ?? null);
/** A cell in a message: its text, the text of a malformed cell with its type, an error value. */
function shownCell(v: RawCell): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object' || v === null) return String(v);
  if ('malformed' in v) return `${v.malformed} (t="${v.type}")`;
  if ('error' in v) return v.error;
  return `=${v.formula}`;
}
const asNumber = (v: RawCell) => (typeof v === 'number' ? v : null);
const asString = (v: RawCell) => (typeof v === 'string' ? v : null);

/** Reads an assessment workbook; refuses, with a clear message, one that is not ours, altered, or of a newer layout. */
export async function readAssessmentWorkbook(data: Uint8Array, lang: Lang = 'zh', options: OpenOptions = {}): Promise<WorkbookAssessment> {
  const t = workbookReadText(lang);
  const read = await readWorkbookNames(data, REQUESTS, lang, options, ASSESSMENT_LIMITS);
  const version = first(read.values.get(NAMES.layoutVersion));
  if ((version === null || version === undefined) && read.definedNames.has(NAMES.mergedTable)) throw new WorkbookReadError(t.mergedNotAssessment);
  if (version === null || version === undefined) throw new WorkbookReadError(t.notOurs);
  const v = typeof version === 'number' ? version : typeof version === 'string' && /^[0-9]{1,4}$/.test(version.trim()) ? Number(version) : NaN;
  if (!Number.isInteger(v) || v < 1) throw new WorkbookReadError(t.badVersion(shownCell(version)));
  if (v > LAYOUT_VERSION) throw new WorkbookReadError(t.newerVersion(String(v), LAYOUT_VERSION));
  const rubricId = first(read.values.get(NAMES.rubricId));
  const rubric = typeof rubricId === 'string' ? getRubric(rubricId) : undefined;
  if (!rubric) throw new WorkbookReadError(t.unknownRubric(shownCell(rubricId), [...RUBRIC_IDS]));
  const expected = await expectedNames(v, rubric);
  if (!expected) throw new WorkbookReadError(t.badVersion(String(v)));
  verifyNames(read, expected, v, t);
  const ranges = new Map<string, NamedValues>();
  for (const n of READ_INPUT_NAMES) {
    const nv = read.values.get(n);
    if (nv) ranges.set(n, nv);
  }
  const { assessment, problems } = assessmentFromInputs(rubric, ranges, lang);
  const cached: CachedResults = {
    composite: asNumber(first(read.values.get(NAMES.composite))),
    tier: asString(first(read.values.get(NAMES.tier))),
    errors: asNumber(first(read.values.get(NAMES.errors))),
  };
  return { rubric, assessment, problems, layoutVersion: v, cached, areas: read.areas };
}

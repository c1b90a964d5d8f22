// Range.dataValidation (ExcelApi 1.8). A rule is checked when it is set: a list source "=…" must resolve to
// a range (a sheet that exists, or a defined name), a custom formula may not point at a missing sheet —
// otherwise InvalidArgument and the rest of the batch does not run. No more than one rule type per rule.
// clear() removes the validations overlapping the range. Not allowed on a protected sheet.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
// https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member
import type { SimContext } from './context';
import { SimError } from './errors';
import { addressOf, parseBounds, type Bounds, type SimSheet, type SimValidation, type SimWorkbook } from './model';
import { assertAllowed } from './protection';
import { parseSheetRef, referencedSheets } from './references';

type Resolved = { sheet: SimSheet; bounds: Bounds } | undefined;

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
}

/** Throws InvalidArgument unless Excel can resolve the rule now. */
export function checkRule(model: SimWorkbook, rule: Record<string, unknown>): void {
  const kinds = Object.keys(rule);
  if (kinds.length !== 1) throw new SimError('InvalidArgument', 'a data validation rule has exactly one type');
  const list = rule.list as { source?: unknown } | undefined;
  if (list && typeof list.source === 'string' && list.source.startsWith('=')) {
    const src = list.source.slice(1);
    const ref = parseSheetRef(src);
    const ok = ref ? !!model.sheet(ref.sheet) : model.names.has(src) && !!model.resolveName(src);
    if (!ok) throw new SimError('InvalidArgument', `list source ${list.source} does not resolve`);
  }
  const custom = rule.custom as { formula?: unknown } | undefined;
  if (custom && typeof custom.formula === 'string')
    for (const s of referencedSheets(custom.formula)) if (!model.sheet(s)) throw new SimError('InvalidArgument', `custom rule refers to missing sheet ${s}`);
}

export function dataValidationOf(ctx: SimContext, resolve: () => Resolved, label: string) {
  const target = () => {
    const r = resolve();
    if (!r) throw new SimError('ItemNotFound', `range ${label}`);
    assertAllowed(ctx.model, r.sheet, 'validation');
    return r;
  };
  const update = (call: string, args: unknown, f: (v: SimValidation) => void, check?: () => void) =>
    ctx.record(
      `Range(${label}).dataValidation.${call}`,
      () => {
        const r = target();
        check?.();
        const addr = addressOf(r.sheet, r.bounds).split('!')[1]!;
        let v = r.sheet.validations.find((x) => x.range === addr);
        if (!v) r.sheet.validations.push((v = { range: addr, rule: {} }));
        f(v);
      },
      { args },
    );
  return {
    clear: () =>
      ctx.record(`Range(${label}).dataValidation.clear`, () => {
        const r = target();
        r.sheet.validations = r.sheet.validations.filter((v) => !overlaps(parseBounds(v.range), r.bounds));
      }),
    set rule(rule: Record<string, unknown>) {
      update(
        'rule',
        rule,
        (v) => (v.rule = rule),
        () => checkRule(ctx.model, rule),
      );
    },
    set errorAlert(e: Record<string, unknown>) {
      update('errorAlert', e, (v) => (v.errorAlert = e));
    },
    set prompt(p: Record<string, unknown>) {
      update('prompt', p, (v) => (v.prompt = p));
    },
    set ignoreBlanks(b: boolean) {
      update('ignoreBlanks', b, (v) => (v.ignoreBlanks = b));
    },
  };
}

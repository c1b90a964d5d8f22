// Where a field of the 申报书 lives in the workbook: `application.instances.10.description` → 场景实例!B…,
// through the defined names (never by address), for the pane's jump-to-cell and for every reader problem.
import type { ApplicationRubric } from '../../domain/application/rubric';
import type { Rubric } from '../../domain/rubric/schema';
import { cell } from '../a1';
import type { NameLookup } from '../paths';
import { applicationInputNames, OUTCOME_CUSTOM_COLUMNS, tableColumns } from './names';

export function applicationCellForPath(names: NameLookup, app: ApplicationRubric, rubric: Rubric, path: string): { sheet: string; cell: string } | undefined {
  const [head, section, a, b] = path.split('.');
  if (head !== 'application' || !section) return undefined;
  const at = (name: string, row: number, col: number) => {
    const r = names(name);
    if (!r) return undefined;
    if (row < 0 || col < 0 || r.r1 + row > r.r2 || r.c1 + col > r.c2) return undefined;
    return { sheet: r.sheet, cell: cell(r.c1 + col, r.r1 + row) };
  };
  for (const n of applicationInputNames(app, rubric)) {
    switch (n.kind) {
      case 'field':
        if (n.section === section && n.field.key === a) return at(n.name, 0, 0);
        break;
      case 'table':
        if (n.section.key === section)
          return at(
            n.name,
            Number(a ?? 0),
            Math.max(
              0,
              tableColumns(n.section).findIndex((c) => c.key === b),
            ),
          );
        break;
      case 'yearly':
        if (n.section.key === section)
          return at(
            n.name,
            Math.max(
              0,
              n.section.metrics.findIndex((m) => m.key === b),
            ),
            Math.max(0, n.section.years.indexOf(Number(a))),
          );
        break;
      case 'outcomes':
        if (n.section.key === section && a !== 'custom')
          return at(
            n.name,
            Math.max(
              0,
              n.section.indicators.findIndex((i) => i.key === a),
            ),
            b === 'after' ? 1 : 0,
          );
        break;
      case 'outcomesCustom':
        if (n.section.key === section && a === 'custom')
          return at(n.name, Number(b ?? 0), Math.max(0, OUTCOME_CUSTOM_COLUMNS.indexOf(path.split('.')[4] as (typeof OUTCOME_CUSTOM_COLUMNS)[number])));
        break;
      case 'instance':
        if (n.section.key === section && n.scenario === a)
          return at(
            n.name,
            Math.max(
              0,
              n.section.fields.findIndex((f) => f.key === b),
            ),
            0,
          );
        break;
      case 'pledge':
        if (n.section.key === section) return at(n.name, a === 'date' ? n.section.statements.length : Number(b ?? 0), 0);
        break;
      case 'attachments':
        if (n.section.key === section)
          return at(
            n.name,
            Math.max(
              0,
              n.section.items.findIndex((i) => i.key === a),
            ),
            b === 'file' ? 1 : 0,
          );
        break;
    }
  }
  return undefined;
}

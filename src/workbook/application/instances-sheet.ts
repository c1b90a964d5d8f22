// 场景实例 (附1-1): one block per scenario of the rubric, in 场景自评's order. Its 环节名称 and 场景名称 come by
// formula from 场景自评, and its status says whether the block must be filled (the scenario is self-assessed
// at 先进级 or higher), must stay empty (it is not), or can be ignored. Columns as a form: A label, B input,
// C 字数, D check, E note; hidden J error flag, K missing flag.
import type { InstancesSection } from '../../domain/application/rubric';
import { absRange, str } from '../a1';
import { SCENARIO_NONE } from '../../domain/i18n/texts';
import { longest } from '../row-heights';
import { SheetBuilder } from '../sheet-builder';
import type { SheetSpec } from '../types';
import { nthCell, sheetName, type AppContext } from './context';
import { charCount, fieldFormulas } from './field-checks';
import { formWidths } from './form';
import { appName } from './names';

export function buildInstancesSheet(ctx: AppContext, s: InstancesSection): SheetSpec {
  const L = ctx.L;
  const S = sheetName(ctx, s.sheet);
  const b = new SheetBuilder(`app-${s.sheet}`, S).tab('7F3F6F');
  b.set('A1', s.title[ctx.lang], 'title').merge('A1:E1');
  if (s.note) b.set('A2', s.note, 'note').merge('A2:E2');
  b.row('A3', [L.field, L.value, L.count, L.check, L.note], 'header');
  let r = 4;
  const first = r;
  ctx.rubric.scenarios.forEach((sc, i) => {
    const rank = nthCell(ctx.Sc.ranks, i);
    const tierCell = nthCell(ctx.Sc.tiers, i);
    const header = r;
    const fFirst = header + 3;
    const fLast = fFirst + s.fields.length - 1;
    // Whether the block is claimed and whether it has been started: computed once, in hidden V and W of its header.
    b.set(`V${header}`, { f: `IF(${rank}>=${ctx.minRank},1,0)` }, 'helper');
    b.set(`W${header}`, { f: `IF(SUMPRODUCT(--(LEN(TRIM(B${fFirst}:B${fLast}))>0))>0,1,0)` }, 'helper');
    const claimed = `$V$${header}=1`;
    const anyFilled = `$W$${header}=1`;
    const status = `IF(${claimed},IF(${anyFilled},"",${str(L.mustFill)}),IF(${anyFilled},${str(L.notClaimed)},${str(L.unclaimed)}))`;
    // 场景自评's 环节 (C) and 场景名称 (D) of this row, by formula, as 附1-1 heads each instance.
    const segmentCell = nthCell(ctx.Sc.tiers, i, -2);
    const nameCell = nthCell(ctx.Sc.tiers, i, -1);
    b.set(`A${header}`, `${sc.id}`, 'subtitle');
    // A scenario not claimed reads 未建设 (the one term for it), also where an older workbook holds 未达到.
    const notBuilt = str(SCENARIO_NONE.zh);
    b.set(
      `B${header}`,
      { f: `${str(L.claimedAs)}&IF(OR(TRIM(${tierCell})="",TRIM(${tierCell})=${str(ctx.rubric.tierLabelNone.zh)}),${notBuilt},${tierCell})` },
      'subtitle',
    );
    b.set(`C${header}`, null, 'subtitle');
    b.set(`D${header}`, { f: status }, 'check', { fit: longest([L.mustFill, L.notClaimed, L.unclaimed]) }).set(`E${header}`, null, 'subtitle');
    b.set(`X${header}`, { f: `IF(AND(NOT(${claimed}),${anyFilled}),1,0)` }, 'helper');
    b.set(`Y${header}`, { f: `IF(AND(${claimed},NOT(${anyFilled})),1,0)` }, 'helper');
    b.set(`A${header + 1}`, L.segment, 'label').set(`B${header + 1}`, { f: `${segmentCell}&""` }, 'output');
    b.set(`A${header + 2}`, L.scenarioName, 'label').set(`B${header + 2}`, { f: `${nameCell}&""` }, 'output');
    b.set(`X${header + 1}`, 0, 'helper').set(`X${header + 2}`, 0, 'helper');
    s.fields.forEach((f, j) => {
      const row = fFirst + j;
      const v = `B${row}`;
      b.set(`A${row}`, f.label[ctx.lang] + (f.required ? L.required : ''), 'label');
      b.set(v, null, f.kind === 'longText' ? 'inputWrap' : 'input', { input: true, numFmt: '@' });
      const ff = fieldFormulas(f, v, ctx.checks, L);
      // A required field is missing only while the block must be filled and has been started.
      const missing = f.required ? `IF(AND(${claimed},${anyFilled}),${str(L.missing)},"")` : '""';
      b.set(`D${row}`, { f: `IF(${ff.empty},${missing},${ff.error})` }, 'check');
      b.set(`X${row}`, { f: `IF(${ff.empty},0,IF(${ff.error}<>"",1,0))` }, 'helper');
      b.set(`Y${row}`, { f: `IF(AND(${ff.empty},${missing}<>""),1,0)` }, 'helper');
      if (f.kind === 'longText') b.set(`C${row}`, { f: `${charCount(v)}&" / "&${f.limit}` }, 'output');
      b.paint(v, `$X${row}=1`, 'invalid');
    });
    ctx.names.push({ name: appName(s.key, sc.id), ref: absRange(S, 2, fFirst, 2, fLast) });
    b.paint(`A${header}:E${fLast}`, `AND(NOT(${claimed}),NOT(${anyFilled}))`, 'muted');
    r = fLast + 2;
  });
  const last = r - 2;
  ctx.errorFlags.push(absRange(S, 24, first, 24, last));
  ctx.missingFlags.push(absRange(S, 25, first, 25, last));
  b.widths(...formWidths())
    .hideColumns('F', 'G', 'H', 'I', 'V', 'W', 'X', 'Y')
    .freeze(3, 1);
  b.print(`A1:E${last}`, 'portrait', '3:3');
  return b.build();
}

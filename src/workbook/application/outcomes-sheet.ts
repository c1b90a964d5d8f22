// 建设成效: each indicator of 工厂整体建设成效 before and after, its 变化率 by formula in the direction it should
// move (positive = better), and rows the enterprise adds. Columns: A 指标, B 单位, C 应提升/下降, D 建设前,
// E 建成后, F 变化率, G check; hidden J error flag, K missing flag.
import type { OutcomesSection } from '../../domain/application/rubric';
import { absRange, str } from '../a1';
import { SheetBuilder } from '../sheet-builder';
import type { SheetSpec } from '../types';
import { sheetName, type AppContext } from './context';
import { appName, DIRECTION_TEXT } from './names';

const UP = DIRECTION_TEXT.up;
const DOWN = DIRECTION_TEXT.down;

export function buildOutcomesSheet(ctx: AppContext, s: OutcomesSection): SheetSpec {
  const L = ctx.L;
  const S = sheetName(ctx, s.sheet);
  const b = new SheetBuilder(`app-${s.sheet}`, S).tab('4F7F3F');
  b.set('A1', s.title[ctx.lang], 'title').merge('A1:G1');
  if (s.note) b.set('A2', s.note, 'note').merge('A2:G2');
  b.row('A3', [L.indicator, L.unit, L.direction, L.before, L.after, L.rate, L.check], 'header');
  const first = 4;
  const num = (v: string) => `IF(OR(TRIM(${v})="",ISNUMBER(${v})),"",${str(L.number)})`;
  const rowChecks = (r: number, direction: string) => {
    const [before, after] = [`D${r}`, `E${r}`];
    const rate = `IF(AND(ISNUMBER(${before}),ISNUMBER(${after})),IF(${before}=0,"",IF(${direction}=${str(DOWN)},(${before}-${after})/ABS(${before}),(${after}-${before})/ABS(${before}))),"")`;
    b.set(`F${r}`, { f: rate }, 'output', { numFmt: '0.0%' });
    const worse = `IF(AND(ISNUMBER(${before}),ISNUMBER(${after})),IF(IF(${direction}=${str(DOWN)},${after}>${before},${after}<${before}),${str(L.worse)},""),"")`;
    const errors = `IF(${num(before)}<>"",${num(before)},${num(after)})`;
    return { errors, worse };
  };
  s.indicators.forEach((ind, i) => {
    const r = first + i;
    b.row(`A${r}`, [ind.label[ctx.lang], ind.unit, DIRECTION_TEXT[ind.direction]], 'label');
    b.set(`D${r}`, null, 'input', { input: true }).set(`E${r}`, null, 'input', { input: true });
    const { errors, worse } = rowChecks(r, str(DIRECTION_TEXT[ind.direction]));
    b.set(`G${r}`, { f: `IF(${errors}<>"",${errors},${worse})` }, 'check');
    b.set(`X${r}`, { f: `IF(${errors}<>"",1,0)` }, 'helper').set(`Y${r}`, 0, 'helper');
  });
  const last = first + s.indicators.length - 1;
  ctx.names.push({ name: appName(s.key), ref: absRange(S, 4, first, 5, last) });

  let cLast = last;
  if (s.customRows > 0) {
    const title = last + 1;
    b.set(`A${title}`, L.custom, 'subtitle').merge(`A${title}:G${title}`);
    const cFirst = title + 1;
    cLast = cFirst + s.customRows - 1;
    for (let r = cFirst; r <= cLast; r++) {
      b.row(`A${r}`, [null, null, null, null, null], 'input', { input: true });
      const { errors, worse } = rowChecks(r, `TRIM(C${r})`);
      const filled = `SUMPRODUCT(--(LEN(TRIM(A${r}:E${r}))>0))>0`;
      const own = `IF(TRIM(A${r})="",${str(L.noLabel)},IF(OR(TRIM(C${r})=${str(UP)},TRIM(C${r})=${str(DOWN)}),"",${str(L.directionPick)}))`;
      b.set(`G${r}`, { f: `IF(${filled},IF(${own}<>"",${own},IF(${errors}<>"",${errors},${worse})),"")` }, 'check');
      b.set(`X${r}`, { f: `IF(${filled},IF(OR(${own}<>"",${errors}<>""),1,0),0)` }, 'helper').set(`Y${r}`, 0, 'helper');
    }
    b.validate(`C${cFirst}:C${cLast}`, { kind: 'list', source: ctx.checks.list('direction'), allowBlank: true, error: L.directionPick });
    ctx.names.push({ name: appName(s.key, 'custom'), ref: absRange(S, 1, cFirst, 5, cLast) });
  }
  b.paint(`D${first}:E${cLast}`, `$X${first}=1`, 'invalid');
  b.paint(`F${first}:F${cLast}`, `AND(ISNUMBER($F${first}),$F${first}<0)`, 'warning');
  ctx.errorFlags.push(absRange(S, 24, first, 24, cLast));
  b.widths(44, 8, 8, 12, 12, 12, 36, 2, 2, 4, 4).hideColumns('H', 'I', 'X', 'Y').freeze(3);
  b.print(`A1:G${cLast}`, 'portrait', '3:3');
  return b.build();
}

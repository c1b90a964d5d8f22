// The input grammar of src/domain/input/grammar.ts as worksheet formulas, so the workbook reads what a person
// typed exactly as the engine does. Only functions Excel 2010+, WPS and LibreOffice share (TRIM, ASC, CLEAN,
// SUBSTITUTE, VALUE, MID, FIND, SUMPRODUCT); AND()/OR() evaluate every argument, so anything that can fail is
// inside an IF branch or an IS…() test. No formula here can return an error value, whatever the cell holds.
import { NUMBER_MAX_CHARS } from '../domain/input/grammar';
import { str } from './a1';
import type { SheetBuilder } from './sheet-builder';

/** The value a number helper holds for a cell outside the grammar ("" is blank, a number is the value). */
export const BAD = '"?"';

/** The cell's text as the grammar normalises it (U+3000/NBSP → space, CLEAN, ASC, TRIM); "" unless it is text. */
export const normText = (x: string) => `IF(ISTEXT(${x}),TRIM(ASC(CLEAN(SUBSTITUTE(SUBSTITUTE(${x},"\u3000"," "),"\u00a0"," ")))),"")`;

/** TRUE when the cell is blank as the grammar sees it (empty, or only spaces); `t` is its normText cell. */
export const isBlankCell = (x: string, t: string) => `IF(ISTEXT(${x}),${t}="",ISBLANK(${x}))`;

/** What was typed, for a message: the cell as text ("" for an error value). */
export const quoted = (x: string) => `IF(ISERROR(${x}),"",${x}&"")`;

/** 1…n for the first choice the text equals (letters in any case, as `=` compares), else `otherwise`. */
export const choiceIndex = (t: string, choices: readonly string[], otherwise: string): string =>
  choices.reduceRight((rest, c, i) => `IF(${t}=${str(c)},${i + 1},${rest})`, otherwise);

/** TRUE when every character of `d` is a digit (and there is at least one); `pos` is a 1…NUMBER_MAX_CHARS range. */
const digitsOnly = (d: string, pos: string) => `AND(LEN(${d})>0,SUMPRODUCT(ISNUMBER(FIND(MID(${d},${pos},1),"0123456789"))*(${pos}<=LEN(${d})))=LEN(${d}))`;

/** Columns for a number helper chain: normalised text, unsigned text, integer part, fraction part, value. */
export type NumberCols = readonly [string, string, string, string, string];

/**
 * Writes the helper chain of a number input into row `row` and returns the cells of its normalised text and
 * value: the number (a number cell, or text `[+-]digits[.digits]` with commas only as 1,234,567), "" when
 * blank, "?" outside the grammar (text, true/false, an error value).
 */
export function numberHelpers(b: SheetBuilder, x: string, row: number, cols: NumberCols, pos: string): { text: string; value: string } {
  const [T, S, I, F, V] = cols.map((c) => `${c}${row}`) as unknown as [string, string, string, string, string];
  const hasDot = `ISNUMBER(FIND(".",${S}))`;
  const commasOk = `IF(ISNUMBER(FIND(",",${I})),AND(LEFT(${I},1)<>",",SUMPRODUCT(((MID(${I},${pos},1)=",")<>(MOD(LEN(${I})-${pos}+1,4)=0))*(${pos}<=LEN(${I})))=0),TRUE())`;
  const valid = `AND(LEN(${T})<=${NUMBER_MAX_CHARS},${digitsOnly(`SUBSTITUTE(${I},",","")`, pos)},IF(${hasDot},${digitsOnly(F, pos)},TRUE()),${commasOk})`;
  const number = `IF(LEFT(${T},1)="-",-1,1)*VALUE(SUBSTITUTE(${I},",","")&IF(${hasDot},"."&${F},""))`;
  b.set(T, { f: normText(x) }, 'helper');
  b.set(S, { f: `IF(OR(LEFT(${T},1)="+",LEFT(${T},1)="-"),MID(${T},2,${NUMBER_MAX_CHARS}),${T})` }, 'helper');
  b.set(I, { f: `LEFT(${S},IFERROR(FIND(".",${S})-1,LEN(${S})))` }, 'helper');
  b.set(F, { f: `IF(${hasDot},MID(${S},LEN(${I})+2,${NUMBER_MAX_CHARS}),"")` }, 'helper');
  b.set(
    V,
    {
      f: `IF(ISERROR(${x}),${BAD},IF(ISLOGICAL(${x}),${BAD},IF(ISNUMBER(${x}),${x},IF(${T}="",IF(ISTEXT(${x}),"",IF(ISBLANK(${x}),"",${BAD})),IF(${valid},${number},${BAD})))))`,
    },
    'helper',
  );
  return { text: T, value: V };
}

/**
 * 1 when the text `t` is a date in the grammar's forms (Y-M-D, Y/M/D, Y.M.D, Y年M月D日: a four-digit year,
 * a month and day of one or two digits, a real calendar date from year 100), else 0. `d` and `p` are two
 * helper cells this writes: the text with its separators made "-", and the position of the second "-".
 */
export function dateTextHelpers(b: SheetBuilder, t: string, d: string, p: string, ok: string, pos: string): void {
  b.set(d, { f: `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${t},"/","-"),".","-"),"年","-"),"月","-"),"日","")` }, 'helper');
  b.set(p, { f: `IFERROR(FIND("-",${d},6),0)` }, 'helper');
  const shape = `AND(LEN(${d})>=8,LEN(${d})<=10,MID(${d},5,1)="-",${p}>=7,${p}<=8,LEN(${d})-${p}>=1,LEN(${d})-${p}<=2,LEN(${d})-LEN(SUBSTITUTE(${d},"-",""))=2,${digitsOnly(`SUBSTITUTE(${d},"-","")`, pos)})`;
  const [y, m, day] = [`VALUE(LEFT(${d},4))`, `VALUE(MID(${d},6,${p}-6))`, `VALUE(MID(${d},${p}+1,2))`];
  const leap = `IF(OR(MOD(${y},400)=0,AND(MOD(${y},4)=0,MOD(${y},100)<>0)),1,0)`;
  const days = `CHOOSE(${m},31,28+${leap},31,30,31,30,31,31,30,31,30,31)`;
  b.set(ok, { f: `IF(${shape},IF(AND(${m}>=1,${m}<=12),IF(AND(${y}>=100,${day}>=1,${day}<=${days}),1,0),0),0)` }, 'helper');
}

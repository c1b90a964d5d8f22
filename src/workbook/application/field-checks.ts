// The check formulas of one 申报书 input cell, by field kind: what is wrong with a filled cell (error), what
// deserves a second look (warning), and whether a required cell is still empty. Formulas only use functions
// Excel, WPS and LibreOffice compute alike.
import type { AppField } from '../../domain/application/rubric';
import { str } from '../a1';
import type { ApplicationLabels } from './labels';

export interface FieldFormulas {
  /** TRUE when the cell is empty. */
  empty: string;
  /** "" or the error text for a filled cell. */
  error: string;
  /** "" or the warning text for a filled cell. */
  warning: string;
}

export interface CheckRefs {
  /** Absolute range of a choice list on the hidden options sheet. */
  list(id: string): string;
  yesNo: string;
}

/**
 * A date cell's serial number, or "" when it holds no date: a typed date, or text Y-M-D, Y/M/D, Y.M.D or
 * Y年M月D日 with a four-digit year and a real calendar day — the dates the input grammar reads.
 */
export function dateSerial(v: string): string {
  const t = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${v}),"/","-"),".","-"),"年","-"),"月","-"),"日","")`;
  const p1 = `FIND("-",${t})`;
  const p2 = `FIND("-",${t},${p1}+1)`;
  const [y, m, d] = [`VALUE(LEFT(${t},${p1}-1))`, `VALUE(MID(${t},${p1}+1,${p2}-${p1}-1))`, `VALUE(MID(${t},${p2}+1,9))`];
  const date = `DATE(${y},${m},${d})`;
  return `IF(ISNUMBER(${v}),${v},IFERROR(IF(AND(${p1}=5,MONTH(${date})=${m},DAY(${date})=${d}),${date},""),""))`;
}

/** 字 in the cell as countChars counts them: without spaces (half- and full-width) and line breaks. */
export function charCount(v: string): string {
  return `LEN(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${v},CHAR(10),""),CHAR(13),"")," ",""),"\u3000",""))`;
}

/** `serial`: a cell already holding `dateSerial(v)` (a form's date field), so the parse is not repeated. */
export function fieldFormulas(f: AppField, v: string, refs: CheckRefs, L: ApplicationLabels, serial?: string): FieldFormulas {
  const textEmpty = `TRIM(${v})=""`;
  switch (f.kind) {
    case 'number':
    case 'percent':
    case 'integer':
    case 'year': {
      const whole = f.kind === 'integer' || f.kind === 'year';
      let inRange = '""';
      if (f.max !== undefined) inRange = `IF(${v}>${f.max},${str(L.above(f.max))},${inRange})`;
      if (f.min !== undefined) inRange = `IF(${v}<${f.min},${str(L.below(f.min))},${inRange})`;
      if (whole) inRange = `IF(${v}<>INT(${v}),${str(L.integer)},${inRange})`;
      return {
        empty: textEmpty,
        error: `IF(ISNUMBER(${v}),${inRange},${str(L.number)})`,
        warning: f.warnAbove !== undefined ? `IF(ISNUMBER(${v}),IF(${v}>${f.warnAbove},${str(L.warnAbove(f.warnAbove))},""),"")` : '""',
      };
    }
    case 'date':
      return { empty: textEmpty, error: `IF(ISNUMBER(${serial ?? dateSerial(v)}),"",${str(L.date)})`, warning: '""' };
    case 'choice':
      return { empty: textEmpty, error: `IF(COUNTIF(${refs.list(f.choices!)},TRIM(${v}))>0,"",${str(L.pick)})`, warning: '""' };
    case 'yesNo':
      return { empty: textEmpty, error: `IF(COUNTIF(${refs.yesNo},TRIM(${v}))>0,"",${str(L.yesNo)})`, warning: '""' };
    case 'longText': {
      const n = charCount(v);
      return { empty: textEmpty, error: `IF(${n}>${f.limit},${str(L.overLimit(f.limit!))}&${n}&${str(L.chars)},"")`, warning: '""' };
    }
    default:
      return { empty: textEmpty, error: '""', warning: '""' };
  }
}

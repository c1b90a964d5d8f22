// The check formulas of one 申报书 input cell, by field kind: what is wrong with a filled cell (error), what
// deserves a second look (warning), and whether a required cell is still empty. Formulas only use functions
// Excel, WPS and LibreOffice compute alike.
import type { AppField } from '../../domain/application/rubric';
import { str } from '../a1';
import { isoDateText } from '../profile-sheet';
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
  positions10: string;
}

/** A date cell's serial number (typed date, or YYYY-MM-DD text), or "" when it is neither. */
export function dateSerial(v: string): string {
  return `IF(ISNUMBER(${v}),${v},IFERROR(DATE(VALUE(LEFT(${v},4)),VALUE(MID(${v},6,2)),VALUE(MID(${v},9,2))),""))`;
}

/** 字 in the cell as countChars counts them: without spaces (half- and full-width) and line breaks. */
export function charCount(v: string): string {
  return `LEN(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${v},CHAR(10),""),CHAR(13),"")," ",""),"　",""))`;
}

export function fieldFormulas(f: AppField, v: string, refs: CheckRefs, L: ApplicationLabels): FieldFormulas {
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
      return { empty: textEmpty, error: `IF(OR(ISNUMBER(${v}),${isoDateText(v, refs.positions10)}),"",${str(L.date)})`, warning: '""' };
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

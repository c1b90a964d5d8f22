// Which errors may be shown as they are. Ours (WorkbookReadError, UsageError, InputFileError…) say what is
// wrong in the user's words; JavaScript's own (TypeError "Cannot read properties of undefined", RangeError
// "Invalid time value") say nothing to a bureau and must never reach 合并明细 or the console.
import type { Lang } from '../i18n/lang';
import { internalErrorMessages } from '../i18n/messages';

const BUILTIN: readonly ErrorConstructor[] = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];

/** True for anything but an instance of one of our own Error subclasses. */
export function isRawJsError(e: unknown): boolean {
  if (!(e instanceof Error)) return true;
  const proto: unknown = Object.getPrototypeOf(e);
  return BUILTIN.some((B) => proto === B.prototype);
}

/** The message of one of our errors, else a sentence saying the file could not be read (no JS text). */
export function readFailureText(e: unknown, lang: Lang): string {
  return isRawJsError(e) ? internalErrorMessages.reading(lang) : (e as Error).message;
}

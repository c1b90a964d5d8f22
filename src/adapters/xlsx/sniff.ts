// Which files go to the workbook reader: workbook names (src/domain/input/merge-files.ts), or zip/OLE bytes
// whatever the name. The reader then says what the file really is (a renamed .csv, an old .xls, an encrypted
// workbook…). No ExcelJS here, so the pane can decide before loading it.
import type { Lang } from '../../domain/i18n/lang';
import { fileMessages } from '../../domain/i18n/files';
import { isWorkbookName, otherSpreadsheetExtension } from '../../domain/input/merge-files';

export const isWorkbookFile = isWorkbookName;

const startsWith = (data: Uint8Array, sig: readonly number[]) => sig.every((b, i) => data[i] === b);
export const ZIP_SIGNATURE = [0x50, 0x4b] as const;
/** OLE compound file: an old .xls/.et, or any encrypted Office workbook. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0] as const;

export const isZip = (data: Uint8Array) => startsWith(data, ZIP_SIGNATURE);
export const isOle = (data: Uint8Array) => startsWith(data, OLE_SIGNATURE);

export function readAsWorkbook(name: string, data: Uint8Array): boolean {
  return isWorkbookFile(name) || isZip(data) || isOle(data);
}

/**
 * What an OLE compound file holds, from the names in its directory (MS-CFB: 128-byte entries, a UTF-16LE name
 * and its byte length at +0x40, the entry type at +0x42, in sectors that start at multiples of 512 bytes).
 * An encrypted Office Open XML workbook is an OLE file with `EncryptionInfo`/`EncryptedPackage` streams
 * (MS-OFFCRYPTO); an old binary workbook (.xls, WPS .et) has a `Workbook` (BIFF8) or `Book` (BIFF5) stream.
 * Entries are scanned where they can lie rather than by following the FAT, which is enough to tell these apart.
 */
export type OleKind = 'encrypted' | 'xls' | 'other';

const streamName = (data: Uint8Array, at: number): string | undefined => {
  const bytes = data[at + 0x40]! | (data[at + 0x41]! << 8);
  const type = data[at + 0x42];
  if (bytes < 4 || bytes > 64 || bytes % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) return undefined;
  let s = '';
  for (let i = 0; i < bytes - 2; i += 2) s += String.fromCharCode(data[at + i]! | (data[at + i + 1]! << 8));
  return s;
};

export function oleKind(data: Uint8Array): OleKind {
  let xls = false;
  for (let at = 512; at + 128 <= data.length; at += 128) {
    const name = streamName(data, at);
    if (name === 'EncryptionInfo' || name === 'EncryptedPackage') return 'encrypted';
    if (name === 'Workbook' || name === 'Book') xls = true;
  }
  return xls ? 'xls' : 'other';
}

/** Why an OLE file cannot be read, and what to do about it. */
export function oleMessage(data: Uint8Array, lang: Lang): string {
  const m = fileMessages(lang);
  const kind = oleKind(data);
  return kind === 'encrypted' ? m.encrypted : kind === 'xls' ? m.oldXls : m.otherOle;
}

/** Spreadsheets that are not Office Open XML (.xlsb, .ods, .numbers, .csv): named in 合并明细 with what to do,
 * never read as if they were. */
export const otherSpreadsheetMessage = (name: string, lang: Lang): string | undefined => {
  const ext = otherSpreadsheetExtension(name);
  return ext ? fileMessages(lang).otherSpreadsheet(ext) : undefined;
};

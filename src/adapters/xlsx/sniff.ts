// Which files go to the workbook reader: spreadsheet names, a .csv, or zip/OLE bytes whatever the name. The
// reader then says what the file really is (a renamed .csv, an old .xls, an encrypted workbook…). No ExcelJS
// here, so the pane can decide before loading it.

export const isWorkbookFile = (name: string) => /\.(xlsx|xlsm|xls|et)$/i.test(name);

const startsWith = (data: Uint8Array, sig: readonly number[]) => sig.every((b, i) => data[i] === b);
export const ZIP_SIGNATURE = [0x50, 0x4b] as const;
/** OLE compound file: an old .xls/.et, or any encrypted Office workbook. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0] as const;

export const isZip = (data: Uint8Array) => startsWith(data, ZIP_SIGNATURE);
export const isOle = (data: Uint8Array) => startsWith(data, OLE_SIGNATURE);

export function readAsWorkbook(name: string, data: Uint8Array): boolean {
  return isWorkbookFile(name) || /\.csv$/i.test(name) || isZip(data) || isOle(data);
}

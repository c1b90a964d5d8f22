// Province-scale inputs for the bench's scale curve, fast: the i-th workbook is the (i mod base)-th generated
// one with its enterprise name, factory name and credit code changed in sharedStrings.xml (the only part
// re-deflated; every other part is copied as stored). Each clone is a distinct enterprise.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readZipDirectory } from '../src/adapters/xlsx/zip';
import { batchEnterprise } from '../test/corpus/make-corpus';
import { validCreditCode } from '../test/fixtures/jiangsu';
import { writeZip, type ZipEntry } from '../test/corpus/zip';

const stem = (name: string) => name.replace(/有限公司$/, '');

/** Writes `count` workbooks into `dir` from the `base` files (generated for enterprises 0…base-1). */
export function cloneWorkbooks(baseFiles: readonly string[], dir: string, count: number): void {
  const bases = baseFiles.map((f) => readZipDirectory(readFileSync(f), 2000));
  for (let i = 0; i < count; i++) {
    const j = i % bases.length;
    const from = batchEnterprise(j);
    const to = batchEnterprise(i);
    const entries: ZipEntry[] = bases[j]!.map((e) => {
      if (e.name !== 'xl/sharedStrings.xml') return { name: e.name, deflated: { bytes: Buffer.from(e.compressed), crc: e.crc, size: e.uncompressedSize } };
      const xml = inflateRawSync(e.compressed)
        .toString('utf8')
        .split(stem(from.name))
        .join(stem(to.name))
        .split(validCreditCode(from.code17!))
        .join(validCreditCode(to.code17!));
      const data = Buffer.from(xml, 'utf8');
      return { name: e.name, deflated: { bytes: deflateRawSync(data), crc: crc32(data), size: data.length } };
    });
    const file = join(dir, `${to.city} 市`, `企业 ${String(i + 1).padStart(5, '0')}.xlsx`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, writeZip(entries));
  }
}

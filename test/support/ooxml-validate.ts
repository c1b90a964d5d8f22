// Validates every XML part of an .xlsx or .docx against the ISO/IEC 29500-4 transitional schemas vendored in
// vendor/schemas/ooxml/, the way the Open XML SDK validator treats a part: markup compatibility first
// (ECMA-376 Part 3: the namespaces a part lists in mc:Ignorable are dropped, mc:AlternateContent becomes its
// mc:Fallback, xml:space is allowed anywhere), then XSD validation by libxml2 (xmllint-wasm, no system
// package). Each part is mapped to its schema by its content type in [Content_Types].xml.
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer, type Element as XElement, type Node as XNode } from '@xmldom/xmldom';
import { validateXML, memoryPages } from 'xmllint-wasm';

export const SCHEMA_DIR = join(__dirname, '..', '..', 'vendor', 'schemas', 'ooxml');

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The root schema of each content type; a content type not listed here is reported, never skipped silently. */
const SCHEMA_BY_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-package.relationships+xml': 'opc/opc-relationships.xsd',
  'application/vnd.openxmlformats-package.core-properties+xml': 'opc/opc-coreProperties.xsd',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml': 'shared-documentPropertiesExtended.xsd',
  'application/vnd.openxmlformats-officedocument.custom-properties+xml': 'shared-documentPropertiesCustom.xsd',
  'application/vnd.openxmlformats-officedocument.theme+xml': 'dml-main.xsd',
  'application/vnd.openxmlformats-officedocument.drawing+xml': 'dml-spreadsheetDrawing.xsd',
  'application/vnd.openxmlformats-officedocument.drawingml.chart+xml': 'dml-chart.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml': 'sml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml': 'wml.xsd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml': 'wml.xsd',
};
const CONTENT_TYPES_SCHEMA = 'opc/opc-contentTypes.xsd';

/**
 * opc-coreProperties.xsd imports Dublin Core from dublincore.org by URL; offline, those two imports point at
 * the stand-ins in vendor/schemas/dublin-core/ (declaring the dc:/dcterms: elements core.xml may use, with
 * any content). The vendored standard file itself is unchanged; only the copy handed to xmllint is redirected.
 */
const REDIRECTS: Record<string, [string, string][]> = {
  'opc/opc-coreProperties.xsd': [
    ['http://dublincore.org/schemas/xmls/qdc/2003/04/02/dc.xsd', '../../dublin-core/dc.xsd'],
    ['http://dublincore.org/schemas/xmls/qdc/2003/04/02/dcterms.xsd', '../../dublin-core/dcterms.xsd'],
    // Its xml: import names no location; the standard's xml.xsd sits beside the OOXML schemas.
    ['namespace="http://www.w3.org/XML/1998/namespace"/>', 'namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="../xml.xsd"/>'],
  ],
};

export interface PartError {
  part: string;
  line: number | null;
  message: string;
}

export interface PackageReport {
  /** Every part checked, with the schema it was checked against. */
  parts: { part: string; schema: string }[];
  errors: PartError[];
}

/** Every .xsd under vendor/schemas (OOXML and the Dublin Core stand-ins), keyed by a path xmllint resolves. */
function schemaFiles(): { fileName: string; contents: string }[] {
  const root = join(SCHEMA_DIR, '..');
  const out: { fileName: string; contents: string }[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else if (e.name.endsWith('.xsd')) {
        let text = readFileSync(join(dir, e.name), 'utf8');
        for (const [from, to] of REDIRECTS[r.replace(/^ooxml\//, '')] ?? []) text = text.split(from).join(to);
        out.push({ fileName: `schemas/${r}`, contents: text });
        // wml.xsd imports ../mce/mc.xsd (the standard's own folder layout); the copy beside it serves both.
        if (r.startsWith('ooxml/mce/')) out.push({ fileName: `schemas/${r.replace(/^ooxml\//, '')}`, contents: text });
      }
    }
  };
  walk(root, '');
  return out;
}

let cachedSchemas: { fileName: string; contents: string }[] | undefined;

/** Markup-compatibility processing of one part (ECMA-376 Part 3 §10), as the Open XML SDK validator does. */
export function processMarkupCompatibility(xml: string): string {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement as unknown as XElement;
  const ignorable = new Set<string>();
  const visit = (el: XElement, inherited: Set<string>) => {
    let scope = inherited;
    const list = el.getAttributeNS(MC, 'Ignorable');
    if (list) {
      scope = new Set(inherited);
      for (const prefix of list.split(/\s+/).filter(Boolean)) {
        const ns = el.lookupNamespaceURI(prefix);
        if (ns) scope.add(ns);
      }
      el.removeAttributeNS(MC, 'Ignorable');
    }
    for (const ns of scope) ignorable.add(ns);
    // Attributes of ignorable namespaces (and mc:*) go; xml:space is allowed anywhere, so it goes too.
    for (const attr of Array.from(el.attributes)) {
      const ns = attr.namespaceURI;
      if (ns && (scope.has(ns) || ns === MC || (ns === XML_NS && attr.localName === 'space'))) el.removeAttributeNode(attr);
    }
    for (const child of Array.from(el.childNodes) as XNode[]) {
      if (child.nodeType !== 1) continue;
      const c = child as XElement;
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        const fallback = Array.from(c.childNodes as unknown as ArrayLike<XNode>).find(
          (n): n is XElement => n.nodeType === 1 && (n as XElement).namespaceURI === MC && (n as XElement).localName === 'Fallback',
        );
        for (const n of fallback ? Array.from(fallback.childNodes as unknown as ArrayLike<XNode>) : []) el.insertBefore(n, c);
        el.removeChild(c);
        continue;
      }
      if (c.namespaceURI && scope.has(c.namespaceURI)) {
        el.removeChild(c);
        continue;
      }
      visit(c, scope);
    }
  };
  visit(root, ignorable);
  let text = new XMLSerializer().serializeToString(doc);
  // Declarations of namespaces now unused are harmless to XSD validation; leave them.
  if (!text.startsWith('<?xml')) text = `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
  return text;
}

/** The content type of each part, from [Content_Types].xml (Override first, then Default by extension). */
function contentTypes(xml: string): (part: string) => string | undefined {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  const els = doc.documentElement!.getElementsByTagName('*');
  for (let i = 0; i < els.length; i++) {
    const e = els.item(i)!;
    if (e.localName === 'Override') overrides.set(e.getAttribute('PartName')!.replace(/^\//, ''), e.getAttribute('ContentType')!);
    if (e.localName === 'Default') defaults.set(e.getAttribute('Extension')!.toLowerCase(), e.getAttribute('ContentType')!);
  }
  // The extension is what follows the last dot of the name, so _rels/.rels has the extension rels.
  return (part) => overrides.get(part) ?? defaults.get(posix.basename(part).replace(/^.*\./, '').toLowerCase());
}

/** Validates every XML part of one package (.xlsx, .docx). */
export async function validatePackage(data: Uint8Array): Promise<PackageReport> {
  return (await validatePackages([{ name: 'file', data }])).get('file')!;
}

/** Validates many packages with one xmllint run per schema (compiling sml.xsd once, not once per part). */
export async function validatePackages(files: { name: string; data: Uint8Array }[]): Promise<Map<string, PackageReport>> {
  cachedSchemas ??= schemaFiles();
  const reports = new Map<string, PackageReport>(files.map((f) => [f.name, { parts: [], errors: [] }]));
  const bySchema = new Map<string, { fileName: string; contents: string; file: string; part: string }[]>();
  let n = 0;
  for (const f of files) {
    const report = reports.get(f.name)!;
    const zip = await JSZip.loadAsync(f.data);
    const ctEntry = zip.file('[Content_Types].xml');
    if (!ctEntry) {
      report.errors.push({ part: '[Content_Types].xml', line: null, message: 'missing' });
      continue;
    }
    const ctXml = await ctEntry.async('string');
    const typeOf = contentTypes(ctXml);
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const part = entry.name;
      const schema = part === '[Content_Types].xml' ? CONTENT_TYPES_SCHEMA : SCHEMA_BY_TYPE[typeOf(part) ?? ''];
      const type = typeOf(part);
      const isXml = part === '[Content_Types].xml' || (type !== undefined && /xml$/.test(type));
      if (!isXml) continue; // images and other binary parts
      if (!schema) {
        report.errors.push({ part, line: null, message: `no schema mapped for content type ${type}` });
        continue;
      }
      report.parts.push({ part, schema });
      let text: string;
      try {
        text = processMarkupCompatibility(await entry.async('string'));
      } catch (e) {
        report.errors.push({ part, line: null, message: `not well-formed XML: ${(e as Error).message}` });
        continue;
      }
      const list = bySchema.get(schema) ?? [];
      list.push({ fileName: `part${n++}.xml`, contents: text, file: f.name, part });
      bySchema.set(schema, list);
    }
  }
  for (const [schema, parts] of bySchema) {
    const main = cachedSchemas.find((s) => s.fileName === `schemas/ooxml/${schema}`)!;
    const result = await validateXML({
      xml: parts.map(({ fileName, contents }) => ({ fileName, contents })),
      schema: [main],
      preload: cachedSchemas.filter((s) => s !== main),
      maxMemoryPages: memoryPages.GiB,
    });
    const owner = new Map(parts.map((p) => [p.fileName, p]));
    const located = new Set<string>();
    const failed = new Set<string>();
    for (const e of result.errors) {
      const summary = /^(\S+) fails to validate$/.exec(e.rawMessage.trim());
      if (summary && owner.has(summary[1]!)) {
        failed.add(summary[1]!);
        continue;
      }
      const p = e.loc ? owner.get(e.loc.fileName.replace(/^.*\//, '')) : undefined;
      // Anything not about a part (a schema that does not compile, a crash) fails the whole check loudly.
      if (!p) throw new Error(`xmllint (${schema}): ${e.rawMessage}\n${result.rawOutput.slice(0, 2000)}`);
      located.add(p.fileName);
      reports.get(p.file)!.errors.push({ part: p.part, line: e.loc?.lineNumber ?? null, message: e.message.trim() });
    }
    for (const f of failed)
      if (!located.has(f)) reports.get(owner.get(f)!.file)!.errors.push({ part: owner.get(f)!.part, line: null, message: 'fails to validate' });
    if (!result.valid && failed.size === 0 && located.size === 0) throw new Error(`xmllint (${schema}) failed:\n${result.rawOutput.slice(0, 2000)}`);
  }
  return reports;
}

/** One line per error, for a test failure message. */
export function describeErrors(reports: Map<string, PackageReport>): string {
  const lines: string[] = [];
  for (const [name, r] of reports) for (const e of r.errors) lines.push(`${name} ${e.part}${e.line ? `:${e.line}` : ''}: ${e.message}`);
  return lines.join('\n');
}

/**
 * @jest-environment jsdom
 */
// The add-in manifest: the committed manifest.xml is the template's development rendering; it and the production
// manifest pass Microsoft's XSDs, vendored in vendor/schemas/office-addin-manifest/ and run through libxml2 as
// WebAssembly (xmllint-wasm: no system package, nothing beside the clone), which also reject a broken one; both
// keep the AppSource rules: https only, icons of the right pixel sizes, string lengths; the development and the
// production manifest have their own Id and name; a production build refuses the placeholder host.
// (jsdom only for its DOMParser.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

interface ManifestScript {
  DEV_MANIFEST: string;
  DEV_BASE_URL: string;
  DEFAULT_PROD_BASE_URL: string;
  SCHEMA: string;
  IDS: { production: string; development: string };
  normalizeBaseUrl(raw: string): string;
  providerName(env?: Record<string, string | undefined>): string;
  assertDeployable(baseUrl: string): string;
  productionBaseUrl(env?: Record<string, string | undefined>): string;
  manifestVersion(version?: string): string;
  renderManifest(baseUrl: string, template?: string): string;
  validateManifest(file: string, schema?: string): Promise<{ ok: boolean; output: string }>;
}
interface IconsScript {
  ICONS: { size: number; source: string; file: string }[];
  render(icon: { size: number; source: string }): Buffer;
}

const root = path.join(__dirname, '..', '..');
const m = require(path.join(root, 'scripts', 'manifest.js')) as ManifestScript;
const icons = require(path.join(root, 'scripts', 'icons.js')) as IconsScript;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const devXml = fs.readFileSync(m.DEV_MANIFEST, 'utf8');
const prodUrl = m.productionBaseUrl({});
const prodXml = m.renderManifest(prodUrl);
// A production host below a path, to show the base URL may carry one.
const pathUrl = 'https://cdn.example.com/jiangsu/sfa';
const pathXml = m.renderManifest(pathUrl);
const manifests: [string, string, string][] = [
  ['development', m.DEV_BASE_URL, devXml],
  ['production', prodUrl, prodXml],
  ['production below a path', pathUrl, pathXml],
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sfa-manifest-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
function tmpFile(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('manifest is not well-formed XML');
  return doc;
}
function els(doc: Document | Element, ns: keyof typeof NS, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(NS[ns], name));
}
function one(doc: Document | Element, ns: keyof typeof NS, name: string): Element {
  const found = els(doc, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}
/** A localized value: DefaultValue plus every <Override Locale Value>. */
function localized(el: Element): { default: string; overrides: Record<string, string> } {
  const overrides: Record<string, string> = {};
  for (const o of Array.from(el.children).filter((c) => c.localName === 'Override')) {
    overrides[o.getAttribute('Locale')!] = o.getAttribute('Value')!;
  }
  return { default: el.getAttribute('DefaultValue')!, overrides };
}
/** Every URL-looking string in the document, attributes and text. */
function allUrls(doc: Document): string[] {
  const urls: string[] = [];
  const walk = (el: Element) => {
    for (const a of Array.from(el.attributes)) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value) && !a.name.startsWith('xmlns')) urls.push(a.value);
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType === 3 && /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(c.textContent ?? '')) urls.push(c.textContent!.trim());
      if (c.nodeType === 1) walk(c as Element);
    }
  };
  walk(doc.documentElement);
  return urls;
}
/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(signature) || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
/** The file of the repository that the build serves at a URL below the base URL. */
function servedSource(url: string, base: string): string {
  expect(url.startsWith(`${base}/`)).toBe(true);
  const rel = url.slice(base.length + 1);
  const sources: Record<string, string> = {
    'taskpane.html': 'src/taskpane/taskpane.html',
    'support.html': 'manifest/support.html',
  };
  return path.join(root, sources[rel] ?? rel);
}

describe('one source', () => {
  it('the committed manifest.xml is the template rendered for https://localhost:3000 (npm run manifest)', () => {
    expect(devXml).toBe(m.renderManifest(m.DEV_BASE_URL));
    expect(m.DEV_BASE_URL).toBe('https://localhost:3000');
  });

  it.each(manifests.slice(1))('the %s manifest differs from the development one only in the base URL, Id and name', (_label, base, xml) => {
    const origin = new URL(base).origin;
    const swapped = xml
      .split(base)
      .join(m.DEV_BASE_URL)
      .split(origin)
      .join(m.DEV_BASE_URL)
      .replace(m.IDS.production, m.IDS.development)
      .replace('DisplayName DefaultValue="智能工厂自评助手"', 'DisplayName DefaultValue="智能工厂自评助手（开发版）"')
      .replace('Value="Smart Factory Self-Assessment"/>', 'Value="Smart Factory Self-Assessment (dev)"/>');
    expect(swapped).toBe(devXml);
    expect(xml).not.toContain('localhost');
    expect(xml).not.toContain('{{');
  });

  it('takes the production base URL from SFA_ADDIN_BASE_URL, else package.json config, else the default', () => {
    expect(m.productionBaseUrl({ SFA_ADDIN_BASE_URL: 'https://addin.example.org/sfa/' })).toBe('https://addin.example.org/sfa');
    const configured = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { config?: { addinBaseUrl?: string } }).config?.addinBaseUrl;
    expect(m.productionBaseUrl({})).toBe(configured ? m.normalizeBaseUrl(configured) : m.DEFAULT_PROD_BASE_URL);
    expect(() => m.productionBaseUrl({ SFA_ADDIN_BASE_URL: 'http://addin.example.org' })).toThrow(/https/);
    expect(() => m.productionBaseUrl({ SFA_ADDIN_BASE_URL: 'addin.example.org' })).toThrow(/not a URL/);
    expect(() => m.renderManifest('https://a.example/?x=1')).toThrow(/query/);
  });

  it("carries package.json's version as four parts", () => {
    expect(one(parse(devXml), 'app', 'Version').textContent).toBe(m.manifestVersion(pkg.version));
    expect(m.manifestVersion('1.2.3')).toBe('1.2.3.0');
    expect(m.manifestVersion('1.2.3-beta.1')).toBe('1.2.3.0');
  });
});

describe('XSD validation offline (vendored schemas, xmllint-wasm)', () => {
  it('uses the schemas inside the repository, with their source named', () => {
    expect(path.relative(root, m.SCHEMA).split(path.sep).join('/')).toBe('vendor/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd');
    expect(fs.readFileSync(path.join(path.dirname(m.SCHEMA), 'README.md'), 'utf8')).toMatch(/OfficeDev\/office-js-docs-pr/);
  });

  it.each(manifests)('the %s manifest is valid', async (label, _base, xml) => {
    const r = await m.validateManifest(label === 'development' ? m.DEV_MANIFEST : tmpFile(`${label.replace(/\W+/g, '-')}.xml`, xml));
    expect(r.output).toMatch(/validates$/);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['without <Permissions> (required)', (x: string) => x.replace(/<Permissions>[^<]*<\/Permissions>/, ''), /Expected is \( \{[^}]+\}Permissions \)/],
    ['with a permission that does not exist', (x: string) => x.replace('ReadWriteDocument', 'ReadEverything'), /Permissions[\s\S]*'ReadEverything'/],
    [
      'with elements out of order',
      (x: string) => x.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1'),
      /ProviderName': This element is not expected/,
    ],
    [
      'with a DisplayName over 125 characters',
      (x: string) => x.replace(/DisplayName DefaultValue="[^"]*"/, `DisplayName DefaultValue="${'智'.repeat(126)}"`),
      /DisplayName', attribute 'DefaultValue': \[facet 'maxLength'\]/,
    ],
    [
      'with a button that has no action',
      (x: string) => x.replace(/<Action [\s\S]*?<\/Action>/, ''),
      /Control': Missing child element\(s\)\. Expected is \( \{[^}]+\}Action \)/,
    ],
  ])('rejects a manifest %s', async (_label, breakIt, mentions) => {
    const broken = breakIt(devXml);
    expect(broken).not.toBe(devXml);
    const r = await m.validateManifest(tmpFile('broken.xml', broken));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/fails to validate/);
    expect(r.output).toMatch(mentions);
  });

  it('npm run validate (scripts/manifest.js --validate) passes for a real production host', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'manifest.js'), '--validate'], {
      encoding: 'utf8',
      env: { ...process.env, SFA_ADDIN_BASE_URL: 'https://sfa.example.org/addin' },
    });
    expect(`${r.stdout}${r.stderr}`).toMatch(/valid: manifest\.xml[\s\S]*valid: production manifest/);
    expect(r.status).toBe(0);
  });
});

describe.each(manifests)('the %s manifest', (_label, base, xml) => {
  const doc = parse(xml);

  it('is an Excel task-pane add-in that may read and write the workbook, zh-CN by default', () => {
    const app = doc.documentElement;
    expect(app.localName).toBe('OfficeApp');
    expect(app.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('TaskPaneApp');
    expect(one(doc, 'app', 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // Stable: Office keys the add-in by it; the development manifest has its own, so both can be installed.
    expect(one(doc, 'app', 'Id').textContent).toBe(base === m.DEV_BASE_URL ? m.IDS.development : m.IDS.production);
    expect(one(doc, 'app', 'ProviderName').textContent!.trim()).not.toBe('');
    expect(one(doc, 'app', 'DefaultLocale').textContent).toBe('zh-CN');
    expect(one(doc, 'app', 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(els(doc, 'app', 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const set = one(doc, 'app', 'Set');
    expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['ExcelApi', '1.8']);
    expect(one(one(doc, 'app', 'DefaultSettings'), 'app', 'SourceLocation').getAttribute('DefaultValue')).toBe(`${base}/taskpane.html`);
    expect(els(doc, 'app', 'AppDomain').map((d) => d.textContent)).toEqual([new URL(base).origin]);
    expect(one(doc, 'app', 'SupportUrl').getAttribute('DefaultValue')).toBe(`${base}/support.html`);
  });

  it('names and describes itself in Chinese with English overrides, within AppSource lengths', () => {
    const name = localized(one(doc, 'app', 'DisplayName'));
    const description = localized(one(doc, 'app', 'Description'));
    expect(name.default).toBe(base === m.DEV_BASE_URL ? '智能工厂自评助手（开发版）' : '智能工厂自评助手');
    if (base === m.DEV_BASE_URL) expect(name.overrides['en-US']).toMatch(/\(dev\)$/);
    expect(Object.keys(name.overrides)).toEqual(['en-US']);
    expect(Object.keys(description.overrides)).toEqual(['en-US']);
    for (const s of [name.default, ...Object.values(name.overrides)]) expect([...s].length).toBeLessThanOrEqual(125);
    for (const s of [description.default, ...Object.values(description.overrides)]) expect([...s].length).toBeLessThanOrEqual(250);
    // Ribbon strings: short ≤ 125, long ≤ 250, each with its en-US override.
    for (const [list, max] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      const strings = els(one(doc, 'bt', list), 'bt', 'String');
      expect(strings.length).toBeGreaterThan(0);
      for (const s of strings) {
        const value = s.getAttribute('DefaultValue')!;
        const overrides = els(s, 'bt', 'Override');
        expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
        for (const v of [value, ...overrides.map((o) => o.getAttribute('Value')!)]) {
          expect([...v].length).toBeGreaterThan(0);
          expect([...v].length).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  it('puts a 智能工厂自评 button on the Home tab that opens the pane', () => {
    const tab = one(doc, 'ov', 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const button = one(tab, 'ov', 'Control');
    expect(button.getAttribute('xsi:type')).toBe('Button');
    const action = one(button, 'ov', 'Action');
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
    expect(one(action, 'ov', 'TaskpaneId').textContent).toBe('ButtonId1');
    const resid = (el: Element) => el.getAttribute('resid')!;
    const url = els(doc, 'bt', 'Url').find((u) => u.getAttribute('id') === resid(one(action, 'ov', 'SourceLocation')));
    expect(url?.getAttribute('DefaultValue')).toBe(`${base}/taskpane.html`);
    const label = els(doc, 'bt', 'String').find((s) => s.getAttribute('id') === resid(one(button, 'ov', 'Label')));
    expect(label?.getAttribute('DefaultValue')).toBe('智能工厂自评');
  });

  it('refers only to resources it defines', () => {
    const ids = new Set([...els(doc, 'bt', 'Image'), ...els(doc, 'bt', 'Url'), ...els(doc, 'bt', 'String')].map((e) => e.getAttribute('id')).filter(Boolean));
    const used = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) expect(ids).toContain(r);
  });

  it('uses https for every URL, each below the base URL and served from a file of the repository', () => {
    const urls = allUrls(doc);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) {
      expect(new URL(u).protocol).toBe('https:');
      if (u === new URL(base).origin) continue; // the AppDomain
      expect(fs.existsSync(servedSource(u, base))).toBe(true);
    }
  });

  it('has icons of the sizes Office asks for: IconUrl 32 px, HighResolutionIconUrl 64 px, ribbon 16–80 px with the high-DPI ones', () => {
    const check = (url: string, size: number) => expect(pngSize(servedSource(url, base))).toEqual({ width: size, height: size });
    check(one(doc, 'app', 'IconUrl').getAttribute('DefaultValue')!, 32);
    check(one(doc, 'app', 'HighResolutionIconUrl').getAttribute('DefaultValue')!, 64);
    const images = new Map(els(one(doc, 'bt', 'Images'), 'bt', 'Image').map((i) => [i.getAttribute('id')!, i.getAttribute('DefaultValue')!]));
    const refs = els(doc, 'bt', 'Image').filter((i) => i.hasAttribute('size'));
    expect(new Set(refs.map((r) => r.getAttribute('size')))).toEqual(new Set(['16', '20', '24', '32', '40', '48', '64', '80']));
    for (const r of refs) check(images.get(r.getAttribute('resid')!)!, Number(r.getAttribute('size')));
  });
});

describe('deployment settings', () => {
  it('the development and the production manifest differ in Id and name', () => {
    expect(m.IDS.development).not.toBe(m.IDS.production);
    expect(one(parse(devXml), 'app', 'Id').textContent).not.toBe(one(parse(prodXml), 'app', 'Id').textContent);
  });

  it('a production build refuses the placeholder host and says how to set the real one', () => {
    expect(() => m.assertDeployable(m.DEFAULT_PROD_BASE_URL)).toThrow(/SFA_ADDIN_BASE_URL[\s\S]*config\.addinBaseUrl/);
    expect(m.assertDeployable('https://sfa.example.org/addin')).toBe('https://sfa.example.org/addin');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'manifest.js')], {
      encoding: 'utf8',
      cwd: tmp,
      env: { ...process.env, SFA_ADDIN_BASE_URL: '' },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/placeholder/);
  });

  it('the provider name is the publishing organisation, configurable', () => {
    expect(m.providerName({ SFA_PROVIDER_NAME: '江苏省工业和信息化厅' })).toBe('江苏省工业和信息化厅');
    expect(m.providerName({})).not.toBe('');
    expect(() => m.providerName({ SFA_PROVIDER_NAME: '厅'.repeat(251) })).toThrow(/provider name/);
  });
});

describe('icons', () => {
  it.each(icons.ICONS.map((i) => [path.basename(i.file), i] as const))('%s has its size and is the rendering of its SVG (npm run icons)', (_n, icon) => {
    expect(pngSize(icon.file)).toEqual({ width: icon.size, height: icon.size });
    expect(icons.render(icon).equals(fs.readFileSync(icon.file))).toBe(true);
  });
});

#!/usr/bin/env node
// The add-in manifest from its one source, manifest/manifest.template.xml.
//
//   node scripts/manifest.js            writes manifest.xml (development) and dist/manifest.xml (production)
//   node scripts/manifest.js --check    fails if the committed manifest.xml is not what the template gives
//   node scripts/manifest.js --validate the --check, then both manifests against the vendored Office XSDs (xmllint-wasm)
//
// The development manifest points at https://localhost:3000 (the dev server; devBaseUrl(PORT) for another port). The production base URL comes from
// the environment variable SFA_ADDIN_BASE_URL, else package.json's config.addinBaseUrl, else DEFAULT_PROD_BASE_URL.
// webpack.config.js uses renderManifest() too, so `npm run build` writes the same dist/manifest.xml.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const TEMPLATE = path.join(root, 'manifest', 'manifest.template.xml');
const DEV_MANIFEST = path.join(root, 'manifest.xml');
const PROD_MANIFEST = path.join(root, 'dist', 'manifest.xml');
/** The dev server's base URL; the committed manifest.xml is the one for the default port 3000. */
const devBaseUrl = (port = 3000) => `https://localhost:${port}`;
const DEV_BASE_URL = devBaseUrl();
const DEFAULT_PROD_BASE_URL = 'https://sfa.example.cn';
/** Microsoft's manifest XSDs, vendored (vendor/schemas/office-addin-manifest/README.md names their source). */
const SCHEMA_DIR = path.join(root, 'vendor', 'schemas', 'office-addin-manifest');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
/** Each manifest its own Id, so the development add-in and the deployed one can be installed side by side. */
const IDS = { production: 'f8ed3541-a321-4bfe-841c-03cd5e19da13', development: '3b6f0c2e-9d41-4a7b-8e2f-5c1d7a9e4b60' };
const NAMES = {
  production: { zh: '智能工厂自评助手', en: 'Smart Factory Self-Assessment' },
  development: { zh: '智能工厂自评助手（开发版）', en: 'Smart Factory Self-Assessment (dev)' },
};
const DEFAULT_PROVIDER = '智能工厂自评助手 (smart-factory-assess)';

function readPackageJson() {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/** A base URL as the manifest wants it: absolute https, no query or fragment, no trailing slash. */
function normalizeBaseUrl(raw, source = 'base URL') {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`${source} is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`${source} must use https (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${source} must be a plain https URL without query, fragment or credentials: ${raw}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Where the production build is served: SFA_ADDIN_BASE_URL, else package.json config.addinBaseUrl, else the default. */
function productionBaseUrl(env = process.env) {
  if (env.SFA_ADDIN_BASE_URL) return normalizeBaseUrl(env.SFA_ADDIN_BASE_URL, 'SFA_ADDIN_BASE_URL');
  const configured = readPackageJson().config?.addinBaseUrl;
  if (configured) return normalizeBaseUrl(configured, 'package.json config.addinBaseUrl');
  return DEFAULT_PROD_BASE_URL;
}

/** The publishing organisation shown in the add-in store: SFA_PROVIDER_NAME, else config.providerName. */
function providerName(env = process.env) {
  const name = String(env.SFA_PROVIDER_NAME || readPackageJson().config?.providerName || DEFAULT_PROVIDER).trim();
  if (!name || [...name].length > 250) throw new Error(`provider name must be 1–250 characters: ${JSON.stringify(name)}`);
  return name;
}

/** A production build for the placeholder host would send every user to a site that is not ours. */
function assertDeployable(baseUrl) {
  if (normalizeBaseUrl(baseUrl) === DEFAULT_PROD_BASE_URL) {
    throw new Error(
      `the production base URL is still the placeholder ${DEFAULT_PROD_BASE_URL}. Set where the add-in is served: ` +
        'SFA_ADDIN_BASE_URL=https://your.host/path npm run build, or package.json "config": { "addinBaseUrl": … } ' +
        '（生产版本的地址仍是占位地址：请用环境变量 SFA_ADDIN_BASE_URL 或 package.json 的 config.addinBaseUrl 设置部署地址）',
    );
  }
  return baseUrl;
}

/**
 * Where the pane loads office.js from: Microsoft's global CDN, or for Microsoft 365 operated by 21Vianet the
 * China CDN (SFA_OFFICE_JS=21vianet), or any https URL given.
 * https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
 */
const OFFICE_JS = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};
function officeJsUrl(env = process.env) {
  const choice = String(env.SFA_OFFICE_JS || readPackageJson().config?.officeJs || 'global').trim();
  if (choice in OFFICE_JS) return OFFICE_JS[choice];
  if (/^https:\/\/\S+\.js$/.test(choice)) return choice;
  throw new Error(`SFA_OFFICE_JS must be "global", "21vianet" or an https URL of office.js: ${JSON.stringify(choice)}`);
}

/** package.json's "0.1.0" as the manifest's four-part version "0.1.0.0" (pre-release tags dropped). */
function manifestVersion(version = readPackageJson().version) {
  const parts = String(version)
    .split(/[-+]/)[0]
    .split('.')
    .map((p) => Number.parseInt(p, 10));
  if (parts.length > 4 || parts.some((p) => !Number.isInteger(p) || p < 0)) throw new Error(`bad version: ${version}`);
  while (parts.length < 4) parts.push(0);
  return parts.join('.');
}

function escapeXmlAttr(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The manifest for one base URL. The template's own comment (which names the placeholders) is replaced by a
 * "generated" note, so dev and production manifests differ only where the base URL (and its origin) stands.
 */
function renderManifest(
  baseUrl,
  template = fs.readFileSync(TEMPLATE, 'utf8'),
  kind = /^https:\/\/localhost:\d+$/.test(normalizeBaseUrl(baseUrl)) ? 'development' : 'production',
) {
  const base = normalizeBaseUrl(baseUrl);
  const values = {
    BASE_URL: escapeXmlAttr(base),
    ORIGIN: escapeXmlAttr(new URL(base).origin),
    VERSION: manifestVersion(),
    ID: IDS[kind],
    NAME_ZH: escapeXmlAttr(NAMES[kind].zh),
    NAME_EN: escapeXmlAttr(NAMES[kind].en),
    PROVIDER: escapeXmlAttr(providerName()).replace(/"/g, '&quot;'),
  };
  const body = template.replace(
    /<!--[\s\S]*?-->/,
    '<!-- Generated by scripts/manifest.js from manifest/manifest.template.xml: edit the template, not this file. -->',
  );
  return body.replace(/\{\{([A-Z_]+)\}\}/g, (m, key) => {
    if (!(key in values)) throw new Error(`unknown placeholder ${m} in manifest template`);
    return values[key];
  });
}

/**
 * Validates a manifest against the vendored XSDs with libxml2 compiled to WebAssembly (xmllint-wasm): no system
 * package needed. Resolves to { ok, output } with xmllint's own messages.
 */
async function validateManifest(file, schema = SCHEMA) {
  const { validateXML } = require('xmllint-wasm');
  const dir = path.dirname(schema);
  const preload = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xsd') && f !== path.basename(schema))
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const r = await validateXML({
    xml: [{ fileName: path.basename(file), contents: fs.readFileSync(file, 'utf8') }],
    schema: [{ fileName: path.basename(schema), contents: fs.readFileSync(schema, 'utf8') }],
    preload,
  });
  return { ok: r.valid, output: String(r.rawOutput).trim() };
}

function writeFile(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(root, file)}`);
}

function checkCommitted() {
  const want = renderManifest(DEV_BASE_URL);
  const have = fs.existsSync(DEV_MANIFEST) ? fs.readFileSync(DEV_MANIFEST, 'utf8') : '';
  if (have !== want) {
    console.error('manifest.xml is not what manifest/manifest.template.xml gives: run `npm run manifest` and commit it.');
    return false;
  }
  return true;
}

async function main(argv) {
  if (argv.includes('--check') || argv.includes('--validate')) {
    let ok = checkCommitted();
    if (argv.includes('--validate')) {
      const prodUrl = productionBaseUrl();
      const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'sfa-manifest-'));
      const prodFile = path.join(tmp, 'manifest.xml');
      fs.writeFileSync(prodFile, renderManifest(prodUrl));
      for (const [label, file] of [
        ['manifest.xml (development)', DEV_MANIFEST],
        [`production manifest (${prodUrl})`, prodFile],
      ]) {
        const r = await validateManifest(file);
        console.log(`${r.ok ? 'valid' : 'INVALID'}: ${label}${r.ok ? '' : `\n${r.output}`}`);
        ok &&= r.ok;
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    process.exitCode = ok ? 0 : 1;
    return;
  }
  writeFile(DEV_MANIFEST, renderManifest(DEV_BASE_URL));
  writeFile(PROD_MANIFEST, renderManifest(assertDeployable(productionBaseUrl())));
}

module.exports = {
  TEMPLATE,
  DEV_MANIFEST,
  PROD_MANIFEST,
  DEV_BASE_URL,
  devBaseUrl,
  DEFAULT_PROD_BASE_URL,
  SCHEMA,
  IDS,
  NAMES,
  normalizeBaseUrl,
  providerName,
  assertDeployable,
  OFFICE_JS,
  officeJsUrl,
  productionBaseUrl,
  manifestVersion,
  renderManifest,
  validateManifest,
};

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`manifest: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 2;
  });
}

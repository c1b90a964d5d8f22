#!/usr/bin/env node
// Microsoft's Office add-in tooling, wrapped: https options for the dev server (office-addin-dev-certs, with a
// fallback when the certificate authority cannot be trusted), usage data (telemetry) off, and sideloading.
//
//   node scripts/office-tools.js sideload   dev server (if not running) + sideload manifest.xml into desktop Excel
//   node scripts/office-tools.js stop       unregister the add-in from desktop Excel and stop the dev server
//
// office-addin-debugging is deliberately not a dependency: v7 installs ~1 GB (the Microsoft 365 Agents Toolkit CLI)
// and a native keychain module (keytar), for a command that only works where desktop Excel is installed. It runs
// here through `npx` at a pinned major version, fetched on first use on Windows/macOS; a project-local install
// (`npm i -D office-addin-debugging`) is used instead when present.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { devServerPortOrExit, DEFAULT_PORT } = require('./dev-port');

const root = path.join(__dirname, '..');
const DEBUGGING = 'office-addin-debugging@7';

/**
 * Office add-in CLI tools (office-addin-*) read their usage-data setting from ~/office-addin-usage-data.json; the
 * versions used here (3.x) send nothing at all, and older ones cached by npx honour this "off". Written only when
 * the file does not already say off, keeping whatever else it holds.
 */
function ensureUsageDataOff(home = os.homedir()) {
  const file = path.join(home, 'office-addin-usage-data.json');
  const group = 'office-addin-usage-data';
  let data = {};
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) || {};
  } catch {
    data = {};
  }
  if (data.usageDataInstances?.[group]?.usageDataLevel === 'off') return false;
  data.usageDataInstances = { ...(data.usageDataInstances || {}), [group]: { ...(data.usageDataInstances?.[group] || {}), usageDataLevel: 'off' } };
  try {
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    return true;
  } catch {
    return false; // a read-only home: nothing is sent by the 3.x tools anyway
  }
}

/**
 * https options for webpack-dev-server. office-addin-dev-certs creates a localhost certificate and trusts its CA
 * (it asks for admin rights). Where trusting fails (no sudo, a locked-down machine) it throws although the files
 * exist: serve with them anyway and say how to trust the CA. Without any files, undefined: webpack-dev-server then
 * uses its own self-signed certificate, which the browser or Office must be told to accept.
 */
async function httpsServerOptions(port = devServerPortOrExit()) {
  ensureUsageDataOff();
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
    const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
    const reason = String(err instanceof Error ? err.message : err).split('\n')[0];
    if (Object.values(paths).every((p) => fs.existsSync(p))) {
      console.warn(
        `\n[dev-certs] ${reason}\n[dev-certs] Serving https://localhost:${port} with ${paths.cert}, but its CA is not ` +
          `trusted on this machine yet. Trust ${paths.ca} once (Windows/macOS: \`npx office-addin-dev-certs install\` ` +
          'as an administrator; Linux: copy it to /usr/local/share/ca-certificates/ and run update-ca-certificates, ' +
          'and import it into the browser), or Office will refuse to load the pane.\n',
      );
      return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
    }
    console.warn(
      `\n[dev-certs] ${reason}\n[dev-certs] No Office development certificate: webpack-dev-server's self-signed one is ` +
        'used. Run `npx office-addin-dev-certs install` to create a trusted one.\n',
    );
    return undefined;
  }
}

function officeAddinDebugging(args) {
  const local = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  if (fs.existsSync(local)) return { cmd: local, args };
  console.log(`Using ${DEBUGGING} through npx (downloaded on first use).`);
  return { cmd: process.platform === 'win32' ? 'npx.cmd' : 'npx', args: ['--yes', DEBUGGING, ...args] };
}

function run({ cmd, args }) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

/**
 * The development manifest for the dev server's port: the committed manifest.xml for 3000; for another PORT a
 * copy with that port in every URL, written to .sfa-dev/ (ignored by git), so Excel loads the pane from where the
 * dev server actually listens.
 */
function devManifestFor(port) {
  if (port === DEFAULT_PORT) return path.join(root, 'manifest.xml');
  const { renderManifest, devBaseUrl } = require('./manifest');
  const file = path.join(root, '.sfa-dev', `manifest-${port}.xml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderManifest(devBaseUrl(port)));
  return file;
}

function main([command]) {
  const desktop = ['win32', 'darwin'].includes(process.platform);
  if (command !== 'sideload' && command !== 'stop') {
    console.error('usage: node scripts/office-tools.js sideload|stop');
    process.exit(2);
  }
  if (!desktop) {
    console.error(
      `There is no desktop Excel on ${process.platform}, so there is nothing to ${command === 'sideload' ? 'sideload into' : 'stop'}.\n` +
        '  Excel on the web: `npm run dev-server`, then in Excel on the web Home › Add-ins › More add-ins › Upload My Add-in ' +
        '› manifest.xml (see README, "Excel add-in").\n' +
        '  Without Excel: `npm start` serves the preview host.',
    );
    process.exit(1);
  }
  ensureUsageDataOff();
  const port = devServerPortOrExit();
  const manifest = devManifestFor(port);
  const args =
    command === 'sideload'
      ? ['start', manifest, 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', String(port)]
      : ['stop', manifest, 'desktop'];
  run(officeAddinDebugging(args));
}

module.exports = { ensureUsageDataOff, httpsServerOptions, devManifestFor };

if (require.main === module) main(process.argv.slice(2));

#!/usr/bin/env node
// `npm start`: where desktop Excel can sideload (Windows, macOS) start the add-in's dev server and sideload
// it; elsewhere (Linux, CI) serve the preview host — the real task pane beside a simulated workbook.
// The port is PORT or 3000 (scripts/dev-port.js); a busy one is one sentence saying how to choose another.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { devServerPortOrExit, requireFreePort, busyPortMessage, portIsFree } = require('./dev-port');

const root = join(__dirname, '..');
const wantsPreview = process.argv.includes('--preview') || !['win32', 'darwin'].includes(process.platform);
const command = process.argv.includes('--preview') ? 'npm run preview' : 'npm start';
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

async function main() {
  const port = devServerPortOrExit();
  if (wantsPreview) {
    await requireFreePort(port, command);
    console.log(`No desktop Excel on this system (${process.platform}): serving the preview host.`);
    console.log(`Open http://localhost:${port}/ (add ?lang=en for English). Ctrl+C stops it.\n`);
    run(bin('webpack'), ['serve', '--config', 'webpack.preview.js', '--mode', 'development'], { PORT: String(port) });
    return;
  }
  // Desktop Excel: the add-in's own dev server over https plus sideloading (see README, "Excel add-in").
  // office-addin-debugging takes a busy port for a running dev server and would sideload against whatever listens.
  if (!(await portIsFree(port))) {
    console.error(`${busyPortMessage(port, command)} If it is this add-in's own \`npm run dev-server\`, run \`npm run sideload\` instead.`);
    process.exit(1);
  }
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'start:addin'], { PORT: String(port) });
}

main();

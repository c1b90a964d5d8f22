#!/usr/bin/env node
// `npm start`: where desktop Excel can sideload (Windows, macOS) start the add-in's dev server and sideload
// it; elsewhere (Linux, CI) serve the preview host — the real task pane beside a simulated workbook.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const port = process.env.PORT || '3000';
const wantsPreview = process.argv.includes('--preview') || !['win32', 'darwin'].includes(process.platform);
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (wantsPreview) {
  console.log(`No desktop Excel on this system (${process.platform}): serving the preview host.`);
  console.log(`Open http://localhost:${port}/ (add ?lang=en for English). Ctrl+C stops it.\n`);
  run(bin('webpack'), ['serve', '--config', 'webpack.preview.js', '--mode', 'development'], { PORT: port });
} else {
  // Desktop Excel: the add-in's own dev server over https plus sideloading (see README, "Excel add-in").
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'start:addin']);
}

// Figures that need a build or other files; each prints a line or says why it could not.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The production bundle's JS that taskpane.html loads first, gzipped. */
function bundleSize(root: string): void {
  const dist = join(root, 'dist');
  const html = join(dist, 'taskpane.html');
  if (!existsSync(html)) {
    console.log('pane bundle:          not measured (run `npm run build` first)');
    return;
  }
  const scripts = [...readFileSync(html, 'utf8').matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!).filter((s) => !s.startsWith('http'));
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = readFileSync(join(dist, s));
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  const all = readdirSync(dist).filter((f) => f.endsWith('.js')).reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  console.log(`pane bundle:          initial JS ${(raw / 1024).toFixed(0)} kB raw / ${(gz / 1024).toFixed(0)} kB gzip (goal ≤ 250 kB gzip); all JS ${(all / 1024).toFixed(0)} kB`);
}

export async function extraBenches(root: string): Promise<void> {
  bundleSize(root);
}

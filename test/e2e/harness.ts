// Serves the built preview on localhost and drives it with Debian's Chromium through playwright-core.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist-preview');
/**
 * Where screenshots go: a temporary folder, so a test run never changes the work tree; `npm run screenshots`
 * sets SFA_SHOTS_DIR to docs/screenshots to refresh the README's pictures.
 */
export const SHOTS = process.env.SFA_SHOTS_DIR ? join(ROOT, process.env.SFA_SHOTS_DIR) : join(tmpdir(), 'sfa-e2e-screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.txt': 'text/plain' };

export function serve(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist-preview/ is missing: run `npm run build:preview` first');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = join(DIST, path === '/' ? 'index.html' : path.replace(/^\//, ''));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

/**
 * The built preview served on localhost and one Chromium, for the tests of one file: started before them,
 * closed after them. Read `browser` and `url` inside tests and hooks (they are set once beforeAll ran).
 */
export function usePreview(): { readonly browser: Browser; readonly url: string } {
  const preview = {} as { browser: Browser; url: string; server?: Server };
  beforeAll(async () => {
    const { server, url } = await serve();
    preview.server = server;
    preview.url = url;
    preview.browser = await launch();
  });
  afterAll(async () => {
    await preview.browser?.close();
    preview.server?.close();
  });
  return preview;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/setup-system.sh)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Clicks an input cell of the simulated sheet and types or picks a value. */
export async function setCell(page: Page, sheet: string, addr: string, value: string): Promise<void> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.getByTestId(`cell-${sheet}-${addr}`).click();
  const select = page.getByTestId(`cell-${sheet}-${addr}-select`);
  if (await select.count()) await select.selectOption(value);
  else {
    const input = page.getByTestId(`cell-${sheet}-${addr}-input`);
    await input.fill(value);
    await input.press('Enter');
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Scans the pane with axe-core; fails on serious or critical violations, naming the state. */
export async function axe(page: Page, state: string): Promise<void> {
  // Tabster's focus sentinels (Fluent's keyboard navigation) are aria-hidden yet focusable by design: a known
  // axe false positive. Everything else in the pane is scanned.
  const result = await new AxeBuilder({ page }).include('aside.pane').exclude('[data-tabster-dummy]').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length)
    console.log(
      state,
      JSON.stringify(
        bad.map((v) => [v.id, v.nodes.slice(0, 3).map((n) => n.html.slice(0, 200))]),
        null,
        1,
      ),
    );
  expect([state, bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)]).toEqual([state, []]);
}

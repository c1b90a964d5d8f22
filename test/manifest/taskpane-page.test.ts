/**
 * @jest-environment jsdom
 */
// The pane's page: office.js from the CDN chosen at build time (global, or 21Vianet's for Microsoft 365 in
// China), and a plain message instead of a blank pane where Office shows add-ins in Internet Explorer 11.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const m = require(path.join(root, 'scripts', 'manifest.js')) as { OFFICE_JS: Record<string, string>; officeJsUrl(env?: Record<string, string>): string };
const page = fs.readFileSync(path.join(root, 'src', 'taskpane', 'taskpane.html'), 'utf8');
const inline = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;

function load(userAgent: string): HTMLElement {
  document.body.innerHTML = '<div id="container"><p class="loading">正在加载…</p></div>';
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  new Function(inline)();
  return document.getElementById('container')!;
}

describe('the task pane page', () => {
  it('loads office.js from the CDN the build chooses', () => {
    expect(page).toContain('src="<%= htmlWebpackPlugin.options.officeJs %>"');
    expect(m.officeJsUrl({})).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(m.officeJsUrl({ SFA_OFFICE_JS: '21vianet' })).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
    expect(m.officeJsUrl({ SFA_OFFICE_JS: 'https://cdn.example.org/office.js' })).toBe('https://cdn.example.org/office.js');
    expect(() => m.officeJsUrl({ SFA_OFFICE_JS: 'http://x/office.js' })).toThrow(/SFA_OFFICE_JS/);
  });

  it('says plainly that Internet Explorer 11 cannot run the add-in, in both languages', () => {
    const c = load('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko');
    expect(c.textContent).toMatch(/Internet Explorer 11[\s\S]*Internet Explorer 11/);
    expect(c.querySelector('[role="alert"]')).not.toBeNull();
    expect((window as unknown as { __sfaUnsupported?: boolean }).__sfaUnsupported).toBe(true);
  });

  it('leaves the pane to the bundle in Edge WebView2', () => {
    delete (window as unknown as { __sfaUnsupported?: boolean }).__sfaUnsupported;
    const c = load('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0');
    expect(c.textContent).toBe('正在加载…');
  });
});

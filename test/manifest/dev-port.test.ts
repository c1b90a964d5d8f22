// The development servers' port: PORT or 3000, a bad PORT named in one line, a busy port one sentence saying how
// to choose another (npm start exits 1 with it, never webpack-dev-server's EADDRINUSE stack trace), and the
// manifest sideloaded for another port points every URL at that port while keeping the development Id and name.
import * as net from 'node:net';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

interface DevPortScript {
  DEFAULT_PORT: number;
  devServerPort(env: Record<string, string | undefined>): number;
  busyPortMessage(port: number, command?: string): string;
  portIsFree(port: number): Promise<boolean>;
}
interface ManifestScript {
  IDS: { production: string; development: string };
  DEV_BASE_URL: string;
  devBaseUrl(port?: number): string;
  renderManifest(baseUrl: string): string;
}

const root = path.join(__dirname, '..', '..');
const p = require(path.join(root, 'scripts', 'dev-port.js')) as DevPortScript;
const m = require(path.join(root, 'scripts', 'manifest.js')) as ManifestScript;

function listen(port = 0): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
const portOf = (s: net.Server) => (s.address() as net.AddressInfo).port;
const close = (s: net.Server) => new Promise((resolve) => s.close(resolve));

describe('PORT', () => {
  it('is 3000 unless set, and a set value is used (spaces from `set PORT=3001 && …` on cmd ignored)', () => {
    expect(p.devServerPort({})).toBe(3000);
    expect(p.devServerPort({ PORT: '' })).toBe(3000);
    expect(p.devServerPort({ PORT: '3001 ' })).toBe(3001);
  });
  it.each(['abc', '0', '70000', '3000.5', '-1'])('refuses %j with the value named', (raw) => {
    expect(() => p.devServerPort({ PORT: raw })).toThrow(`PORT must be a whole number from 1 to 65535, not ${JSON.stringify(raw)}.`);
  });
});

describe('a busy port', () => {
  it('is seen as busy while something listens on it, and free after', async () => {
    const server = await listen();
    const port = portOf(server);
    expect(await p.portIsFree(port)).toBe(false);
    await close(server);
    expect(await p.portIsFree(port)).toBe(true);
  });

  it('stops `npm start` with one sentence naming the port and how to use another, exit code 1', async () => {
    const server = await listen();
    const port = portOf(server);
    try {
      // spawnSync would block the event loop that the listening server needs, so run the child asynchronously.
      const r = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const { spawn } = require('node:child_process') as typeof import('node:child_process');
        const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js'), '--preview'], {
          env: { ...process.env, PORT: String(port) },
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => resolve({ code, out, err }));
      });
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toEqual([p.busyPortMessage(port, 'npm run preview')]);
      expect(r.err).toContain(`Port ${port} is already in use`);
      expect(r.err).toMatch(new RegExp(`PORT=${port + 1}`));
      expect(r.err).not.toMatch(/EADDRINUSE|at .*\.js:\d+/);
    } finally {
      await close(server);
    }
  });

  it('a bad PORT stops `npm start` with its one line too', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.js'), '--preview'], {
      env: { ...process.env, PORT: 'http' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('PORT must be a whole number from 1 to 65535, not "http".');
  });
});

describe('the development manifest for another port', () => {
  it('is the committed one at 3000, and at 3001 the same with every localhost URL on 3001', () => {
    expect(m.devBaseUrl()).toBe(m.DEV_BASE_URL);
    const at3000 = m.renderManifest(m.devBaseUrl(3000));
    const at3001 = m.renderManifest(m.devBaseUrl(3001));
    expect(at3001).toBe(at3000.replace(/https:\/\/localhost:3000/g, 'https://localhost:3001'));
    expect(at3001).toContain(`<Id>${m.IDS.development}</Id>`);
    expect(at3001).not.toContain('localhost:3000');
  });
});

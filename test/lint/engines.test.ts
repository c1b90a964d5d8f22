// The Node.js versions the project says it needs agree with what its locked dependencies need: on every Node.js
// that package.json's `engines` admits, `npm ci` installs every package of package-lock.json without an
// EBADENGINE warning (once webpack-cli 7 wanted Node ≥ 22.15 while the README said ≥ 20), and the README's quick
// start names the same versions. (With the old ">=20" the first test lists 33 packages on Node.js 20.0.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// semver is npm's own range grammar (a development dependency, as npm and jest use it).
const semver = require('semver') as { satisfies(v: string, range: string): boolean };

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

/** Every minor release of the Node.js lines a user may have, and a late patch of each. */
const NODES = [18, 19, 20, 21, 22, 23, 24, 25, 26].flatMap((major) =>
  Array.from({ length: 26 }, (_, minor) => [`${major}.${minor}.0`, `${major}.${minor}.9`]).flat(),
);

describe('engines', () => {
  const needs = Object.entries(lock.packages)
    .map(([name, p]) => [name.replace(/^node_modules\//, ''), !Array.isArray(p.engines) ? p.engines?.node : undefined] as const)
    .filter((e): e is readonly [string, string] => e[0] !== '' && typeof e[1] === 'string'); // '' is the project itself

  it('every locked package installs without EBADENGINE on each Node.js package.json admits', () => {
    expect(needs.length).toBeGreaterThan(20);
    const refused = NODES.filter((v) => semver.satisfies(v, pkg.engines.node)).flatMap((v) =>
      needs.filter(([, range]) => !semver.satisfies(v, range)).map(([name, range]) => `Node.js ${v}: ${name} wants ${range}`),
    );
    expect(refused.slice(0, 5)).toEqual([]);
  });

  it('admits a Node.js 20 and the current LTS (the range is not empty or needlessly narrow)', () => {
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
    expect(semver.satisfies('22.13.0', pkg.engines.node)).toBe(true);
    expect(semver.satisfies('24.0.0', pkg.engines.node)).toBe(true);
  });

  it('the README’s quick start names the same versions', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    expect(quick).toContain(`Node.js \`${pkg.engines.node}\``);
  });
});

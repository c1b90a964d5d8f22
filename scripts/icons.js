#!/usr/bin/env node
// The add-in's icons, rendered from their SVG sources with resvg (a development dependency):
//   assets/icon.svg    → assets/icon-32.png, 40, 48, 64, 80, 128
//   assets/icon-16.svg → assets/icon-16.png, 20, 24 (the same motif drawn to whole pixels: legible on the ribbon)
// `node scripts/icons.js` writes them; `--check` fails if a committed PNG differs from its source's rendering.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const assets = path.join(__dirname, '..', 'assets');
/** Every icon file: its pixel size and the SVG it is rendered from. */
const ICONS = [
  { size: 16, source: 'icon-16.svg' },
  // High-DPI ribbon sizes besides 16/32/80 (125%–250% scaling):
  // https://learn.microsoft.com/office/dev/add-ins/reference/manifest/icon#additional-requirements-for-mobile-form-factors
  { size: 20, source: 'icon-16.svg' },
  { size: 24, source: 'icon-16.svg' },
  { size: 32, source: 'icon.svg' },
  { size: 40, source: 'icon.svg' },
  { size: 48, source: 'icon.svg' },
  { size: 64, source: 'icon.svg' },
  { size: 80, source: 'icon.svg' },
  { size: 128, source: 'icon.svg' },
].map((i) => ({ ...i, file: path.join(assets, `icon-${i.size}.png`) }));

function render({ size, source }) {
  const { Resvg } = require('@resvg/resvg-js');
  const svg = fs.readFileSync(path.join(assets, source));
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

function main(argv) {
  const check = argv.includes('--check');
  let stale = 0;
  for (const icon of ICONS) {
    const png = render(icon);
    if (check) {
      if (!fs.existsSync(icon.file) || !fs.readFileSync(icon.file).equals(png)) {
        console.error(`${path.basename(icon.file)} is not the rendering of ${icon.source}: run \`npm run icons\``);
        stale++;
      }
    } else {
      fs.writeFileSync(icon.file, png);
      console.log(`wrote assets/${path.basename(icon.file)} (${icon.size}×${icon.size}, ${png.length} bytes)`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

module.exports = { ICONS, render };

if (require.main === module) main(process.argv.slice(2));

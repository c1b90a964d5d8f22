#!/usr/bin/env bash
# Renders the workbook and a merged summary to PNG for the README (docs/screenshots/workbook-*.png, bureau-*.png):
# sfa writes the files, LibreOffice headless recalculates and prints them to PDF, pdftoppm rasterises.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh poppler-utils
npm run --silent build:cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/sfa.js template --from examples/advanced.json -o "$work/自评表.xlsx" >/dev/null
mkdir -p "$work/in"
for e in advanced leading with-errors; do node bin/sfa.js template --from "examples/$e.json" -o "$work/in/$e.xlsx" >/dev/null; done
node bin/sfa.js merge "$work/in" -o "$work/推荐汇总表.xlsx" --unit 南京市工业和信息化局 --contact 李四 --phone 025-12345678 >/dev/null || true
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/自评表.xlsx" "$work/推荐汇总表.xlsx" >/dev/null 2>&1
mkdir -p docs/screenshots
pdftoppm -png -r 70 -f 1 -l 1 "$work/自评表.pdf" docs/screenshots/workbook-profile
pdftoppm -png -r 70 -f 2 -l 2 "$work/自评表.pdf" docs/screenshots/workbook-indicators
pdftoppm -png -r 80 -f 1 -l 1 "$work/推荐汇总表.pdf" docs/screenshots/bureau-summary
pdftoppm -png -r 80 -f 2 -l 2 "$work/推荐汇总表.pdf" docs/screenshots/bureau-stats
for f in docs/screenshots/workbook-profile docs/screenshots/workbook-indicators docs/screenshots/bureau-summary docs/screenshots/bureau-stats; do mv "$f"-*.png "$f.png"; done
ls -la docs/screenshots

#!/usr/bin/env bash
# System packages the tests need, from Debian. Idempotent: runs apt-get (update once, then install) only when
# a package is missing. Works as root without sudo; otherwise needs sudo. Extra package names may be passed.
# XSD validation (manifests, OOXML parts) needs no package: it is xmllint compiled to WebAssembly (xmllint-wasm).
set -euo pipefail
packages=(
  libreoffice-calc-nogui # headless recalculation: the workbook parity test (test/parity/libreoffice.*)
  libreoffice-writer-nogui # the printed 申报书 and the cover letter (.docx) rendered to PDF (test/adapters/docx/*)
  poppler-utils          # pdftotext / pdftoppm: what LibreOffice printed (申报书, 推荐函, 统计's charts), and
                         # npm run screenshots rasterises LibreOffice's PDFs
  python3-openpyxl       # an independent .xlsx reader (what pandas uses): test/adapters/xlsx/openpyxl.test.ts
  chromium               # browser tests of the preview host (playwright-core drives /usr/bin/chromium)
  fonts-noto-cjk         # Chinese text in those screenshots
  "$@"
)
need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-system: not root and no sudo; install as root: ${need[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi
echo "setup-system: installing ${need[*]}" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"

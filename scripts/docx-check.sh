#!/usr/bin/env bash
# Renders a letter as a user would see it: exports the sample case to DOCX,
# converts it with LibreOffice to PDF and the pages to PNG.
# Needs: libreoffice-writer (soffice) and poppler-utils (pdftoppm, pdftotext).
# Usage: scripts/docx-check.sh [CASE] [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
case_file=${1:-assets/samples/ai-in-policing.case.ron}
out=${2:-target/docx-check}
mkdir -p "$out"
cargo run --quiet --release -- export "$case_file" -o "$out/letter.docx" \
    --profile assets/samples/authority.ron --force
soffice --headless --convert-to pdf --outdir "$out" "$out/letter.docx" >/dev/null
pdftoppm -png -r 70 "$out/letter.pdf" "$out/page"
pdftotext -layout "$out/letter.pdf" "$out/letter-from-pdf.txt"
pages=$(ls "$out"/page-*.png | wc -l)
echo "$out/letter.pdf: $pages page(s); PNGs in $out"
grep -q "Page 1 of $pages" "$out/letter-from-pdf.txt" && echo "footer: Page 1 of $pages found"

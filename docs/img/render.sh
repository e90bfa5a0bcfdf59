#!/bin/sh
# Regenerates docs/img/sammanfattning.png: the summary sheet of the example's
# workbook as a committee member sees it (LibreOffice -> PDF -> pdftoppm),
# with a Swedish locale so that numbers read "1 234 567" and "1,19".
# Run from the repository root after `make`: sh docs/img/render.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1795392000 build/samkalk run scenarios/unga-vuxna.ini --quiet -o "$tmp/unga-vuxna.xlsx"
LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 soffice -env:UserInstallation="file://$tmp/profile" \
	--headless --convert-to pdf --outdir "$tmp" "$tmp/unga-vuxna.xlsx" >/dev/null 2>&1
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$tmp/unga-vuxna.pdf" docs/img/sammanfattning
echo "wrote docs/img/sammanfattning.png"

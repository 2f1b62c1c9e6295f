#!/usr/bin/env bash
# views_test.sh BIN ROOT - year-over-year, compare and peer views, and the
# export from the browser (complete file, no overwrite without a yes).
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
trap 'stop_session; rm -rf "$out"' EXIT

# type_path PATH - replace the text in the export prompt with PATH
type_path() {
	local i
	for i in $(seq 1 80); do keys BSpace; done
	keys -l "$1"
}

start 120 30 --data datasets --kommune aarhus --year 2024
expect "starts on Aarhus" "Aarhus · Generelt · 2024"
keys d
expect "year-over-year view" "Year over year: Aarhus"
expect "tests of change are named" "Beyond chance"
expect "published-only figures are compared, not tested" "▲ +11 since 2021 untested"
keys Escape
expect "Esc goes back to the panes" "Aarhus · Generelt · 2024"

keys c
expect "compare view" "Compare Generelt: 2024 against 2023"
keys p p
expect "6-byer preset" "set: 6-byer (p)"
keys '<' '<'
expect "second year chosen with <" "Compare Generelt: 2024 against 2021"
expect "national row pinned first" "All of Denmark"
keys s
expect "sort by the first column" "Municipality ▲"
keys s
expect "sort by rate 2024" "Rate 2024 ▼"
first=$(screen | sed -n '6p' | awk '{print $1}')
if [ "$first" = "Esbjerg" ]; then pass "highest rate first (Esbjerg 49)"; else fail "highest rate first, got $first"; fi
for col in "n 2024 ▼" "Rem. / chg. ▼" "Rate 2021 ▼" "n 2021 ▼" "Change 2021→2024 ▼" "Beyond chance ▼"; do
	keys s
	expect "sortable by $col" "$col"
done
keys s
expect "the sort cycles back" "Municipality ▲"
keys S
expect "S reverses" "Municipality ▼"

keys e
expect "export prompt with a proposed name" "Export to: sammenligning-generelt-2021-2024.md"
type_path "$out/cmp.md"
keys Enter
expect "export written" "Exported to $out/cmp.md"
if grep -q "# Compare Generelt: 2024 against 2021" "$out/cmp.md" && grep -q "| Esbjerg | 49 |" "$out/cmp.md"; then
	pass "the exported file holds the whole table"
else
	fail "exported file content"; cat "$out/cmp.md"
fi
before=$(md5sum <"$out/cmp.md")
keys '<'
keys e
type_path "$out/cmp.md"
keys Enter
expect "existing file: asks first" "exists. Overwrite it? (y/n)"
keys n
expect "no means no" "Not exported"
if [ "$(md5sum <"$out/cmp.md")" = "$before" ]; then pass "the file is untouched"; else fail "file changed"; fi
keys e
type_path "$out/cmp.md"
keys Enter
expect "asks again" "exists. Overwrite it? (y/n)"
keys y
expect "yes overwrites" "Exported to $out/cmp.md"
if grep -q "against 2020" "$out/cmp.md"; then pass "the new table replaced the old"; else fail "overwrite content"; fi
if ls "$out" | grep -q tmp; then fail "temporary file left behind"; else pass "no temporary file left"; fi

keys Escape t
expect "peer table" "Peer table: 6-byer, 2024"
expect "peer row as in the 2024 paper" "København                40 (31 / 9)    34 (28 / 6)      33 (19 / 15)"
expect "the selected municipality comes last of the peers" "Aarhus                   39 (33 / 6)"
expect "the group's unweighted mean, named, before the nation" "6-byer, unweighted mean  43.7 (6 of 6)  47.8 (6 of 6)    38.5 (6 of 6)"
expect "no pooled rate without counts" "6-byer, pooled           –"
keys Escape

keys e
type_path "$out/sheet.csv"
keys Enter
expect "fact sheet export from the panes" "Exported to $out/sheet.csv"
if head -1 "$out/sheet.csv" | grep -q "^section,row,column,value$" && grep -q "Reversed,39 %" "$out/sheet.csv"; then
	pass "the fact sheet as CSV"
else
	fail "fact sheet CSV content"
fi
# a view as a workbook: the data, numbers as numbers, the sources last (issue 26)
keys Escape c
expect "the compare view again" "Compare Generelt"
keys e
type_path "$out/cmp.xlsx"
keys Enter
expect "workbook export" "Exported to $out/cmp.xlsx"
if python3 "$ROOT/test/xlsx_read.py" "$out/cmp.xlsx" >"$out/cmp.cells" &&
	grep -q "^== Compare Generelt" "$out/cmp.cells" && tail -n +2 "$out/cmp.cells" | grep -q "^== Sources" &&
	grep -qP "^[A-Z]+[0-9]+\tn\t49\t0$" "$out/cmp.cells"; then
	pass "the workbook: a sheet for the view, Esbjerg's 49 a number, the sources last"
else
	fail "workbook content"; cat "$out/cmp.cells"
fi
keys Escape
# a dangling link is a name that exists: asked first, then the link is
# replaced by the file, never written through (issue 23)
ln -s "$out/nowhere/target.md" "$out/dangling.md"
keys e
type_path "$out/dangling.md"
keys Enter
expect "a dangling link: asks first" "dangling.md exists. Overwrite it? (y/n)"
keys y
expect "yes replaces the link" "Exported to $out/dangling.md"
if [ -f "$out/dangling.md" ] && [ ! -L "$out/dangling.md" ] && [ ! -e "$out/nowhere" ]; then
	pass "the link is replaced by the file, nothing made where it pointed"
else
	fail "the dangling link"; ls -l "$out"
fi
# the ending chooses the format; another ending, or none, is refused (issue 13, 6)
for name in sheet.pdf sheet; do
	keys e
	type_path "$out/$name"
	keys Enter
	expect "export to \"$name\" is refused, naming the endings" "Not exported: the name's ending chooses the format; use .md, .csv, .txt"
	if [ -e "$out/$name" ]; then fail "$name was written"; else pass "$name was not written"; fi
done
keys q
expect "quits" "EXITED 0"

# libxlsxwriter is opened when a workbook is first written: where it cannot
# be (a file of its name that is no library, first on LD_LIBRARY_PATH), the
# export names the package to install and writes nothing
mkdir "$out/nolib"
echo "not a library" >"$out/nolib/libxlsxwriter.so.4"
E2E_ENV="LANG=C.UTF-8 LD_LIBRARY_PATH=$out/nolib" start 200 30 --data datasets --kommune aarhus --year 2024
expect "starts without libxlsxwriter" "Aarhus · Generelt · 2024"
keys e
type_path "$out/nolib.xlsx"
keys Enter
expect "the workbook export names the package" "writing an Excel workbook needs libxlsxwriter (Debian: libxlsxwriter4): $out/nolib/libxlsxwriter.so.4"
if [ -e "$out/nolib.xlsx" ]; then fail "nolib.xlsx was written"; else pass "no workbook written"; fi
keys e
type_path "$out/nolib.csv"
keys Enter
expect "another format is exported as before" "Exported to $out/nolib.csv"
keys q
expect "quits" "EXITED 0"
finish

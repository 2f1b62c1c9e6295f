#!/usr/bin/env bash
# xlsx_test.sh BIN ROOT - the Talportal's Excel export: the fixtures made by
# test/make_xlsx.py (synthetic figures) in both header orders and the XML's
# variants give the figures the same table gives as the Talportal's CSV;
# zeros are reported and left out; broken archives fail with the file named,
# exit 1 and nothing written.
set -u
bin=$1 root=$2
# shellcheck source=test/lib_check.sh
. "$root/test/lib_check.sh"
check_tmpdir tmp
python3 "$root/test/make_xlsx.py" "$tmp/in" || exit 1
cd "$tmp/in" || exit 1

# the imported rows of DIR, without their source and note (which name the file)
figures() {
	python3 - "$1" <<'PY'
import csv, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/[0-9]*.csv")):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        row.pop("source"), row.pop("note")
        print(path.rsplit("/", 1)[1], sorted(row.items()))
PY
}
# print's CSV of a file read as data, without the last column (the source)
printed() {
	"$bin" print --data "$1" --format csv 2>/dev/null | sed 's/,"[^"]*"$//'
}

"$bin" import talportal.csv --into "$tmp/csv" >"$tmp/csv.out" 2>&1
figures "$tmp/csv" >"$tmp/csv.fig"
printed talportal.csv >"$tmp/csv.print"
check "the CSV gives 11 figures" 'grep -q "11 figures" "$tmp/csv.out" && [ "$(wc -l <"$tmp/csv.fig")" -eq 11 ]'

for f in measure_on_top.xlsx measure_on_top_inline.xlsx period_on_top.xlsx \
	period_on_top_shared.xlsx second_sheet.xlsx renamed.xlsx; do
	out="$tmp/$f.out"
	"$bin" import "$f" --into "$tmp/$f" >"$out" 2>&1
	st=$?
	check_details=$out
	check "$f: imported, exit 0" '[ $st -eq 0 ] && grep -q "^$f: talportal, XLSX: 14 rows read, 14 used, 11 figures$" "$out"'
	check "$f: the figures of the CSV" 'figures "$tmp/$f" | cmp -s - "$tmp/csv.fig"'
	check "$f: one warning for the zeros, with the count and the cells" \
		'[ "$(grep -c "0 in a Talportal Excel file may be a missing value; the CSV download keeps NA" "$out")" -eq 1 ] &&
		grep -q "2 rows have 0 cases and are left out (.5 Århus Serviceloven § 42 Tabt arbejdsfortjeneste 2023; D8 Ærø Serviceloven I alt 2022)" "$out"'
	check "$f: --data shows the CSV's figures" 'printed "$f" | cmp -s - "$tmp/csv.print"'
	"$bin" import "$f" --into "$tmp/$f" >"$out" 2>&1
	check "$f: a second import adds nothing" 'grep -q "^0 rows added, 11 identical rows skipped, 0 conflicts$" "$out"'
	check_details=
done
check "the source names the Excel export and the footer's year" \
	'grep -q "Ankestyrelsen, Talportal (Excel-eksport; Kilde: Ankestyrelsen (2023)), fil period_on_top.xlsx" "$tmp/period_on_top.xlsx/2022.csv"'
check "the sheet \"Som tabel\" is found after another sheet" '! grep -q "first sheet" "$tmp/second_sheet.xlsx.out"'
"$bin" import renamed.xlsx --dry-run >"$tmp/renamed.out" 2>&1
check "without a sheet \"Som tabel\" the first is read, with a warning" \
	'grep -q "the workbook has no sheet \"Som tabel\"; the first sheet, \"Ark1\", is read" "$tmp/renamed.out"'

# --dry-run: the same report as the CSV's, but for the file's name and kind
for f in talportal.csv measure_on_top.xlsx period_on_top.xlsx; do
	"$bin" import "$f" --dry-run --into "$tmp/none" 2>&1 | grep -v "^$f" |
		sed "s|$tmp|TMP|" >"$tmp/$f.dry"
done
check "--dry-run reports the same for both header orders and the CSV" \
	'cmp -s "$tmp/talportal.csv.dry" "$tmp/measure_on_top.xlsx.dry" && cmp -s "$tmp/talportal.csv.dry" "$tmp/period_on_top.xlsx.dry"'
check "--dry-run writes nothing" '[ ! -e "$tmp/none" ]'

# a value that is no number: reported at its cell
"$bin" import bad_cell.xlsx --dry-run >"$tmp/bad.out" 2>&1
check "a bad value is reported at its cell" \
	'grep -q "^bad_cell.xlsx: warning: sheet \"Som tabel\" D5: Ærø: expected a number, found \"mange\"; the row is not used$" "$tmp/bad.out"'
"$bin" import no_law.xlsx --dry-run >"$tmp/nolaw.out" 2>&1
check "a table without Lovgivning says what that means" \
	'grep -q "sheet \"Som tabel\" rows 1-2: no Lovgivning column" "$tmp/nolaw.out"'

# broken archives and other files: exit 1, the file named, nothing written
expect_error() { # FILE MESSAGE [ARGS]
	local f=$1 msg=$2
	shift 2
	rm -rf "$tmp/out"
	"$bin" import "$f" --into "$tmp/out" "$@" >"$tmp/err.out" 2>&1
	local st=$?
	check_details="$tmp/err.out"
	check "$f $*: exit 1" '[ $st -eq 1 ]'
	check "$f $*: \"$msg\"" 'grep -qF "$f: error: $msg" "$tmp/err.out"'
	check "$f $*: nothing written" '[ -z "$(ls -A "$tmp/out" 2>/dev/null)" ]'
	check_details=
}
expect_error truncated.xlsx "not a readable ZIP archive, which an Excel workbook (XLSX) is"
expect_error not_a_workbook.zip "not an Excel workbook: the archive has no xl/workbook.xml"
expect_error bomb.xlsx "xl/worksheets/sheet1.xml inflates to 3221225472 bytes, more than the 268435456 read of one part; not read"
expect_error lying.xlsx "xl/worksheets/sheet1.xml inflates to more than the 100 bytes the archive says; the archive is damaged"
expect_error malformed.xlsx "xl/worksheets/sheet1.xml line 2 column"
expect_error entities.xlsx "xl/worksheets/sheet1.xml: a document type declaration, which no workbook part has; not read"
expect_error old.xls "an Excel 97-2003 workbook (.xls), which ankekort does not read"
cp talportal.csv renamed_csv.xlsx
expect_error renamed_csv.xlsx "not an Excel workbook: an .xlsx file is a ZIP archive"
expect_error measure_on_top.xlsx "an Excel workbook is read as the Talportal's export; --format dst does not apply" --format dst

check_done

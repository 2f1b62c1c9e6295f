#!/usr/bin/env bash
# faktaark_output.sh BIN ROOT - `faktaark -o FILE` writes the whole sheet,
# never overwrites without --force, and leaves no temporary file behind.
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir

"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/sheet.md"
check "writes the file" '[ -s "$dir/sheet.md" ]'
check "the file is the whole sheet" '"$bin" faktaark --data datasets -k aarhus -y 2024 | cmp -s - "$dir/sheet.md"'
echo "precious" >"$dir/old.md"
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/old.md" 2>"$dir/err"
rc=$?
check "refuses to overwrite (exit 1)" '[ $rc -eq 1 ] && grep -q "already exists" "$dir/err"'
check "the refusal names --force (issue 26)" 'grep -q "already exists; not overwritten (add --force" "$dir/err"'
check "the old file is untouched" '[ "$(cat "$dir/old.md")" = precious ]'
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/old.md" --force
check "--force overwrites" 'grep -q "Fact sheet: reversal rates for Aarhus, 2024" "$dir/old.md"'
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/missing/sheet.md" 2>"$dir/err"
check "a missing directory is an error that names the file" 'grep -q "cannot write $dir/missing/sheet.md" "$dir/err"'
check "no temporary file is left" '[ -z "$(ls "$dir" | grep tmp)" ]'
# the ending chooses the format (issue 13, 6)
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/sheet.csv"
check "-o x.csv writes CSV" '[ "$(head -1 "$dir/sheet.csv")" = "section,row,column,value" ]'
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/sheet.txt"
check "-o x.txt writes text" '"$bin" faktaark --data datasets -k aarhus -y 2024 --format text | cmp -s - "$dir/sheet.txt"'
for name in sheet.pdf sheet; do
	"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/$name" 2>"$dir/err"
	rc=$?
	check "-o $name is refused (exit 2), naming the endings" '[ $rc -eq 2 ] && grep -q "ending chooses the format; use .md, .csv, .txt" "$dir/err" && [ ! -e "$dir/$name" ]'
done
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/mismatch.csv" --format md 2>"$dir/err"
rc=$?
check "--format that contradicts the ending is refused" '[ $rc -eq 2 ] && grep -q "does not match the ending" "$dir/err"'
# without --year: the newest year with a figure for the municipality (issue 13, 5)
"$bin" faktaark --data datasets -k norddjurs >"$dir/default.md" 2>"$dir/err"
check "no --year: Norddjurs gets 2023, its newest figure" 'grep -q "Fact sheet: reversal rates for Norddjurs, 2023" "$dir/default.md" && [ ! -s "$dir/err" ]'
"$bin" faktaark --data datasets -k norddjurs -y 2024 >/dev/null 2>"$dir/err"
check "a year without any figure for it: a warning" 'grep -q "no figure for Norddjurs in 2024 in any area: the sheet has only dashes" "$dir/err"'
"$bin" faktaark --data datasets -k allerød >"$dir/none.md" 2>"$dir/err"
check "a municipality without any figure: the newest year, with the warning" 'grep -q "no figure for Allerød in 2024" "$dir/err"'
# a full disk, as far as this process can tell: writes past 512 bytes fail
echo "precious" >"$dir/full.md"
(ulimit -f 1; trap '' XFSZ; "$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/full.md" --force) 2>"$dir/err"
check "a failed write is an error that says why" 'grep -q "cannot write $dir/full.md: File too large; the old file is untouched" "$dir/err"'
check "the old file survives a failed write" '[ "$(cat "$dir/full.md")" = precious ]'
check "no temporary file after a failed write" '[ -z "$(ls "$dir" | grep tmp)" ]'
# killed while writing (SIGXFSZ ends the process the way kill -9 would): the
# half-written text has no name, so nothing is left behind (issue 16, 6)
echo "precious" >"$dir/killed.md"
(ulimit -f 1; exec "$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/killed.md" --force) 2>/dev/null
rc=$?
check "a sheet killed mid-write: the old file, no temporary file" '[ $rc -gt 128 ] && [ "$(cat "$dir/killed.md")" = precious ] && [ -z "$(ls "$dir" | grep tmp)" ]'
cp -r datasets "$dir/data"
cp -r "$dir/data" "$dir/data.before"
sed 's/;13;8;1;4/;14;8;1;5/' test/data/import/sheet_bom.csv >"$dir/corrected.csv"
(ulimit -f 1; exec "$bin" import "$dir/corrected.csv" --into "$dir/data") >/dev/null 2>&1
rc=$?
check "an import killed mid-write: the directory as it was, no temporary file" '[ $rc -gt 128 ] && diff -r "$dir/data" "$dir/data.before" >/dev/null && [ -z "$(ls -a "$dir/data" | grep tmp)" ]'
# a year file that ends inside an open quote would swallow every added row
printf '101,x,"no end\n' >>"$dir/data/2023.csv"
cp "$dir/data/2023.csv" "$dir/2023.before"
"$bin" import "$dir/corrected.csv" --into "$dir/data" >/dev/null 2>"$dir/err"
rc=$?
check "rows are never added to a broken year file" '[ $rc -eq 1 ] && cmp -s "$dir/data/2023.csv" "$dir/2023.before" && grep -q "cannot add rows to $dir/data/2023.csv: line $(wc -l <"$dir/2023.before"), column 7: expected a closing quote" "$dir/err"'
"$bin" faktaark --data datasets -k aarhus -y 2024 -o /proc/ankekort-sheet.md 2>"$dir/err"
check "a directory that cannot be written is named" 'grep -q "cannot write /proc/ankekort-sheet.md" "$dir/err"'
"$bin" import test/data/import/sheet_bom.csv --into /proc/ankekort-data >/dev/null 2>"$dir/err"
check "import into a directory that cannot be made says so" 'grep -q "cannot create /proc/ankekort-data" "$dir/err"'
check_done

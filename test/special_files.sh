#!/usr/bin/env bash
# special_files.sh BIN ROOT - files that are not regular files are refused
# with a sentence, promptly: a FIFO as data, import or configuration file
# would block forever, /dev/zero would never end (issue 16, 8); an output
# path that is a FIFO or a link to a device is never replaced by a file, a
# link to a file is followed (issue 16, 4); a configuration comment longer
# than any buffer never becomes a setting (issue 16, 11).
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir tmp
check_details=$tmp/err
run() { timeout 10 "$bin" --lang en "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

mkfifo "$tmp/fifo.csv"
run import "$tmp/fifo.csv" --dry-run --into "$tmp/none"
check "import of a FIFO: refused, not blocked" '[ $rc -eq 1 ] && grep -q "not a regular file" "$tmp/out"'
run --data "$tmp/fifo.csv" print
check "--data FIFO: refused, not blocked" '[ $rc -eq 1 ] && grep -q "not a regular file" "$tmp/err"'
run import /dev/zero --dry-run --into "$tmp/none"
check "import of /dev/zero: refused at once" '[ $rc -eq 1 ] && grep -q "not a regular file" "$tmp/out"'
mkdir -p "$tmp/cfg/ankekort"
mkfifo "$tmp/cfg/ankekort/config"
XDG_CONFIG_HOME="$tmp/cfg" run print
check "a FIFO as the configuration: refused with a sentence" '[ $rc -eq 2 ] && grep -q "cannot read the configuration: not a regular file" "$tmp/err"'
rm "$tmp/cfg/ankekort/config"
{ printf '# '; head -c 5000 /dev/zero | tr '\0' 'x'; printf 'lang = xx\n'; } >"$tmp/cfg/ankekort/config"
XDG_CONFIG_HOME="$tmp/cfg" run print
check "a 5000-byte comment stays a comment" '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]'

mkfifo "$tmp/out.md"
run faktaark -k aarhus -y 2024 -o "$tmp/out.md" --force
check "-o FIFO --force: refused, the FIFO stays" '[ $rc -eq 1 ] && [ -p "$tmp/out.md" ] && grep -q "not a regular file" "$tmp/err"'
# -o through a link: the link is replaced by the file, never written
# through into what it names (issue 23; issue 16 followed it)
ln -s /dev/null "$tmp/null.md"
run faktaark -k aarhus -y 2024 -o "$tmp/null.md"
check "-o link to /dev/null: refused without --force" '[ $rc -eq 1 ] && [ -L "$tmp/null.md" ] && grep -q "already exists" "$tmp/err"'
run faktaark -k aarhus -y 2024 -o "$tmp/null.md" --force
check "-o link to /dev/null --force: the link replaced, /dev/null untouched" '[ $rc -eq 0 ] && [ -c /dev/null ] && [ ! -L "$tmp/null.md" ] && grep -q "Fact sheet" "$tmp/null.md"'
echo old >"$tmp/real.md"
ln -s "$tmp/real.md" "$tmp/link.md"
run faktaark -k aarhus -y 2024 -o "$tmp/link.md" --force
check "-o link to a file --force: the link replaced, the file it named untouched" '[ $rc -eq 0 ] && [ ! -L "$tmp/link.md" ] && grep -q "Fact sheet" "$tmp/link.md" && [ "$(cat "$tmp/real.md")" = old ]'
ln -s "$tmp/nowhere/x.md" "$tmp/dangling.md"
run faktaark -k aarhus -y 2024 -o "$tmp/dangling.md"
check "-o dangling link: a name that exists, refused without --force" '[ $rc -eq 1 ] && [ -L "$tmp/dangling.md" ] && grep -q "already exists" "$tmp/err"'
run faktaark -k aarhus -y 2024 -o "$tmp/dangling.md" --force
check "-o dangling link --force: replaced, nothing made where it pointed" '[ $rc -eq 0 ] && [ -f "$tmp/dangling.md" ] && [ ! -L "$tmp/dangling.md" ] && [ ! -e "$tmp/nowhere" ]'
# what a writer killed between naming its file and renaming it left
# (kill -9) is removed by the next write: its process is gone (issue 23)
sh -c 'exit 0' &
gone=$!
wait $gone
echo partial >"$tmp/link.md.tmp$gone.0"
echo partial >"$tmp/link.md.tmp$$.0" # a live process's: left alone
run faktaark -k aarhus -y 2024 -o "$tmp/link.md" --force
check "a dead writer's NAME.tmpPID.0 removed, a live one's kept" '[ $rc -eq 0 ] && [ ! -e "$tmp/link.md.tmp$gone.0" ] && [ -e "$tmp/link.md.tmp$$.0" ]'
rm -f "$tmp/link.md.tmp$$.0"
# an empty or BOM-only year file gets its header before the rows (issue 16, 2)
mkdir "$tmp/data"
cp datasets/municipalities.csv "$tmp/data/"
printf '\xEF\xBB\xBF' >"$tmp/data/2023.csv"
: >"$tmp/data/2021.csv"
run import test/data/import/sheet_bom.csv --into "$tmp/data"
check "import into empty and BOM-only year files" '[ $rc -eq 0 ] && head -1 "$tmp/data/2023.csv" | grep -q "^code," && head -1 "$tmp/data/2021.csv" | grep -q "^code,"'
run print --no-shipped --data "$tmp/data" --format csv
check "the directory still loads" '[ $rc -eq 0 ] && [ "$(wc -l <"$tmp/out")" = 4 ]'
# a period such as 0007 is refused, not written to a 7.csv nobody loads (issue 16, 6)
printf 'OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\nAarhus;Serviceloven i alt;Stadfæstelse;0007;10\n' >"$tmp/p.csv"
run import "$tmp/p.csv" --into "$tmp/data"
check "period 0007: a warning, no 7.csv" 'grep -q "TID: expected a number, found \"0007\"" "$tmp/out" && ! ls "$tmp/data" | grep -qE "^[0-9]{1,3}\.csv$"'
# an import whose rows cannot all be read, or whose write fails, says so and
# exits 1; rows not written are not counted as added (issue 16, 5)
printf 'Kommunekode;År;Område;Antal sager;Hjemvist;Ændret/ophævet;Stadfæstet\n751;2022;Generelt;10;2;1;7\n461;20\00022;Generelt;10;2;1;7\n' >"$tmp/nul.csv"
mkdir "$tmp/nul"
run import "$tmp/nul.csv" --into "$tmp/nul"
check "a NUL byte in an import: exit 1" '[ $rc -eq 1 ] && grep -q "found a NUL byte" "$tmp/out"'
mkdir "$tmp/blocked"
cp datasets/municipalities.csv "$tmp/blocked/"
mkfifo "$tmp/blocked/2022.csv"
run import test/data/import/dst_labels.csv --into "$tmp/blocked"
check "a failed write: exit 1, nothing counted as added" '[ $rc -eq 1 ] && grep -q "^0 rows added" "$tmp/out" && grep -q "not a regular file" "$tmp/err"'
# every write leaves a directory that loads (issue 16, 3): a corrected file
# of the same name imported again and again, and sources with stray spaces
mkdir "$tmp/again"
cp datasets/municipalities.csv "$tmp/again/"
for v in "2;1;7" "3;1;6" "3;1;6" "4;1;5" "5;1;4"; do
	printf 'Kommunekode;År;Område;Antal sager;Hjemvist;Ændret/ophævet;Stadfæstet\n751;2022;Generelt;10;%s\n' "$v" >"$tmp/s.csv"
	run import "$tmp/s.csv" --into "$tmp/again"
done
run import "$tmp/s.csv" --into "$tmp/again" --source "Kilde X  "
run check --no-shipped --data "$tmp/again"
check "re-imported corrections: every version a row of its own, the directory loads" '[ $rc -eq 0 ] && grep -q "^0 errors" "$tmp/out" && [ "$(grep -c "^751," "$tmp/again/2022.csv")" = 5 ] && grep -q ",Kilde X," "$tmp/again/2022.csv"'
run import "$tmp/s.csv" --into "$tmp/again" --source "  "
check "--source of spaces: a usage error, nothing written" '[ $rc -eq 2 ] && grep -q "not an empty text" "$tmp/err" && [ "$(grep -c "^751," "$tmp/again/2022.csv")" = 5 ]'
# 20 imports into one directory at once: every row arrives (issue 16, 1)
mkdir "$tmp/par"
cp datasets/municipalities.csv "$tmp/par/"
codes=$(awk -F, 'NR > 2 { print $1 }' datasets/municipalities.csv | head -20)
i=0
for c in $codes; do
	printf 'Kommunekode;År;Område;Antal sager;Hjemvist;Ændret/ophævet;Stadfæstet\n%s;2022;Generelt;10;2;1;7\n' "$c" >"$tmp/par-$i.csv"
	i=$((i + 1))
done
for j in $(seq 0 $((i - 1))); do
	timeout 60 "$bin" import "$tmp/par-$j.csv" --into "$tmp/par" >/dev/null 2>&1 &
done
wait
run print --no-shipped --data "$tmp/par" --year 2022 --format csv
check "20 parallel imports: all 20 rows are there" '[ $rc -eq 0 ] && [ "$(grep -c ",generelt,10," "$tmp/out")" = 20 ]'
# a huge regular file is refused before it is read (issue 16, 8)
mkdir "$tmp/huge"
cp datasets/municipalities.csv "$tmp/huge/"
truncate -s 3G "$tmp/huge/2023.csv"
run --no-shipped --data "$tmp/huge" print
check "a 3 GiB year file: refused at once, with its size" '[ $rc -eq 1 ] && grep -q "2023.csv: error: cannot read the file: the file is 3072 MiB; ankekort reads files of at most 256 MiB" "$tmp/err"'
run import test/data/import/sheet_bom.csv --into "$tmp/huge"
check "an import into it: refused, the file not replaced" '[ $rc -eq 1 ] && grep -q "cannot add rows to $tmp/huge/2023.csv: the file is 3072 MiB" "$tmp/err" && [ "$(stat -c %s "$tmp/huge/2023.csv")" = 3221225472 ]'
# a year file is every row in memory: one over 256 MiB is refused, not run out of memory on
truncate -s 300M "$tmp/huge/2023.csv"
run --no-shipped --data "$tmp/huge" print
check "a year file over 256 MiB: refused before it is read" '[ $rc -eq 1 ] && grep -q "the file is 300 MiB; ankekort reads files of at most 256 MiB" "$tmp/err"'
truncate -s 2M "$tmp/cfg/ankekort/config"
XDG_CONFIG_HOME="$tmp/cfg" run print
check "a 2 MiB configuration file: refused" '[ $rc -eq 2 ] && grep -q "cannot read the configuration: the file is 2 MiB; ankekort reads files of at most 1 MiB" "$tmp/err"'
rm "$tmp/cfg/ankekort/config"
# paths and typed names reach the terminal escaped, in every message (issue 16, 7)
esc=$(printf '\033]52;c;aGk=\007')
run print -k "Aarh$esc"
check "the closest: hint escapes the typed name" '[ $rc -eq 2 ] && grep -qF "Aarh\x1B]52;c;aGk=\x07\"; closest: Aarhus" "$tmp/err" && ! grep -q "$(printf "\033")" "$tmp/err"'
cp test/data/import/sheet_bom.csv "$tmp/x$esc.csv"
run import "$tmp/x$esc.csv" --dry-run --into "$tmp/data"
check "an import report escapes the file name" '[ $rc -eq 0 ] && grep -qF "x\x1B]52;c;aGk=\x07.csv: sheet" "$tmp/out" && ! grep -q "$(printf "\033")" "$tmp/out" "$tmp/err"'
run faktaark -k aarhus -o "$tmp/y$esc/sheet.md"
check "an error's path is escaped" '[ $rc -eq 1 ] && grep -qF "y\x1B]52" "$tmp/err" && ! grep -q "$(printf "\033")" "$tmp/err"'
run print --year "2$esc"
check "a usage error escapes the typed value" '[ $rc -eq 2 ] && grep -qF "2\x1B]52" "$tmp/err" && ! grep -q "$(printf "\033")" "$tmp/err"'
check_done

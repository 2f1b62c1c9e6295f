#!/usr/bin/env bash
# userdata_test.sh BIN ROOT - every writer writes into the user's data
# directory, never into the shipped datasets, and every reader shows both:
# import and fetch without --into (XDG_DATA_HOME), --data DIR, the shipped
# directory refused as a target, a failed import leaving nothing, and an
# old --into directory holding a copy of the datasets read without doubles.
# No test needs the internet: fetch asks test/fetch/server.py on 127.0.0.1.
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir tmp
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg"
user="$XDG_DATA_HOME/ankekort/data"
check_details="$tmp/err"
sum() { find datasets -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum; }
before=$(sum)
clean() { # the shipped datasets are as they were (and git agrees, in a checkout)
	[ "$(sum)" = "$before" ] || return 1
	if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
		[ -z "$(git -C "$root" status --porcelain -- datasets)" ] || return 1
	fi
}
run() { "$bin" --lang en "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

run import test/data/import/dst_labels.csv
check "import without --into: exit 0" '[ $rc -eq 0 ]'
check "import writes the user's data directory" '[ -f "$user/2022.csv" ]'
check "import leaves the shipped datasets alone" 'clean'
run print --year 2022 --area generelt --kommune 0 --format csv
check "the map's 37.5 shown, n lent by the imported counts that agree" 'grep -q "^2022,0,Hele landet,generelt,8000,5000,2250,750,37.5,28.5,9.0,.*danmarkskort" "$tmp/out"'
run print --year 2022 --area generelt --kommune 0 --format text
check "print says where the figures come from" 'grep -q "^Sources: your data: .*shipped: [0-9]* publications" "$tmp/out"'
run print --no-shipped --year 2022 --area generelt --kommune 0 --format csv
check "--no-shipped: the imported counts alone" 'grep -q "^2022,0,Hele landet,generelt,8000,5000,2250,750,37.5" "$tmp/out"'
run check
check "check on both layers: no error" '[ $rc -eq 0 ]'

for target in "--data datasets" "--into datasets" "--data $root/datasets"; do
	# shellcheck disable=SC2086 # the words are options
	run import test/data/import/dst_labels.csv $target
	check "import $target: refused, exit 1" '[ $rc -eq 1 ] && grep -q "read-only reference data" "$tmp/err"'
	check "import $target: the shipped datasets untouched" 'clean'
done

run import test/data/import/dst_labels.csv --data "$tmp/mine"
check "--data DIR: a new directory is made and written" '[ $rc -eq 0 ] && [ -f "$tmp/mine/2022.csv" ]'
printf 'not;a;known;file\n' >"$tmp/bad.csv"
run import "$tmp/bad.csv" --data "$tmp/never"
check "a failed import into a new directory leaves nothing" '[ $rc -eq 1 ] && [ ! -e "$tmp/never" ]'

# an --into directory of ankekort 0.1: a copy of the datasets plus imports
cp -r datasets "$tmp/old"
"$bin" import test/data/import/dst_labels.csv --into "$tmp/old" >/dev/null 2>&1
run print --data "$tmp/old" --format csv
old=$(wc -l <"$tmp/out")
run print --data "$tmp/mine" --format csv
check "an old copy of the datasets adds nothing twice" '[ "$old" = "$(wc -l <"$tmp/out")" ]'
run check --data "$tmp/old"
check "an old copy loads without a repeated-row error" '[ $rc -eq 0 ]'

# fetch without --into, against the stand-in server
python3 test/fetch/server.py normal "$tmp/port" "$tmp/log" 2>/dev/null &
server=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
rm -rf "$user"
run fetch --api-url "http://127.0.0.1:$(cat "$tmp/port")/v1"
check "fetch without --into: exit 0" '[ $rc -eq 0 ] && [ -f "$user/2021.csv" ]'
check "fetch leaves the shipped datasets alone" 'clean'
run print --year 2021 --area generelt --format csv
check "all 98 municipalities have a 2021 figure" '[ "$(awk -F, "NR > 1 && \$2 != 0 && \$9 != \"\"" "$tmp/out" | wc -l)" = 98 ]'
check "Aarhus 2021: the published 28 stays the figure shown, flagged" 'grep -q "^2021,751,Aarhus,generelt,,,,,28.0,21.0,7.0,.*sources_disagree" "$tmp/out"'
run check
check "check says the rates disagree" 'grep -q "Aarhus 2021 Generelt: sources disagree on the rate: .* of .* cases from Statistikbanken ANKEAST2, but 28 % from Københavns Kommune" "$tmp/out"'
run faktaark -k aarhus -y 2021
check "the fact sheet says both numbers" 'grep -q "Generelt: Sources disagree on the rate: Københavns Kommune, Sundheds- og Omsorgsforvaltningen publishes 28 %; Statistikbanken ANKEAST2 gives" "$tmp/out"'
check_done

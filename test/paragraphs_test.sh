#!/usr/bin/env bash
# paragraphs_test.sh BIN ROOT - the rows below law level end to end: an
# import keeps them in paragraphs.csv (again: nothing added), check names
# the parts that exceed their whole and the rows the rules place by law
# only, print --by paragraph shows them (text and CSV) with the national
# rate, the excess and the test, and the shipped Norddjurs 2023 Table 2
# with a units.csv; compared with test/golden/paragraphs.out.
set -u
bin=$1 root=$2
cd "$root" || exit 1
dir=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$dir" "$out"' EXIT
fixture=test/data/import/dst_paragraphs.csv
{
	echo "## import"
	"$bin" import "$fixture" --into "$dir/data"
	echo "exit status: $?"
	echo "## paragraphs.csv"
	cat "$dir/data/paragraphs.csv"
	echo "## import again"
	"$bin" import "$fixture" --into "$dir/data" | tail -n 2
	echo "## an empty paragraphs.csv gets the header, as an empty year file does"
	mkdir -p "$dir/empty" && : >"$dir/empty/paragraphs.csv"
	"$bin" import "$fixture" --into "$dir/empty" 2>&1 | grep "paragraph rows"
	head -n 1 "$dir/empty/paragraphs.csv"
	echo "rows: $(($(wc -l <"$dir/empty/paragraphs.csv") - 1))"
	echo "## check"
	"$bin" check --data "$dir/data" --no-shipped | grep -E "paragraph|parts|generelt only"
	echo "## print --by paragraph"
	"$bin" print --by paragraph --data "$dir/data" --no-shipped -k aarhus -y 2023 -a generelt
	echo "## csv"
	"$bin" print --by paragraph --data "$dir/data" --no-shipped -k aarhus -k odense \
		-y 2023 --format csv
	echo "## nothing"
	"$bin" print --by paragraph --data "$dir/data" --no-shipped -k aalborg
	echo "exit status: $?"
	echo "## --by elsewhere"
	"$bin" check --by paragraph
	echo "exit status: $?"
	echo "## more than 20 000 paragraph rows: every one kept, the dry run counts the same"
	python3 bench/gen 90000 "$dir/big.csv" >/dev/null
	"$bin" import --dry-run "$dir/big.csv" --into "$dir/big" | grep -E "below law|paragraph"
	"$bin" import "$dir/big.csv" --into "$dir/big" | grep -E "below law|paragraph"
	echo "rows in paragraphs.csv: $(($(wc -l <"$dir/big/paragraphs.csv") - 1))"
	echo "distinct municipality, label and year: $(tail -n +2 "$dir/big/paragraphs.csv" |
		cut -d, -f1,3,6 | sort -u | wc -l)"
	echo "## the same file shuffled (repeats, conflicts): read again to count"
	python3 bench/shuffle "$dir/big.csv" "$dir/shuf.csv"
	"$bin" import --dry-run "$dir/shuf.csv" --into "$dir/shuf" | grep -E "below law|paragraph"
	"$bin" import "$dir/shuf.csv" --into "$dir/shuf" | grep -E "below law|paragraph"
	echo "rows in paragraphs.csv: $(($(wc -l <"$dir/shuf/paragraphs.csv") - 1))"
	echo "## print --by paragraph on the file itself: its CSV lines"
	"$bin" --no-shipped --data "$dir/big.csv" print --by paragraph --format csv 2>/dev/null |
		tail -n +2 | wc -l
	echo "## Norddjurs, with units.csv"
	mkdir -p "$dir/units"
	printf '%s\n' 'code,unit,paragraphs' '707,Børne- og Familieområdet,41 43 44-45 52 55 71' \
		'707,Sundhed & Omsorg,83 95 112 113' '707,Socialområdet (voksen),' \
		>"$dir/units/units.csv"
	"$bin" print --by paragraph --data "$dir/units" -k norddjurs -a generelt --format md
	echo "## faktaark, Danish, with units.csv"
	"$bin" faktaark --data "$dir/units" -k norddjurs -y 2023 --format md --lang da |
		sed -n '/fordelt på paragraf/,/fordeler paragrafferne/p'
	echo "## faktaark without units.csv: no unit table"
	"$bin" faktaark -k norddjurs -y 2023 --format text | grep -c "administrative unit"
} 2>&1 | sed "s|$dir|DIR|g" >"$out"
golden="test/golden/paragraphs.out"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$out" "$golden"
	exit 0
fi
diff -u "$golden" "$out"

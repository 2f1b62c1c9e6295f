#!/usr/bin/env bash
# readme_test.sh ROOT - every screen shown in README.md after a line
# "<!-- golden: FILE -->" is that golden file, line for line: the captures
# in the README come from the tests, never from a hand edit. After a line
# "<!-- golden-part: FILE -->" the block is a run of FILE's lines.
set -u
root=$1
cd "$root" || exit 1
passes=0 fails=0
while IFS= read -r golden; do
	block=$(awk -v marker="<!-- golden: $golden -->" '
		$0 == marker { found = 1; next }
		found == 1 && /^```/ { found = 2; next }
		found == 2 && /^```/ { exit }
		found == 2 { print }' README.md)
	if [ "$block" = "$(sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$golden")" ]; then
		passes=$((passes + 1)); echo "ok - README shows $golden"
	else
		fails=$((fails + 1)); echo "not ok - README differs from $golden"
		diff <(printf '%s\n' "$block") "$golden" | head -10 | sed 's/^/    /'
	fi
done < <(sed -n 's/^<!-- golden: \(.*\) -->$/\1/p' README.md)
while IFS= read -r golden; do
	block=$(awk -v marker="<!-- golden-part: $golden -->" '
		$0 == marker { found = 1; next }
		found == 1 && /^```/ { found = 2; next }
		found == 2 && /^```/ { exit }
		found == 2 { print }' README.md)
	if python3 -c 'import sys; b = sys.argv[1]; f = open(sys.argv[2], encoding="utf-8").read()
sys.exit(0 if b and ("\n" + b + "\n") in ("\n" + f) else 1)' "$block" "$golden"; then
		passes=$((passes + 1)); echo "ok - README shows a part of $golden"
	else
		fails=$((fails + 1)); echo "not ok - README's part of $golden is not in it"
	fi
done < <(sed -n 's/^<!-- golden-part: \(.*\) -->$/\1/p' README.md)
[ $((passes + fails)) -gt 0 ] || { echo "not ok - no golden capture in README.md"; fails=1; }
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]

#!/usr/bin/env bash
# write_errors.sh BIN ROOT - a command whose output cannot be written (a full
# disk: /dev/full) says so and exits 1, whatever the command (issue 13, 2).
set -u
bin=$1 root=$2
cd "$root" || exit 1
[ -w /dev/full ] || { echo "not ok - no /dev/full on this machine"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passes=0 fails=0
while IFS= read -r args; do
	"$bin" --lang en $args >/dev/full 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "cannot write the output: No space left on device" "$tmp/err"; then
		passes=$((passes + 1))
		echo "ok - $args > /dev/full: exit 1 with a message"
	else
		fails=$((fails + 1))
		echo "not ok - $args > /dev/full: exit $rc"
		sed 's/^/    /' "$tmp/err" | head -3
	fi
done <<LIST
print
print --kommune aarhus --format csv
print --format md
check
faktaark --kommune norddjurs --year 2023
faktaark --kommune norddjurs --year 2023 --format csv
--help
--version
import --dry-run test/data/import/dst_labels.csv --into $tmp/none
LIST
"$bin" print >/dev/null 2>"$tmp/err"
if [ $? -eq 0 ] && [ ! -s "$tmp/err" ]; then
	passes=$((passes + 1)); echo "ok - a write that succeeds still exits 0"
else
	fails=$((fails + 1)); echo "not ok - a write that succeeds exits non-zero"
fi
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]

#!/usr/bin/env bash
# format_test.sh ROOT - every C file of the tree is formatted as .clang-format
# says (clang-format 14, Debian 12's). To format: clang-format -i FILE.
set -u
cd "$1" || exit 1
cf=$(command -v clang-format-14 || command -v clang-format)
if [ -z "$cf" ]; then
	echo "not ok - clang-format is not installed (scripts/deps.sh installs clang-format-14)"
	echo "0 passed, 1 failed"
	exit 1
fi
fails=0 n=0
while IFS= read -r f; do
	n=$((n + 1))
	if ! "$cf" --dry-run --Werror "$f" >/dev/null 2>&1; then
		echo "not ok - $f is not formatted (clang-format -i $f)"
		fails=$((fails + 1))
	fi
done < <(find src include test bench scripts -name '*.[ch]' -not -path '*/corpus/*' | sort)
echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]

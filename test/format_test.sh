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
mapfile -t files < <(find src include test bench scripts -name '*.[ch]' -not -path '*/corpus/*' | sort)
# one clang-format for all (a process a file took 30 s on a loaded
# machine); only when it finds something, a file at a time to name them
if "$cf" --dry-run --Werror "${files[@]}" >/dev/null 2>&1; then
	echo "${#files[@]} passed, 0 failed"
	exit 0
fi
fails=0
for f in "${files[@]}"; do
	if ! "$cf" --dry-run --Werror "$f" >/dev/null 2>&1; then
		echo "not ok - $f is not formatted (clang-format -i $f)"
		fails=$((fails + 1))
	fi
done
echo "$((${#files[@]} - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]

#!/usr/bin/env bash
# import_test.sh BIN ROOT NAME FIXTURE [ARGS...] - import FIXTURE into an empty
# directory, print the result as CSV, import it again (nothing may change),
# and compare everything with test/golden/import_NAME.out.
set -u
bin=$1 root=$2 name=$3 fixture=$4
shift 4
cd "$root" || exit 1
dir=$(mktemp -d)
out=$(mktemp)
trap 'rm -rf "$dir" "$out"' EXIT
{
	echo "## import"
	"$bin" import "$fixture" --into "$dir/data" "$@"
	echo "exit status: $?"
	echo "## files"
	(cd "$dir/data" 2>/dev/null && ls)
	echo "## print"
	"$bin" print --data "$dir/data" --no-shipped --format csv
	echo "## import again"
	"$bin" import "$fixture" --into "$dir/data" "$@" | tail -n 1
	if [ -n "${SECOND:-}" ]; then
		echo "## import $SECOND"
		"$bin" import "$SECOND" --into "$dir/data" "$@"
		echo "## check"
		"$bin" check --data "$dir/data" --no-shipped
	fi
} 2>&1 | sed "s|$dir|DIR|g" >"$out"
golden="test/golden/import_$name.out"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$out" "$golden"
	exit 0
fi
diff -u "$golden" "$out"

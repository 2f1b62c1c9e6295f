#!/usr/bin/env bash
# golden.sh BINARY SOURCE_ROOT NAME ARGS... - run ankekort from the source root
# with ARGS and compare stdout and the exit status with test/golden/NAME.out.
# Set UPDATE_GOLDEN=1 to rewrite the golden file instead.
set -u
bin=$1 root=$2 name=$3
shift 3
cd "$root" || exit 1
golden="test/golden/$name.out"
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$bin" "$@" 2>&1 | sed "s|$root|ROOT|g" >"$actual"
echo "exit status: ${PIPESTATUS[0]}" >>"$actual"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	cp "$actual" "$golden"
	exit 0
fi
if ! diff -u "$golden" "$actual"; then
	echo "golden mismatch for $name (UPDATE_GOLDEN=1 rewrites it)" >&2
	exit 1
fi

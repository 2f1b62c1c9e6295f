#!/usr/bin/env bash
# scripts/static_analysis.sh [BUILDDIR] - cppcheck and clang's scan-build
# (--status-bugs) over the program's sources: exits non-zero on any finding.
# ./check runs it; the build directory (default build-scan) is configured
# through scan-build so that every compile is analysed.
set -u
cd "$(dirname "$0")/.."
dir=${1:-build-scan}
status=0
echo "-- cppcheck"
if ! cppcheck --quiet --enable=warning,performance,portability --inline-suppr --std=c11 \
	-D_GNU_SOURCE -DANKEKORT_HAVE_FETCH=1 -I include -I build --error-exitcode=1 src; then
	status=1
fi
echo "-- scan-build"
scan=$(command -v scan-build || command -v scan-build-14)
if [ -z "$scan" ]; then
	echo "scan-build is not installed (scripts/deps.sh installs clang-tools)"
	exit 1
fi
rm -rf "$dir"
"$scan" meson setup "$dir" >/dev/null || exit 1
if ! "$scan" --status-bugs -o "$dir/reports" ninja -C "$dir" ankekort >"$dir.log" 2>&1; then
	grep -E "warning:|scan-build:" "$dir.log" | head -40
	status=1
fi
tail -1 "$dir.log"
exit $status

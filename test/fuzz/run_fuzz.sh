#!/usr/bin/env bash
# run_fuzz.sh HARNESS NAME ROOT SECONDS - run one libFuzzer harness for a
# bounded time on its seeds and every input that ever crashed it. Fails on
# any crash, leak, timeout or sanitizer report; prints the executions done.
# For a long run: run_fuzz.sh build-fuzz/test/fuzz_load load . 3600
set -u
exe=$1 name=$2 root=$3 secs=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/crashes"
"$exe" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	-print_final_stats=1 -artifact_prefix="$work/crashes/" \
	"$work/corpus" "$root/test/fuzz/seeds/$name" "$root/test/fuzz/regressions/$name" \
	>"$work/log" 2>&1
status=$?
grep -E "stat::number_of_executed_units|^#[0-9]+ *DONE" "$work/log" | tail -2
if [ $status -ne 0 ]; then
	grep -E "ERROR: |SUMMARY: |^    #[0-9]+ .* in " "$work/log" | head -30
	mkdir -p "fuzz-crashes/$name"
	for f in "$work"/crashes/*; do
		[ -e "$f" ] || continue
		cp "$f" "fuzz-crashes/$name/"
		echo "crashing input kept as $(pwd)/fuzz-crashes/$name/$(basename "$f");"
		echo "add it to test/fuzz/regressions/$name/ once fixed"
	done
	exit 1
fi

#!/usr/bin/env bash
# run_fuzz.sh - run the libFuzzer harnesses.
#
#   run_fuzz.sh HARNESS NAME ROOT SECONDS
#       one harness for a bounded time (what CI runs): its seeds, the kept
#       corpus and every input that ever crashed it; nothing is kept.
#   run_fuzz.sh --long BUILD ROOT [RUNS] [NAME...]
#       every harness of BUILD (or those named) to RUNS executions each
#       (default 10 million); what it learns is merged into the corpus kept
#       in ROOT/test/fuzz/corpus/NAME. Prints the executions done; record
#       them in docs/TESTING.md. Inputs up to 4 KiB (FUZZ_MAX_LEN), with
#       the harness's dictionary (test/fuzz/dict/NAME.dict) where there is one.
#
# Fails on any crash, leak, timeout or sanitizer report; a crashing input is
# kept under fuzz-crashes/NAME/ in the current directory.
set -u

dirs() { # the input directories that exist
	local d
	for d in "$@"; do [ -d "$d" ] && printf '%s\n' "$d"; done
}

report_failure() {
	local name=$1 work=$2
	grep -E "ERROR: |SUMMARY: |^    #[0-9]+ .* in " "$work/log" | head -30
	[ -s "$work/log" ] && ! grep -q "ERROR: " "$work/log" && tail -5 "$work/log"
	mkdir -p "fuzz-crashes/$name"
	for f in "$work"/crashes/*; do
		[ -e "$f" ] || continue
		cp "$f" "fuzz-crashes/$name/"
		echo "crashing input kept as $(pwd)/fuzz-crashes/$name/$(basename "$f");"
		echo "add it to test/fuzz/regressions/$name/ once fixed"
	done
}

run() { # run EXE NAME ROOT WORK LIMIT-OPTION
	local exe=$1 name=$2 root=$3 work=$4 limit=$5
	mkdir -p "$work/corpus" "$work/crashes"
	mapfile -t inputs < <(dirs "$root/test/fuzz/corpus/$name" "$root/test/fuzz/seeds/$name" \
		"$root/test/fuzz/regressions/$name")
	local dict=() max_len=${FUZZ_MAX_LEN:-65536}
	[ -f "$root/test/fuzz/dict/$name.dict" ] && dict=(-dict="$root/test/fuzz/dict/$name.dict")
	"$exe" "$limit" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" "${dict[@]}" \
		-print_final_stats=1 -artifact_prefix="$work/crashes/" \
		"$work/corpus" "${inputs[@]}" >"$work/log" 2>&1
}

executions() {
	sed -n 's/^stat::number_of_executed_units: *//p' "$1/log" | tail -1
}

if [ "${1:-}" != --long ]; then
	exe=$1 name=$2 root=$3 secs=$4
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	run "$exe" "$name" "$root" "$work" "-max_total_time=$secs"
	status=$?
	echo "$name: $(executions "$work") executions in $secs s"
	if [ $status -ne 0 ]; then
		report_failure "$name" "$work"
		exit 1
	fi
	exit 0
fi

build=$2 root=$3 runs=${4:-10000000}
# long runs try small inputs (a few rows reach every path; 64 KiB inputs
# made every execution slow): FUZZ_MAX_LEN overrides
export FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-4096}
shift $(($# < 4 ? $# : 4))
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
	for exe in "$build"/test/fuzz_*; do
		[ -x "$exe" ] && [ -f "$exe" ] && names+=("${exe##*/fuzz_}")
	done
fi
failed=0
for name in "${names[@]}"; do
	work=$(mktemp -d)
	start=$(date +%s)
	run "$build/test/fuzz_$name" "$name" "$root" "$work" "-runs=$runs"
	status=$?
	secs=$(($(date +%s) - start))
	# keep what was learnt, minimised, in the repository's corpus
	kept="$root/test/fuzz/corpus/$name"
	mkdir -p "$kept.new"
	mapfile -t inputs < <(dirs "$kept" "$work/corpus")
	"$build/test/fuzz_$name" -merge=1 "$kept.new" "${inputs[@]}" >/dev/null 2>&1 &&
		rm -rf "$kept" && mv "$kept.new" "$kept"
	rm -rf "$kept.new"
	echo "$name: $(executions "$work") executions in $secs s; corpus $(ls "$kept" 2>/dev/null | wc -l) inputs"
	if [ $status -ne 0 ]; then
		report_failure "$name" "$work"
		failed=1
	fi
	rm -rf "$work"
done
exit $failed

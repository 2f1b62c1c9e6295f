#!/usr/bin/env bash
# hostile_test.sh BIN ROOT - every file in test/hostile/cases.txt (and the
# large ones made here) gives the expected message with its location and
# exit status, within a few seconds, and never writes a raw escape to the output.
set -u
bin=$1 root=$2
cd "$root" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passes=0 fails=0
# 20 seconds a case (a hang or a quadratic blow-up, not a speed target: bench/run measures
# speed); a sanitizer build (several times slower by design) gets more
limit=${HOSTILE_LIMIT_MS:-20000}
# the hard stop sits well past the limit, so a slow run is reported as slow, not killed
tmo=$((limit / 1000 * 2 + 5))
H='code,kommune,area,cases,remanded,changed,rate_pct,source,source_kind,note'

generate() { # NAME FILE
	case $1 in
	1mb_field) { echo "$H"; printf '751,Aarhus,generelt,10,2,1,30,S,ministry,"'; head -c 1048576 /dev/zero | tr '\0' 'x'; echo '"'; } >"$2" ;;
	100k_columns) { printf '%s' "$H"; seq -f ',c%g' 1 100000 | tr -d '\n'; echo; printf '751,Aarhus,generelt,10,2,1,30,S,ministry,'; head -c 100000 /dev/zero | tr '\0' ','; echo; } >"$2" ;;
	10m_lines) yes x | head -n 10000000 >"$2" ;;
	5mb_line) head -c 5242880 /dev/zero | tr '\0' 'a' >"$2" ;;
	1m_bad_rows) { echo "$H"; yes '751,Aarhus,generelt,x,2,1,30,S,ministry,' | head -n 1000000; } >"$2" ;;
	100k_columns_sheet) { printf 'Kommune;År;Område;Antal sager'; seq -f ';c%g' 1 100000 | tr -d '\n'; echo; printf 'Aarhus;2022;Generelt;10'; head -c 100000 /dev/zero | tr '\0' ';'; echo; } >"$2" ;;
	40k_sources_one_figure) { echo "$H"; seq 1 40000 | awk '{ printf "751,Aarhus,generelt,100,%d,5,,Kilde %d,press,\n", $1 % 50, $1 }'; } >"$2" ;;
	esac
}

while IFS='|' read -r file mode want expect; do
	case $file in '#'* | '') continue ;; esac
	dir="$tmp/data"
	rm -rf "$dir"
	mkdir -p "$dir"
	cp datasets/municipalities.csv "$dir/"
	src="test/hostile/$file"
	if [ "${file#gen:}" != "$file" ]; then
		src="$tmp/${file#gen:}.csv"
		[ -e "$src" ] || generate "${file#gen:}" "$src"
	fi
	case $mode in
	year) cp "$src" "$dir/2022.csv" ;;
	records) cp "$src" "$dir/remanded.csv"; printf 'code,area,source,source_kind\n' >"$dir/2022.csv" ;;
	munis) cp "$src" "$dir/municipalities.csv" ;;
	esac
	start=$(date +%s%N)
	if [ "$mode" = data ]; then
		timeout "$tmo" "$bin" print --no-shipped --data "$src" >"$tmp/out" 2>&1
	else
		timeout "$tmo" "$bin" check --no-shipped --data "$dir" >"$tmp/out" 2>&1
	fi
	got=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	expect=${expect//DIR/$dir}
	expect=${expect//FILE/$src}
	problem=""
	[ "$got" = "$want" ] || problem="exit $got, expected $want"
	grep -qF -- "$expect" "$tmp/out" || problem="$problem; no line with: $expect"
	! grep -q $'\x1b' "$tmp/out" || problem="$problem; a raw escape reached the output"
	[ "$ms" -lt "$limit" ] || problem="$problem; took ${ms} ms (limit $limit)"
	if [ -z "$problem" ]; then
		passes=$((passes + 1))
		echo "ok - $file ($mode, ${ms} ms)"
	else
		fails=$((fails + 1))
		echo "not ok - $file ($mode): ${problem#; }"
		head -5 "$tmp/out" | sed 's/^/    /'
	fi
done <test/hostile/cases.txt
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]

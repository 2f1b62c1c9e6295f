#!/usr/bin/env bash
# concurrency_test.sh BIN ROOT - every writer at once against one data
# directory (issue 23): imports, a comments import, `register add`, `edit`
# and `delete`, two fetches against test/fetch/server.py, and a browser in
# tmux doing R, E and X, all started together. Three rounds: the folder
# not there yet (nor its parent), there already, and reached through a
# symbolic link (half the writers name the link, half the real folder).
# Afterwards every row, comment and entry that a writer reported as
# written is there exactly once, no entry number was given twice, and
# `check --no-shipped --data DIR` loads the folder with exit 0. Bounded:
# every process runs under `timeout`; a round takes a few seconds.
BIN=$1 ROOT=$2
. "$(dirname "$0")/e2e/lib.sh"
IMPORTS=${CONC_IMPORTS:-6}   # imports at once, one municipality each
REGISTERS=${CONC_REGISTERS:-10} # register writers: each adds, then edits or deletes its entry
tmp=$(mktemp -d)
server=""
cleanup() {
	stop_session
	[ -n "$server" ] && kill "$server" 2>/dev/null
	[ -z "${CONC_KEEP:-}" ] && rm -rf "$tmp"
}
trap cleanup EXIT
cd "$ROOT" || exit 1
ak() { timeout 60 "$BIN" --lang en "$@"; }

# -- the fetch hook: two fetches at once into the same folder. fetch takes
# the folder's lock before reading it (src/cmd/target.c), so the second adds
# nothing the first added. Set CONC_FETCH=0 to leave them out.
FETCH=${CONC_FETCH:-1}
if [ "$FETCH" = 1 ] && "$BIN" --lang en fetch --api-url http://127.0.0.1:9 --timeout 1 --into "$tmp/none" 2>&1 | grep -q "not built in"; then
	FETCH=0 # built without fetch (libcurl and jansson missing)
	echo "# fetch is not built in: the two fetches are left out"
fi
if [ "$FETCH" = 1 ]; then
	python3 test/fetch/server.py normal "$tmp/port" "$tmp/server.log" 2>"$tmp/server.err" &
	server=$!
	for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
	api="http://127.0.0.1:$(cat "$tmp/port")/v1"
fi

# The municipalities the imports use (one each), and their import files.
codes=($(awk -F, 'NR > 2 { print $1 }' datasets/municipalities.csv | head -"$IMPORTS"))
for i in $(seq 0 $((IMPORTS - 1))); do
	printf 'Kommunekode;År;Område;Antal sager;Hjemvist;Ændret/ophævet;Stadfæstet\n%s;2022;Generelt;%d;2;1;%d\n' \
		"${codes[$i]}" $((20 + i)) $((17 + i)) >"$tmp/imp-$i.csv"
done
for i in 0 1; do
	printf 'year,code,area,comment,source\n2024,%s,generelt,"Bemærkning nummer %d, samtidig.",Kommunens bemærkning %d (testdata)\n' \
		"${codes[$i]}" "$i" "$i" >"$tmp/com-$i.csv"
done

answer() { keys C-u; keys -l "$1"; keys Enter; }
# the number in the browser's status line "Entry N saved in the register"
entry_on_screen() { screen | sed -n "s/.*Entry \([0-9]*\) saved in the register.*/\1/p" | tail -1; }

round() { # NAME
	local name=$1 base="$tmp/$1" dir alt
	mkdir -p "$base"
	case $name in
	fresh) dir="$base/new/data" alt=$dir ;; # neither the folder nor its parent exists
	existing) dir="$base/data" alt=$dir && mkdir -p "$dir" ;;
	link) mkdir -p "$base/real" && ln -s "$base/real" "$base/data" && dir="$base/data" alt="$base/real" ;;
	esac
	local reg="$dir/register.csv" regalt="$alt/register.csv"
	# the browser first: it reads the register (not there yet) at start
	start 140 44 --data datasets --kommune frederikssund --year 2021 --area boernehandicap --register "$reg"
	wait_for "Frederikssund · Børnehandicap · 2021" 10 || fail "$name: the browser starts"
	# every other writer, all at once
	local pids=() i
	for i in $(seq 0 $((IMPORTS - 1))); do
		local into=$dir
		[ $((i % 2)) = 1 ] && into=$alt
		(ak import "$tmp/imp-$i.csv" --into "$into" >"$base/imp-$i.out" 2>&1; echo $? >"$base/imp-$i.rc") &
		pids+=($!)
	done
	for i in 0 1; do
		(ak import "$tmp/com-$i.csv" --into "$dir" >"$base/com-$i.out" 2>&1; echo $? >"$base/com-$i.rc") &
		pids+=($!)
	done
	for i in $(seq 0 $((REGISTERS - 1))); do
		local r=$reg
		[ $((i % 2)) = 1 ] && r=$regalt
		(
			sleep "0.$((i * 2))" # spread over the browser's first save
			ak --data datasets register add -k frederikssund -a boernehandicap -y 2021 \
				--remanded 2021-03-0$((i % 9 + 1)) --note "w$i" --register "$r" >"$base/reg-$i.out" 2>&1 || exit
			n=$(sed -n 's/^entry \([0-9]*\) added to .*/\1/p' "$base/reg-$i.out")
			echo "$n" >"$base/reg-$i.id"
			if [ $((i % 2)) = 0 ]; then
				ak --data datasets register edit --id "$n" --note "w$i edited" --register "$r" >>"$base/reg-$i.out" 2>&1 &&
					echo edited >"$base/reg-$i.done"
			else
				ak --data datasets register delete --id "$n" --register "$r" >>"$base/reg-$i.out" 2>&1 &&
					echo deleted >"$base/reg-$i.done"
			fi
		) &
		pids+=($!)
	done
	if [ "$FETCH" = 1 ]; then
		for i in 0 1; do
			local into=$dir
			[ $i = 1 ] && into=$alt
			(ak fetch --into "$into" --api-url "$api" >"$base/fetch-$i.out" 2>&1; echo $? >"$base/fetch-$i.rc") &
			pids+=($!)
		done
	fi
	# the browser's R, R, E and X while they run
	keys R
	answer "§ 41"
	answer "2021-05-01"
	keys Enter
	answer "pending"
	keys Enter
	answer "browser one"
	local k="" l=""
	wait_for "saved in the register" 20 && k=$(entry_on_screen)
	keys R
	answer "§ 42"
	answer "2021-05-02"
	keys Enter
	answer "pending"
	keys Enter
	answer "browser two"
	local i2=0
	while [ $i2 -lt 400 ]; do
		l=$(entry_on_screen)
		[ -n "$l" ] && [ "$l" != "$k" ] && break
		sleep 0.05
		i2=$((i2 + 1))
	done
	keys E
	answer "$k"
	answer "§ 41"
	keys Enter Enter Enter Enter
	answer "browser one edited"
	wait_for "Entry $k changed in the register" 20
	keys X
	answer "$l"
	keys y
	wait_for "Entry $l deleted from the register" 20
	wait "${pids[@]}"
	if [ -n "$k" ] && [ -n "$l" ] && screen | grep -qF "Entry $l deleted from the register"; then
		pass "$name: the browser saved $k and $l, changed $k and deleted $l"
	else
		fail "$name: the browser's R, R, E, X (entries '$k' and '$l')"
	fi
	keys q
	stop_session

	# -- what each writer reported is there exactly once
	local bad=0
	for i in $(seq 0 $((IMPORTS - 1))); do
		[ "$(cat "$base/imp-$i.rc")" = 0 ] && grep -q "^1 row added" "$base/imp-$i.out" || {
			bad=1
			sed 's/^/    /' "$base/imp-$i.out" | head -5
		}
		[ "$(grep -c "^${codes[$i]},.*,generelt,.*,$((20 + i)),.*Regneark imp-$i.csv" "$alt/2022.csv")" = 1 ] || bad=1
	done
	if [ $bad = 0 ]; then pass "$name: $IMPORTS imports at once: each reported its row, each row is there once"; else fail "$name: imports"; fi
	bad=0
	for i in 0 1; do
		[ "$(cat "$base/com-$i.rc")" = 0 ] && grep -q "comments: 1 added" "$base/com-$i.out" || bad=1
		[ "$(grep -c "Bemærkning nummer $i, samtidig" "$alt/comments.csv")" = 1 ] || bad=1
	done
	if [ $bad = 0 ]; then pass "$name: two comments imports: each comment there once"; else fail "$name: comments"; cat "$base"/com-*.out; fi
	ak --data datasets register list --format csv --register "$regalt" >"$base/list.csv" 2>"$base/list.err"
	bad=0
	local ids=""
	for i in $(seq 0 $((REGISTERS - 1))); do
		local n
		n=$(cat "$base/reg-$i.id" 2>/dev/null)
		[ -n "$n" ] && [ -f "$base/reg-$i.done" ] || {
			bad=1
			sed 's/^/    /' "$base/reg-$i.out"
			continue
		}
		ids="$ids $n"
		if [ $((i % 2)) = 0 ]; then
			[ "$(grep -c "^$n,.*,w$i edited$" "$base/list.csv")" = 1 ] || bad=1
		else
			! grep -q "^$n," "$base/list.csv" || bad=1
		fi
	done
	ids="$ids $k $l"
	[ "$(tr ' ' '\n' <<<"$ids" | grep -c .)" = "$(tr ' ' '\n' <<<"$ids" | grep . | sort -u | wc -l)" ] || {
		bad=1
		echo "    a number given twice:$ids"
	}
	[ "$(grep -c "^$k,.*,browser one edited$" "$base/list.csv")" = 1 ] && ! grep -q "^$l," "$base/list.csv" || bad=1
	# entries left: the edited ones and the browser's first
	[ "$(($(wc -l <"$base/list.csv") - 1))" = $(((REGISTERS + 1) / 2 + 1)) ] || bad=1
	if [ $bad = 0 ]; then
		pass "$name: $REGISTERS register writers and the browser: every entry reported is there once, no number given twice"
	else
		fail "$name: the register"
		sed 's/^/    /' "$base/list.csv"
	fi
	if [ "$FETCH" = 1 ]; then
		if [ "$(cat "$base/fetch-0.rc")" = 0 ] && [ "$(cat "$base/fetch-1.rc")" = 0 ] &&
			[ "$(cat "$base"/fetch-*.out | grep -c "^1188 rows added, 0 identical")" = 1 ] &&
			[ "$(cat "$base"/fetch-*.out | grep -c "^0 rows added, 1188 identical")" = 1 ]; then
			pass "$name: two fetches at once: one adds the 1188 rows, the other finds them there"
		else
			fail "$name: two fetches"
			cat "$base"/fetch-*.out | grep "rows added" | sed 's/^/    /'
		fi
	fi
	if ak check --no-shipped --data "$dir" >"$base/check.out" 2>&1; then
		pass "$name: the folder loads (check exit 0)"
	else
		fail "$name: check"
		grep error "$base/check.out" | head -5 | sed 's/^/    /'
	fi
	if ls -a "$alt" | grep -q '\.tmp'; then fail "$name: a temporary file is left"; else pass "$name: no temporary file left"; fi
}

started=$(date +%s)
for r in ${CONC_ROUNDS:-fresh existing link}; do round "$r"; done
echo "# $(($(date +%s) - started)) s for three rounds"
finish

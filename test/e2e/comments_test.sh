#!/usr/bin/env bash
# comments_test.sh BIN ROOT - a municipality's own comments (issue 15, 5):
# import reads a comments file into DIR/comments.csv (again: nothing
# added; an unknown code: file:line:column, nothing written), the
# directory loads, and the fact sheet and the breakdown show them.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'stop_session; rm -rf "$dir"' EXIT
cp "$ROOT"/datasets/*.csv "$dir/"
cat >"$dir/in.csv" <<'CSV'
year,code,area,comment,source
2024,751,generelt,"Vi følger op på de hjemviste sager, én for én.",Aarhus Kommune: bemærkning (testdata)
CSV
out=$("$BIN" --lang en import "$dir/in.csv" --into "$dir" 2>&1)
if grep -q "adding 1 comment to $dir/comments.csv" <<<"$out" && grep -q '^2024,751,generelt,"Vi følger op på de hjemviste sager, én for én.",Aarhus Kommune: bemærkning (testdata),,$' "$dir/comments.csv"; then
	pass "a comments file is imported into comments.csv"
else
	fail "import of comments: $out"
fi
out=$("$BIN" --lang en import "$dir/in.csv" --into "$dir" 2>&1)
if grep -q "comments: 0 added, 1 already there" <<<"$out" && [ "$(wc -l <"$dir/comments.csv")" = 2 ]; then
	pass "importing it again adds nothing"
else
	fail "second import: $out"
fi
printf 'year,code,area,comment,source\n2024,998,,x,y\n' >"$dir/bad.csv"
before=$(md5sum <"$dir/comments.csv")
"$BIN" --lang en import "$dir/bad.csv" --into "$dir" >"$dir/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "bad.csv:2:6: error: code: expected a code listed in municipalities.csv, found 998" "$dir/out" && [ "$(md5sum <"$dir/comments.csv")" = "$before" ]; then
	pass "an unknown code: file:line:column, exit 1, nothing written"
else
	fail "bad comments file (exit $rc)"; cat "$dir/out"
fi
if "$BIN" --lang en check --no-shipped --data "$dir" | grep -q "^0 errors"; then pass "the directory loads"; else fail "check"; fi
if "$BIN" --lang en faktaark --no-shipped --data "$dir" -k aarhus -y 2024 | grep -q "^- Generelt: Vi følger op på de hjemviste sager, én for én. (Aarhus Kommune: bemærkning (testdata))$"; then
	pass "the fact sheet shows the comment"
else
	fail "fact sheet comment"
fi
start 120 40 --no-shipped --data "$dir" --kommune aarhus --year 2024 --lang en
expect "the breakdown shows the comment" "The municipality's comment (Aarhus Kommune: bemærkning (testdata)): Vi følger"
finish

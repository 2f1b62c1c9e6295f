#!/usr/bin/env bash
# register_test.sh BIN ROOT - the register of remanded cases from the
# browser (issue 15, 1): R asks the fields one by one in the status line
# and saves; the pane tallies and lists the entry; E changes it; X deletes
# it after a yes; Esc leaves without a change; a CPR number is refused.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'stop_session; rm -rf "$dir"' EXIT
reg="$dir/register.csv"
answer() { keys C-u; keys -l "$1"; keys Enter; }

start 140 44 --data datasets --kommune frederikssund --year 2021 --area boernehandicap --register "$reg"
expect "starts on Frederikssund" "Frederikssund · Børnehandicap · 2021"
keys R
expect "R asks for the paragraph" "Paragraph (e.g. § 41):"
answer "§ 41"
expect "then the day of the remand" "Remanded on (YYYY-MM-DD):"
answer "2021-02-30"
expect "a day that does not exist is not taken" '"2021-02-30" is not a date such as 2024-03-15'
answer "2021-03-02"
expect "then the new decision" "New decision on (YYYY-MM-DD, empty while pending):"
answer "2021-06-01"
expect "then the outcome, pending offered" "Outcome: pending, favour, partly, same, withdrawn, appealed_again: pending"
answer "favour"
answer "information"
expect "then the note" "Note (never a name or a CPR number):"
answer "borger 010203-1234"
expect "a CPR number is refused" "looks like a CPR number"
answer "ny udtalelse fra skolen"
expect "saved" "Entry 1 saved in the register"
if grep -q '^1,250,boernehandicap,2021,§ 41,2021-03-02,2021-06-01,favour,information,ny udtalelse fra skolen$' "$reg"; then
	pass "the entry is in the file"
else
	fail "the file"; cat "$reg"
fi
expect "the pane tallies it beside the statistics" "Børnehandicap 2021: 1 remanded case registered, of the 14 the statistics report."
expect "and lists it with its number" "#1 § 41 remanded 2021-03-02: new decision in the citizen's favour 2021-06-01"
keys E
expect "E asks for the number" "Change entry number:"
answer "1"
answer "§ 42"
keys Enter Enter
answer "same"
keys Enter Enter
expect "changed" "Entry 1 changed in the register"
expect "the pane shows the change" "#1 § 42 remanded 2021-03-02: the same decision 2021-06-01"
keys R
answer "§ 41"
keys Escape
expect "Esc leaves without a change" "Nothing changed in the register"
# another writer while the browser is open: the browser's next save keeps
# the entry the command added (it re-reads the file under the lock)
(cd "$ROOT" && "$BIN" --lang en --data datasets register add -k frederikssund -a boernehandicap \
	-y 2021 --paragraph "§ 32" --remanded 2021-04-01 --register "$reg" >"$dir/cli.out" 2>&1)
if grep -q '^2,250,boernehandicap,2021,§ 32,2021-04-01,' "$reg"; then
	pass "a command adds entry 2 while the browser is open"
else
	fail "the command's entry"; cat "$dir/cli.out" "$reg"
fi
keys R
answer "§ 45"
answer "2021-05-05"
keys Enter
answer "pending"
keys Enter Enter
expect "the browser saves entry 3" "Entry 3 saved in the register"
if grep -q '^2,250,boernehandicap,2021,§ 32,2021-04-01,' "$reg" && grep -q '^3,250,boernehandicap,2021,§ 45,2021-05-05,' "$reg"; then
	pass "both writers' entries are in the file"
else
	fail "two writers"; cat "$reg"
fi
# issue 23: E open on entry 3 while a command deletes it and adds a new
# case: the new case gets number 4 (3 is never given again) and the
# browser's save is refused, the new case kept
cli() { (cd "$ROOT" && "$BIN" --lang en --data datasets register "$@" --register "$reg" >"$dir/cli.out" 2>&1); }
keys E
answer "3"
expect "E on entry 3" "Paragraph (e.g. § 41): § 45"
cli delete --id 3
cli add -k frederikssund -a boernehandicap -y 2021 --paragraph "§ 36" --remanded 2021-06-06
answer "§ 44"
keys Enter Enter Enter Enter Enter
expect "the save is refused: entry 3 is gone" "Not saved: entry 3 is no longer in the register"
if grep -q '^4,250,boernehandicap,2021,§ 36,2021-06-06,' "$reg" && ! grep -q '^3,' "$reg"; then
	pass "the new case has number 4 and is kept; 3 stays deleted"
else
	fail "a number given twice"; cat "$reg"
fi
# changed under an open E: refused by content, the other change kept
keys E
answer "4"
expect "E on entry 4" "Paragraph (e.g. § 41): § 36"
cli edit --id 4 --note "rettet andetsteds"
answer "§ 44"
keys Enter Enter Enter Enter Enter
expect "the save is refused: entry 4 changed" "Not saved: entry 4 was changed by another ankekort since it was read"
if grep -q '^4,250,boernehandicap,2021,§ 36,.*,rettet andetsteds$' "$reg"; then
	pass "the other writer's change is kept"
else
	fail "a change overwritten"; cat "$reg"
fi
keys X
answer "4"
cli edit --id 4 --note "igen"
keys y
expect "X refused too when the entry changed" "Not saved: entry 4 was changed by another ankekort since it was read"
keys X
answer "4"
keys y
expect "entry 4 deleted" "Entry 4 deleted from the register"
keys X
answer "2"
keys y
expect "entry 2 deleted" "Entry 2 deleted from the register"
keys X
answer "9"
expect "an unknown number names the entries there are (issue 26)" "no entry 9 in the register; its entry is number 1"
keys Escape
keys X
answer "1"
expect "X asks before deleting" "Delete it? (y/n)"
keys y
expect "deleted" "Entry 1 deleted from the register"
if [ "$(grep -c '^[0-9]' "$reg")" = 0 ]; then pass "the file has no entry left"; else fail "delete"; cat "$reg"; fi
finish

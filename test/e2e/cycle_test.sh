#!/usr/bin/env bash
# cycle_test.sh BIN ROOT - the § 79 b cycle record in the browser (issue 27,
# 1), on the synthetic record of test/data/cycle (never in datasets/) as of
# a fixed day: the status line says what is due for the municipality
# selected, in English and Danish; nothing for one the record does not name;
# a step added from the command line shows on the next start; the view on
# key a shows the steps and what is due, and exports them; in the view A
# adds a step, C changes one and D deletes one, in the file and on screen.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'stop_session; rm -rf "$dir"' EXIT
cp "$ROOT/test/data/cycle/cycle.csv" "$dir/cycle.csv"

E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20"
start 200 40 --data datasets --kommune norddjurs --cycle "$dir/cycle.csv"
expect "the status line says what is due" "2024 maps: discussed in committee 12 Nov, no council meeting recorded; the deadline is 31 Dec |"
keys Home
expect_not "nothing for a municipality the record does not name" "2024 maps:"
stop_session

E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20" "$BIN" --data "$ROOT/datasets" cycle add council -k norddjurs -y 2024 --date 2025-11-19 --cycle "$dir/cycle.csv" >/dev/null
start 200 40 --data datasets --kommune norddjurs --cycle "$dir/cycle.csv"
expect "the council meeting recorded: the decision is due" "2024 maps: discussed by the council 19 Nov, no decision on an action plan recorded; the deadline is 31 Dec"
stop_session

E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2026-01-05"
start 200 40 --lang da --data datasets --kommune frederikssund --cycle "$dir/cycle.csv"
expect "in Danish, with the year once it is past" "2024-kortene: besluttet 29. okt. 2025: ingen handleplan; Ankestyrelsen ikke orienteret"
stop_session

# the cycle view (a): the steps and what is due, by year; its export
E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20"
start 100 40 --data datasets --kommune frederikssund --cycle "$dir/cycle.csv"
keys a
expect "a opens the cycle view" "§ 79 b cycle · Frederikssund  as of 20 Nov 2025"
expect "the steps recorded up to the day and after" "29 Oct 2025: decision on an action plan: no action plan"
expect "what is due, with the provision" "Not yet recorded: 2024 maps: decided 29 Oct: no action plan; Ankestyrelsen"
keys e
expect "its export proposes a file name" "forloeb-frederikssund"
keys C-u
keys -l "$dir/forloeb.md"
keys Enter
expect "exported" "Exported to $dir/forloeb.md"
if grep -q "^# § 79 b cycle: Frederikssund" "$dir/forloeb.md" && grep -q "^- 2 Feb 2026: order from Ankestyrelsen, deadline 1 May 2026" "$dir/forloeb.md"; then
	pass "the export holds the steps"
else
	fail "the export holds the steps"
	cat "$dir/forloeb.md"
fi

# A: a step added from the view (number 14: 13 was added above), its
# fields asked one after the other
keys A
expect "A asks for the kind" "Kind: published, committee, council"
keys C-u
keys -l "report"
keys Enter
expect "then the year of the maps" "Year of the maps' figures"
keys C-u
keys -l "2024"
keys Enter
keys -l "2026-02-30x"
keys Enter
expect "a wrong date is said and asked again" "\"2026-02-30x\" is not a date such as 2025-11-12"
keys C-u
keys -l "2026-03-01"
keys Enter
expect "a report has no plan or deadline: the text next" "Text: the committee, the report"
keys -l "Status: 12 sager gennemgået"
keys Enter
expect "said on the status line" "Step 14 saved in the cycle record"
expect "shown with its number" "[14] 1 Mar 2026: status report (Status: 12 sager gennemgået)"
if grep -qx '14,250,2024,report,2026-03-01,,,,,Status: 12 sager gennemgået' "$dir/cycle.csv"; then
	pass "the step is in the file"
else
	fail "the step is in the file"
	cat "$dir/cycle.csv"
fi

# C: the newest step offered; its text changed
keys C
expect "C asks for the number, the newest offered" "Change step number: 14"
keys Enter Enter Enter Enter
expect "the text offered" "no CPR): Status: 12 sager gennemgået"
keys C-u
keys -l "Status: 20 sager gennemgået"
keys Enter
expect "changed" "Step 14 changed in the cycle record"
expect "the change shown" "[14] 1 Mar 2026: status report (Status: 20 sager gennemgået)"
if grep -qx '14,250,2024,report,2026-03-01,,,,,Status: 20 sager gennemgået' "$dir/cycle.csv"; then
	pass "the change is in the file"
else
	fail "the change is in the file"
	cat "$dir/cycle.csv"
fi

# D: asks first; n keeps the step, y deletes it
keys D
expect "D asks for the number" "Delete step number: 14"
keys Enter
expect "and asks first" "Delete it? (y/n)"
keys n
expect "n keeps it" "Nothing changed in the cycle record"
keys D Enter y
expect "deleted" "Step 14 deleted from the cycle record"
expect_not "gone from the screen" "[14] 1 Mar 2026"
if ! grep -q '^14,' "$dir/cycle.csv" && grep -q '^12,250,2024,order' "$dir/cycle.csv"; then
	pass "gone from the file, the others kept"
else
	fail "gone from the file, the others kept"
	cat "$dir/cycle.csv"
fi

keys a
expect "a again closes it" "Generelt 2024:"

# without a record the browser still adds one where the default would be
E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20 XDG_DATA_HOME=$dir/xdg"
start 100 40 --data datasets --kommune frederikssund
keys a
expect "no record yet" "No cycle record is loaded."
keys A C-u
keys -l "council"
keys Enter C-u
keys -l "2024"
keys Enter
keys -l "2025-10-29"
keys Enter Enter
expect "the first step saved" "Step 1 saved in the cycle record"
expect "and shown at once" "[1] 29 Oct 2025: council meeting"
if grep -qx '1,250,2024,council,2025-10-29,,,,,' "$dir/xdg/ankekort/cycle.csv"; then
	pass "the record made in the data directory"
else
	fail "the record made in the data directory"
fi
finish

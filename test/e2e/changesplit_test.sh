#!/usr/bin/env bash
# changesplit_test.sh BIN ROOT - what a change in reversed cases is made of,
# in the breakdown and the year-over-year view (issue 27, 3), on the
# synthetic figures of test/data/changesplit.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
trap 'stop_session' EXIT
fixture="--data test/data/changesplit --no-shipped --kommune norddjurs"

start 150 40 $fixture --year 2023
expect "starts on Norddjurs" "Norddjurs · Generelt · 2023"
expect "the breakdown splits the change" "12 more reversals than in 2022 (20 of 100, now 32 of 120): 4 from"
expect "both parts named" "4 from more complaints, 8 from a higher share"
expect "dismissed beside the rate, never in it" "Dismissed or referred (afvist/henvist): 150 appeals, not decided on the merits: not among the 120"
expect "the Talportal's afvisningsprocent said as what it is" "\"afvisningsprocent\" would be 125.0 %: 150 per 120 cases"
keys d
expect "year-over-year view" "Year over year: Norddjurs"
expect "the column of the split" "Reversed ± (n / rate)"
expect "2023: +12, of it +4 from the cases and +8 from the rate" "+12 (+4 / +8)"
expect "across the gap from 2019: the parts pull apart" "-1 (-3 / +2)"
expect "no change, no parts" "0 (0 / 0)"
expect "dismissed: a column of its own beside the cases" "Cases    Dismissed"
expect "2023: 150 dismissed beside the 120 cases, the rate of the 120" "26.7      120          150"
keys Escape

# a gap: the year compared with is named
start 130 40 $fixture --year 2022 --area voksenhandicap
expect "voksenhandicap 2022" "Norddjurs · Voksenhandicap · 2022"
expect "a part against the change carries its sign" "1 fewer reversal than in 2019 (10 of 40, now 9 of 30): 3 from fewer"
expect "the gap is named" "2019 is the last earlier year with a figure."

# the last earlier figure has no counts: nothing is said, not a guess
start 130 40 $fixture --year 2022 --area generelt
expect "generelt 2022" "Norddjurs · Generelt · 2022"
expect "the rate is shown" "20.0 %"
expect_not "no split against 2020's published rate" "reversals than in"

start 130 40 $fixture --year 2023 --lang da
expect "in Danish" "12 flere omgørelser end i 2022 (20 af 100, nu 32 af 120): 4 fra flere"
expect "dismissed in Danish" "Afvist eller henvist: 150 klager, ikke realitetsbehandlet"
finish

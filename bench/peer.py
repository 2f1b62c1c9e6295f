#!/usr/bin/env python3
"""bench/peer.py FILE - the peer bench/run measures ankekort against: Python's
csv module reading a Statistikbanken-layout file (bench/gen) into the same
aggregate as `ankekort import --dry-run` - per year and municipality the
upheld, changed and remanded counts, dismissals and totals passed over,
rows counted - and printing a summary. It neither maps paragraphs to areas
nor checks repeated keys (ankekort does both): a lower bound for a Python
tool."""
import csv
import sys

MEASURE = {"Stadfæstelse": 0, "Ændring/ophævelse": 1, "Hjemvisning": 2}


def main():
    cells = {}
    read = used = passed = 0
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows)
        for muni, _par, decision, period, value in rows:
            read += 1
            m = MEASURE.get(decision)
            if m is None:
                passed += 1
                continue
            code = muni.split(" ", 1)[0]
            cell = cells.get((period, code))
            if cell is None:
                cell = cells[(period, code)] = [0, 0, 0]
            cell[m] += int(value)
            used += 1
    print(f"{read} rows read, {used} used, {passed} passed over, {len(cells)} figures")


if __name__ == "__main__":
    main()

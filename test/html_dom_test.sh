#!/usr/bin/env bash
# html_dom_test.sh BIN ROOT - the HTML fact sheet as a browser reads it
# (issue 15, 4): headless Chromium (Debian's) parses the file and prints
# its DOM; the table cells are checked there, against the figures; the page
# has no script and no external resource; hostile names stay text.
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
	echo "not ok - chromium is not installed (scripts/deps.sh installs it)"
	echo "0 passed, 1 failed"
	exit 1
fi
dom() { # dom FILE - the DOM after parsing, as Chromium serialises it
	timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$dir/profile" --dump-dom "file://$1" 2>/dev/null
}
# cells FILE TABLE - every cell of the TABLE-th table (1-based), one row a
# line, cells joined by " | ", from the DOM
cells() {
	python3 - "$1" "$2" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tables = []; self.depth = 0; self.cell = None; self.row = None
    def handle_starttag(self, tag, attrs):
        if tag == "table": self.tables.append([])
        elif tag == "tr": self.row = []
        elif tag in ("td", "th"): self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None: self.row.append(self.cell.strip()); self.cell = None
        elif tag == "tr" and self.row is not None: self.tables[-1].append(self.row); self.row = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
for row in p.tables[int(sys.argv[2]) - 1]: print(" | ".join(row))
PY
}

"$bin" faktaark --data datasets -k København -y 2024 -o "$dir/kbh.html"
dom "$dir/kbh.html" >"$dir/kbh.dom"
check "Chromium reads the page" '[ -s "$dir/kbh.dom" ] && grep -q "<h1>Fact sheet: reversal rates for København, 2024</h1>" "$dir/kbh.dom"'
cells "$dir/kbh.dom" 1 >"$dir/t1"
check "the committee table: three areas and the nation's, no empty column" '[ "$(wc -l <"$dir/t1")" = 7 ] && head -1 "$dir/t1" | grep -qx " | Reversed | Changed/annulled | Remanded | Difference (points)"'
check "København 2024 generelt as published: 40 % (9 / 31), national 45 %" 'grep -qx "København: Generelt | 40 % | 9 % | 31 % | -5" "$dir/t1" && grep -qx "All of Denmark: Generelt | 45 % | 7 % | 38 % | –" "$dir/t1"'
cells "$dir/kbh.dom" 2 >"$dir/t2"
check "the peer table: Aarhus 39 (33 / 6) and the nation last" 'grep -q "^Aarhus | 39 (33 / 6) | " "$dir/t2" && tail -1 "$dir/t2" | grep -q "^All of Denmark | 45 "'
check "no script, no external resource" '! grep -qi "<script\|<link\|src=\|@import\|url(" "$dir/kbh.html"'
"$bin" --lang da faktaark --data datasets -k København -y 2024 --cells papers -o "$dir/da.html"
dom "$dir/da.html" >"$dir/da.dom"
cells "$dir/da.dom" 2 >"$dir/d2"
check "Danish, the papers' own cells" 'grep -q "^Aarhus | 39 pct. (heraf 33 pct. hjemviste og 6 pct. ændrede) | " "$dir/d2" && grep -q "<html lang=\"da\">" "$dir/da.dom"'
# a hostile name: markup and control characters stay text
mkdir "$dir/data"
cp datasets/*.csv "$dir/data/"
sed -i 's/^101,København,/101,"<b>Kø<\/b><script>x()<\/script>\x1b[31m",/' "$dir/data/municipalities.csv"
"$bin" faktaark --no-shipped --data "$dir/data" --lenient -k 101 -y 2024 -o "$dir/h.html" 2>/dev/null
dom "$dir/h.html" >"$dir/h.dom"
check "a name with markup is text, not markup" '! grep -q "<script>" "$dir/h.dom" && grep -q "&lt;b&gt;Kø&lt;/b&gt;&lt;script&gt;" "$dir/h.dom" && ! grep -q "$(printf "\\033")" "$dir/h.html"'
check_done

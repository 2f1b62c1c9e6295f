#!/usr/bin/env bash
# markup_test.sh BIN ROOT - names, notes, sources and source_url from the
# data never reach Markdown (or HTML) as live markup or a link that is not
# http(s) (issue 23): <script>, <img onerror>, a [link](javascript:...) in a
# note and a javascript: source_url; the loader warns at the URL's place
# and leaves it out.
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir tmp
check_details=$tmp/err
mkdir "$tmp/d"
cp datasets/municipalities.csv "$tmp/d/"
sed -i 's/^851,Aalborg,/851,Aalborg<script>alert(1)<\/script>,/' "$tmp/d/municipalities.csv"
{
	head -1 datasets/2024.csv
	echo '851,,generelt,,40,30,6,4,,,,,,,,,"Avisen <img src=x onerror=alert(1)>",press,2024,javascript:alert(1),"Se [her](javascript:alert(2)) & <b>fed</b> \[x\]"'
	echo '851,,boernehandicap,,20,15,3,2,,,,,,,,,"Bladet",press,2024,"https://example.org/a""onmouseover=alert(3)",'
	echo '851,,voksenhandicap,,20,15,3,2,,,,,,,,,"Kilden",press,2024,https://example.org/ok,'
} >"$tmp/d/2024.csv"
run() { "$bin" --lang en --no-shipped --data "$tmp/d" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
run check
cat "$tmp/out" >>"$tmp/err"
check "a javascript: source_url: a warning at its place" 'grep -qF "$tmp/d/2024.csv:2:" "$tmp/err" && grep -q "source_url: expected a web address beginning https:// or http://, found \"javascript:alert(1)\"; it is left out" "$tmp/err" && [ $rc -eq 0 ]'
check "an address with a quote in it: a warning too" 'grep -qF "$tmp/d/2024.csv:3:" "$tmp/err" && grep -qF "found \"https://example.org/a\"onmouseover" "$tmp/err"'
run faktaark -k aalborg -y 2024 --format md
cp "$tmp/out" "$tmp/md"
check "Markdown: the fact sheet is written" '[ $rc -eq 0 ] && grep -q "Aalborg" "$tmp/md"'
check "Markdown: no live tag from a name, a source or a note" '! grep -qiE "<(script|img|b)[ >]" "$tmp/md"'
check "Markdown: the tags are text (&lt;)" 'grep -qF "Aalborg&lt;script&gt;alert(1)&lt;/script&gt;" "$tmp/md" && grep -qF "Avisen &lt;img src=x onerror=alert(1)&gt;" "$tmp/md"'
check "Markdown: no javascript: link (the note's brackets escaped)" '! grep -qE "(^|[^\\])\]\(javascript:" "$tmp/md" && grep -qF "Se \[her\](javascript:alert(2))" "$tmp/md" && ! grep -q "javascript:alert(1)" "$tmp/md"'
check "Markdown: the http address is a link" 'grep -qF "](https://example.org/ok)" "$tmp/md"'
run print -k aalborg -y 2024 --format md
check "print md: the name escaped" '! grep -qi "<script" "$tmp/out" && grep -qF "&lt;script&gt;" "$tmp/out"'
run faktaark -k aalborg -y 2024 --format html
check "HTML: no javascript: and no tag either" '! grep -q "javascript:alert(1)" "$tmp/out" && ! grep -qi "<script" "$tmp/out" && ! grep -q "href=\"[^h]" "$tmp/out"'
printf 'year,code,area,comment,source,source_url\n2024,851,generelt,"Vores <img src=x onerror=alert(4)>",Kommunen,javascript:alert(5)\n' >"$tmp/d/comments.csv"
run faktaark -k aalborg -y 2024 --format md
check "a comment's markup and source_url" '! grep -qi "<img" "$tmp/out" && ! grep -q "javascript:alert(5)" "$tmp/out" && grep -qF "comments.csv:2:" "$tmp/err"'
check_done

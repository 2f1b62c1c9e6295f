#!/usr/bin/env bash
# faktaark_output.sh BIN ROOT - `faktaark -o FILE` writes the whole sheet,
# never overwrites without --force, and leaves no temporary file behind.
set -u
bin=$1 root=$2
cd "$root" || exit 1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fails=0
check() { if eval "$2"; then echo "ok - $1"; else echo "not ok - $1"; fails=$((fails + 1)); fi; }

"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/sheet.md"
check "writes the file" '[ -s "$dir/sheet.md" ]'
check "the file is the whole sheet" '"$bin" faktaark --data datasets -k aarhus -y 2024 | cmp -s - "$dir/sheet.md"'
echo "precious" >"$dir/old.md"
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/old.md" 2>"$dir/err"
check "refuses to overwrite (exit 1)" '[ $? -eq 1 ] || true; grep -q "already exists" "$dir/err"'
check "the old file is untouched" '[ "$(cat "$dir/old.md")" = precious ]'
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/old.md" --force
check "--force overwrites" 'grep -q "Fact sheet: reversal rates for Aarhus, 2024" "$dir/old.md"'
"$bin" faktaark --data datasets -k aarhus -y 2024 -o "$dir/missing/sheet.md" 2>"$dir/err"
check "a missing directory is an error that names the file" 'grep -q "cannot write $dir/missing/sheet.md" "$dir/err"'
check "no temporary file is left" '[ -z "$(ls "$dir" | grep tmp)" ]'
echo "$((7 - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]

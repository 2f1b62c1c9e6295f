#!/usr/bin/env bash
# lazylibs_test.sh BIN ROOT [static|shared] - the libraries only some commands need (libzip
# and expat to read an Excel workbook, libxlsxwriter to write one, libcurl to
# fetch)
# are not linked, so no start of ankekort pays for loading them and what
# they bring (libcrypto); they are opened when first needed. When one
# cannot be opened, the command names the Debian package to install, exits
# 1 and writes nothing (import says it among the file's problems, on
# standard output like the others); the commands that do not need it run
# as before.
# A library that "cannot be opened" is one of the same name in a directory
# first on LD_LIBRARY_PATH: a file that is no library, or a library without
# the functions ankekort calls.
# With "static" (meson option static_libs) ncursesw, libtinfo and libcsv are
# linked from their archives: no start pays the dynamic loader for them.
set -u
bin=$1 root=$2 linking=${3:-shared}
# shellcheck source=test/lib_check.sh
. "$root/test/lib_check.sh"
check_tmpdir tmp
cd "$root" || exit 1

needed=$(readelf -d "$bin" | grep NEEDED)
check "not linked: libzip, expat, libxlsxwriter, libcurl, libcrypto, libminizip, libbz2" \
	'[ -n "$needed" ] && ! grep -qE "lib(zip|expat|xlsxwriter|curl|crypto|minizip|bz2)" <<<"$needed"'
if [ "$linking" = static ]; then
	check "linked from their archives: ncursesw, libtinfo, libcsv" \
		'! grep -qE "lib(ncursesw|tinfo|csv)\.so" <<<"$needed"'
fi

mkdir "$tmp/junk" "$tmp/empty"
echo "not a library" >"$tmp/junk/libzip.so.4"
echo "not a library" >"$tmp/junk/libxlsxwriter.so.4"
mkdir "$tmp/junk-expat" "$tmp/empty-expat"
echo "not a library" >"$tmp/junk-expat/libexpat.so.1"
# libraries of those names without a function ankekort calls, where a
# compiler is at hand
cc=${CC:-cc}
if command -v "$cc" >/dev/null &&
	echo 'int ankekort_nothing;' | "$cc" -shared -fPIC -x c - -o "$tmp/empty/libzip.so.4" &&
	cp "$tmp/empty/libzip.so.4" "$tmp/empty/libxlsxwriter.so.4" &&
	cp "$tmp/empty/libzip.so.4" "$tmp/empty-expat/libexpat.so.1"; then
	dirs="junk empty"
else
	echo "# no C compiler ($cc): the library without the functions is not tried"
	dirs="junk"
fi

xlsx=test/data/import/talportal_excel.xlsx
# workbook_refused DIR WHAT NEEDS: import of the workbook with DIR first on
# LD_LIBRARY_PATH says NEEDS (the sentence up to the loader's words), exits
# 1 and writes nothing
workbook_refused() {
	local dir=$tmp/$1 needs=$3
	LD_LIBRARY_PATH="$dir" "$bin" import "$xlsx" --into "$dir-into" >"$tmp/out" 2>&1
	rc=$?
	check_details=$tmp/out
	check "$2: import of a workbook says the package, exit 1" \
		'[ $rc -eq 1 ] && grep -q "^$xlsx: error: $needs: $dir/" "$tmp/out"'
	check "$2: nothing written" '[ -z "$(ls -A "$dir-into" 2>/dev/null)" ]'
}
for d in $dirs; do
	workbook_refused "$d" "$d libzip" "reading an Excel workbook needs libzip (Debian: libzip4)"
	# libzip opens, expat does not: the workbook is not read either
	workbook_refused "$d-expat" "$d expat" "reading an Excel workbook needs expat (Debian: libexpat1)"
	LD_LIBRARY_PATH="$tmp/$d" "$bin" import test/data/import/talportal_latin1.csv \
		--into "$tmp/$d-csv" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "$d libzip: a CSV is imported as before" '[ $rc -eq 0 ] && ls "$tmp/$d-csv"/2*.csv >/dev/null'

	mkdir "$tmp/$d-out"
	LD_LIBRARY_PATH="$tmp/$d" TMPDIR="$tmp/$d-out" "$bin" faktaark --data datasets -k norddjurs \
		-y 2023 -o "$tmp/$d-out/n.xlsx" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check_details=$tmp/err
	check "$d libxlsxwriter: faktaark -o FILE.xlsx says the package, exit 1" \
		'[ $rc -eq 1 ] && grep -q "^ankekort: writing an Excel workbook needs libxlsxwriter (Debian: libxlsxwriter4): $tmp/$d/libxlsxwriter.so.4: " "$tmp/err" && [ ! -s "$tmp/out" ]'
	check "$d libxlsxwriter: no workbook, no temporary file" '[ -z "$(ls -A "$tmp/$d-out")" ]'
	LD_LIBRARY_PATH="$tmp/$d" "$bin" faktaark --data datasets -k norddjurs -y 2023 \
		-o "$tmp/$d-out/n.md" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "$d libxlsxwriter: a Markdown fact sheet is written as before" '[ $rc -eq 0 ] && grep -q "Norddjurs" "$tmp/$d-out/n.md"'
	check_details=
done
check_done

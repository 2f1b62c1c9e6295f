#!/usr/bin/env bash
# install_test.sh BUILDDIR ROOT - `meson install` into a temporary DESTDIR:
# the installed program finds its data, its man page, its translation and
# its shell completion, and works from there.
set -u
. "$(dirname "$0")/lib_check.sh"
build=$1 root=$2
check_tmpdir dest
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1
check "meson install succeeds" '[ $? -eq 0 ] || { cat "$dest.log"; false; }'
bin=$(find "$dest" -path '*/bin/ankekort' -type f | head -1)
check "the program is installed" '[ -x "$bin" ]'
prefix=$(dirname "$(dirname "$bin")")
check "the datasets are installed" '[ -s "$prefix/share/ankekort/datasets/2024.csv" ]'
check "the man page is installed" '[ -s "$prefix/share/man/man1/ankekort.1" ]'
check "the Danish catalogue is installed" '[ -s "$prefix/share/locale/da/LC_MESSAGES/ankekort.mo" ]'
check "the bash completion is installed" '[ -s "$prefix/share/bash-completion/completions/ankekort" ]'
cd /tmp || exit 1
out=$(env -u XDG_CONFIG_HOME HOME=/nonexistent "$bin" print --kommune aarhus --year 2024 --area generelt --format csv 2>&1)
check "the installed program finds its data without --data" 'grep -q "^2024,751,Aarhus,generelt,,,,,39.0,33.0,6.0,45.0" <<<"$out"'
out=$(LANG=C.UTF-8 LANGUAGE=da "$bin" --help 2>&1)
check "the installed program speaks Danish" 'grep -q "^Brug: ankekort" <<<"$out"'
out=$(man -l "$prefix/share/man/man1/ankekort.1" 2>/dev/null | head -5)
if command -v man >/dev/null; then check "man shows the page" 'grep -q "ankekort.*browse" <<<"$out"'; fi
out=$(bash -c ". '$prefix/share/bash-completion/completions/ankekort'; PATH='$prefix/bin':\$PATH; COMP_WORDS=(ankekort --kommune Nord); COMP_CWORD=2; _ankekort; printf '%s\n' \"\${COMPREPLY[@]}\"")
check "completion offers municipality names" 'grep -q "^Norddjurs$" <<<"$out"'
check_done

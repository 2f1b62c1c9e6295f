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
# an ordinary user of an installed copy: the datasets are not theirs to
# write, and import writes into their own data directory instead
if id nobody >/dev/null 2>&1 && command -v runuser >/dev/null && [ "$(id -u)" -eq 0 ]; then
	chmod -R a+rX "$dest"
	chmod -R a-w "$prefix/share/ankekort/datasets"
	home=$(mktemp -d)
	chown nobody "$home"
	cp "$root/test/data/import/dst_labels.csv" "$home/"
	shipped=$(find "$prefix/share/ankekort/datasets" -type f -exec sha256sum {} + | sort | sha256sum)
	as_user() { runuser -u nobody -- env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u ANKEKORT_DATASETS HOME="$home" LC_ALL=C.UTF-8 "$bin" --lang en "$@"; }
	out=$(cd "$home" && as_user import dst_labels.csv 2>&1)
	check "an ordinary user imports into their own data directory" '[ -s "$home/.local/share/ankekort/data/2022.csv" ] || { echo "$out"; false; }'
	check "the installed datasets are not written" '[ "$(find "$prefix/share/ankekort/datasets" -type f -exec sha256sum {} + | sort | sha256sum)" = "$shipped" ]'
	out=$(cd "$home" && as_user print --kommune 0 --year 2022 --area generelt --format text 2>&1)
	check "the user sees both layers" 'grep -q "^Sources: your data: .* shipped: " <<<"$out"'
	out=$(cd "$home" && as_user import dst_labels.csv --data "$prefix/share/ankekort/datasets" 2>&1)
	check "writing into the installed datasets is refused with a hint" 'grep -q "read-only reference data" <<<"$out"'
	rm -rf "$home"
fi
out=$(man -l "$prefix/share/man/man1/ankekort.1" 2>/dev/null | head -5)
if command -v man >/dev/null; then check "man shows the page" 'grep -q "ankekort.*browse" <<<"$out"'; fi
out=$(bash -c ". '$prefix/share/bash-completion/completions/ankekort'; PATH='$prefix/bin':\$PATH; COMP_WORDS=(ankekort --kommune Nord); COMP_CWORD=2; _ankekort; printf '%s\n' \"\${COMPREPLY[@]}\"")
check "completion offers municipality names" 'grep -q "^Norddjurs$" <<<"$out"'
check_done

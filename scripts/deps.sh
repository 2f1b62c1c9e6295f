# scripts/deps.sh - sourced by ./run and ./check: install the Debian packages
# ankekort needs to build and test, if any are missing.
ankekort_packages_build="gcc meson ninja-build pkg-config libncurses-dev libcsv-dev gettext libcurl4-openssl-dev libjansson-dev libzip-dev libexpat1-dev libxlsxwriter-dev"
ankekort_packages_test="libcmocka-dev tmux locales clang libclang-rt-14-dev libfuzzer-14-dev valgrind python3 chromium cppcheck clang-tools-14 clang-format-14 groff-base"

ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "ankekort: installing missing packages: ${missing[*]}" >&2
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
			"${missing[@]}" >/dev/null ||
		{ echo "ankekort: could not install ${missing[*]}" >&2; return 1; }
}

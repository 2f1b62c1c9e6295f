# lib_check.sh - what the shell tests share; source it, then:
#   check_tmpdir VAR     makes a temporary directory in $VAR, removed at exit
#   check NAME EXPR      evaluates EXPR: "ok - NAME" or "not ok - NAME" (and
#                        the first lines of $check_details, when set, a file)
#   check_done           the line "N passed, N failed"; fails when any failed
passes=0 fails=0
check_details=

check_tmpdir() {
	local d
	d=$(mktemp -d) || exit 1
	printf -v "$1" '%s' "$d"
	# shellcheck disable=SC2064 # the directory is known now
	trap "rm -rf '$d'" EXIT
}

check() {
	if eval "$2"; then
		passes=$((passes + 1))
		echo "ok - $1"
	else
		fails=$((fails + 1))
		echo "not ok - $1"
		[ -n "$check_details" ] && sed 's/^/    /' "$check_details" 2>/dev/null | head -3
	fi
	return 0
}

check_done() {
	echo "$passes passed, $fails failed"
	[ "$fails" -eq 0 ]
}

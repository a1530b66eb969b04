# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the checks that are not ./vma (kbuild-check.sh,
# check-patches.sh, upstream-vma.sh): each check is one KTAP result, and
# the script ends with its KTAP document and the runner's summary line,
# which run.sh reads like ./vma's.  What a script prints before, as it
# goes, run.sh carries as diagnostics.

ktap_lines=()
ktap_pass=0 ktap_fail=0 ktap_skip=0

# ktap_result ok|fail|skip NAME [REASON]: record one check's result
ktap_result() {
	local name=${2//[[:space:]#]/_} why=${3:-}

	why=${why//#/ }
	case $1 in
	ok)	ktap_lines+=("ok $((${#ktap_lines[@]} + 1)) $name")
		ktap_pass=$((ktap_pass + 1)) ;;
	skip)	ktap_lines+=("ok $((${#ktap_lines[@]} + 1)) $name # SKIP $why")
		ktap_skip=$((ktap_skip + 1)) ;;
	*)	ktap_lines+=("not ok $((${#ktap_lines[@]} + 1)) $name${why:+ # $why}")
		ktap_fail=$((ktap_fail + 1)) ;;
	esac
}

# ktap_finish: print the document and the summary line; false if a check
# failed
ktap_finish() {
	echo "KTAP version 1"
	echo "1..${#ktap_lines[@]}"
	[ ${#ktap_lines[@]} = 0 ] || printf '%s\n' "${ktap_lines[@]}"
	echo "$ktap_pass passed, $ktap_fail failed, $ktap_skip skipped"
	[ "$ktap_fail" = 0 ]
}

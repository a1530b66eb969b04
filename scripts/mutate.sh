#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mutate.sh KDIR SERIES OUT [MUTANT...]
#
# Mutation testing: does the suite notice when the code under test is
# broken?  Each mutant (tests/mutants/*.diff and the series' own,
# series/mutants/*.diff; or the MUTANT files given) is
# a small diff against the tree as the build sees it: KDIR with SERIES
# applied (a directory with a 'series' file, or none).  It is applied as
# one more patch on top of the series, in OUT/series, and the suite is
# built (no sanitizers, OUT/build: only what the mutant touches is
# recompiled) and run; if it passes, it is run once more with
# --fault-sweep, and then with --limit-sweep, as make check does (a broken
# error path shows only when an allocation fails or a limit is hit).  Per
# mutant one line:
#
#   killed (by TEST, ...)   the suite failed (or crashed, or timed out)
#   killed (by the fault sweep: TEST, ...)
#                           the suite passed, its fault sweep failed
#   killed (by the limit sweep: TEST, ...)
#                           the suite and its fault sweep passed, its
#                           limit sweep failed
#   survived                the suite passed: a missing test, or an
#                           equivalent mutant (the README next to it says
#                           which, and why)
#   does not apply          the diff does not apply to this tree
#   does not compile        the mutated tree does not build
#
# A mutant of code that the default build (x86_64) does not use says which
# build does in a line 'Build: VAR=VALUE...' after its 'Mutant:' line
# (e.g. 'Build: ARCH=arm64' for mm/mmap.c's generic placement, which
# x86_64 replaces with its own); it is built in OUT/build-<VARS>, whose
# unmutated suite must pass too.
#
# The last two count as neither killed nor survived.  Then the kill rate,
# killed / (killed + survived).  Exit status 0 iff the unmutated tree
# passes, the kill rate is at least VMA_MUTATE_MIN (default 90) percent and
# every survivor is documented as equivalent in the README of its directory.
#
# Environment: VMA_MUTATE_TIMEOUT (seconds per run, default 120), MAKE.

set -u -o pipefail

die() { echo "mutate: error: $*" >&2; exit 2; }

[ $# -ge 3 ] || die "usage: scripts/mutate.sh KDIR SERIES OUT [MUTANT...] (or: make mutate)"
kdir=$1 series=$2 out=$3
shift 3
srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
MAKE=${MAKE:-make}
timeout_s=${VMA_MUTATE_TIMEOUT:-120}
min_rate=${VMA_MUTATE_MIN:-90}
mutants=("$@")
[ ${#mutants[@]} -gt 0 ] ||
	mutants=("$srcdir"/tests/mutants/*.diff "$srcdir"/series/mutants/*.diff)
[ -e "${mutants[0]}" ] || die "no mutants in tests/mutants/ or series/mutants/"

mkdir -p "$out/log"
# check SERIES once
"$srcdir/scripts/stack-series.sh" "$series" "$out/series" || exit 2

# build_vars MUTANT_FILE: its 'Build:' make variables, if any
build_vars() {
	sed -n 's/^Build: //p;/^---/q' "$1" | head -n 1
}

# build_run NAME MUTANT_FILE|- [VAR=VALUE...]: sets result, fails
build_run() {
	local name=$1 mutant=$2 log=$out/log/$1 status vars bdir
	shift 2

	if [ "$mutant" != - ]; then
		read -ra vars <<<"$(build_vars "$mutant")"
	else
		vars=("$@")
	fi
	bdir=$out/build
	[ ${#vars[@]} -eq 0 ] || bdir=$out/build-$(printf '%s' "${vars[*]}" | tr -c 'A-Za-z0-9=' _)

	if [ "$mutant" = - ]; then
		"$srcdir/scripts/stack-series.sh" "$series" "$out/series"
	else
		"$srcdir/scripts/stack-series.sh" "$series" "$out/series" "$mutant"
	fi || { result="does not apply"; return; }

	if ! "$MAKE" -s -C "$srcdir" --no-print-directory O="$bdir" SAN=0 \
	     KDIR="$kdir" SERIES="$out/series" "${vars[@]}" all >"$log.build" 2>&1; then
		if grep -q "apply-series: error: .*${mutant##*/} does not apply" "$log.build"; then
			result="does not apply"
		else
			result="does not compile"
		fi
		return
	fi
	run_judge "$bdir/vma" "" "$log.ktap"
	[ "$result" = survived ] || return
	run_judge "$bdir/vma" "the fault sweep: " "$log.sweep" --fault-sweep
	[ "$result" = survived ] || return
	run_judge "$bdir/vma" "the limit sweep: " "$log.limits" --limit-sweep
}

# run_judge VMA WHAT LOG [ARG...]: run the suite with ARGs; sets result
run_judge() {
	local vma=$1 what=$2 log=$3 status fails
	shift 3

	timeout -k 10 "$timeout_s" "$vma" "$@" >"$log" 2>&1
	status=$?
	fails=$(sed -n 's/^not ok [0-9]* \([^ ]*\).*/\1/p' "$log" | head -n 3 | paste -sd ' ')
	if [ $status = 0 ]; then
		result=survived
	elif [ $status = 124 ] || [ $status = 137 ]; then
		result="killed (${what}timed out after ${timeout_s}s)"
	elif [ -n "$fails" ]; then
		result="killed (by $what${fails// /, })"
	else
		result="killed (${what}exit status $status: $(tail -n 1 "$log" | cut -c1-80))"
	fi
}

echo "mutate: the unmutated tree first (KDIR=$kdir, SERIES=$series)"
build_run baseline -
if [ "$result" != survived ]; then
	echo "mutate: the unmutated tree does not pass: $result (see $out/log/baseline.*)" >&2
	exit 1
fi
# and in every other build a mutant asks for
while read -r v; do
	[ -n "$v" ] || continue
	read -ra vs <<<"$v"
	echo "mutate: the unmutated tree built with $v"
	build_run "baseline-$(printf '%s' "$v" | tr -c 'A-Za-z0-9=' _)" - "${vs[@]}"
	if [ "$result" != survived ]; then
		echo "mutate: the unmutated tree built with $v does not pass: $result (see $out/log/baseline-*)" >&2
		exit 1
	fi
done < <(for m in "${mutants[@]}"; do build_vars "$m"; done | sort -u)

killed=0 survived=0 noapply=0 nocompile=0 undocumented=()
for m in "${mutants[@]}"; do
	name=$(basename "$m" .diff)
	build_run "$name" "$m"
	case $result in
	killed*)	killed=$((killed + 1)) ;;
	survived)
		survived=$((survived + 1))
		readme=$(dirname "$m")/README
		if grep -q "^- $name:" "$readme" 2>/dev/null; then
			result="survived (equivalent: ${readme#"$srcdir"/})"
		else
			undocumented+=("$name")
		fi ;;
	"does not apply")	noapply=$((noapply + 1)) ;;
	*)		nocompile=$((nocompile + 1)) ;;
	esac
	echo "mutate: $name: $result"
done

# Leave the series as the unmutated tree's, for whoever builds there next.
"$srcdir/scripts/stack-series.sh" "$series" "$out/series"

total=$((killed + survived))
rate=0
[ $total -gt 0 ] && rate=$((killed * 1000 / total))
printf 'mutate: %d mutants: %d killed, %d survived, %d do not apply, %d do not compile; kill rate %d.%d%%\n' \
	${#mutants[@]} $killed $survived $noapply $nocompile $((rate / 10)) $((rate % 10))
status=0
if [ ${#undocumented[@]} -gt 0 ]; then
	echo "mutate: survivors not documented as equivalent in their directory's README: ${undocumented[*]}"
	status=1
fi
if [ $total -eq 0 ] || [ $((rate / 10)) -lt "$min_rate" ]; then
	echo "mutate: kill rate below ${min_rate}%"
	status=1
fi
exit $status

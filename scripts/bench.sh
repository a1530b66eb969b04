#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh [KDIR=/path] [REPS=3] [KVER=X.Y] [CACHE=DIR]
#
# Measure the edit->verdict loop (build, then run ./vma) of this suite and
# of the kernel's own tools/testing/vma, and print a table of wall-clock
# figures: median of REPS runs, with min-max.  Nothing is asserted on
# timings.  The variables may also come from the environment.
#
# All work happens in a scratch directory (removed at exit unless
# BENCH_KEEP=1): a copy of this source tree, and overlay kernel trees whose
# entries are symlinks to KDIR except for the few files touched, which are
# copies.  KDIR itself is only ever read.
#
# Exit status: 0, or 1 if one of our own builds failed, 2 for bad usage.
# Any other failure (e.g. upstream not building) is reported and skipped.

set -euo pipefail
shopt -s nullglob dotglob

usage() {
	cat <<'EOF'
usage: scripts/bench.sh [KDIR=/path/to/linux] [REPS=3] [KVER=7.3] [CACHE=DIR] [MATRIX=1]
  KDIR   kernel tree (never written to); default: linux-source-$KVER fetched
         into CACHE by scripts/fetch-kernel.sh, as the Makefile does
  REPS   repetitions of each measurement (median, min and max are printed)
  MATRIX=1  also time 'make check' (run.sh) per variant, cold and warm
  BENCH_KEEP=1 (environment) keeps the scratch directory
EOF
}

die_usage() { echo "bench: $*" >&2; usage >&2; exit 2; }

for arg; do
	case $arg in
	KDIR=*|REPS=*|KVER=*|CACHE=*|MATRIX=*) declare "${arg%%=*}=${arg#*=}" ;;
	-h|--help) usage; exit 0 ;;
	*) die_usage "unknown argument '$arg'" ;;
	esac
done

REPS=${REPS:-3}
KVER=${KVER:-7.3}
CC=${CC:-gcc}
[[ $REPS =~ ^[1-9][0-9]*$ ]] || die_usage "REPS must be a positive integer, not '$REPS'"

srctree=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

# The kernel tree: as the Makefile's CACHE and fetch-kernel.sh call.
# The series applies to the fetched tree of its release, as in the Makefile.
SERIES=none
if [ -z "${KDIR:-}" ]; then
	[ "$KVER" = 7.3 ] && SERIES=patches
	CACHE=${CACHE:-${VMA_CACHE:-${XDG_CACHE_HOME:+$XDG_CACHE_HOME/vma-test}}}
	CACHE=${CACHE:-$HOME/.cache/vma-test}
	KDIR=$("$srctree/scripts/fetch-kernel.sh" "$KVER" "$CACHE") ||
		die_usage "could not fetch linux-source-$KVER into $CACHE; pass KDIR=/path/to/linux"
fi
for f in Makefile mm/vma.c mm/mmap.c lib/maple_tree.c include/linux/mm.h \
	 tools/include; do
	[ -e "$KDIR/$f" ] || die_usage "KDIR=$KDIR is not a kernel source tree (no $f)"
done
KDIR=$(cd "$KDIR" && pwd -P)

# A sub-make's settings must not leak into ours.
unset MAKEFLAGS MFLAGS MAKELEVEL O SAN V
JOBS=$(nproc 2>/dev/null || echo 1)
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }
load0=$(loadavg)
# "steal total" CPU ticks (VM hosts' noisy neighbours show up as steal)
cputicks() { awk '/^cpu / { for (i = 2; i <= NF; i++) t += $i; print $9, t }' \
	/proc/stat 2>/dev/null || true; }
ticks0=$(cputicks)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/vma-bench.XXXXXX")
cleanup() {
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "bench: kept $scratch" >&2
	else
		rm -rf -- "$scratch"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
logs=$scratch/logs
mkdir -p "$logs"

status=0		# becomes 1 when one of our builds fails
note() { echo "bench: $*" >&2; }

# Print a failure line and the end of LOG.
failed() {
	local what=$1 log=$2
	note "FAILED: $what (last lines of its log follow)"
	tail -n 15 "$log" | sed 's/^/    | /' >&2
}

now() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		echo "${EPOCHREALTIME/,/.}"
	else
		date +%s.%N
	fi
}

# timed LOG CMD...: run CMD with its output in LOG, add the wall time
# to the array TIMES; return CMD's status.
timed() {
	local log=$1 t0 t1 rc=0
	shift
	t0=$(now)
	"$@" >"$log" 2>&1 || rc=$?
	t1=$(now)
	TIMES+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
	return $rc
}

# stats T...: "median (min-max)" in seconds, one decimal.
stats() {
	printf '%s\n' "$@" | sort -g | awk '
		{ v[NR] = $1 }
		END {
			m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			if (NR == 1) printf "%.1f", m
			else printf "%.1f (%.1f-%.1f)", m, v[1], v[NR]
		}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
	print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Results by key: R[key] is the printed cell, M[key] the median.
declare -A R=() M=() NOTES=()
for k in cold_san cold_nosan touch_test touch_vma touch_mmap run up_cold up_vma \
	 up_run; do
	R[$k]="-"
done

# ---------------------------------------------------------------------------
# Scratch trees

# Our source tree: tracked plus untracked non-ignored files (no objects).
src=$scratch/src
mkdir -p "$src"
if git -C "$srctree" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$srctree" && git ls-files -z -co --exclude-standard |
	 while IFS= read -r -d '' f; do
		 if [[ -e $f || -L $f ]]; then printf '%s\0' "$f"; fi
	 done | tar --null -T - -cf -) | tar -xf - -C "$src"
else
	tar -C "$srctree" --exclude=./.git --exclude=./generated --exclude=./vma \
		--exclude='./vma-*' --exclude='*.o' --exclude='*.d' -cf - . |
		tar -xf - -C "$src"
fi

# overlay DIR TOOLS FILE...: a kernel tree in DIR whose top-level entries
# are symlinks to KDIR's, except mm/, a directory of symlinks to KDIR/mm/*
# with copies of mm/FILE..., and, if TOOLS=copy, tools/, a real copy.
overlay() {
	local dir=$1 tools=$2 e f
	shift 2
	mkdir -p "$dir/mm"
	for e in "$KDIR"/*; do
		case ${e##*/} in
		mm) ;;
		tools) if [ "$tools" = copy ]; then cp -a "$e" "$dir/tools"
		       else ln -s "$e" "$dir/tools"; fi ;;
		*) ln -s "$e" "$dir/${e##*/}" ;;
		esac
	done
	for e in "$KDIR"/mm/*; do
		ln -s "$e" "$dir/mm/${e##*/}"
	done
	for f; do
		rm -f "$dir/mm/$f"
		cp -p "$KDIR/mm/$f" "$dir/mm/$f"
	done
}

kdir=$scratch/kdir		# ours: mm/vma.c and mm/mmap.c are copies
kup=$scratch/kup		# upstream: tools/ and mm/vma.c are copies
overlay "$kdir" link vma.c mmap.c
overlay "$kup" copy vma.c
udir=$kup/tools/testing/vma

# The test file touched: tests/merge.c, or else the first test.
test_file=tests/merge.c
if [ ! -f "$src/$test_file" ]; then
	for f in "$src"/tests/*.c; do
		case ${f##*/} in runner.c|fixture.c|*_runner.c) continue ;; esac
		test_file=tests/${f##*/}
		break
	done
fi

# ---------------------------------------------------------------------------
# Ours

ourmake() {
	make -C "$src" -j"$JOBS" CC="$CC" KVER="$KVER" V=0 "$@"
}

# Test count from ours' last line: "N passed, N failed, N skipped".
our_count() {
	awk 'END { if ($2 == "passed," && $4 == "failed," && $6 == "skipped")
			print $1 + $3 + $5, $3 }' "$1"
}
# ... and upstream's: "N tests run, N passed, N failed."
up_count() {
	awk '/^[0-9]+ tests run, [0-9]+ passed, [0-9]+ failed\.$/ { n = $1; f = $6 + 0 }
	     END { if (n != "") print n, f }' "$1"
}

# cold KEY WHAT SAN: cold builds of ours against KDIR from an empty O.
cold() {
	local key=$1 what=$2 san=$3 r o=$scratch/cold-$1
	TIMES=()
	for ((r = 1; r <= REPS; r++)); do
		rm -rf "$o"
		if ! timed "$logs/$key.$r" ourmake O="$o" KDIR="$KDIR" SAN="$san"; then
			failed "our $what" "$logs/$key.$r"
			R[$key]=FAILED status=1
			return 0
		fi
	done
	# the non-sanitized build also measures the differential test's rate
	[ "$san" = 0 ] && fuzz_rate "$o/vma"
	rm -rf "$o"
	R[$key]=$(stats "${TIMES[@]}") M[$key]=$(median "${TIMES[@]}")
}

# fuzz_rate BINARY: checks per second of the diff_* tests (reference
# model against the kernel), median over REPS runs of 200,000 checks each
fuzz_rate() {
	local bin=$1 t r rates=()
	for t in diff_vm_unmapped_area diff_mm_get_unmapped_area \
		 diff_thp_get_unmapped_area; do
		rates=()
		for ((r = 1; r <= REPS; r++)); do
			rates+=("$(VMA_DIFF_ITERS=200000 "$bin" -v "$t" 2>/dev/null |
				sed -n 's/.*(\([0-9]*\) checks\/s).*/\1/p' | head -n 1)")
		done
		FUZZ+=("$t $(median "${rates[@]}")")
	done
}
FUZZ=()

# loop KEY FILE CCNAME: touch FILE, then time make && ./vma in the loop
# build $lo (against the overlay $kdir); CCNAME is what make must say it
# compiled, to check that the touch did rebuild something.
lo=$scratch/loop
our_edit_run() { ourmake O="$lo" KDIR="$kdir" SAN=1 && "$lo/vma"; }
loop() {
	local key=$1 file=$2 ccname=$3 r log rc n
	TIMES=()
	for ((r = 1; r <= REPS; r++)); do
		log=$logs/$key.$r
		touch "$file"
		rc=0
		timed "$log" our_edit_run || rc=$?
		if [ ! -x "$lo/vma" ]; then
			failed "our build after touching $ccname" "$log"
			status=1 R[$key]=FAILED
			return 0
		fi
		if ! grep -q "^  CC *$ccname\$" "$log"; then
			failed "touching $ccname did not recompile it" "$log"
			R[$key]=FAILED
			return 0
		fi
		# A failing test still gives a verdict; a crash does not.
		if [ $rc -ne 0 ] && [ -z "$(our_count "$log")" ]; then
			failed "./vma after touching $ccname (exit $rc, no summary line)" "$log"
			R[$key]=FAILED
			return 0
		fi
		TESTS_OURS=$(our_count "$log")
		# More than the touched file rebuilt: say what, once.
		n=$(grep -c '^  \(CC\|EXTRACT\) ' "$log" || true)
		if [ "$n" -gt 1 ] && [ -z "${NOTES[$key]:-}" ]; then
			NOTES[$key]="touching $ccname rebuilt $n files (rep $r): $(
				grep '^  \(CC\|EXTRACT\) ' "$log" | awk '{ print $2 }' |
				head -n 5 | paste -sd ' ')$([ "$n" -le 5 ] || echo ' ...')"
		fi
	done
	R[$key]=$(stats "${TIMES[@]}") M[$key]=$(median "${TIMES[@]}")
}

# run_only KEY BINARY: time BINARY alone (its directory as cwd); a
# failing test is still a verdict, so only a missing binary is skipped.
run_only() {
	local key=$1 bin=$2 r
	[ -x "$bin" ] || return 0
	TIMES=()
	for ((r = 1; r <= REPS; r++)); do
		timed "$logs/$key.$r" bash -c 'cd "${1%/*}" && "$1"' - "$bin" || true
	done
	R[$key]=$(stats "${TIMES[@]}") M[$key]=$(median "${TIMES[@]}")
}

TESTS_OURS=
cold cold_san "cold build (ASan+UBSan)" 1
cold cold_nosan "cold build (no sanitizers)" 0

# The loops' own cold build, against the overlay (its path is recorded in
# the config stamp, so it must be the one the loops use).
if ourmake O="$lo" KDIR="$kdir" SAN=1 >"$logs/loop-cold" 2>&1; then
	loop touch_test "$src/$test_file" "$test_file"
	loop touch_vma "$kdir/mm/vma.c" mm/vma.c
	loop touch_mmap "$kdir/mm/mmap.c" mm/mmap.c
	run_only run "$lo/vma"
else
	failed "our cold build against the overlay $kdir" "$logs/loop-cold"
	status=1
	R[touch_test]=FAILED R[touch_vma]=FAILED R[touch_mmap]=FAILED
fi

# ---------------------------------------------------------------------------
# Upstream tools/testing/vma (its own Makefile, one translation unit)

upmake() { make -C "$udir" -j"$JOBS" CC="$CC"; }
up_edit_run() { upmake && (cd "$udir" && ./vma); }
TESTS_UP=
upstream() {
	local r log rc
	if [ ! -f "$KDIR/tools/testing/vma/Makefile" ]; then
		note "skipped: upstream (no tools/testing/vma/Makefile in $KDIR)"
		R[up_cold]="(none)" R[up_vma]="(none)"
		return 0
	fi
	# Cold: a fresh copy of tools/testing/vma each time (it builds in place).
	TIMES=()
	for ((r = 1; r <= REPS; r++)); do
		rm -rf "$udir"
		cp -a "$KDIR/tools/testing/vma" "$udir"
		if ! timed "$logs/up-cold.$r" upmake; then
			failed "upstream tools/testing/vma build" "$logs/up-cold.$r"
			R[up_cold]=FAILED R[up_vma]="(build failed)"
			return 0
		fi
	done
	R[up_cold]=$(stats "${TIMES[@]}") M[up_cold]=$(median "${TIMES[@]}")

	TIMES=()
	for ((r = 1; r <= REPS; r++)); do
		log=$logs/up-vma.$r
		touch "$kup/mm/vma.c"
		rc=0
		timed "$log" up_edit_run || rc=$?
		if [ ! -x "$udir/vma" ]; then
			failed "upstream build after touching mm/vma.c" "$log"
			R[up_vma]=FAILED
			return 0
		fi
		if ! grep -q -- '-o main\.o' "$log"; then
			failed "touching mm/vma.c did not rebuild upstream main.o" "$log"
			R[up_vma]=FAILED
			return 0
		fi
		if [ $rc -ne 0 ] && [ -z "$(up_count "$log")" ]; then
			failed "upstream make && ./vma after touching mm/vma.c (exit $rc)" "$log"
			R[up_vma]=FAILED
			return 0
		fi
		TESTS_UP=$(up_count "$log")
	done
	R[up_vma]=$(stats "${TIMES[@]}") M[up_vma]=$(median "${TIMES[@]}")
	run_only up_run "$udir/vma"
}
upstream

# ---------------------------------------------------------------------------
# Report

kver=$(awk -F' *= *' '$1 == "VERSION" { v = $2 } $1 == "PATCHLEVEL" { p = $2 }
	$1 == "SUBLEVEL" { s = $2 } $1 == "EXTRAVERSION" { e = $2 }
	END { printf "%s.%s.%s%s", v, p, s, e }' "$KDIR/Makefile")

# tests "N F": "N" or "N (F failed)"
tests_cell() {
	local n f
	read -r n f <<<"${1:-}" || true
	if [ -z "${n:-}" ]; then echo "?"
	elif [ "${f:-0}" != 0 ]; then echo "$n ($f failed)"
	else echo "$n"; fi
}

ratio=
if [ -n "${M[touch_vma]:-}" ] && [ -n "${M[up_vma]:-}" ]; then
	ratio=$(awk -v a="${M[touch_vma]}" -v b="${M[up_vma]}" \
		'BEGIN { if (b > 0) printf "ratio %.2f", a / b }')
fi

row() { printf '%-32s  %-18s  %-20s  %s\n' "$@" | sed 's/ *$//'; }

echo
echo "edit->verdict loop on $JOBS cores, median of $REPS (min-max), seconds"
echo "kernel $kver ($KDIR)"
ccver=$("$CC" --version 2>/dev/null | head -n 1) || true
echo "compiler: ${ccver:-($CC --version gave nothing)}"
echo "both built with make -j$JOBS, CC=$CC; each loop times 'make && ./vma'"
steal=$(awk -v a="$ticks0" -v b="$(cputicks)" 'BEGIN {
	split(a, x, " "); split(b, y, " ")
	if (y[2] > x[2]) printf ", CPU steal %.1f%%", 100 * (y[1] - x[1]) / (y[2] - x[2]) }')
echo "load average at start: $load0, at end: $(loadavg)$steal"
echo
row "" "ours" "upstream tools/testing/vma"
row "cold build (ASan+UBSan)" "${R[cold_san]}" "${R[up_cold]}"
row "cold build (no sanitizers)" "${R[cold_nosan]}" "-"
row "touch $test_file + run" "${R[touch_test]}" "(n/a: one TU)"
row "touch mm/vma.c + run" "${R[touch_vma]}" "${R[up_vma]}" "$ratio"
row "touch mm/mmap.c + run" "${R[touch_mmap]}" "(not built)"
row "run only (./vma)" "${R[run]}" "${R[up_run]}"
row "tests run" "$(tests_cell "$TESTS_OURS")" "$(tests_cell "$TESTS_UP")"
for f in "${FUZZ[@]}"; do
	row "${f%% *} (no sanitizers)" "${f##* } checks/s"
done
for k in touch_test touch_vma touch_mmap; do
	[ -z "${NOTES[$k]:-}" ] || echo "note: ${NOTES[$k]}"
done

# MATRIX=1: run.sh (what 'make check' runs) twice, from nothing and again;
# each variant's wall time, build included, from its summary line.
if [ "${MATRIX:-0}" = 1 ]; then
	declare -A MX=()
	names=()
	for pass in cold warm; do
		(cd "$src" && KDIR="$KDIR" SERIES="${SERIES/#patches/$src/patches}" O="$scratch/matrix" \
			VMA_PREREQS_DONE= ./run.sh) >"$logs/matrix-$pass.log" 2>&1 ||
			note "run.sh ($pass) did not pass: see its log (BENCH_KEEP=1)"
		while IFS= read -r line; do
			[[ $line =~ ^([a-z0-9-]+):\ .*\[([0-9]+)\ s\]$ ]] || continue
			[ $pass = cold ] && names+=("${BASH_REMATCH[1]}")
			MX[$pass:${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
		done < <(sed -n '/^== summary ==$/,$p' "$logs/matrix-$pass.log")
		MX[$pass:total]=$(awk -v s="$(sed -n '$p' "$logs/matrix-$pass.log")" 'BEGIN { print s }')
	done
	echo
	echo "make check (run.sh) per variant, wall seconds, build included"
	row "" "cold" "warm"
	for v in "${names[@]}"; do
		row "$v" "${MX[cold:$v]:--}" "${MX[warm:$v]:--}"
	done
	total_c=0 total_w=0
	for v in "${names[@]}"; do
		total_c=$((total_c + ${MX[cold:$v]:-0}))
		total_w=$((total_w + ${MX[warm:$v]:-0}))
	done
	row "all" "$total_c" "$total_w"
	echo "last line (warm): ${MX[warm:total]}"
fi
exit $status

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [ARGS...]
#
# Build ./vma in every variant and run it; ARGS go to each ./vma (e.g. a
# test name pattern, see ./vma --help).  'make check' runs this.
#
# Each variant builds in its own directory, $O/generated/run/NAME (O
# defaults to this directory), prints "== NAME ==", its build output and the
# runner's KTAP.  Then a summary line per variant (with its wall time, build
# included, "[N s]"), and last the line
# "N passed, N failed, N skipped" summed over the variants.  A variant that
# does not build, crashes, times out, or has sanitizer or valgrind errors is
# reported as FAILED (reason) and counts one failed test more, so that the
# total never looks green.  Exit status 0 iff every variant built, ran and
# reported 0 failed.
#
# Environment:
#   KDIR KVER CC CACHE V   passed to make (see 'make help')
#   O                      base directory of the variant builds
#   MAKE                   make command [make]
#   VMA_VARIANTS           variants to run [all: ./run.sh --list]
#   VMA_TIMEOUT            seconds a variant's run may take, 0: no limit [600]
#
# Adding a variant: write variant_NAME() (build with its make variables,
# then run "$bin" under whatever it needs) after a comment whose first line
# is "#: <one-line summary>" (what ./run.sh --list and 'make help' print),
# and add NAME to VARIANTS.

set -u -o pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
MAKE=${MAKE:-make}
# the series' own variants (pmd-pfnmap, series-diff) are series/variants.sh's
. "$srcdir/series/variants.sh"
VARIANTS=(asan fault-sweep valgrind clang x86_64-5level i386 arm64-4k
	  arm64-16k arm64-64k "${SERIES_VARIANTS[@]}" uaf-proof
	  kbuild upstream-vma check-patches layout)
# Exit statuses that say who found errors (the runner's are 0, 1 and 2)
UBSAN_ERROR=96
ASAN_ERROR=97		# ASan and LeakSanitizer
VALGRIND_ERROR=99
timeout_s=${VMA_TIMEOUT:-600}

case ${1:-} in
-h|--help)
	sed -n '4,/^$/s/^# \{0,1\}//p' "$0"
	exit 0 ;;
--list)
	# each variant and the first line of the comment above it, for
	# 'make help' (the one list of what make check runs)
	for v in "${VARIANTS[@]}"; do
		printf '%-14s %s\n' "$v" "$(awk -v f="variant_$v() {" '
			/^#: / { sum = substr($0, 4) }
			$0 == f { print sum; exit }' "$0" "$srcdir/series/variants.sh")"
	done
	exit 0 ;;
esac

base=$(realpath -m -- "${O:-$srcdir}")/generated/run

# make variables passed through to every variant build, when set
make_vars=()
for var in KDIR KVER CC CACHE V SERIES; do
	[ -n "${!var:-}" ] && make_vars+=("$var=${!var}")
done

# ---------------------------------------------------------------------------
# Helpers for the variants.  Each variant sets 'reason' (non-empty: failed
# before or besides the tests) and leaves the runner's stdout in $log.

# build MAKEVAR=VALUE...: build $dir/vma; sets bin
build() {
	if ! "$MAKE" -C "$srcdir" --no-print-directory O="$dir" \
	     "${make_vars[@]}" "$@"; then
		reason="build failed"
		return 1
	fi
	bin=$dir/vma
}

# run CMD...: run the tests, KTAP to the terminal and to $log; sets status
run() {
	if [ "$timeout_s" != 0 ]; then
		set -- timeout -k 10 "$timeout_s" "$@"
	fi
	"$@" | tee "$log"
	status=${PIPESTATUS[0]}
}

# The series the builds apply: SERIES, or when unset the Makefile's
# default, "default" (patches/) for the fetched 7.3 and none otherwise
default_series() {
	if [ -n "${SERIES:-}" ]; then
		echo "$SERIES"
	elif [ -z "${KDIR:-}" ] && [ "${KVER:-7.3}" = 7.3 ]; then
		echo default
	else
		echo none
	fi
}

# run_san CMD...: run under ASan + UBSan, their reports fatal with our codes
run_san() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=$ASAN_ERROR \
	UBSAN_OPTIONS=print_stacktrace=1:${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=$UBSAN_ERROR \
		run "$@"
}

# judge NAME: turn status, $log and reason into the variant's summary line
# and add to the totals
judge() {
	local name=$1 last p=0 f=0 s=0 counts=""

	last=$(tail -n 1 "$log" 2>/dev/null)
	if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]} s=${BASH_REMATCH[3]}
		counts=$last
	fi
	if [ -z "$reason" ]; then
		if [ "$status" = 124 ] && [ "$timeout_s" != 0 ]; then
			reason="timed out after ${timeout_s}s"
		elif [ "$status" -gt 128 ]; then
			reason="killed by SIG$(kill -l $((status - 128)) 2>/dev/null || echo $((status - 128)))"
		elif [ "$status" = "$ASAN_ERROR" ]; then
			reason="AddressSanitizer report: memory error, leak or crash"
		elif [ "$status" = "$UBSAN_ERROR" ]; then
			reason="UndefinedBehaviorSanitizer errors"
		elif [ "$status" = "$VALGRIND_ERROR" ]; then
			reason="valgrind errors"
		elif [ "$status" = 126 ] || [ "$status" = 127 ]; then
			reason="could not run it, exit status $status"
		elif [ -z "$counts" ]; then
			reason="no summary line, exit status $status"
		elif [ "$status" != 0 ] && [ "$f" = 0 ]; then
			reason="exit status $status with no failed test"
		elif [ "$status" = 0 ] && [ "$f" != 0 ]; then
			reason="exit status 0 with failed tests"
		fi
	fi
	if [ -n "$reason" ]; then
		f=$((f + 1))
		summary+=("$name: FAILED ($reason)${counts:+; runner: $counts} [$((SECONDS - t0)) s]")
	else
		summary+=("$name: $counts [$((SECONDS - t0)) s]")
	fi
	total_p=$((total_p + p)) total_f=$((total_f + f)) total_s=$((total_s + s))
}

# ---------------------------------------------------------------------------
# Variants

#: gcc, ASan+UBSan, every report fatal
# ASan + UBSan; every report is fatal (-fno-sanitize-recover=all)
variant_asan() {
	build SAN=1 || return
	run_san "$bin" "$@"
}

#: the asan build, ./vma --fault-sweep: each allocation failed in turn
# ASan + UBSan, ./vma --fault-sweep: every test rerun with its 1st, 2nd, ...
# allocation failing (VMA_SWEEP_MAX runs per test at most, default 64,
# plus the first allocation at each site); an operation the failure hits
# fails cleanly, nothing leaks; and every allocation site that test bodies
# reach was failed at least once (no "(not swept)" site)
variant_fault-sweep() {
	local missed

	build SAN=1 || return
	run_san "$bin" --fault-sweep "$@"
	missed=$(grep -c '^# allocation site .*(not swept)$' "$log")
	if [ "$missed" != 0 ]; then
		reason="$missed allocation sites that test bodies reach were never failed (the '# allocation site ... (not swept)' lines)"
	fi
}

#: gcc, no sanitizers, under memcheck
# no sanitizers, under memcheck
variant_valgrind() {
	build SAN=0 || return
	run valgrind --error-exitcode=$VALGRIND_ERROR --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		--show-possibly-lost=no --quiet "$bin" "$@"
}

#: CC=clang, ASan+UBSan
# clang with ASan + UBSan: another compiler's view of the same code
# (warnings, optimisations, its sanitizers' checks)
variant_clang() {
	if ! "$srcdir/scripts/prereqs.sh" clang; then
		reason="missing prerequisites"
		return
	fi
	build CC=clang SAN=1 || return
	run_san "$bin" "$@"
}

#: LA57=1: x86_64 with 5-level paging (56-bit TASK_SIZE_MAX), ASan+UBSan
# The default build (asan) is x86_64 with 4-level paging; this one models a
# CPU with LA57: TASK_SIZE_MAX 2^56 - PAGE_SIZE, DEFAULT_MAP_WINDOW still
# 47 bits, hints above the window opening the rest (sys_x86_64.c)
variant_x86_64-5level() {
	build LA57=1 SAN=1 || return
	run_san "$bin" "$@"
}

#: ARCH=i386 (-m32, !CONFIG_64BIT), ASan+UBSan
# A 32-bit build (ARCH=i386, once M32=1: -m32, i386 PAE, !CONFIG_64BIT)
# with ASan + UBSan, which gcc's 32-bit runtimes (gcc-multilib) support:
# the !CONFIG_64BIT paths (THP's 32-bit policy, the 32-bit maple tree)
# built and run
variant_i386() {
	if ! "$srcdir/scripts/prereqs.sh" m32; then
		reason="missing prerequisites"
		return
	fi
	build ARCH=i386 SAN=1 || return
	run_san "$bin" "$@"
}

# arm64's geometries and layout, modelled on this host (ARCH=arm64): the
# generic placement of mm/mmap.c with arm64's arch_get_mmap_end/base(),
# mm/util.c's generic layout, PMD PFN mappings only; ASan + UBSan.
# arm64_variant PAGES VA_BITS
arm64_variant() {
	build ARCH=arm64 ARM64_PAGE_SIZE="$1" ARM64_VA_BITS="$2" SAN=1 || return
	shift 2
	run_san "$bin" "$@"
}

#: ARCH=arm64, 4K pages, 48-bit VA (PMD 2M, PUD 1G, 4 levels), ASan+UBSan
variant_arm64-4k() {
	arm64_variant 4K 48 "$@"
}

#: ARCH=arm64, 16K pages, 48-bit VA (PMD 32M, PUD 64G, 4 levels), ASan+UBSan
variant_arm64-16k() {
	arm64_variant 16K 48 "$@"
}

#: ARCH=arm64, 64K pages, 52-bit VA (PMD 512M, 3 levels), ASan+UBSan
# 52 bits: TASK_SIZE 2^52, DEFAULT_MAP_WINDOW 2^48, hints above it
variant_arm64-64k() {
	arm64_variant 64K 52 "$@"
}

# Freed objects stay dead: the slab shim frees every object for real, so a
# use after free is visible.  The proof: a mutant that reads a VMA after
# vm_area_free() (tests/mutants/uaf/), applied on top of the series, must
# be reported by ASan (asan build) and by memcheck (no-sanitizer build).
# Two tests, one per checker; the ARGS do not apply.
# uaf_case N NAME SAN=X PATTERN CMD...: build in $top/NAME with the stacked
# series, run CMD "$bin" munmap_middle_splits; KTAP line N: ok if the
# run's output matches PATTERN and its exit status is the checker's
uaf_case() {
	local n=$1 name=$2 san=$3 pattern=$4 code=$5 out rc
	shift 5

	dir=$top/$name
	if build "$san" SERIES="$top/series" >"$top/$name.build" 2>&1; then
		out=$("$@" "$bin" munmap_middle_splits 2>&1)
		rc=$?
		if [ $rc = "$code" ] && grep -q "$pattern" <<<"$out"; then
			echo "ok $n ${name}_reports_use_after_free"
			return
		fi
	fi
	echo "not ok $n ${name}_reports_use_after_free"
	echo "# see $top/$name.build and rerun $bin munmap_middle_splits"
}

#: a use after vm_area_free() must be reported by ASan and memcheck
variant_uaf-proof() {
	local top=$dir series
	local mutant=$srcdir/tests/mutants/uaf/remove-vma-reads-freed-vma.diff

	series=$(default_series)
	[ "$series" = default ] && series=$srcdir/patches
	"$srcdir/scripts/stack-series.sh" "$series" "$top/series" "$mutant" ||
		{ reason="cannot stack the mutant on SERIES=$series"; return; }
	{
		echo "KTAP version 1"
		echo "1..2"
		uaf_case 1 asan SAN=1 heap-use-after-free "$ASAN_ERROR" \
			env ASAN_OPTIONS=exitcode=$ASAN_ERROR
		uaf_case 2 valgrind SAN=0 'Invalid read' "$VALGRIND_ERROR" \
			valgrind --error-exitcode=$VALGRIND_ERROR --quiet
	} >"$top/ktap"
	cat "$top/ktap"
	printf '%d passed, %d failed, 0 skipped\n' "$(grep -c '^ok ' "$top/ktap")" \
		"$(grep -c '^not ok ' "$top/ktap")" | tee "$log"
	dir=$top
	status=0
	tail -n 1 "$log" | grep -q ' 0 failed' || status=1
}

#: make kbuild-check: the series' files in real kernel builds
# 'make kbuild-check': the series compiled by kbuild, x86_64, i386 and
# arm64 (cross-compiled with aarch64-linux-gnu-gcc); each
# config is one test (the ARGS do not apply)
variant_kbuild() {
	if ! "$srcdir/scripts/prereqs.sh" kbuild; then
		reason="missing prerequisites"
		return
	fi
	run "$MAKE" -C "$srcdir" --no-print-directory O="$dir" \
		"${make_vars[@]}" kbuild-check
}

#: make upstream-vma: KDIR's own tools/testing/vma
# 'make upstream-vma': KDIR's own tools/testing/vma on the patched tree;
# its tests are counted (the ARGS do not apply)
variant_upstream-vma() {
	run "$MAKE" -C "$srcdir" --no-print-directory O="$dir" \
		"${make_vars[@]}" upstream-vma
	if grep -q '^upstream-vma: build failed' "$log"; then
		reason="build failed"
	fi
}

#: make check-patches: checkpatch --strict, kernel-doc
# 'make check-patches': checkpatch --strict on every patch and kernel-doc
# on every file the series changes, one check each (nothing without one)
variant_check-patches() {
	run "$MAKE" -C "$srcdir" --no-print-directory O="$dir" \
		"${make_vars[@]}" check-patches
}

#: make check-layout: stand-in tags, references in comments
# The harness's own rules ('make check-layout'): every stand-in tagged with
# its kind, no comment pointing at a file or name that does not exist
variant_layout() {
	run "$MAKE" -C "$srcdir" --no-print-directory O="$dir" \
		"${make_vars[@]}" check-layout
}

# ---------------------------------------------------------------------------

if [ -n "${VMA_VARIANTS:-}" ]; then
	read -ra VARIANTS <<<"$VMA_VARIANTS"
fi
for v in "${VARIANTS[@]}"; do
	if ! declare -F "variant_$v" >/dev/null; then
		echo "run.sh: unknown variant '$v' (known:" \
		     "$(declare -F | sed -n 's/^declare -f variant_//p' | paste -sd ' '))" >&2
		exit 2
	fi
done

summary=()
total_p=0 total_f=0 total_s=0

# Run on its own (not from 'make check'): check the tools once for all the
# sub-makes.
prereqs_ok=1
if [ -z "${VMA_PREREQS_DONE:-}" ]; then
	if "$srcdir/scripts/prereqs.sh" build check; then
		export VMA_PREREQS_DONE=1
	else
		prereqs_ok=0
	fi
fi

for v in "${VARIANTS[@]}"; do
	echo "== $v =="
	dir=$base/$v
	log=$dir/ktap.log
	reason="" status=0 bin="" t0=$SECONDS
	mkdir -p "$dir" && rm -f "$log"
	if [ $prereqs_ok = 0 ]; then
		reason="missing prerequisites"
	else
		"variant_$v" "$@"
	fi
	judge "$v"
done

echo "== summary =="
printf '%s\n' "${summary[@]}"
echo "$total_p passed, $total_f failed, $total_s skipped"
[ "$total_f" = 0 ]

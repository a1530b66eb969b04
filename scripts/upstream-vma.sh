#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# upstream-vma.sh SRC KDIR OUT
#
# Build and run the kernel's own userland VMA tests, SRC/tools/testing/vma,
# against SRC (the series overlay, or KDIR itself).  Their Makefile builds
# in place, so they build in OUT/tree: symlinks into SRC, except
# tools/testing/vma and tools/testing/shared, which are copies (and the
# directories on the way, which are real).  SRC and KDIR are never written
# to, and that is checked.  The tree is reused; it is made anew when SRC,
# KDIR, CC or the test sources change.
#
# Prints ./vma's output, its summary 'N tests run, N passed, N failed.' and
# last 'N passed, N failed, 0 skipped'.  Exit status 0 iff ./vma exits 0.
# Environment: CC [gcc], JOBS [nproc], VMA_TIMEOUT (seconds for ./vma) [600].

set -euo pipefail

die() { echo "upstream-vma: error: $*" >&2; exit 2; }

[ $# -eq 3 ] || die "usage: upstream-vma.sh SRC KDIR OUT"
src=$(realpath -- "$1")
kdir=$(realpath -- "$2")
out=$(realpath -m -- "$3")
cc=${CC:-gcc}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
timeout_s=${VMA_TIMEOUT:-600}
[ -f "$src/tools/testing/vma/Makefile" ] || die "$src has no tools/testing/vma; use a tree that has it (Linux 6.11 or later)"

# Our make's variables (KDIR=, O=, ...) must not reach the tests' make.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
export LC_ALL=C

tree=$out/tree
vmadir=$tree/tools/testing/vma
mkdir -p "$out"
stamp=$out/.start

# link_except(): scripts/tree-links.sh
. "$(dirname "${BASH_SOURCE[0]}")/tree-links.sh"

id="src=$src
kdir=$kdir
cc=$cc $("$cc" --version 2>/dev/null | sed -n 1p)
tests=$(cd "$src/tools/testing" && find -L vma shared -type f -printf '%p %s %T@\n' | sort | sha256sum)"
if [ ! -x "$vmadir/vma" ] || [ "$(cat "$out/id" 2>/dev/null)" != "$id" ]; then
	rm -rf "$tree" "$out/id"
	link_except "$src" "$tree" tools
	link_except "$src/tools" "$tree/tools" testing
	link_except "$src/tools/testing" "$tree/tools/testing" vma shared
	# -L: real files, so that nothing written here can reach SRC
	cp -RL "$src/tools/testing/vma" "$src/tools/testing/shared" "$tree/tools/testing/"
	# a KDIR built in place brings its objects along
	make -s -C "$vmadir" clean >/dev/null 2>&1 || true
fi
touch "$stamp"

t0=$SECONDS
if ! make -C "$vmadir" -j"$jobs" CC="$cc" >"$out/build.log" 2>&1; then
	echo "upstream-vma: build failed (tools/testing/vma of $src):"
	grep -Ev '^make(\[[0-9]+\])?: (Entering|Leaving)' "$out/build.log" |
		grep -E -A3 'error|Error|undefined reference' | sed -n 1,60p | sed 's/^/  /' || true
	exit 1
fi
echo "$id" > "$out/id"
warnings=$(grep -c 'warning:' "$out/build.log" || true)
note=""
[ "$warnings" -gt 0 ] && note=", $warnings compiler warnings: see $out/build.log"
echo "upstream-vma: built tools/testing/vma/vma ($((SECONDS - t0)) s$note)"

status=0
(cd "$vmadir" && timeout -k 10 "$timeout_s" ./vma) >"$out/vma.log" 2>&1 || status=$?
sed 's/^/  /' "$out/vma.log"

# Nothing under KDIR, SRC, the trees their top-level Makefile links to, or
# our tree but the copy of vma/ may change.
trees=("$tree")
for t in "$kdir" "$src" "$(dirname "$(realpath "$src/Makefile")")" \
	 "$(dirname "$(realpath "$kdir/Makefile")")"; do
	[[ " ${trees[*]} " == *" $t "* ]] || trees+=("$t")
done
changed=$(find "${trees[@]}" -path "$vmadir" -prune -o \
	\( -newer "$stamp" -o -cnewer "$stamp" \) -print 2>/dev/null | sed -n 1,5p) || true

passed=0 failed=0
summary=$(grep -E '^[0-9]+ tests run, [0-9]+ passed, [0-9]+ failed\.$' "$out/vma.log" | tail -n 1 || true)
if [ -n "$summary" ]; then
	read -r _ _ _ passed _ failed _ <<<"$summary"
	echo "upstream-vma: $summary"
else
	echo "upstream-vma: FAILED: ./vma printed no summary line"
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
	case $status in
	124) why="timed out after ${timeout_s}s" ;;
	*)   why="exit status $status" ;;
	esac
	echo "upstream-vma: FAILED: ./vma: $why with no failed test (a sanitizer report or a crash; see above)"
	failed=1
fi
if [ -n "$changed" ]; then
	echo "upstream-vma: FAILED: the source trees changed during the run: written by this build (a bug to report), or by another process (a make re-applying the series in the same O=?); run again:"
	sed 's/^/  /' <<<"$changed"
	failed=$((failed + 1)) status=1
else
	echo "upstream-vma: source trees untouched: nothing under $(IFS=,; echo "${trees[*]:1}" | sed 's/,/, /g') changed during the run"
fi
echo "$passed passed, $failed failed, 0 skipped"
[ "$status" = 0 ]

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
# Prints ./vma's output and its summary 'N tests run, N passed, N failed.',
# then a KTAP document: a result per test (by the names in the tests'
# TEST() lines; ./vma itself names only its failures) and one that the
# trees are untouched, and last 'N passed, N failed, 0 skipped'.  Exit
# status 0 iff ./vma exits 0 and the trees are untouched.
# Environment: CC [gcc], JOBS [nproc], VMA_TIMEOUT (seconds for ./vma) [600].

set -euo pipefail

die() { echo "upstream-vma: error: $*" >&2; exit 2; }
. "$(dirname "${BASH_SOURCE[0]}")/ktap.sh"

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

# The tests' names, as their runners list them (TEST(name);), with a flag
# for those under an #if: ./vma prints only its failures and a count.
test_names() {
	awk '/^[ \t]*#[ \t]*if/ { cond++ } /^[ \t]*#[ \t]*endif/ { cond-- }
	     match($0, /^[ \t]*TEST\([a-z0-9_]+\);/) {
		n = $0; sub(/^[ \t]*TEST\(/, "", n); sub(/\);.*/, "", n)
		print n, (cond > 0) }' "$vmadir"/tests/*.c "$vmadir"/*.c 2>/dev/null
}

run=-1
summary=$(grep -E '^[0-9]+ tests run, [0-9]+ passed, [0-9]+ failed\.$' "$out/vma.log" | tail -n 1 || true)
if [ -n "$summary" ]; then
	read -r run _ _ _ _ _ _ <<<"$summary"
	echo "upstream-vma: $summary"
else
	echo "upstream-vma: FAILED: ./vma printed no summary line"
fi
# A result per test: all of them, or those outside an #if, whichever
# count ./vma ran; else one result for the run.
mapfile -t names < <(test_names)
all=() plain=()
for n in "${names[@]}"; do
	all+=("${n% *}")
	[ "${n#* }" = 0 ] && plain+=("${n% *}")
done
if [ "$run" = "${#all[@]}" ]; then
	tests=("${all[@]}")
elif [ "$run" = "${#plain[@]}" ]; then
	tests=("${plain[@]}")
else
	tests=()
fi
for t in "${tests[@]}"; do
	if grep -qx "Test $t FAILED" "$out/vma.log"; then
		ktap_result fail "$t"
	else
		ktap_result ok "$t"
	fi
done
if [ "$run" -ge 0 ] && [ ${#tests[@]} = 0 ]; then
	echo "upstream-vma: cannot tell ./vma's $run tests by name (TEST() lines: ${#all[@]}, outside #if: ${#plain[@]}): one result for the run"
	if grep -q '^Test .* FAILED$' "$out/vma.log"; then
		ktap_result fail tools_testing_vma "$summary"
	else
		ktap_result ok tools_testing_vma
	fi
fi
if [ "$status" != 0 ] && [ "$ktap_fail" = 0 ]; then
	case $status in
	124) why="timed out after ${timeout_s}s" ;;
	*)   why="exit status $status" ;;
	esac
	echo "upstream-vma: FAILED: ./vma: $why with no failed test (a sanitizer report or a crash; see above)"
	ktap_result fail tools_testing_vma_run "$why with no failed test"
fi
if [ -n "$changed" ]; then
	echo "upstream-vma: FAILED: the source trees changed during the run: written by this build (a bug to report), or by another process (a make re-applying the series in the same O=?); run again:"
	sed 's/^/  /' <<<"$changed"
	ktap_result fail source_trees_untouched "changed during the run"
else
	echo "upstream-vma: source trees untouched: nothing under $(IFS=,; echo "${trees[*]:1}" | sed 's/,/, /g') changed during the run"
	ktap_result ok source_trees_untouched
fi
ktap_finish

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bisect-run.sh [ARGS...]
#
# For 'git bisect run' in a kernel tree: build ./vma against the tree in
# the current directory (KDIR=., the tree as it is: SERIES=none unless
# SERIES is set) in $O [this suite's generated/bisect], run it with ARGS
# (./vma's: a test name pattern, --seed N, ...) and exit as git bisect run
# reads it:
#   0    the tests passed (good)
#   1    a test failed (bad)
#   125  the tree does not build here (skip this commit)
#   128  the suite itself cannot run (bad arguments, no tools): stop
# The kernel tree is never written to.  Example, from the kernel tree:
#   git bisect start BAD GOOD -- mm/
#   git bisect run ~/vma-tests/scripts/bisect-run.sh 'mmap_*'
# ('make check BISECT=1' does the same for the whole matrix: 125 if a
# variant cannot build the tree.)

set -u

suite=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
kdir=$(pwd -P)
out=${O:-$suite/generated/bisect}

if [ ! -f "$kdir/mm/mmap.c" ]; then
	echo "bisect-run.sh: $kdir is not a kernel tree (no mm/mmap.c): run it from the tree being bisected" >&2
	exit 128
fi
mkdir -p "$out" || exit 128
if ! make -C "$suite" --no-print-directory KDIR="$kdir" \
	SERIES="${SERIES:-none}" O="$out" >"$out.build.log" 2>&1; then
	# our own prerequisites missing is not the commit's fault
	if grep -q 'prereqs:' "$out.build.log"; then
		cat "$out.build.log" >&2
		exit 128
	fi
	echo "bisect-run.sh: $(git -C "$kdir" describe --always 2>/dev/null || echo "$kdir") does not build: skipped (125); see $out.build.log" >&2
	exit 125
fi
"$out/vma" "$@"
case $? in
0) exit 0 ;;
1) exit 1 ;;
*) exit 128 ;;
esac

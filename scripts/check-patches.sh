#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check-patches.sh PATCHES_DIR KDIR_ORIG KDIR_PATCHED
#
# The review a series gets before it is sent:
# - KDIR's scripts/checkpatch.pl --strict on every patch of PATCHES_DIR
#   (apply-series.sh's copies, in order): 0 errors, 0 warnings, 0 checks;
# - KDIR's scripts/kernel-doc -Wall on every file the series changes: no
#   warning that the unpatched file does not already have.
# checkpatch verifies cited commit ids with git; KDIR_ORIG without .git
# (an unpacked release) cannot, so that one check is skipped, and said so.
set -euo pipefail

die() { echo "check-patches: error: $*" >&2; exit 1; }
. "$(dirname "${BASH_SOURCE[0]}")/ktap.sh"
[ $# -eq 3 ] || die "usage: check-patches.sh PATCHES_DIR KDIR_ORIG KDIR_PATCHED"
pdir=$1 orig=$(realpath "$2") patched=$(realpath "$3")
[ -x "$orig/scripts/checkpatch.pl" ] || [ -f "$orig/scripts/checkpatch.pl" ] ||
	die "$orig has no scripts/checkpatch.pl"

ignore=()
if [ ! -e "$orig/.git" ]; then
	ignore=(--ignore UNKNOWN_COMMIT_ID)
	echo "check-patches: $orig is not a git tree: cited commit ids are not verified"
fi

for p in "$pdir"/*; do
	name=$(basename "$p" | cut -c6-)
	# run from KDIR so that checkpatch finds its data files and git
	out=$(cd "$orig" && perl scripts/checkpatch.pl --strict --color=never \
		--showfile "${ignore[@]}" "$p" 2>&1) || true
	total=$(printf '%s\n' "$out" | grep -m1 '^total:' || echo 'total: ?')
	echo "checkpatch: $name: $total"
	if ! printf '%s\n' "$total" | grep -q '^total: 0 errors, 0 warnings, 0 checks'; then
		printf '%s\n' "$out" | grep -v '^total:\|^NOTE:\|^$' | sed 's/^/    /'
		ktap_result fail "checkpatch_${name%.patch}" "${total#total: }"
	else
		ktap_result ok "checkpatch_${name%.patch}"
	fi
done

mapfile -t files < <(sed -n 's|^+++ b/\([^[:space:]]*\.[ch]\)$|\1|p' "$pdir"/* | sort -u)
kdoc() {	# kdoc FILE: kernel-doc warnings without line numbers
	perl "$orig/scripts/kernel-doc" -none -Wall "$1" 2>&1 |
		sed -e "s|$2/||g" -e 's/:[0-9][0-9]*\([: ]\)/\1/' | sort -u
}
for f in "${files[@]}"; do
	before=$( [ -f "$orig/$f" ] && kdoc "$orig/$f" "$orig" || true)
	after=$(kdoc "$patched/$f" "$patched")
	new=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep . || true)
	if [ -n "$new" ]; then
		echo "kernel-doc: $f: new warnings:"
		printf '%s\n' "$new" | sed 's/^/    /'
		ktap_result fail "kernel_doc_$f" "new warnings"
	else
		echo "kernel-doc: $f: no new warnings"
		ktap_result ok "kernel_doc_$f"
	fi
done

# one check per patch and per changed file, in the runner's format
ktap_finish

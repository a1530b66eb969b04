#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# coverage.sh BUILD_DIR KDIR [KDIR_ORIG]: run the gcov-instrumented ./vma in BUILD_DIR,
# write an HTML report to BUILD_DIR/html/index.html and print one line per
# kernel file:
#
#	<path> lines <L>% functions <F>%
#
# 'make coverage' builds BUILD_DIR (O=generated/coverage, SAN=0, --coverage)
# and runs this.  mm/huge_memory.c counts only the functions the harness
# extracts from it (the #line directives of the extraction attribute them
# to the real file).
set -euo pipefail

out=$1
kdir=$(realpath "$2")
# with a series, KDIR is an overlay: patched files are under it, the
# others resolve (through its symlinks) to the original tree
orig=$(realpath "${3:-$2}")
files=(mm/vma.c mm/vma_init.c mm/vma_exec.c mm/mmap.c mm/huge_memory.c
       lib/maple_tree.c)

find "$out" -name '*.gcda' -delete
status=0
"$out/vma" >"$out/vma.log" 2>&1 || status=$?
tail -n 1 "$out/vma.log"

filters=()
for f in "${files[@]}"; do
	for d in "$kdir" "$orig"; do
		filters+=(--filter "$(printf '%s' "$d/$f" | sed 's/[.[\]*^$]/\\&/g')")
	done
done
mkdir -p "$out/html"
# -r /: the kernel files live outside the source tree
gcovr -r / --gcov-ignore-parse-errors --object-directory "$out" "${filters[@]}" \
	--html-details "$out/html/index.html" \
	--json-summary "$out/summary.json" "$out" >/dev/null

python3 - "$out/summary.json" "$kdir" "$orig" "${files[@]}" <<'PY'
import json, sys
summary, kdir, orig, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
by_path = {f['filename'].lstrip('/'): f for f in json.load(open(summary))['files']}
for name in files:
    f = (by_path.get((kdir + '/' + name).lstrip('/')) or
         by_path.get((orig + '/' + name).lstrip('/')))
    if not f:
        print('%s lines 0.0%% functions 0.0%% (not built)' % name)
        continue
    print('%s lines %.1f%% functions %.1f%%' % (name, f['line_percent'],
                                                 f['function_percent']))
PY
echo "coverage: report in $out/html/index.html"
if [ $status -ne 0 ]; then
	grep '^not ok' "$out/vma.log" >&2 || true
	echo "coverage: ./vma failed (status $status, log: $out/vma.log): the figures above are of a failing run" >&2
	exit 1
fi

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# stack-series.sh SERIES OUT [PATCH...]
#
# Make OUT a series directory (for SERIES=OUT): the patches of SERIES (a
# directory with a 'series' file, or none), then each PATCH, listed in
# OUT/series.  The extra patches are copied as 9990-..., 9991-... so that
# apply-series names them without their number.  Anything else in OUT is
# removed.  Used by 'make mutate' and run.sh's uaf-proof variant.
set -euo pipefail

die() { echo "stack-series: error: $*" >&2; exit 2; }

[ $# -ge 2 ] || die "usage: stack-series.sh SERIES OUT [PATCH...]"
series=$1 out=$2
shift 2

mkdir -p "$out"
rm -f "$out"/*
: >"$out/series.new"
if [ "$series" != none ]; then
	[ -f "$series/series" ] ||
		die "SERIES=$series: a series directory (with a 'series' file) or none is needed"
	while read -r p; do
		p=${p%%#*}
		p=${p%"${p##*[![:space:]]}"}
		[ -n "$p" ] || continue
		cp "$series/$p" "$out/" || die "$series/$p: cannot copy"
		echo "$p" >>"$out/series.new"
	done <"$series/series"
fi
n=9990
for p in "$@"; do
	name=$n-$(basename "$p")
	cp "$p" "$out/$name" || die "$p: cannot copy"
	echo "$name" >>"$out/series.new"
	n=$((n + 1))
done
mv "$out/series.new" "$out/series"

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-layout.sh SRCTREE [KDIR]: the harness's own rules, as KTAP, two
# tests: every stand-in is tagged with its kind and is what the tag says
# (scripts/where.py check), and no comment or document points at a file
# or a name that does not exist (scripts/check-refs.py).  The last line
# is "N passed, N failed, 0 skipped".
set -u

srctree=$1 kdir=${2:-}
python=${PYTHON:-python3}
pass=0 fail=0 n=0

check() {
	name=$1
	shift
	n=$((n + 1))
	if out=$("$@" 2>&1); then
		echo "ok $n $name"
		pass=$((pass + 1))
	else
		printf '%s\n' "$out" | sed 's/^/# /'
		echo "not ok $n $name"
		fail=$((fail + 1))
	fi
}

echo "KTAP version 1"
echo "1..2"
check stand_ins_tagged "$python" "$srctree/scripts/where.py" check "$srctree"
check references_exist "$python" "$srctree/scripts/check-refs.py" "$srctree" $kdir
echo "$pass passed, $fail failed, 0 skipped"
[ "$fail" = 0 ]

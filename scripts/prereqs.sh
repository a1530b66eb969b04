#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# prereqs.sh GROUP...
#
# Check that the host tools/headers needed by the given make target groups
# are present.  Nothing missing: print nothing, exit 0 (fast; make runs this
# every time).  Something missing: as root, install the Debian packages with
# apt-get; otherwise print the apt-get command to run and exit 1.

set -euo pipefail

# group  test                    debian-package
# test is one of:
#   cmd:NAME   a command found in $PATH
#   file:PATH  an existing file (e.g. a header); PATH may be a glob and
#              may list alternatives separated by "|" (Debian installs
#              some headers under the multiarch dir /usr/include/<triplet>/)
#   dpkg:PKG   an installed Debian package (dpkg-query)
# apt-get itself is not listed: fetch-kernel.sh reports its absence.
PREREQS='
build  cmd:python3                                   python3
build  file:/usr/include/urcu.h|/usr/include/*/urcu.h liburcu-dev
build  cmd:xz                                        xz-utils
build  cmd:dpkg-deb                                  dpkg
build  cmd:patch                                     patch
check  cmd:valgrind                                  valgrind
coverage cmd:gcovr                                   gcovr
'

msg() { echo "prereqs: $*" >&2; }

[ $# -gt 0 ] || { msg "usage: $0 GROUP..."; exit 2; }

# Return 0 if the test (cmd:/file:/dpkg:) is satisfied.
have() {
	local kind=${1%%:*} arg=${1#*:}
	case $kind in
	cmd)  command -v "$arg" >/dev/null 2>&1 ;;
	file) local alt alts
	      IFS='|' read -ra alts <<<"$arg"
	      for alt in "${alts[@]}"; do
		      compgen -G "$alt" >/dev/null && return 0
	      done
	      return 1 ;;
	dpkg) [ "$(dpkg-query -W -f='${Status}' "$arg" 2>/dev/null)" = \
		"install ok installed" ] ;;
	*)    msg "error: bad test '$1' in prereqs table"; exit 2 ;;
	esac
}

# Sets MISSING (unique package list) and MISSING_GROUPS for groups "$@".
check() {
	local want group test pkg known
	MISSING=() MISSING_GROUPS=()
	for want in "$@"; do
		known=0
		while read -r group test pkg; do
			[ "$group" = "$want" ] || continue
			known=1
			have "$test" && continue
			[[ " ${MISSING[*]} " == *" $pkg "* ]] || MISSING+=("$pkg")
			[[ " ${MISSING_GROUPS[*]} " == *" make $want "* ]] ||
				MISSING_GROUPS+=("make $want")
		done <<<"$PREREQS"
		if [ $known = 0 ]; then
			msg "error: unknown group '$want' (known: $(awk 'NF { print $1 }' <<<"$PREREQS" | sort -u | paste -sd ' '))"
			exit 2
		fi
	done
}

check "$@"
[ ${#MISSING[@]} -eq 0 ] && exit 0

pkgs=${MISSING[*]}
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
	msg "missing $pkgs; run: sudo apt-get install -y $pkgs"
	exit 1
fi

groups=$(IFS=,; echo "${MISSING_GROUPS[*]}")
msg "installing $pkgs (needed by ${groups//,/, })"
install() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends -o DPkg::Lock::Timeout=120 \
		"${MISSING[@]}" >&2
}
# Empty or stale package lists make the install fail: update once, retry.
if ! install; then
	msg "apt-get install failed; running apt-get update and retrying"
	apt-get update -q >&2 || true
	install || { msg "error: apt-get install $pkgs failed"; exit 1; }
fi

check "$@"
if [ ${#MISSING[@]} -gt 0 ]; then
	msg "error: still missing after install: ${MISSING[*]}"
	exit 1
fi
exit 0

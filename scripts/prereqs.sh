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
# A PKG:ARCH of a foreign architecture (m32: liburcu-dev:i386) needs that
# architecture enabled in dpkg first: as root this script does that
# (dpkg --add-architecture, apt-get update) and says so; otherwise it
# prints those commands too.
# m32 takes gcc's versioned multilib package and the i386 kernel headers
# rather than gcc-multilib, which conflicts with every gcc cross compiler
# (gcc-aarch64-linux-gnu: kbuild-check's arm64 build) for its
# /usr/include/asm link
gcc_major=$(gcc -dumpversion 2>/dev/null | cut -d. -f1)
PREREQS='
build  cmd:python3                                   python3
build  file:/usr/include/urcu.h|/usr/include/*/urcu.h liburcu-dev
build  cmd:xz                                        xz-utils
build  cmd:dpkg-deb                                  dpkg
build  cmd:patch                                     patch
check  cmd:valgrind                                  valgrind
clang  cmd:clang                                     clang
clang  file:/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.asan-x86_64.a libclang-rt-dev
coverage cmd:gcovr                                   gcovr
kbuild cmd:flex                                      flex
kbuild cmd:bison                                     bison
kbuild cmd:bc                                        bc
kbuild file:/usr/include/gelf.h                      libelf-dev
kbuild file:/usr/include/openssl/evp.h               libssl-dev
kbuild cmd:aarch64-linux-gnu-gcc                     gcc-aarch64-linux-gnu
m32    file:/usr/lib/gcc/x86_64-linux-gnu/*/32/libgcc.a gcc-'"${gcc_major:-12}"'-multilib
m32    file:/usr/include/x86_64-linux-gnu/gnu/stubs-32.h libc6-dev-i386
m32    file:/usr/include/i386-linux-gnu/asm/types.h    linux-libc-dev:i386
m32    file:/usr/include/i386-linux-gnu/urcu.h         liburcu-dev:i386
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

# Foreign architectures the missing packages need that dpkg lacks
ARCHS=()
known_archs=" $(dpkg --print-architecture 2>/dev/null || true) $(dpkg \
	--print-foreign-architectures 2>/dev/null | tr '\n' ' ' || true)"
for pkg in "${MISSING[@]}"; do
	arch=${pkg##*:}
	[ "$arch" != "$pkg" ] || continue
	[[ "$known_archs" == *" $arch "* ]] && continue
	[[ " ${ARCHS[*]} " == *" $arch "* ]] || ARCHS+=("$arch")
done

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
	if [ ${#ARCHS[@]} -gt 0 ]; then
		msg "missing $pkgs; run:"
		for arch in "${ARCHS[@]}"; do
			msg "  sudo dpkg --add-architecture $arch"
		done
		msg "  sudo apt-get update"
		msg "  sudo apt-get install -y $pkgs"
	else
		msg "missing $pkgs; run: sudo apt-get install -y $pkgs"
	fi
	exit 1
fi

for arch in "${ARCHS[@]}"; do
	msg "enabling dpkg architecture $arch (dpkg --add-architecture $arch; apt-get update) for ${pkgs}"
	dpkg --add-architecture "$arch" ||
		{ msg "error: dpkg --add-architecture $arch failed"; exit 1; }
done
if [ ${#ARCHS[@]} -gt 0 ]; then
	apt-get update -q >&2 || true
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

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kbuild-check.sh SRC KDIR OUT [PATCHES]
#
# Compile the files a series touches in a real kernel build, out of tree,
# for three configs:
#   x86_64  defconfig + TRANSPARENT_HUGEPAGE + VFIO + VFIO_PCI (all =y)
#           + IOMMUFD + VFIO_DEVICE_CDEV (if they can be =y)
#   i386    defconfig + TRANSPARENT_HUGEPAGE + VFIO + VFIO_PCI
#   arm64   defconfig + the same as x86_64, cross-compiled with
#           $CROSS_COMPILE (default aarch64-linux-gnu-, Debian's
#           gcc-aarch64-linux-gnu)
# all with CONFIG_WERROR=y (checked) and W=$KBUILD_W.
#
# SRC is the tree to build (the series overlay, or KDIR itself), KDIR the
# tree as given; neither is written to, and that is checked at the end:
# nothing under either may be newer than the start of the run.  OUT holds
# one kbuild output directory per config (OUT/x86_64, OUT/i386), reused
# between runs; it starts over when SRC, KDIR, the compiler or the config
# recipe changes.  PATCHES is the directory of the applied patches: every
# .c file they touch is compiled too (if kbuild builds it in that config;
# files under tools/ are not kernel objects: 'make upstream-vma' builds
# tools/testing/vma).
#
# Prints a line per config as it goes, then a KTAP document (one result
# per config, and one that the trees are untouched) and last
# "N passed, N failed, 0 skipped".  Exit status 0 iff every config
# compiled and the trees are untouched.
#
# Environment: KBUILD_W (kbuild's W=, default 1), JOBS (default nproc),
# V=1 (show kbuild's output), CROSS_COMPILE (the arm64 build's prefix),
# KBUILD_CONFIGS (the configs to build, default "x86_64 i386 arm64").

set -euo pipefail

die() { echo "kbuild-check: error: $*" >&2; exit 2; }
. "$(dirname "${BASH_SOURCE[0]}")/ktap.sh"

[ $# -ge 3 ] && [ $# -le 4 ] || die "usage: kbuild-check.sh SRC KDIR OUT [PATCHES]"
src=$(realpath -- "$1")
kdir=$(realpath -- "$2")
out=$(realpath -m -- "$3")
patches=${4:-}
kw=${KBUILD_W-1}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
verbose=${V:-0}
[ -f "$src/Makefile" ] && [ -d "$src/mm" ] || die "$src is not a kernel source tree; pass KDIR=/path/to/linux"
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
configs=${KBUILD_CONFIGS:-x86_64 i386 arm64}
for t in flex bison bc; do
	command -v $t >/dev/null || die "$t is missing; run scripts/prereqs.sh kbuild (as root it installs)"
done
if [[ " $configs " == *" arm64 "* ]]; then
	command -v "${cross}gcc" >/dev/null ||
		die "${cross}gcc is missing (the arm64 build's cross compiler): apt-get install gcc-aarch64-linux-gnu, or set CROSS_COMPILE"
fi

# Our make's variables (KDIR=, O=, V=, CC=, ...) must not reach kbuild.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
export LC_ALL=C

mkdir -p "$out"
stamp=$out/.start

# A tree that was built in place makes kbuild refuse O= ("source tree is
# not clean") and its generated headers would shadow ours: build from a
# view of symlinks that leaves them out.  SRC itself is never cleaned.
view_dirty() {
	[ -e "$1/.config" ] || [ -d "$1/include/config" ] ||
	[ -d "$1/include/generated" ] ||
	compgen -G "$1/arch/*/include/generated" >/dev/null
}
# link_except(): scripts/tree-links.sh
. "$(dirname "${BASH_SOURCE[0]}")/tree-links.sh"
build_src=$src
if view_dirty "$src"; then
	view=$out/src
	rm -rf "$view.new"
	link_except "$src" "$view.new" .config .config.old include arch
	link_except "$src/include" "$view.new/include" config generated
	link_except "$src/arch" "$view.new/arch" x86 arm64
	for a in x86 arm64; do
		link_except "$src/arch/$a" "$view.new/arch/$a" include
		link_except "$src/arch/$a/include" "$view.new/arch/$a/include" generated
	done
	rm -rf "$view"
	mv "$view.new" "$view"
	build_src=$view
	echo "kbuild-check: $src was built in place; building from a clean view of it, $view"
fi
touch "$stamp"

# The .c files the series touches, as objects, after the three we always build.
# Without PATCHES, an overlay made by apply-series.sh (OUT/kdir beside
# OUT/patches and OUT/stamp, as 'make check' passes it on) names its own.
if [ -z "$patches" ] && [ "${src##*/}" = kdir ] && [ -f "$src/../stamp" ] &&
   [ -d "$src/../patches" ]; then
	patches=$(realpath -- "$src/../patches")
fi
base_objs=(mm/mmap.o mm/vma.o mm/huge_memory.o)
series_objs=()
if [ -n "$patches" ]; then
	while read -r f; do
		[[ $f == tools/* ]] && continue
		o=${f%.c}.o
		[[ " ${base_objs[*]} ${series_objs[*]} " == *" $o "* ]] || series_objs+=("$o")
	done < <(sed -n 's|^+++ b/\([^[:space:]]*\.c\)\([[:space:]].*\)\{0,1\}$|\1|p' "$patches"/* | sort -u)
fi

kflags=(-s)
[ "$verbose" = 1 ] && kflags=(V=1)
srcarch() {	# srcarch ARCH: kbuild's SRCARCH
	case $1 in arm64) echo arm64 ;; *) echo x86 ;; esac
}
kmake() {	# kmake DIR ARCH ARGS...: kbuild in DIR
	local dir=$1 arch=$2
	shift 2
	if [ "$arch" = arm64 ]; then
		set -- CROSS_COMPILE="$cross" "$@"
	fi
	make -C "$build_src" O="$dir" ARCH="$arch" "${kflags[@]}" "$@"
}

# Which objects kbuild builds, per directory: the directory's Makefile
# evaluated against the config.  make stops with $(error) right after
# parsing, so that no rule can run (and nothing can be written).
evalmk=$out/eval.mk
cat > "$evalmk" <<'EOF'
obj-y :=
obj-m :=
lib-y :=
lib-m :=
subdir-y :=
subdir-m :=
src := $(srctree)/$(obj)
-include include/config/auto.conf
-include $(srctree)/scripts/Kbuild.include
-include $(srctree)/scripts/Makefile.compiler
include $(or $(wildcard $(src)/Kbuild),$(src)/Makefile)
kc-parts = $(foreach m,$(1),$(or $(strip $(foreach s,$(2),$($(m:.o=$(s))))),$(m)))
$(info kbuild-check-objs: $(call kc-parts,$(obj-y) $(obj-m) $(lib-y) $(lib-m),-objs -y -m))
$(info kbuild-check-dirs: $(filter %/,$(obj-y) $(obj-m)) $(addsuffix /,$(subdir-y) $(subdir-m)))
$(error done)
EOF
declare -A eval_objs eval_dirs
eval_dir() {	# eval_dir SCRATCH ARCH DIR: fill eval_objs[SCRATCH:DIR], eval_dirs[..]
	local dir=$1 arch=$2 d=$3 bits=64 archdirs res sa
	[ -n "${eval_objs[$dir:$d]+x}" ] && return
	[ "$arch" = i386 ] && bits=32
	sa=$(srcarch "$arch")
	# the arch Makefile's core-/libs-/drivers- directories hang off the top
	archdirs=$(sed -n 's/^\(core\|libs\|drivers\)-[^[:space:]]*[[:space:]]*[:+]\{0,1\}=//p' \
			"$build_src/arch/$sa/Makefile" | tr -s ' \t' '\n' | sed -n '\|/$|p' | paste -sd ' ')
	res=$(cd "$dir" && make -r -f "$evalmk" obj="$d" srctree="$build_src" \
		srcroot="$build_src" objtree=. ARCH="$arch" SRCARCH=$sa BITS=$bits \
		ARCH_CORE= ARCH_DRIVERS="$archdirs" ARCH_LIB="lib/" 2>/dev/null || true)
	eval_objs[$dir:$d]=" $(sed -n 's/^kbuild-check-objs://p' <<<"$res") "
	eval_dirs[$dir:$d]=" $(sed -n 's/^kbuild-check-dirs://p' <<<"$res") "
}
reached() {	# reached SCRATCH ARCH DIR: does kbuild descend into DIR?
	local dir=$1 arch=$2 d=$3 p
	[ "$d" = . ] && return 0
	eval_dir "$dir" "$arch" .
	[[ ${eval_dirs[$dir:.]} == *" $d/ "* ]] && return 0
	p=$(dirname "$d")
	[ "$p" = . ] && return 1
	reached "$dir" "$arch" "$p" || return 1
	eval_dir "$dir" "$arch" "$p"
	[[ ${eval_dirs[$dir:$p]} == *" ${d##*/}/ "* ]]
}
in_config() {	# in_config SCRATCH ARCH OBJ: does kbuild build OBJ?
	local dir=$1 arch=$2 o=$3 d
	d=$(dirname "$o")
	while [ "$d" != . ]; do
		if reached "$dir" "$arch" "$d"; then
			eval_dir "$dir" "$arch" "$d"
			[[ ${eval_objs[$dir:$d]} == *" ${o#"$d"/} "* ]] && return 0
		fi
		d=$(dirname "$d")
	done
	return 1
}

# check_config NAME ARCH LABEL REQUIRED WANTED: REQUIRED options must end
# up =y, WANTED ones are reported if they do not
check_config() {
	local name=$1 arch=$2 label=$3 required=$4 wanted=$5
	local dir=$out/$name log=$out/$name.log id opt st note status t0=$SECONDS
	local objs=() skipped=() failed=() ok=() notes=() o
	local defconfig=${arch}_defconfig ccprefix=

	if [[ " $configs " != *" $name "* ]]; then
		return
	fi
	if [ "$arch" = arm64 ]; then
		defconfig=defconfig
		ccprefix=$cross
	fi

	id="src=$src $build_src
kdir=$kdir
arch=$arch
options=$required $wanted
defconfig=$(sha256sum < "$build_src/arch/$(srcarch "$arch")/configs/$defconfig")
cc=$(${ccprefix}gcc --version | sed -n 1p)
recipe=2"
	if [ ! -f "$dir/.config" ] || [ "$(cat "$dir/kbuild-check.id" 2>/dev/null)" != "$id" ]; then
		echo "kbuild-check: $name: new output directory $dir (defconfig, prepare: takes a minute or two)"
		rm -rf "$dir"
		mkdir -p "$dir"
		if ! { kmake "$dir" "$arch" defconfig &&
		       for opt in $required $wanted; do
			       "$build_src/scripts/config" --file "$dir/.config" -e "$opt"
		       done &&
		       kmake "$dir" "$arch" olddefconfig; } >"$log" 2>&1; then
			echo "kbuild-check: $name $label: configuration FAILED:"
			sed 's/^/  /' "$log" | tail -n 40 || true
			ktap_result fail "$name" "configuration failed"
			return
		fi
		echo "$id" > "$dir/kbuild-check.id"
	fi
	# kbuild keeps .config in step with Kconfig changes: check every time
	for opt in $required $wanted; do
		st=$("$build_src/scripts/config" --file "$dir/.config" --state "$opt")
		[ "$st" = y ] && continue
		if [[ " $wanted " == *" $opt "* ]]; then
			notes+=("CONFIG_$opt cannot be enabled: olddefconfig leaves it '$st'")
			[ "$opt" = TRANSPARENT_HUGEPAGE ] && label=${label/+THP/ (no THP)}
		else
			echo "kbuild-check: $name $label: CONFIG_$opt is '$st' after olddefconfig, not y; its Kconfig dependencies changed: adjust scripts/kbuild-check.sh"
			ktap_result fail "$name" "CONFIG_$opt is not y"
			return
		fi
	done

	if ! kmake "$dir" "$arch" -j"$jobs" W="$kw" prepare >"$log" 2>&1; then
		echo "kbuild-check: $name $label: make prepare FAILED ($((SECONDS - t0)) s):"
		grep -Ev '^make(\[[0-9]+\])?: (Entering|Leaving)' "$log" | sed 's/^/  /' | tail -n 60 || true
		ktap_result fail "$name" "make prepare failed"
		return
	fi
	# (after prepare, which writes the include/config/auto.conf this reads)
	objs=("${base_objs[@]}")
	for o in "${series_objs[@]}"; do
		if [ ! -f "$build_src/${o%.o}.c" ]; then
			continue		# deleted by the series
		elif in_config "$dir" "$arch" "$o"; then
			objs+=("$o")
		else
			skipped+=("$o")
		fi
	done
	[ ${#skipped[@]} -eq 0 ] || notes+=("not built in this config: ${skipped[*]}")

	# -k: every object's errors, not only the first one's
	status=0
	kmake "$dir" "$arch" -k -j"$jobs" W="$kw" "${objs[@]}" >>"$log" 2>&1 || status=$?
	for o in "${objs[@]}"; do
		if [ "$status" != 0 ] && grep -qF ": $o] Error" "$log"; then
			failed+=("$o")
		else
			ok+=("$o")
		fi
	done
	note=$(printf '%s; ' "${notes[@]}")
	note="($((SECONDS - t0)) s)${notes[0]:+ (${note%; })}"
	if [ "$status" = 0 ]; then
		echo "kbuild-check: $name $label: ${objs[*]} OK $note"
		[ "$verbose" = 1 ] && sed 's/^/  /' "$log"
		ktap_result ok "$name"
		return
	fi
	echo "kbuild-check: $name $label: ${failed[*]:-make} FAILED${ok[0]:+, ${ok[*]} OK} $note:"
	grep -Ev '^make(\[[0-9]+\])?: (Entering|Leaving|\*\*\*|Target .* not remade)' "$log" |
		sed 's/^/  /' | sed -n 1,100p || true
	ktap_result fail "$name" "${failed[*]:-make} failed"
}

check_config x86_64 x86_64 "defconfig+THP+VFIO_PCI" \
	"TRANSPARENT_HUGEPAGE VFIO VFIO_PCI WERROR" "IOMMUFD VFIO_DEVICE_CDEV"
# THP needs nothing more on i386 (2-level paging, 4 MiB PMDs; no HIGHMEM
# or PAE) in the trees we know; if that changes, say so and build anyway.
check_config i386 i386 "defconfig+THP+VFIO_PCI" "VFIO VFIO_PCI WERROR" \
	"TRANSPARENT_HUGEPAGE IOMMUFD VFIO_DEVICE_CDEV"
# arm64 (4K pages, the defconfig's), cross-compiled: the generic
# placement and the PMD-only PFN mapping paths of the series
check_config arm64 arm64 "defconfig+THP+VFIO_PCI (${cross}gcc)" \
	"TRANSPARENT_HUGEPAGE VFIO VFIO_PCI WERROR" "IOMMUFD VFIO_DEVICE_CDEV"

# Nothing under KDIR, SRC (the overlay), our view, or the trees their
# top-level Makefile links to may have changed.
trees=()
for t in "$kdir" "$src" "$build_src" "$(dirname "$(realpath "$src/Makefile")")" \
	 "$(dirname "$(realpath "$kdir/Makefile")")"; do
	[[ " ${trees[*]} " == *" $t "* ]] || trees+=("$t")
done
changed=$(find "${trees[@]}" \( -newer "$stamp" -o -cnewer "$stamp" \) -print 2>/dev/null | sed -n 1,5p) || true
if [ -n "$changed" ]; then
	echo "kbuild-check: FAILED: the source trees changed during the run: written by this build (a bug to report), or by another process (a make re-applying the series in the same O=?); run again:"
	sed 's/^/  /' <<<"$changed"
	ktap_result fail source_trees_untouched "changed during the run"
else
	echo "kbuild-check: source trees untouched: nothing under $(IFS=,; echo "${trees[*]}" | sed 's/,/, /g') changed during the run"
	ktap_result ok source_trees_untouched
fi

ktap_finish

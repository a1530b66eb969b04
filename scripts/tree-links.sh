# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the scripts that build in views of a kernel tree made of
# symlinks (kbuild-check.sh, upstream-vma.sh), so that KDIR itself is
# never written to.

# link_except FROM TO NAME...: TO/x -> FROM/x for every entry but NAMEs
link_except() {
	local from=$1 to=$2 e n
	shift 2
	mkdir -p "$to"
	for e in "$from"/* "$from"/.[!.]*; do
		[ -e "$e" ] || [ -L "$e" ] || continue
		n=${e##*/}
		[[ " $* " == *" $n "* ]] && continue
		ln -s "$e" "$to/$n"
	done
}

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# apply-series.sh SERIES KDIR OUT
#
# Apply a patch series to private copies of the files it touches and print
# the path of a kernel tree to build: OUT/kdir, whose entries are symlinks
# into KDIR except the patched files (real files) and the directories on
# their way (real directories of symlinks).  KDIR is never written to.
#
# SERIES is a directory holding a 'series' file (patch file names in order,
# '#' comments allowed, as quilt writes it), or an mbox such as
# 'git format-patch --stdout' or 'b4 am' write.  A cover letter (a message
# without a diff) is skipped.
#
# Nothing is redone while the series, KDIR and the originals are unchanged
# (OUT/stamp); when they change, only patched files whose contents change
# are rewritten, so a rebuild recompiles what changed and nothing else.
# OUT/files records KDIR and the patched files: the build's configuration.  Messages go to
# stderr; a patch that does not apply stops with one line naming the
# patch, the file and the hunk.
set -euo pipefail

die() { echo "apply-series: error: $*" >&2; exit 1; }

[ $# -eq 3 ] || die "usage: apply-series.sh SERIES KDIR OUT"
series=$1
kdir=$(realpath -- "$2")
out=$(realpath -m -- "$3")
command -v patch >/dev/null || die "patch is not installed (apt-get install patch)"

# The patches, in order, as files under $out/patches.new/
rm -rf "$out/patches.new"
mkdir -p "$out/patches.new"
if [ -d "$series" ]; then
	[ -f "$series/series" ] || die "$series has no 'series' file listing the patches in order"
	n=0
	while read -r name _; do
		case $name in ''|'#'*) continue ;; esac
		[ -f "$series/$name" ] || die "$series/series lists $name, which does not exist"
		n=$((n + 1))
		cp "$series/$name" "$out/patches.new/$(printf '%04d' $n)-$name"
	done < "$series/series"
elif [ -f "$series" ]; then
	# mbox: one message per 'From <40 hex digits> ...' line
	python3 - "$series" "$out/patches.new" <<'PY' || exit 1
import re, sys
text = open(sys.argv[1], errors='replace').read()
msgs = re.split(r'(?m)^(?=From [0-9a-f]{40} )', text)
n = 0
for m in msgs:
    if '\n--- a/' not in m and '\n--- /dev/null' not in m:
        continue        # cover letter or anything without a diff
    n += 1
    subj = re.search(r'(?m)^Subject: (.*)$', m)
    name = re.sub(r'[^A-Za-z0-9]+', '-', subj.group(1) if subj else 'patch')
    open('%s/%04d-%s.patch' % (sys.argv[2], n, name.strip('-')[:50]),
         'w').write(m)
if n == 0:
    sys.exit('apply-series: error: %s holds no patch (no message with a '
             'diff)' % sys.argv[1])
PY
else
	die "SERIES=$series is neither a directory with a 'series' file nor an mbox file"
fi
patches=("$out"/patches.new/*)
[ -e "${patches[0]}" ] || die "$series lists no patch"

# The files the series touches (paths relative to the tree)
mapfile -t files < <(sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "${patches[@]}" | sort -u)
[ ${#files[@]} -gt 0 ] || die "$series changes no file"

# Up to date?  Same patches, same KDIR, same originals.
stamp=$( {
	echo "$kdir"
	cat "$0"
	cat "${patches[@]}"
	for f in "${files[@]}"; do
		stat -c '%n %s %Y' "$kdir/$f" 2>/dev/null || echo "$f (new)"
	done
} | sha256sum)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ] &&
   [ -d "$out/kdir" ]; then
	rm -rf "$out/patches.new"
	echo "$out/kdir"
	exit 0
fi

# Apply to copies of the originals
rm -rf "$out/tree" "$out/kdir.new"
for f in "${files[@]}"; do
	mkdir -p "$out/tree/$(dirname "$f")"
	if [ -f "$kdir/$f" ]; then
		cp "$kdir/$f" "$out/tree/$f"
	fi
done
for p in "${patches[@]}"; do
	name=$(basename "$p" | cut -c6-)
	if ! log=$(patch -p1 -N --fuzz=0 --no-backup-if-mismatch -r - -d "$out/tree" \
			-i "$p" 2>&1); then
		# the file of the first failed hunk, else the last one patched
		file=$(printf '%s\n' "$log" | awk '
			/^patching file / { f = substr($0, 15) }
			/Hunk #[0-9]+ FAILED/ { print f; found = 1; exit }
			END { if (!found) print f }')
		hunk=$(printf '%s\n' "$log" | grep -m1 -o 'Hunk #[0-9]* FAILED at [0-9]*' || true)
		why=${hunk:+: $hunk}
		if printf '%s\n' "$log" | grep -q 'previously applied'; then
			why=": already applied (does KDIR carry the series? then use SERIES=none)"
		elif [ -z "$hunk" ]; then
			why=": $(printf '%s\n' "$log" | grep -v '^patching file' | head -n 1)"
		fi
		die "$name does not apply to ${file:-KDIR}$why (KDIR=$kdir); rebase the series onto this tree, or build the tree as it is with SERIES=none"
	fi
done

# The overlay: symlinks into KDIR, real directories on the way to each
# patched file, the patched files themselves.  It is rebuilt only when
# the set of patched files or KDIR changed; otherwise only the patched
# files whose contents changed are rewritten, so that their mtimes, and
# make's view of what to recompile, change only with their contents.
layout=$(printf '%s\n' "$kdir" "${files[@]}")
if [ ! -d "$out/kdir" ] || [ "$(cat "$out/files" 2>/dev/null)" != "$layout" ]; then
	rm -rf "$out/kdir.new"
	declare -A made
	link_dir() {	# link_dir REL: make kdir.new/REL a directory of symlinks
		local rel=$1 e
		[ -n "${made[$rel]:-}" ] && return
		made[$rel]=1
		rm -f "$out/kdir.new/$rel"
		mkdir -p "$out/kdir.new/$rel"
		for e in "$kdir/$rel"/* "$kdir/$rel"/.[!.]*; do
			[ -e "$e" ] || [ -L "$e" ] || continue
			ln -s "$e" "$out/kdir.new/$rel/$(basename "$e")"
		done
	}
	link_dir .
	for f in "${files[@]}"; do
		path=.
		IFS=/ read -ra parts <<< "$(dirname "$f")"
		for part in "${parts[@]}"; do
			[ "$part" = . ] && continue
			path=$path/$part
			link_dir "$path"
		done
		rm -f "$out/kdir.new/$f"
		cp "$out/tree/$f" "$out/kdir.new/$f"
	done
	rm -rf "$out/kdir"
	mv "$out/kdir.new" "$out/kdir"
	printf '%s\n' "$layout" > "$out/files"
else
	for f in "${files[@]}"; do
		cmp -s "$out/tree/$f" "$out/kdir/$f" ||
			cp "$out/tree/$f" "$out/kdir/$f"
	done
fi

rm -rf "$out/patches"
mv "$out/patches.new" "$out/patches"
echo "$stamp" > "$out/stamp"
echo "apply-series: applied ${#patches[@]} patches to ${#files[@]} files: $(echo "${files[@]}")" >&2
echo "$out/kdir"

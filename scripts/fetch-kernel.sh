#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# fetch-kernel.sh KVER CACHEDIR
#
# Obtain Debian's linux-source-KVER binary package (any Debian version of it)
# with apt, unpack the kernel tree into CACHEDIR/linux-source-KVER and print
# its absolute path as the only line on stdout.  Progress and errors go to
# stderr, prefixed "fetch-kernel: ".
#
# The system's apt configuration and state are never modified: a private
# sources.list, lists dir and cache are built under CACHEDIR/apt, using the
# Debian mirror URIs found in the system's own apt sources.
#
# Once a tree has been unpacked (stamp file present), later runs print the
# path immediately without any network access.
#
# Testing only: FETCH_KERNEL_APT_SOURCES_DIR=/some/dir makes the script read
# /some/dir/sources.list and /some/dir/sources.list.d/ instead of /etc/apt's
# (e.g. to simulate an unreachable mirror).

set -euo pipefail

# Suites that carry linux-source-X.Y packages: trixie-backports has the
# newest kernels (7.3, 7.2), sid has 7.2.  Add/remove suites here.
SUITES="trixie-backports sid"

DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
APT_SOURCES_DIR=${FETCH_KERNEL_APT_SOURCES_DIR:-/etc/apt}

msg() { echo "fetch-kernel: $*" >&2; }
die() { echo "fetch-kernel: error: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 KVER CACHEDIR (e.g. $0 7.3 ~/.cache/vma-test)"
KVER=$1
[[ $KVER =~ ^[0-9]+\.[0-9]+$ ]] ||
	die "malformed kernel version '$KVER': must be MAJOR.MINOR like 7.3"

PKG=linux-source-$KVER
mkdir -p -- "$2" || die "cannot create cache directory '$2'"
CACHEDIR=$(cd -- "$2" && pwd -P)
DEST=$CACHEDIR/$PKG
STAMP=$DEST/.vma-fetched
TMP=$CACHEDIR/$PKG.tmp

# Fast path: already unpacked, no network, no re-extract.
if [ -f "$STAMP" ]; then
	echo "$DEST"
	exit 0
fi

# Serialise concurrent runs sharing this CACHEDIR (they share the private
# apt dirs); re-check the stamp after the wait.
if command -v flock >/dev/null; then
	exec 9>"$CACHEDIR/.fetch-kernel.lock"
	flock 9
	if [ -f "$STAMP" ]; then
		echo "$DEST"
		exit 0
	fi
fi

# Check tools before downloading 165 MB.
command -v apt-get >/dev/null ||
	die "apt-get not found (not a Debian-based system?); unpack a Linux $KVER source tree yourself and pass KDIR=/path/to/linux"
command -v dpkg-deb >/dev/null ||
	die "dpkg-deb not found; install it with: apt-get install dpkg"
command -v tar >/dev/null ||
	die "tar not found; install it with: apt-get install tar"
command -v xz >/dev/null ||
	die "xz not found (needed to unpack the kernel tarball); install it with: apt-get install xz-utils"

# ---------------------------------------------------------------------------
# Collect Debian mirror URIs from the system's apt sources.

source_files=()
[ -f "$APT_SOURCES_DIR/sources.list" ] &&
	source_files+=("$APT_SOURCES_DIR/sources.list")
for f in "$APT_SOURCES_DIR"/sources.list.d/*.list \
	 "$APT_SOURCES_DIR"/sources.list.d/*.sources; do
	[ -f "$f" ] && source_files+=("$f")
done

# Prints one URI per line (trailing slash stripped, not yet de-duplicated).
# Rules: only "deb" (not deb-src), enabled, not a security archive, and
# signed by the Debian archive keyring (or unsigned with a path ending in
# /debian).
parse_sources() {
	awk -v keyring="$DEBIAN_KEYRING" '
	function ok_uri(uri, suites, signed) {
		if (uri ~ /security/ || suites ~ /security/)
			return 0
		if (uri ~ /^cdrom:/)
			return 0
		if (signed != "")
			return signed == keyring
		return uri ~ /\/debian\/?$/
	}
	function emit(uri) {
		sub(/\/+$/, "", uri)
		print uri
	}
	# One-line format: deb [opt=val ...] URI SUITE [COMPONENT...]
	function oneline(   i, n, tok, opts, signed, o, kv, no) {
		sub(/#.*/, "")
		n = split($0, tok, /[ \t]+/)
		i = 1
		if (tok[i] == "") i++
		if (tok[i] != "deb") return
		i++
		opts = ""
		if (substr(tok[i], 1, 1) == "[") {
			while (i <= n) {
				opts = opts " " tok[i]
				if (tok[i] ~ /\]$/) { i++; break }
				i++
			}
		}
		gsub(/[\[\]]/, " ", opts)
		signed = ""
		no = split(opts, o, /[ \t]+/)
		for (k = 1; k <= no; k++)
			if (tolower(o[k]) ~ /^signed-by=/)
				signed = substr(o[k], 11)
		if (i + 1 > n) return
		if (ok_uri(tok[i], tok[i + 1], signed))
			emit(tok[i])
	}
	# deb822 stanza handling
	function flush(   n, u, k) {
		if (have && types ~ /(^|[ \t])deb([ \t]|$)/ && tolower(enabled) != "no") {
			n = split(uris, u, /[ \t]+/)
			for (k = 1; k <= n; k++)
				if (u[k] != "" && ok_uri(u[k], suites, signed))
					emit(u[k])
		}
		have = 0; types = uris = suites = signed = enabled = ""; last = ""
	}
	FNR == 1 { if (deb822) flush(); deb822 = (FILENAME ~ /\.sources$/) }
	!deb822 { oneline(); next }
	/^#/ { next }
	/^[ \t]*$/ { flush(); next }
	/^[ \t]/ { next }	# continuation line (e.g. inline key block)
	{
		have = 1
		key = tolower($0); sub(/:.*/, "", key)
		val = $0; sub(/^[^:]*:[ \t]*/, "", val); sub(/[ \t]+$/, "", val)
		if (key == "types") types = val
		else if (key == "uris") uris = val
		else if (key == "suites") suites = val
		else if (key == "signed-by") signed = (val == "" ? "(inline key)" : val)
		else if (key == "enabled") enabled = val
	}
	END { if (deb822) flush() }
	' "$@"
}

URIS=()
if [ ${#source_files[@]} -gt 0 ]; then
	mapfile -t URIS < <(parse_sources "${source_files[@]}" | awk '!seen[$0]++')
fi
if [ ${#URIS[@]} -eq 0 ]; then
	read_list="${source_files[*]:-none of $APT_SOURCES_DIR/sources.list, $APT_SOURCES_DIR/sources.list.d/*.list|*.sources exist}"
	die "no usable Debian mirror URI in the system's apt sources (read: $read_list); add a Debian archive source or pass KDIR=/path/to/linux"
fi

# ---------------------------------------------------------------------------
# Private apt configuration.

APTDIR=$CACHEDIR/apt
mkdir -p "$APTDIR/sources.list.d" "$APTDIR/preferences.d" \
	 "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" \
	 "$APTDIR/state"

{
	echo "# Generated by fetch-kernel.sh from ${source_files[*]}"
	for uri in "${URIS[@]}"; do
		for suite in $SUITES; do
			echo "deb [signed-by=$DEBIAN_KEYRING] $uri $suite main"
		done
	done
} >"$APTDIR/sources.list"

# Drop hooks from the system config (e.g. appstream, packagekit refresh) so
# that our private "apt-get update" cannot touch system state.
cat >"$APTDIR/apt.conf" <<'EOF'
#clear APT::Update::Pre-Invoke;
#clear APT::Update::Post-Invoke;
#clear APT::Update::Post-Invoke-Success;
EOF

APT_OPTS=(
	-c "$APTDIR/apt.conf"
	-o "Dir::Etc::SourceList=$APTDIR/sources.list"
	-o "Dir::Etc::SourceParts=$APTDIR/sources.list.d"
	-o "Dir::Etc::Preferences=$APTDIR/preferences"
	-o "Dir::Etc::PreferencesParts=$APTDIR/preferences.d"
	-o "Dir::State=$APTDIR/state"
	-o "Dir::State::Lists=$APTDIR/lists"
	-o "Dir::State::status=/dev/null"
	-o "Dir::Cache=$APTDIR/cache"
	-o "Acquire::Languages=none"
	-o "Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false"
	# Avoid the "_apt cannot access" sandbox warning for private dirs.
	-o "APT::Sandbox::User=root"
)

msg "updating private package lists ($SUITES) from ${URIS[*]}"
LOG=$APTDIR/update.log
update_ok=1
apt-get "${APT_OPTS[@]}" -q update >"$LOG" 2>&1 || update_ok=0
# apt-get update exits 0 when fetches fail ("W: Failed to fetch"); treat
# it as a failure if nothing at all could be fetched.
if [ $update_ok = 1 ] && ! compgen -G "$APTDIR/lists/*_Packages*" >/dev/null; then
	update_ok=0
fi
if [ $update_ok = 0 ]; then
	die "apt-get update failed for ${URIS[*]} (log: $LOG); check network access to the mirror or pass KDIR=/path/to/linux"
fi
grep -E '^(W|E):' "$LOG" | sed 's/^/fetch-kernel: apt: /' >&2 || true

# Pick the highest available Debian version of the package.
version=
while read -r v; do
	if [ -z "$version" ] || dpkg --compare-versions "$v" gt "$version"; then
		version=$v
	fi
done < <(apt-cache "${APT_OPTS[@]}" madison "$PKG" 2>/dev/null |
	 awk -F'|' -v p="$PKG" '{ gsub(/ /, "") } $1 == p { print $2 }')

if [ -z "$version" ]; then
	avail=$(apt-cache "${APT_OPTS[@]}" pkgnames linux-source- 2>/dev/null |
		sed -n 's/^linux-source-\([0-9]\+\.[0-9]\+\)$/\1/p' |
		sort -V | paste -sd ' ')
	die "$PKG not found in $SUITES; available: ${avail:-none} (choose one of those or pass KDIR=/path/to/linux)"
fi

# ---------------------------------------------------------------------------
# Download and unpack into TMP, then rename into place.

# Clean up a half-finished previous run (and a tree without a stamp).
rm -rf -- "$TMP" "$DEST"
committed=0
cleanup() { [ $committed = 1 ] || rm -rf -- "$TMP"; }
trap cleanup EXIT
mkdir -p "$TMP/deb" "$TMP/pkg" "$TMP/tree"

msg "downloading $PKG $version"
(cd "$TMP/deb" && apt-get "${APT_OPTS[@]}" -q download "$PKG=$version") >&2 ||
	die "apt-get download $PKG=$version failed; check network access to ${URIS[*]} or pass KDIR=/path/to/linux"
debs=("$TMP"/deb/*.deb)
deb=${debs[0]}
[ -f "$deb" ] || die "apt-get download produced no .deb for $PKG=$version; retry or pass KDIR=/path/to/linux"

msg "unpacking $(basename "$deb")"
dpkg-deb -x "$deb" "$TMP/pkg" ||
	die "dpkg-deb -x $deb failed; reinstall it with: apt-get install --reinstall dpkg (or check free disk space in $CACHEDIR)"
rm -f -- "$deb"

tarball=$TMP/pkg/usr/src/$PKG.tar.xz
[ -f "$tarball" ] || die "$PKG $version does not contain usr/src/$PKG.tar.xz; pass KDIR=/path/to/linux"
tar -xJf "$tarball" -C "$TMP/tree" ||
	die "tar -xJf $PKG.tar.xz failed; install xz-utils (apt-get install xz-utils) and check free disk space in $CACHEDIR (needs ~2 GB)"
rm -rf -- "$TMP/pkg"

# The tarball normally has a single top dir linux-source-KVER/.
src=
for d in "$TMP/tree/$PKG" "$TMP/tree"/* "$TMP/tree"; do
	if [ -f "$d/Makefile" ] && [ -f "$d/mm/mmap.c" ]; then
		src=$d
		break
	fi
done
[ -n "$src" ] || die "unpacked $PKG $version has no Makefile + mm/mmap.c; pass KDIR=/path/to/linux"

# Stamp first, then a single rename commits the tree.
echo "$version" >"$src/.vma-fetched"
mv -T -- "$src" "$DEST"
committed=1
rm -rf -- "$TMP"

msg "$PKG $version ready in $DEST"
echo "$DEST"

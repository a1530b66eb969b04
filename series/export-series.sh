#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# export-series.sh GIT_TREE BASE: write the commits BASE..HEAD of a kernel
# git tree to patches/ as the series (git format-patch, numbered, with a
# cover letter, and patches/series listing them).
#
# The cover letter's subject and text are kept from the current
# patches/0000-cover-letter.patch (edit them there); git writes the rest
# (shortlog, diffstat).  Old patch files are removed first.
#
# The patches go out under the identity of whoever exports them: From: is
# GIT_TREE's 'git config user.name' and 'user.email' (commits by someone
# else keep their author in an in-body From: line, as git format-patch
# --from does), and every patch must carry that person's Signed-off-by:
# (the Developer's Certificate of Origin, which only the submitter can
# give: 'git rebase --signoff BASE' adds it).  No identity is made up here.
set -eu

die() { echo "export-series: error: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: series/export-series.sh GIT_TREE BASE (e.g. ~/linux v7.3)"
tree=$1 base=$2
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/patches
cover=$out/0000-cover-letter.patch

git -C "$tree" rev-parse --verify -q "$base^{commit}" >/dev/null ||
	die "$tree: no commit '$base' (give the series' base: a tag or commit)"
name=$(git -C "$tree" config user.name) email=$(git -C "$tree" config user.email) ||
	die "$tree: no git user.name/user.email: the series is sent under your own identity (git config user.name ...; git config user.email ...)"
ident="$name <$email>"
n=$(git -C "$tree" rev-list --count "$base..HEAD")
for c in $(git -C "$tree" rev-list "$base..HEAD"); do
	git -C "$tree" log -1 --format=%B "$c" | grep -qxF "Signed-off-by: $ident" ||
		die "$tree: $(git -C "$tree" log -1 --format='%h (\"%s\")' "$c") has no 'Signed-off-by: $ident': sign off your patches (git rebase --signoff $base)"
done
[ "$n" -gt 0 ] || die "$tree: no commits in $base..HEAD"
[ -f "$cover" ] || die "$cover missing: it holds the cover letter's text"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Subject (without the [PATCH 0/N] prefix) and the text up to the shortlog;
# the prefix's revision ([PATCH v2 0/N]) is kept for every patch.
sed -n 's/^Subject: \[PATCH[ v0-9]* [0-9]*\/[0-9]*\] //p' "$cover" >"$tmp/subject"
prefix=$(sed -n 's/^Subject: \[\(PATCH[ v0-9]*\) [0-9]*\/[0-9]*\] .*/\1/p' "$cover")
awk 'body && /^[^ ].* \([0-9]+\):$/ { exit }
     body { print }
     /^$/ && !body { body = 1 }' "$cover" >"$tmp/blurb"
[ -s "$tmp/subject" ] && [ -s "$tmp/blurb" ] ||
	die "$cover: no Subject: [PATCH 0/N] (or [PATCH vR 0/N]) line or no text before the shortlog"

git -C "$tree" format-patch -q --cover-letter --from="$ident" \
	--subject-prefix="${prefix:-PATCH}" -o "$tmp/p" "$base..HEAD"
python3 - "$tmp" <<'EOF'
import sys, glob
tmp = sys.argv[1]
path = glob.glob(tmp + '/p/0000-*')[0]
text = open(path).read()
subject = open(tmp + '/subject').read().strip()
blurb = open(tmp + '/blurb').read()
text = text.replace('*** SUBJECT HERE ***', subject, 1)
text = text.replace('*** BLURB HERE ***\n\n', blurb, 1)
open(path, 'w').write(text)
EOF

rm -f "$out"/[0-9][0-9][0-9][0-9]-*.patch
cp "$tmp"/p/*.patch "$out/"
(cd "$tmp/p" && ls [0-9][0-9][0-9][0-9]-*.patch | grep -v '^0000-') >"$out/series"
echo "export-series: $n patches and a cover letter in patches/"

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""No comment or document points at a file or a name that does not exist.

  check-refs.py SRCTREE [KDIR]

Reads every file git tracks under SRCTREE (the C sources' comments, the
scripts, the READMEs, run.sh, the Makefiles; not patches/, which is
kernel text, nor the mutants, which are diffs) and checks two kinds of
reference:
  - a path of ours, "shims/slab.c", "tests/harness/", "scripts/where.py":
    it must exist in SRCTREE (globs such as tests/*.c must match);
  - a path of the kernel's, "mm/vma.c", "include/linux/mm.h",
    "tools/testing/vma": with KDIR, it must exist there;
  - a function or macro of ours named with its parentheses,
    "test_mmap()", "sweep_op_end()", "ASSERT_VMA()": some file of SRCTREE
    must define it (the prefixes test_, vma_test_, sweep_, fault_, slab_,
    kdir_, ASSERT_, EXPECT_, REQUIRE_, VMA_ and TEST_, the harness's own).
Prints each dangling reference as FILE:LINE and exits 1 if there is one.
"""
import glob
import os
import re
import subprocess
import sys

OURS = r'(?:shims|tests|linux|scripts|series|generated|patches)/[\w.*/-]*'
KERNEL = r'(?:mm|lib|include|arch|drivers|tools|Documentation|kernel|fs|security)/[\w.*/-]+'
FUNC = r'\b((?:test|vma_test|sweep|fault|slab|kdir)_\w+|' \
       r'(?:ASSERT|EXPECT|REQUIRE|VMA|TEST)_[A-Z0-9_]+)\(\)'


def tracked(srctree):
    out = subprocess.run(['git', '-C', srctree, 'ls-files'], check=True,
                         capture_output=True, text=True).stdout.split()
    return [f for f in out if not f.startswith(('patches/',)) and
            '/mutants/' not in f and not f.endswith('.diff')]


def comments(path, text):
    """The parts of text a reader reads as prose, the rest blanked: C
    comments in C files; '#' comments (and docstrings) in scripts and
    Makefiles; all of a document."""
    if path.endswith(('.md', 'README')) or '/README' in path:
        return text
    if path.endswith(('.c', '.h')):
        pat = r'/\*.*?\*/|//[^\n]*'
    elif path.endswith('.py'):
        pat = r'#[^\n]*|"""(?:.|\n)*?"""'
    else:
        pat = r'(?<![$\w{])#[^\n]*'
    out = re.sub(r'[^\n]', ' ', text)
    for m in re.finditer(pat, text, re.S):
        out = out[:m.start()] + text[m.start():m.end()] + out[m.end():]
    return out


def exists(root, ref):
    ref = ref.rstrip('.,;:)')
    if re.match(r'.*/(x|NAME)(\.[ch])?$', ref):	# a placeholder: <linux/x.h>
        return True
    if re.match(r'patches/\d+(-\d+)?$', ref):	# "patches/0003", a patch
        ref = ref.split('-')[0] + '-*'
    if any(c in ref for c in '*?['):
        return bool(glob.glob(os.path.join(root, ref)))
    return os.path.exists(os.path.join(root, ref))


def ours_exists(srctree, kdir, ref):
    """A path of ours; linux/x.h and scripts/x may be the kernel's too."""
    if exists(srctree, ref):
        return True
    if not kdir:
        return not ref.startswith(('shims/', 'tests/', 'series/'))
    if ref.startswith('linux/'):
        return any(exists(os.path.join(kdir, d), ref) for d in
                   ('include', 'tools/include', 'tools/testing/shared'))
    return ref.startswith('scripts/') and exists(kdir, ref)


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write('usage: check-refs.py SRCTREE [KDIR]\n')
        return 2
    srctree = sys.argv[1]
    kdir = sys.argv[2] if len(sys.argv) == 3 else None
    files = tracked(srctree)
    defined = set()
    for f in files:
        if f.endswith(('.c', '.h')):
            text = open(os.path.join(srctree, f), errors='replace').read()
            defined |= set(re.findall(r'^[\w][^;=\n]*?\b(\w+)\([^;]*?\)\s*\n?\{',
                                      text, re.M))
            defined |= set(re.findall(r'#define\s+(\w+)\(', text))
    bad = 0
    for f in files:
        path = os.path.join(srctree, f)
        try:
            text = open(path).read()
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        prose = comments(f, text)
        for m in re.finditer(r'(?<![\w/.$-])(%s)' % OURS, prose):
            ref = m.group(1)
            if ref.startswith('generated/') or ref.endswith('/') and \
                    ref.count('/') == 1 and ref[:-1] in ('generated',):
                continue
            here = os.path.dirname(f)	# series/README: tests/x.c
            if not ours_exists(srctree, kdir, ref) and \
                    not (here and exists(os.path.join(srctree, here), ref)):
                print('%s:%d: no such file of ours: %s' %
                      (f, text.count('\n', 0, m.start()) + 1, ref))
                bad += 1
        if kdir:
            for m in re.finditer(r'(?<![\w/.$-])(%s\.[ch]|%s/)(?![\w])' %
                                 (KERNEL, KERNEL), prose):
                ref = m.group(1)
                if not exists(kdir, ref) and not exists(srctree, ref):
                    print('%s:%d: no such kernel file in KDIR: %s' %
                          (f, text.count('\n', 0, m.start()) + 1, ref))
                    bad += 1
        for m in re.finditer(FUNC, prose):
            if m.group(1) not in defined:
                print('%s:%d: no function of ours is called %s()' %
                      (f, text.count('\n', 0, m.start()) + 1, m.group(1)))
                bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())

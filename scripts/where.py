#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Where each definition of the build comes from, and the stand-ins' tags.

  where.py table SRCTREE KDIR GEN OUT
	Write the provenance table OUT: one line per definition the build
	compiles, "NAME<TAB>ORIGIN<TAB>FILE:LINE<TAB>NOTE", from
	  - the extraction's GEN/extract/**/*.where (ORIGIN "extracted": a
	    definition copied from KDIR at build time into a shadow header),
	  - every file the objects' depfiles (GEN/obj/**/*.d) name, parsed:
	    KDIR's compiled kernel files ("kernel"), KDIR's headers included
	    as they are ("tools/include", "kernel header"), our stand-ins in
	    shims/ and linux/ ("stand-in", with its tag), the harness
	    (tests/harness/) and the tests.
  where.py query OUT NAME
	One line: where NAME is defined, and how many other definitions
	there are (several #if branches, a stand-in next to a prototype).
  where.py check SRCTREE
	Every function a stand-in file defines (shims/*.[ch], linux/**.h,
	vma_internal.h) is under a tag -- a comment line starting with
	"no-op:", "records:" or "real:", in force until the next tag -- and
	its body is what the tag says: a no-op assigns, increments and calls
	nothing (but upper-case macros and sizeof); a records stand-in
	touches one of the records shims/harness.h declares.  Prints each
	offence as FILE:LINE and exits 1 if there is one.
"""
import glob
import importlib.util
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('extract',
                                              os.path.join(here, 'extract.py'))
extract = importlib.util.module_from_spec(spec)
spec.loader.exec_module(extract)

TAG = re.compile(r'^[ \t]*(?:/\*+|\*)?[ \t]*(no-op|records|real):', re.M)
KINDS = {'no-op': 'no-op', 'records': 'records for assertions',
         'real': 'real userspace implementation'}


def die(msg):
    sys.stderr.write('where: error: %s\n' % msg)
    sys.exit(2)


def definitions(path):
    """(name, line, chunk text, start offset) of each top-level definition."""
    text = open(path, errors='replace').read()
    bl = extract.blank(text)
    out = []
    for ch in extract.split_chunks(text, bl):
        body = bl[ch.start:ch.end]
        if ch.kind == 'dir':
            if not re.match(r'#\s*define\b', body):
                continue
        else:
            s = body.strip()
            if re.match(r'(extern\b|typedef\b)', s) and '{' not in s:
                if not s.startswith('typedef'):
                    continue
            # a prototype: a parameter list, no body
            if '{' not in s and '=' not in s and re.search(r'\)\s*(__\w+(\([^)]*\))?\s*)*;$', s):
                continue
        line = text.count('\n', 0, ch.start) + 1
        names = ch.names
        if ch.kind == 'decl':
            m = re.match(r'([^{(;]*?)=', body.strip(), re.S)
            if m:	# a variable with an initializer: '... name = {'
                names = {('name', extract.variable_name(m.group(1)))}
        for k, nm in sorted(names):
            if not nm or k == 'enum:' and not re.match(r'[A-Z_][A-Z0-9_]*$', nm):
                continue
            name = nm if k in ('name', 'enum:') else '%s %s' % (k, nm)
            out.append((name, line, text[ch.start:ch.end], ch.start))
    return text, out


def tag_at(tag_list, pos):
    kind = None
    for off, k in tag_list:
        if off > pos:
            break
        kind = k
    return kind


def is_standin(rel):
    return (rel.startswith('shims/') and not rel.startswith('shims/kernel/')) \
        or rel.startswith('linux/') or rel == 'vma_internal.h'


def classify(path, srctree, kdir, gen):
    """(origin, path as shown, note) of a file the build read; origin None
    for what the table leaves out (the extraction's output, which its
    .where files describe)."""
    path = os.path.realpath(path)
    rel, what, note = path, None, ''
    for root, kind in ((gen, 'gen'), (srctree, 'ours'), (kdir, 'kdir')):
        root = os.path.realpath(root) + '/'
        if path.startswith(root):
            rel, what = path[len(root):], kind
            break
    if what == 'gen':
        if rel.startswith('generated/'):
            return 'config', rel, 'Makefile KCONFIG'
        if not rel.startswith('series/kdir/'):
            return None, rel, ''
        rel, what = rel[len('series/kdir/'):], 'kdir'
        note = 'as the series patches it'
    if what == 'ours':
        if is_standin(rel):
            return 'stand-in', rel, ''
        if rel.startswith('shims/kernel/'):
            return 'kernel TU', rel, ''
        if rel.startswith('tests/harness/'):
            return 'harness', rel, ''
        return 'test', rel, ''
    if what is None:
        return 'system', rel, ''
    rel = 'KDIR/' + rel
    if rel.startswith('KDIR/tools/'):
        return ('tools/include' if rel.endswith('.h') else 'tools (compiled)',
                rel, note)
    return ('kernel' if rel.endswith('.c') else 'kernel header'), rel, note


def depfile_sources(gen):
    files = set()
    for d in glob.glob(os.path.join(gen, 'obj', '**', '*.d'), recursive=True):
        text = open(d).read().replace('\\\n', ' ')
        for line in text.splitlines():
            if ':' not in line:
                continue
            target, deps = line.split(':', 1)
            for f in deps.split():
                files.add(f)
    return sorted(files)


def table(srctree, kdir, gen, out):
    rows = []
    for w in glob.glob(os.path.join(gen, 'extract', '**', '*.where'),
                       recursive=True):
        for line in open(w):
            name, origin, loc, shadow = line.rstrip('\n').split('\t')
            shadow = os.path.relpath(shadow, srctree)
            rows.append((name, origin, 'KDIR/' + loc, 'into ' + shadow))
    for f in depfile_sources(gen):
        if not os.path.isfile(f) or '/generated/extract/' in f:
            continue
        origin, rel, note = classify(f, srctree, kdir, gen)
        if not origin or origin == 'system':
            continue
        text, defs = definitions(f)
        tl = [(m.start(), m.group(1)) for m in TAG.finditer(text)] \
            if origin == 'stand-in' else []
        for name, line, _, pos in defs:
            if origin == 'stand-in':
                k = tag_at(tl, pos)
                note = KINDS[k] if k else ''
            rows.append((name, origin, '%s:%d' % (rel, line), note))
    seen = set()
    with open(out + '.tmp', 'w') as f:
        for r in rows:
            if r in seen:
                continue
            seen.add(r)
            f.write('\t'.join(r) + '\n')
    os.replace(out + '.tmp', out)


# what the build uses, first: ours over KDIR's, definitions over the rest
RANK = {'stand-in': 0, 'extracted': 1, 'kernel': 2, 'kernel TU': 2,
        'tools (compiled)': 3, 'harness': 4, 'test': 5, 'tools/include': 6,
        'kernel header': 7, 'config': 8, 'declared': 9}


def describe(r):
    name, origin, loc, note = r
    what = {
        'extracted': 'extracted from KDIR at build time, %s' % note,
        'declared': 'its declaration, extracted from KDIR, %s' % note,
        'stand-in': 'stand-in' + (', ' + note if note else ''),
        'kernel': 'the kernel\'s own code, compiled%s' %
                  (' ' + note if note else ''),
        'kernel TU': 'our translation unit of extracted kernel code',
        'tools/include': 'the kernel\'s tools/include',
        'tools (compiled)': 'the kernel\'s tools library, compiled',
        'kernel header': 'a kernel header, included as it is%s' %
                         (' ' + note if note else ''),
        'config': 'the build\'s configuration (%s)' % note,
        'harness': 'the test harness',
        'test': 'a test',
    }.get(origin, origin)
    return '%s: %s (%s)' % (name, loc, what)


def query(out, name):
    if not os.path.isfile(out):
        die('%s missing: run make where SYM=%s' % (out, name))
    rows = [tuple(l.rstrip('\n').split('\t')) for l in open(out)]
    hits = [r for r in rows if r[0] == name or r[0].split(' ')[-1] == name
            and ' ' in r[0]]
    if not hits:
        print('%s: not defined in this build (no source file the objects '
              'were compiled from defines it)' % name)
        return 1
    hits.sort(key=lambda r: (RANK.get(r[1], 9), r[2]))
    more = len(hits) - 1
    print(describe(hits[0]) +
          ('; %d more: %s' % (more, ', '.join(h[2] for h in hits[1:4]) +
                              (', ...' if more > 3 else '')) if more else ''))
    return 0


def records(srctree):
    text = extract.blank(open(os.path.join(srctree, 'shims/harness.h')).read())
    return set(re.findall(r'extern\s[^;]*?\b(\w+)\s*(?:\[[^\]]*\])?\s*;', text))


def body_of(chunk):
    b = chunk.find('{')
    return chunk[b + 1:chunk.rfind('}')] if b >= 0 else ''


def check(srctree):
    recs = records(srctree)
    files = sorted(glob.glob(os.path.join(srctree, 'shims', '*.[ch]')) +
                   glob.glob(os.path.join(srctree, 'linux', '**', '*.h'),
                             recursive=True) +
                   [os.path.join(srctree, 'vma_internal.h')])
    bad = 0
    for f in files:
        rel = os.path.relpath(f, srctree)
        text, defs = definitions(f)
        tl = [(m.start(), m.group(1)) for m in TAG.finditer(text)]
        bl = extract.blank(text)
        # a records stand-in may record through another one of its file
        recorders = {name for name, _, _, pos in defs
                     if tag_at(tl, pos) == 'records'}
        for name, line, chunk, pos in defs:
            body = body_of(bl[pos:pos + len(chunk)])
            if not re.search(r'\)\s*(__\w+\s*)*$', bl[pos:pos + len(chunk)].split('{')[0].rstrip()) \
                    or not chunk.rstrip().endswith('}') or chunk.lstrip().startswith('#'):
                continue	# not a function definition
            kind = tag_at(tl, pos)
            where = '%s:%d: %s()' % (rel, line, name)
            if not kind:
                print('%s: untagged stand-in (a "no-op:", "records:" or "real:" comment line before it)' % where)
                bad += 1
            elif kind == 'no-op':
                calls = [c for c in re.findall(r'\b([A-Za-z_]\w*)\s*\(', body)
                         if not re.match(r'[A-Z_][A-Z0-9_]*$', c) and
                         c not in ('sizeof', 'return', 'typeof', '__typeof__')]
                if re.search(r'(?<![=!<>])=(?!=)|\+\+|--', body) or calls:
                    print('%s: tagged no-op but it %s' % (
                        where, 'calls %s()' % calls[0] if calls else
                        'assigns or increments'))
                    bad += 1
            elif kind == 'records':
                if not set(re.findall(r'\w+', body)) & (recs | recorders):
                    print('%s: tagged records but touches none of the records shims/harness.h declares' % where)
                    bad += 1
    return 1 if bad else 0


def main():
    if len(sys.argv) == 6 and sys.argv[1] == 'table':
        table(*sys.argv[2:6])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == 'query':
        return query(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 3 and sys.argv[1] == 'check':
        return check(sys.argv[2])
    die('usage: where.py table SRCTREE KDIR GEN OUT | query TABLE NAME | '
        'check SRCTREE')


if __name__ == '__main__':
    sys.exit(main())

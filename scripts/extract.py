#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Extract named definitions from a kernel tree into a generated header.

The harness never commits kernel text.  A shadow header (linux/*.h,
vma_internal.h) that needs real kernel definitions names them in a comment:

    /* @extract include/linux/mm_types.h
     *	struct vm_area_struct	struct mm_struct
     *	vma_flags_t  vma_pages  VM_READ  enum:VMA_READ_BIT
     */
    #include <extract/linux/mm_types.h>

and this script writes generated/extract/<shadow path> holding those
definitions (and, next to it, <shadow path>.where: one line per name
extracted, with the KDIR file and line it came from, for 'make where'), copied from KDIR at build time, in source order, each wrapped
in the preprocessor conditions it sits under in the source file (so
'#ifdef CONFIG_X real #else stub #endif' pairs come along and our config
picks one).

Requests:
  struct X / union X / enum X	the tagged definition
  enum:MEMBER			the anonymous enum that declares MEMBER
  NAME				every top-level macro, function definition,
				typedef, prototype or variable declaration
				called NAME (all of them, each under its
				conditions)
  NAME?				the same, but missing is not an error
  NAME1|NAME2			whichever of the names the tree has (at
				least one): for renames between releases

For every optional or alternative name the tree has, the output also
defines VMA_HAVE_<name>, so that shims and tests can follow the tree
(a feature a tree lacks is a SKIP, never a PASS).
  *				every top-level definition of the file
				except #include lines (for headers taken
				whole)
  -NAME				with '*': leave NAME out (we shim it)

'@extract-orig PATH' takes the definitions from the tree as it is, before
the patch series (KDIR_ORIG in the environment; KDIR when unset), so that
a test can compare the code a series replaces with its replacement.

Usage: extract.py KDIR SHADOW_HEADER OUTPUT [DEPFILE]
"""
import os
import re
import sys

IDENT = r'[A-Za-z_]\w*'
# attribute macros that take arguments: '__printf(1, 2) f(...)' defines f
ATTR = re.compile(r'(__attribute__|__printf|__scanf|__aligned|__section|'
                  r'__alloc_size|__assume_aligned|__malloc|__diagnose_as)$')


def call_name(head):
    """The identifier before the first parameter list of head that is not
    an attribute's argument list, or None."""
    for m in re.finditer(r'(%s)\s*\(' % IDENT, head):
        if not ATTR.match(m.group(1)):
            return m.group(1)
    return None


def die(msg):
    sys.stderr.write('extract: error: %s\n' % msg)
    sys.exit(1)


def blank(text):
    """Replace comments and string/char literals by spaces (keep newlines)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '/' and i + 1 < n and text[i + 1] == '*':
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                # a comment inside a macro keeps the macro's line
                # continuations (arm64's ARCH_DLINFO)
                if out[k] != '\n' and not (text[k] == '\\' and
                                           text[k + 1:k + 2] == '\n'):
                    out[k] = ' '
            i = j
        elif c == '/' and i + 1 < n and text[i + 1] == '/':
            j = text.find('\n', i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = ' '
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            for k in range(i + 1, min(j, n)):
                if out[k] != '\n':
                    out[k] = ' '
            i = j + 1
        else:
            i += 1
    return ''.join(out)


class Chunk:
    def __init__(self, kind, start, end, conds):
        self.kind = kind	# 'dir' or 'decl'
        self.start = start
        self.end = end
        self.conds = list(conds)
        self.names = set()


def directive_end(bl, i):
    """End of the preprocessor directive starting at i (continuations)."""
    while True:
        e = bl.find('\n', i)
        if e < 0:
            return len(bl)
        if bl[e - 1] != '\\':
            return e
        i = e + 1


def split_chunks(text, bl):
    """Split a header into top-level directives and declarations."""
    chunks = []
    conds = []		# stack of [current condition, [earlier branches]]
    guard = None
    i, n = 0, len(bl)
    first_directive = True
    while i < n:
        # skip white space
        while i < n and bl[i] in ' \t\n\r\f\v':
            i += 1
        if i >= n:
            break
        if bl[i] == '#':
            e = directive_end(bl, i)
            # a comment opened on the directive's last line may run on:
            # the chunk ends where the comment does
            tail = text[i:e]
            if tail.rfind('/*') > tail.rfind('*/'):
                c_end = text.find('*/', e)
                if c_end >= 0:
                    nl = text.find('\n', c_end)
                    e = n if nl < 0 else nl
            line = re.sub(r'\\\n', ' ', bl[i:e])
            line = re.sub(r'\s+', ' ', line[1:]).strip()
            m = re.match(r'(\w+)\s*(.*)', line)
            d, arg = (m.group(1), m.group(2).strip()) if m else ('', '')
            if first_directive and d == 'ifndef':
                guard = arg
            first_directive = False
            if d in ('if', 'ifdef', 'ifndef'):
                c = {'if': '(%s)' % arg, 'ifdef': 'defined(%s)' % arg,
                     'ifndef': '!defined(%s)' % arg}[d]
                if d == 'ifndef' and arg == guard and not conds:
                    c = None	# include guard
                conds.append([c, []])
            elif d == 'elif' and conds:
                top = conds[-1]
                top[1].append(top[0])
                top[0] = '(%s)' % arg
            elif d == 'else' and conds:
                top = conds[-1]
                top[1].append(top[0])
                top[0] = None
            elif d == 'endif' and conds:
                conds.pop()
            else:
                ch = Chunk('dir', i, e, effective(conds))
                if d == 'define':
                    mm = re.match(IDENT, arg)
                    if mm:
                        ch.names.add(('name', mm.group(0)))
                chunks.append(ch)
            i = e + 1
            continue
        # a declaration or definition: up to ';' at depth 0, or the '}'
        # closing a function body
        j, depth, func = i, 0, None
        while j < n:
            c = bl[j]
            if c == '#' and bl[bl.rfind('\n', 0, j) + 1:j].strip() == '':
                # a directive: inside a body it is part of the body; at
                # depth 0 it ends the (partial) declaration
                if depth == 0:
                    break
                j = directive_end(bl, j)
                continue
            if c == '{':
                if depth == 0 and func is None:
                    head = bl[i:j].rstrip()
                    func = head.endswith(')') or re.search(
                        r'\)\s*(__\w+(\(\w*\))?\s*)*$', head) is not None
                    # 'struct x {' or 'struct x __aligned(8) {' is a
                    # type, 'struct x *f(...) {' a function
                    if re.match(r'\s*(typedef\s+)?(struct|union|enum)\b',
                                bl[i:j]):
                        func = call_name(head) is not None
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0 and func:
                    j += 1
                    break
            elif c == ';' and depth == 0:
                j += 1
                break
            j += 1
        else:
            j = n
        ch = Chunk('decl', i, j, effective(conds))
        name_decl(ch, bl[i:j], func)
        chunks.append(ch)
        i = j
    return chunks


def effective(conds):
    out = []
    for cur, prev in conds:
        parts = ['!%s' % p for p in prev if p is not None]
        if cur is not None:
            parts.append(cur)
        elif not prev:
            continue
        if parts:
            out.append(' && '.join(parts))
    return out


def name_decl(ch, s, func):
    s = s.strip()
    body = s.find('{')
    head = s if body < 0 else s[:body]
    m = re.match(r'(typedef\s+)?(?:const\s+)?(struct|union|enum)\b\s*(%s)?\s*$'
                 % IDENT, head.strip())
    if m and body >= 0:
        tag = m.group(3)
        if tag:
            ch.names.add((m.group(2), tag))
        if m.group(2) == 'enum':
            inner = s[body + 1:s.rfind('}')]
            # every identifier of the body names it, so that enums built
            # from macros (DECLARE_VMA_BIT(READ, 0)) can be requested too
            for mem in re.finditer(IDENT, inner):
                ch.names.add(('enum:', mem.group(0)))
        if m.group(1):
            t = re.search(r'(%s)\s*(\[[^\]]*\]\s*)*;?\s*$' % IDENT,
                          s[s.rfind('}') + 1:])
            if t:
                ch.names.add(('name', t.group(1)))
        return
    if head.lstrip().startswith('typedef'):
        t = re.search(r'\(\s*\*\s*(%s)\s*\)' % IDENT, head)
        if not t:
            t = re.search(r'(%s)\s*(\[[^\]]*\]\s*)*;\s*$' % IDENT, head)
        if not t:
            # a trailing attribute with arguments: 'T name __aligned(8);'
            t = re.search(r'(%s)\s*(\[[^\]]*\]\s*)*(__\w+\([^)]*\)\s*)+;\s*$'
                          % IDENT, head)
        if t:
            ch.names.add(('name', t.group(1)))
        return
    if not func and body >= 0 and '=' in head:
        # a variable with a braced initializer: 'struct x name = { ... };'
        ch.names.add(('name', variable_name(head)))
        return
    if func or body < 0:
        name = call_name(head)
        if name:
            ch.names.add(('name', name))
        else:
            ch.names.add(('name', variable_name(head)))
        return
    # struct definition followed by a declarator, e.g. 'struct x {..} y;'
    m = re.match(r'(struct|union|enum)\s+(%s)' % IDENT, head.strip())
    if m:
        ch.names.add((m.group(1), m.group(2)))


def conds_at(text, pos):
    """Preprocessor conditions of the shadow header in force at pos."""
    bl = blank(text[:pos])
    conds, guard, first = [], None, True
    for line in re.sub(r'\\\n', ' ', bl).splitlines():
        m = re.match(r'\s*#\s*(\w+)\s*(.*)', line)
        if not m:
            continue
        d, arg = m.group(1), m.group(2).strip()
        if first and d == 'ifndef':
            guard = arg
        first = False
        if d in ('if', 'ifdef', 'ifndef'):
            c = {'if': '(%s)' % arg, 'ifdef': 'defined(%s)' % arg,
                 'ifndef': '!defined(%s)' % arg}[d]
            conds.append([None if arg == guard and not conds else c, []])
        elif d == 'elif' and conds:
            conds[-1][1].append(conds[-1][0])
            conds[-1][0] = '(%s)' % arg
        elif d == 'else' and conds:
            conds[-1][1].append(conds[-1][0])
            conds[-1][0] = None
        elif d == 'endif' and conds:
            conds.pop()
    return effective(conds)


def variable_name(decl):
    """Name declared by 'T name[N] __attr = init;' (attributes skipped)."""
    decl = decl.split('=', 1)[0]
    decl = re.sub(r'\[[^\]]*\]', ' ', decl.rstrip().rstrip(';'))
    ids = re.findall(IDENT, decl)
    # trailing __attributes (__read_mostly, ____cacheline_aligned...), as
    # long as a type and a name remain
    while len(ids) > 2 and ids[-1].startswith('__'):
        ids.pop()
    return ids[-1] if ids else ''


def parse_requests(shadow):
    text = open(shadow).read()
    reqs = []	# [(path, [(kind, name, optional)], conds)]
    for m in re.finditer(r'/\*\s*@extract(-orig)?\s+(\S+)(.*?)\*/', text,
                         re.S):
        orig, path = bool(m.group(1)), m.group(2)
        toks = re.sub(r'^\s*\*', ' ', m.group(3), flags=re.M).split()
        items, k = [], 0
        while k < len(toks):
            t = toks[k]
            opt = t.endswith('?')
            if t in ('struct', 'union', 'enum') and k + 1 < len(toks):
                nm = toks[k + 1]
                opt = nm.endswith('?')
                items.append((t, nm.rstrip('?'), opt))
                k += 2
                continue
            if '|' in t:
                alts = tuple(a for a in t.rstrip('?').split('|') if a)
                items.append(('alt', alts, opt))
            elif t.startswith('enum:'):
                items.append(('enum:', t[5:].rstrip('?'), opt))
            else:
                items.append(('name', t.rstrip('?'), opt))
            k += 1
        reqs.append((path, items, conds_at(text, m.start()), orig))
    return reqs


def main():
    if len(sys.argv) not in (4, 5):
        die('usage: extract.py KDIR SHADOW_HEADER OUTPUT [DEPFILE]')
    kdir, shadow, output = sys.argv[1:4]
    depfile = sys.argv[4] if len(sys.argv) == 5 else None
    out = ['/* SPDX-License-Identifier: GPL-2.0 */',
           '/*',
           ' * GENERATED by scripts/extract.py from %s' % shadow,
           ' * for KDIR=%s; do not edit.' % kdir,
           ' */']
    deps = []
    where_rows = []
    kdir_orig = os.environ.get('KDIR_ORIG') or kdir
    for path, items, where, orig in parse_requests(shadow):
        tree = kdir_orig if orig else kdir
        src = os.path.join(tree, path)
        if not os.path.isfile(src):
            die('%s: %s not found in KDIR=%s (this kernel is older or newer '
                'than the harness supports)' % (shadow, path, tree))
        deps.append(src)
        text = open(src, errors='replace').read()
        chunks = split_chunks(text, blank(text))
        want = {(k, nm) for k, nm, _ in items if k != 'alt'}
        want |= {('name', a) for k, nm, _ in items if k == 'alt' for a in nm}
        whole = ('name', '*') in want
        drop = {nm[1:] for k, nm, _ in items
                if k != 'alt' and nm.startswith('-')}
        items = [it for it in items if it[0] == 'alt' or
                 (it[1] != '*' and not it[1].startswith('-'))]
        found = set()
        out.append('')
        out.append('/* from %s */' % path)
        if where:
            out.append('#if ' + ' && '.join('(%s)' % c for c in where))
        open_conds = []
        for ch in chunks:
            hit = ch.names & want
            if whole and not hit:
                src_line = text[ch.start:ch.end].lstrip()
                if re.match(r'#\s*(include|undef)\b', src_line) or \
                        {nm for _, nm in ch.names} & drop:
                    continue
                if not ch.names and ch.kind == 'decl' and \
                        not src_line.rstrip().endswith((';', '}')):
                    continue
                hit = ch.names
            if not hit:
                continue
            found |= hit
            body = text[ch.start:ch.end].rstrip()
            lineno = text.count('\n', 0, ch.start) + 1
            line = '#line %d "%s"' % (lineno, src)
            chunk = blank(body).strip()
            decl = ch.kind == 'decl' and '{' not in chunk and (
                chunk.startswith('extern') or chunk.endswith(')' + ';') or
                re.search(r'\)\s*(__\w+(\([^)]*\))?\s*)*;$', chunk))
            for k, nm in sorted(hit):
                where_rows.append('%s\t%s\t%s:%d%s' % (
                    nm if k in ('name', 'enum:') else '%s %s' % (k, nm),
                    'declared' if decl else 'extracted', path, lineno,
                    ' (unpatched tree)' if orig else ''))
            # consecutive chunks under the same conditions share one #if,
            # evaluated once, as in the source: '#ifndef VM_GROWSUP' must
            # not be re-tested after its block defined VM_GROWSUP
            if ch.conds != open_conds:
                if open_conds:
                    out.append('#endif')
                if ch.conds:
                    out.append('#if ' + ' && '.join('(%s)' % c
                                                    for c in ch.conds))
                open_conds = ch.conds
            out += [line, body]
        if open_conds:
            out.append('#endif')
        if where:
            out.append('#endif')
        for k, nm, opt in items:
            names = nm if k == 'alt' else (nm,)
            if not (opt or k == 'alt'):
                continue
            for a in names:
                if (('name' if k == 'alt' else k), a) in found:
                    out.append('#define VMA_HAVE_%s 1' %
                               re.sub(r'\W', '_', a))
        for k, nm, opt in items:
            if k == 'alt':
                if not opt and not any(('name', a) in found for a in nm):
                    die('%s: none of %s defined in %s (KDIR=%s is older or '
                        'newer than the harness supports)' %
                        (shadow, '|'.join(nm), path, kdir))
                continue
            if (k, nm) not in found and not opt:
                what = nm if k == 'name' else ('%s%s' % (k, nm) if k == 'enum:'
                                               else '%s %s' % (k, nm))
                die('%s: no definition of \'%s\' in %s (KDIR=%s is older or '
                    'newer than the harness supports)' % (shadow, what, path,
                                                          kdir))
    tmp = output + '.tmp'
    os.makedirs(os.path.dirname(output) or '.', exist_ok=True)
    with open(tmp, 'w') as f:
        f.write('\n'.join(out) + '\n')
    os.replace(tmp, output)
    with open(tmp, 'w') as f:
        f.write(''.join('%s\t%s\n' % (r, shadow) for r in where_rows))
    os.replace(tmp, output + '.where')
    if depfile:
        with open(depfile, 'w') as f:
            f.write('%s: %s %s\n' % (output, shadow, ' '.join(deps)))


if __name__ == '__main__':
    main()

// SPDX-License-Identifier: GPL-2.0
/*
 * mm_get_unmapped_area_aligned() (patches/0002) and THP's placement rebuilt
 * on it (patches/0003): one test per condition of the reviewer's seven
 * (background.md, Part 1: seeds/000), named aligned_c<N>_*, and the Part 1
 * scenarios of background.md, named aligned_scn_*.  Each comment names the
 * condition or scenario it guards and the breakage that makes it fail.
 *
 * The helper's tests SKIP on a tree without the helper (SERIES=none, 7.2);
 * the scenarios that only use mmap() run on every tree.  The source checks
 * (conditions 3-6) read the tree that was built (VMA_KDIR).
 *
 * P is the page size, PMD the PMD size, B the top-down mmap_base of the
 * fixture.  Sizes are written in pages and PMDs, so that the tests run on
 * every geometry; the comments give them for 4K pages (2 MiB PMDs).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/huge_mm.h>
#include <linux/security.h>

#include "fixture.h"
#include "gen.h"


#define NO_HELPER	"tree has no mm_get_unmapped_area_aligned() (SERIES=none?)"

/* ---- mmap-level helpers (every tree) --------------------------------- */

/* A PROT_NONE anonymous MAP_FIXED mapping, asserted to be where asked. */
static void map(unsigned long addr, unsigned long len)
{
	ASSERT_EQ(test_mmap(NULL, addr, len, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), addr);
}

/*
 * Scenario: anonymous, no hint, len 4M -> PMD-aligned, in both directions;
 * exactly where the padded window puts it (top-down: the highest 2 MiB
 * boundary with 4 MiB below mmap_base; bottom-up: the first boundary above
 * the legacy base).  Catches THP's alignment of anonymous mappings lost
 * (an unaligned B - 4M), e.g. the helper's result not used by THP.
 */
VMA_TEST(aligned_scn_anon_4m_pmd_aligned)
{
	unsigned long a, b;

	REQUIRE_THP_ALIGNS();
	b = test_unaligned_mmap_base();
	a = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(a, round_down(b - 2 * PMD, PMD));
	ASSERT_NE(b - 2 * PMD, a);	/* the test means something */

	test_set_topdown(false);
	b = test_unaligned_mmap_base();
	a = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(a, round_up(b, PMD));
	ASSERT_NE(b, a);
}

/*
 * Scenario (d4148aeab412): len 3M and 4632K are not PMD multiples and not
 * forced: each goes right below the previous mapping (top-down) and they
 * all merge into one VMA.  Catches the PMD-multiple test of
 * __get_unmapped_area() bypassed, or the helper aligning lengths it was
 * not asked to (an unmergeable aligned island, cactuBSSN's slowdown).
 */
VMA_TEST(aligned_scn_odd_lengths_not_forced)
{
	unsigned long a, b, c;

	REQUIRE_THP_ALIGNS();
	a = test_map_anon(0, 2 * PMD, false);
	b = test_map_anon(0, PMD + (PMD / 2), false);
	c = test_map_anon(0, (2 * PMD + 134 * P), false);
	ASSERT_EQ(b, a - (PMD + (PMD / 2)));
	ASSERT_EQ(c, b - (2 * PMD + 134 * P));
	ASSERT_VMA(test_vma_at(a), c, a + 2 * PMD, c >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);

	/* bottom-up: right above, merged too */
	test_set_topdown(false);
	a = test_map_anon(0, 2 * PMD, false);
	b = test_map_anon(0, (2 * PMD + 134 * P), false);
	ASSERT_EQ(b, a + 2 * PMD);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * Scenario (96204e15310c): consecutive 4M anonymous mappings abut and
 * merge, in both directions: top-down each new one goes to the TOP of its
 * padded window, right below the previous one.  Catches the "window start
 * + align" rule dropped (a 2 MiB hole between each two).
 */
VMA_TEST(aligned_scn_consecutive_abut_and_merge)
{
	unsigned long first, prev, cur;
	int i;

	REQUIRE_THP_ALIGNS();
	first = prev = test_map_anon(0, 2 * PMD, false);
	for (i = 0; i < 8; i++) {
		cur = test_map_anon(0, 2 * PMD, false);
		ASSERT_EQ(cur, prev - 2 * PMD);
		prev = cur;
	}
	ASSERT_VMA(test_vma_at(first), prev, first + 2 * PMD,
		   prev >> PAGE_SHIFT);

	test_set_topdown(false);
	first = prev = test_map_anon(0, 2 * PMD, false);
	for (i = 0; i < 8; i++) {
		cur = test_map_anon(0, 2 * PMD, false);
		ASSERT_EQ(cur, prev + 2 * PMD);
		prev = cur;
	}
	ASSERT_VMA(test_vma_at(first), first, prev + 2 * PMD,
		   first >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * Scenario: top-down, 100 anonymous 1G mappings without a hint make ONE
 * VMA of 100G with no holes (the virtual_address_range selftest hit
 * max_map_count when every mapping was an island).  Catches the top-down
 * "+ align" dropped (100 VMAs with 2 MiB holes) and a padding that is not
 * given back.
 */
VMA_TEST(aligned_scn_topdown_100_1g_one_vma)
{
	unsigned long top = 0, lo = 0, a;
	int i;

	REQUIRE_THP_ALIGNS();
	for (i = 0; i < 100; i++) {
		a = test_mmap(NULL, 0, SZ_1G, PROT_READ,
			      MAP_PRIVATE | MAP_ANONYMOUS, 0);
		ASSERT_NOT_ERR_VALUE(a);
		ASSERT_EQ(PMD_OFF(a), 0);
		if (i == 0)
			top = a + SZ_1G;
		else
			ASSERT_EQ(a, lo - SZ_1G);
		lo = a;
	}
	ASSERT_EQ(test_vma_count(), 1);
	ASSERT_VMA(test_vma_at(lo), lo, top, lo >> PAGE_SHIFT);
	ASSERT_EQ(top - lo, 100UL * SZ_1G);
}

/*
 * Scenario (249608ee4713): VMAs [2M,4M) and [6M,8M), hint 4M, len 2M ->
 * exactly 4M, although [4M,6M) cannot hold len + PMD.  Catches the free
 * hint losing to alignment (the helper's "ret == addr" rule, or
 * __get_unmapped_area() sending hinted anonymous mappings to THP).
 */
VMA_TEST(aligned_scn_hint_in_exact_hole)
{
	REQUIRE_THP_ALIGNS();
	map(PMD, PMD);
	map(PMD * 3, PMD);
	ASSERT_EQ(test_map_anon(2 * PMD, PMD, false), 2 * PMD);
}

/* ---- helper-level helpers ----------------------------------------------- */

/*
 * Every test of the helper starts with REQUIRE_HELPER(): on a tree without
 * it (SERIES=none, 7.2) it SKIPs.  The calls below are the only places
 * that name the new API, so the tests compile on every tree; without the
 * helper they are stubs that fail the test if a test forgot the SKIP.
 */
/*
 * Is orig_thp() the code the series replaces?  Only if a series was applied
 * to KDIR here: with SERIES=none (a tree that carries the series already,
 * say) it is the same code as thp(), and what the tests assert of the old
 * code does not hold.
 */
static bool orig_is_old(void)
{
	return strcmp(VMA_KDIR, VMA_KDIR_ORIG) != 0;
}

#ifdef VMA_HAVE_mm_get_unmapped_area_aligned
#define HAVE_HELPER	1

unsigned long orig_thp_get_unmapped_area_vmaflags(struct file *filp,
		unsigned long addr, unsigned long len, unsigned long pgoff,
		unsigned long flags, vma_flags_t vma_flags);

/* Linked only if some object defines it (mm/mmap.c, under the series). */
extern __typeof__(mm_get_unmapped_area_aligned) mm_get_unmapped_area_aligned
	__attribute__((weak));

static unsigned long aligned(unsigned long addr, unsigned long len,
			     loff_t off, unsigned long flags,
			     unsigned long align)
{
	unsigned long ret;

	mmap_write_lock(test_mm);
	ret = mm_get_unmapped_area_aligned(NULL, addr, len, off, flags, align,
					   EMPTY_VMA_FLAGS);
	mmap_write_unlock(test_mm);
	return ret;
}

static unsigned long thp(unsigned long addr, unsigned long len,
			 unsigned long pgoff, unsigned long flags)
{
	unsigned long ret;

	mmap_write_lock(test_mm);
	ret = thp_get_unmapped_area_vmaflags(NULL, addr, len, pgoff, flags,
					     EMPTY_VMA_FLAGS);
	mmap_write_unlock(test_mm);
	return ret;
}

static unsigned long orig_thp(unsigned long addr, unsigned long len,
			      unsigned long pgoff, unsigned long flags)
{
	unsigned long ret;

	mmap_write_lock(test_mm);
	ret = orig_thp_get_unmapped_area_vmaflags(NULL, addr, len, pgoff,
						  flags, EMPTY_VMA_FLAGS);
	mmap_write_unlock(test_mm);
	return ret;
}

/* The unpadded search THP falls back to. */
static unsigned long plain(unsigned long addr, unsigned long len,
			   unsigned long pgoff, unsigned long flags)
{
	unsigned long ret;

	mmap_write_lock(test_mm);
	ret = mm_get_unmapped_area_vmaflags(NULL, addr, len, pgoff, flags,
					    EMPTY_VMA_FLAGS);
	mmap_write_unlock(test_mm);
	return ret;
}

#else /* !VMA_HAVE_mm_get_unmapped_area_aligned */
#define HAVE_HELPER	0

/* Linked only if some object defines it. */
void mm_get_unmapped_area_aligned(void) __attribute__((weak));

#define NO_CALL(fn)	FAIL(fn "() called without the helper: REQUIRE_HELPER() missing")
static unsigned long aligned(unsigned long addr, unsigned long len,
			     loff_t off, unsigned long flags,
			     unsigned long align)
{
	NO_CALL("aligned");
}

static unsigned long thp(unsigned long addr, unsigned long len,
			 unsigned long pgoff, unsigned long flags)
{
	NO_CALL("thp");
}

static unsigned long orig_thp(unsigned long addr, unsigned long len,
			      unsigned long pgoff, unsigned long flags)
{
	NO_CALL("orig_thp");
}

static unsigned long plain(unsigned long addr, unsigned long len,
			   unsigned long pgoff, unsigned long flags)
{
	NO_CALL("plain");
}
#endif /* VMA_HAVE_mm_get_unmapped_area_aligned */

#define REQUIRE_HELPER() do {						\
	if (!HAVE_HELPER)						\
		SKIP(NO_HELPER);					\
} while (0)

/*
 * Where the helper must put len bytes congruent to off mod align when the
 * padded window is the top of a free range ending at top: window start
 * w = top - len - align, then w + off_sub, or w + align if w is already
 * congruent.
 */
static unsigned long expect_topdown(unsigned long top, unsigned long len,
				    unsigned long off, unsigned long align)
{
	unsigned long w = top - len - align;
	unsigned long off_sub = (off - w) & (align - 1);

	return off_sub ? w + off_sub : w + align;
}

/* Bottom-up from a free range starting at lo: the first congruent address. */
static unsigned long expect_bottomup(unsigned long lo, unsigned long off,
				     unsigned long align)
{
	return lo + ((off - lo) & (align - 1));
}

/* ---- source helpers ---------------------------------------------------- */

/*
 * Files read from the tree, kept until exit so that a failed ASSERT (which
 * longjmps out of the test) leaks nothing.
 */
static char *src_cache[8];
static char src_path[8][256];

static void __attribute__((destructor)) src_free(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(src_cache); i++)
		free(src_cache[i]);
}

/* The whole file as a string, or NULL. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap ? 2 * cap : 131072;
			buf = realloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* A file of the built tree (VMA_KDIR), cached; FAILs if it cannot be read. */
static const char *tree_file(const char *rel)
{
	char path[256];
	unsigned int i;

	snprintf(path, sizeof(path), "%s/%s", VMA_KDIR, rel);
	for (i = 0; i < ARRAY_SIZE(src_cache) && src_cache[i]; i++)
		if (!strcmp(src_path[i], path))
			return src_cache[i];
	if (i == ARRAY_SIZE(src_cache))
		FAIL("source cache full");
	src_cache[i] = read_text(path);
	if (!src_cache[i])
		FAIL("cannot read %s", path);
	snprintf(src_path[i], sizeof(src_path[i]), "%s", path);
	return src_cache[i];
}

static bool is_ident(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The ')' matching the '(' at open, or NULL. */
static const char *match_paren(const char *open, char o, char c)
{
	int depth = 0;
	const char *p;

	for (p = open; *p; p++) {
		if (*p == o)
			depth++;
		else if (*p == c && --depth == 0)
			return p;
	}
	return NULL;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/*
 * Occurrences of name followed by '(' as a whole identifier; *after is set
 * to the first non-blank character after the matching ')': '{' for a
 * definition, ';' for a declaration.  Returns the next one from *pos.
 */
static const char *next_use(const char *text, const char **pos,
			    const char *name, char *after,
			    const char **paren)
{
	size_t n = strlen(name);
	const char *p = *pos, *q, *close;

	while ((p = strstr(p, name))) {
		q = skip_space(p + n);
		if ((p > text && is_ident(p[-1])) || *q != '(') {
			p += n;
			continue;
		}
		close = match_paren(q, '(', ')');
		if (!close)
			return NULL;
		*after = *skip_space(close + 1);
		*paren = q;
		*pos = p + n;
		return p;
	}
	return NULL;
}

/* Line number (from 1) of p in text. */
static int line_of(const char *text, const char *p)
{
	int line = 1;

	for (; text < p; text++)
		line += *text == '\n';
	return line;
}

struct def {
	const char *doc, *doc_end;	/* the comment above, NULL if none */
	const char *decl;		/* start of the declaration's line(s) */
	const char *paren;		/* the parameter list's '(' */
	const char *body, *body_end;	/* '{' .. '}' inclusive */
};

/* The definition of name in text: true if there is exactly one. */
static bool find_def(const char *text, const char *name, struct def *d)
{
	const char *pos = text, *p, *paren, *ls, *e;
	int found = 0;
	char after;

	memset(d, 0, sizeof(*d));
	while ((p = next_use(text, &pos, name, &after, &paren))) {
		if (after != '{')
			continue;
		found++;
		d->paren = paren;
		d->body = strchr(match_paren(paren, '(', ')'), '{');
		d->body_end = match_paren(d->body, '{', '}');
		/* the declaration starts on this line, or the one above if
		 * the name starts the line (return type on its own line) */
		for (ls = p; ls > text && ls[-1] != '\n'; ls--)
			;
		if (ls == p && ls > text) {
			for (ls--; ls > text && ls[-1] != '\n'; ls--)
				;
		}
		d->decl = ls;
		/* a comment ending right above it */
		for (e = ls; e > text && (e[-1] == '\n' || e[-1] == ' ' ||
					  e[-1] == '\t'); e--)
			;
		if (e - text >= 2 && e[-2] == '*' && e[-1] == '/') {
			const char *s = e - 2;

			while (s > text && !(s[0] == '/' && s[1] == '*'))
				s--;
			d->doc = s;
			d->doc_end = e;
		}
	}
	return found == 1 && d->body_end;
}

/* Whether [s, e) contains needle (case-insensitive if ci). */
static bool range_has(const char *s, const char *e, const char *needle,
		      bool ci)
{
	size_t n = strlen(needle);

	for (; s + n <= e; s++)
		if (ci ? !strncasecmp(s, needle, n) : !strncmp(s, needle, n))
			return true;
	return false;
}

/* Same, as a whole word. */
static bool range_has_word(const char *s, const char *e, const char *word,
			   bool ci)
{
	size_t n = strlen(word);
	const char *p;

	for (p = s; p + n <= e; p++) {
		if (ci ? strncasecmp(p, word, n) : strncmp(p, word, n))
			continue;
		if ((p > s && is_ident(p[-1])) || (p + n < e && is_ident(p[n])))
			continue;
		return true;
	}
	return false;
}

#define HELPER	"mm_get_unmapped_area_aligned"

/* The helper's definition in mm/mmap.c of the built tree. */
static void helper_def(struct def *d)
{
	if (!find_def(tree_file("mm/mmap.c"), HELPER, d))
		FAIL("no single definition of " HELPER "() in %s/mm/mmap.c",
		     VMA_KDIR);
}

/* ---- condition 1: general, no 32-bit/compat policy -------------------- */

/*
 * Condition 1: the helper is general: a compat (32-bit) task still gets
 * an address congruent with off -- exactly the top of its padded window
 * below the compat mmap_base --, while THP (direct call, and a hint-less
 * anonymous mmap) keeps 4ef9ad19e176's policy and does not align.
 * Catches a 64BIT/compat check left in (or added to) the helper, and the
 * check dropped from THP.
 */
VMA_TEST(aligned_c1_compat_helper_aligns_thp_does_not)
{
	unsigned long va, t, m;

	REQUIRE_HELPER();
	test_set_compat(true);
	ASSERT_LT(TEST_MMAP_BASE, SZ_4G);

	va = aligned(0, 2 * PMD, P, 0, PMD);
	ASSERT_EQ(va, expect_topdown(TEST_MMAP_BASE, 2 * PMD, P, PMD));
	ASSERT_EQ(PMD_OFF(va), P);
	ASSERT_LE(va + 2 * PMD, TEST_MMAP_BASE);
	va = aligned(0, 2 * PMD, 0, 0, PMD);
	ASSERT_EQ(PMD_OFF(va), 0);

	t = thp(0, 2 * PMD, 1, 0);
	ASSERT_EQ(t, TEST_MMAP_BASE - 2 * PMD);
	ASSERT_EQ(t, plain(0, 2 * PMD, 1, 0));
	m = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(m, TEST_MMAP_BASE - 2 * PMD);
	ASSERT_NE(PMD_OFF(m), 0);

	/* a 64-bit task again: THP aligns */
	test_set_compat(false);
	ASSERT_EQ(PMD_OFF(thp(0, 2 * PMD, 1, 0)), P);
}

/*
 * Condition 1 on a 32-bit kernel (M32=1, !CONFIG_64BIT), where it runs for
 * real: the helper still aligns -- congruent with off, the top of its
 * padded window below B --, THP does not: a direct call with the same
 * request gets the plain B - len, and a hint-less anonymous 4M mapping
 * below a page mapped just under B (a window top off a PMD boundary; B
 * itself is PMD-aligned on i386) goes right below that page.
 * Catches a CONFIG_64BIT (or word size) test in the helper, and THP's
 * IS_ENABLED(CONFIG_64BIT) test dropped.
 */
VMA_TEST(aligned_c1_32bit_helper_aligns_thp_does_not)
{
	unsigned long va, t, m;

	REQUIRE_32BIT();
	REQUIRE_HELPER();
	va = aligned(0, 2 * PMD, P, 0, PMD);
	ASSERT_EQ(va, expect_topdown(TEST_MMAP_BASE, 2 * PMD, P, PMD));
	ASSERT_EQ(PMD_OFF(va), P);
	va = aligned(0, 2 * PMD, 0, 0, PMD);
	ASSERT_EQ(va, expect_topdown(TEST_MMAP_BASE, 2 * PMD, 0, PMD));

	t = thp(0, 2 * PMD, 1, 0);
	ASSERT_EQ(t, TEST_MMAP_BASE - 2 * PMD);
	ASSERT_EQ(t, plain(0, 2 * PMD, 1, 0));
	ASSERT_NE(PMD_OFF(t), P);

	map(TEST_MMAP_BASE - P, P);
	va = aligned(0, 2 * PMD, 0, 0, PMD);
	ASSERT_EQ(va, expect_topdown(TEST_MMAP_BASE - P, 2 * PMD, 0, PMD));
	m = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(m, TEST_MMAP_BASE - P - 2 * PMD);
	ASSERT_NE(m, va);
}

/*
 * Condition 1, the part a 64-bit build cannot run (!CONFIG_64BIT): the
 * helper's definition in mm/mmap.c has no CONFIG_64BIT / compat test at
 * all, and THP's thp_get_unmapped_area_vmaflags() in mm/huge_memory.c
 * has both.  Catches the policy moved into the helper in a form the
 * compat test above cannot see (#ifdef CONFIG_64BIT, IS_ENABLED only).
 */
VMA_TEST(aligned_c1_policy_is_thps_not_the_helpers)
{
	static const char *const policy[] = {
		"CONFIG_64BIT", "in_compat_syscall", "is_compat_task",
		"TIF_ADDR32", "mmap_is_ia32", "CONFIG_32BIT",
	};
	struct def h, t;
	unsigned int i;

	REQUIRE_HELPER();
	helper_def(&h);
	for (i = 0; i < ARRAY_SIZE(policy); i++)
		if (range_has(h.decl, h.body_end, policy[i], false))
			FAIL(HELPER "() in mm/mmap.c (line %d) tests %s",
			     line_of(tree_file("mm/mmap.c"), h.decl),
			     policy[i]);

	if (!find_def(tree_file("mm/huge_memory.c"),
		      "thp_get_unmapped_area_vmaflags", &t))
		FAIL("no thp_get_unmapped_area_vmaflags() in mm/huge_memory.c");
	ASSERT_TRUE(range_has(t.body, t.body_end, "IS_ENABLED(CONFIG_64BIT)",
			      false));
	ASSERT_TRUE(range_has(t.body, t.body_end, "in_compat_syscall()",
			      false));
	ASSERT_TRUE(range_has(t.body, t.body_end, HELPER, false));
}

/* ---- condition 2: an error value, never 0 ----------------------------- */

/*
 * Condition 2 and the scenario "gap holds len but not len + align": the
 * whole address space is full but for one unaligned hole of exactly 4M.
 * The helper fails with an error value, -ENOMEM (not 0); THP falls back
 * and returns the hole, unaligned -- as the old code did.  Catches the
 * helper returning 0 (or anything but an error value) on failure, and THP
 * not falling back (padding turning a satisfiable mmap into -ENOMEM).
 */
VMA_TEST(aligned_c2_padded_search_fails_error_value)
{
	unsigned long h = A + P;

	REQUIRE_HELPER();
	map(mmap_min_addr, h - mmap_min_addr);
	map(h + 2 * PMD, TEST_MAP_TOP - (h + 2 * PMD));

	ASSERT_EQ(aligned(0, 2 * PMD, 0, 0, PMD), (unsigned long)-ENOMEM);
	ASSERT_EQ(aligned(0, 2 * PMD, P, 0, PMD), (unsigned long)-ENOMEM);
	ASSERT_EQ(thp(0, 2 * PMD, 0, 0), h);
	if (orig_is_old()) {
		ASSERT_EQ(orig_thp(0, 2 * PMD, 0, 0), h);
	}
	ASSERT_EQ(test_map_anon(0, 2 * PMD, false), h);
	/* and now nothing fits: THP's error is the plain search's */
	ASSERT_EQ(thp(0, 2 * PMD, 0, 0), (unsigned long)-ENOMEM);
}

/*
 * Condition 2, "0 is a valid address": mmap_min_addr = 0, bottom-up from
 * a legacy base of 0, address 0 free.  With off = 4K the helper returns
 * 0x1000 (congruent), with off = 0 it returns 0 -- a success, usable by
 * MAP_FIXED.  The unpatched THP code (orig_thp_get_unmapped_area_vmaflags)
 * found the same padded window at 0 but took 0 for "could not", fell back
 * to the unpadded search and returned 0: not congruent with 4K.  The
 * patched THP returns the helper's 0x1000.
 * Catches the old "ret == addr" test without "addr &&" (a hint-less 0
 * taken for a free hint), and a helper mapping 0 to an error or fallback.
 */
VMA_TEST(aligned_c2_zero_is_a_valid_address)
{
	REQUIRE_HELPER();
	mmap_min_addr = dac_mmap_min_addr = 0;
	test_set_topdown(false);
	test_set_mmap_base(0);

	ASSERT_EQ(aligned(0, 2 * PMD, P, 0, PMD), P);
	ASSERT_EQ(aligned(0, 2 * PMD, 0, 0, PMD), 0);
	/* a 32-bit kernel's THP does not align: the unpadded 0 */
	ASSERT_EQ(thp(0, 2 * PMD, 1, 0), IS_ENABLED(CONFIG_64BIT) ? P : 0);
	ASSERT_EQ(thp(0, 2 * PMD, 0, 0), 0);
	if (orig_is_old()) {
		ASSERT_EQ(orig_thp(0, 2 * PMD, 1, 0), 0);		/* unaligned */
		ASSERT_EQ(orig_thp(0, 2 * PMD, 0, 0), 0);
	}
	ASSERT_EQ(test_map_anon(P, 2 * PMD, true), P);
	ASSERT_VMA(test_vma_at(P), P, P + 2 * PMD, P >> PAGE_SHIFT);
}

/* ---- condition 3: in mm/mmap.c, declared with its siblings ------------ */

/*
 * Condition 3: defined in mm/mmap.c, declared in include/linux/sched/mm.h
 * next to mm_get_unmapped_area_vmaflags(), not in huge_mm.h / huge_memory.c.
 * The build defines VMA_HAVE_mm_get_unmapped_area_aligned only if it found
 * the declaration in include/linux/sched/mm.h; a helper that is linked
 * (weak reference) without it is declared somewhere else.
 * Catches the declaration put in include/linux/huge_mm.h (as in the first
 * version of the patch), the helper left in (or moved to)
 * mm/huge_memory.c, and a declaration far from its siblings.
 */
VMA_TEST(aligned_c3_lives_in_mmap_c)
{
	const char *hdr, *pos, *p, *paren, *sib = NULL;
	int decls = 0, line = 0;
	struct def d;
	char after;

	if (!HAVE_HELPER && mm_get_unmapped_area_aligned)
		FAIL(HELPER "() is linked but not declared in include/linux/sched/mm.h");
	REQUIRE_HELPER();
	/* linked: the definition the build compiled */
	ASSERT_NONNULL((void *)mm_get_unmapped_area_aligned);
	helper_def(&d);

	hdr = pos = tree_file("include/linux/sched/mm.h");

	/* declared exactly once in <linux/sched/mm.h> ... */
	while ((p = next_use(hdr, &pos, HELPER, &after, &paren))) {
		if (after == ';') {
			decls++;
			line = line_of(hdr, p);
		}
	}
	ASSERT_EQ(decls, 1);
	/* ... within a few lines of mm_get_unmapped_area_vmaflags() */
	pos = hdr;
	while ((p = next_use(hdr, &pos, "mm_get_unmapped_area_vmaflags",
			     &after, &paren)))
		if (after == ';')
			sib = p;
	ASSERT_NONNULL(sib);
	ASSERT_LE(abs(line - line_of(hdr, sib)), 12);

	/* and nowhere THP's */
	ASSERT_FALSE(strstr(tree_file("include/linux/huge_mm.h"), HELPER));
	ASSERT_FALSE(strstr(tree_file("mm/huge_memory.c"),
			    "unsigned long " HELPER));
	ASSERT_FALSE(find_def(tree_file("mm/huge_memory.c"), HELPER, &d));
}

/* ---- condition 4: kernel-doc ------------------------------------------ */

/*
 * Condition 4: a kernel-doc comment directly above the definition that
 * documents every parameter and says what the function does: the
 * congruence (va == off mod align), the hint and MAP_FIXED rules, and the
 * return convention (an error value to test with IS_ERR_VALUE(), 0 being
 * a valid address).  Catches the comment lost, turned into a plain
 * comment, a parameter undocumented, or the Return: section dropped.
 * (make check-patches runs scripts/kernel-doc on it too.)
 */
VMA_TEST(aligned_c4_kernel_doc)
{
	struct def d;
	const char *p, *ret, *s, *e;
	char name[64];
	int params = 0;

	REQUIRE_HELPER();
	helper_def(&d);
	if (!d.doc)
		FAIL("no comment directly above " HELPER "() in mm/mmap.c");
	s = d.doc;
	e = d.doc_end;
	ASSERT_EQ(strncmp(s, "/**\n", 4), 0);
	/* the kernel-doc title line: " * name() - what" or " * name - what" */
	ASSERT_TRUE(!strncmp(s + 4, " * " HELPER "() - ",
			     strlen(" * " HELPER "() - ")) ||
		    !strncmp(s + 4, " * " HELPER " - ",
			     strlen(" * " HELPER " - ")));

	/* every parameter of the definition is documented */
	for (p = d.paren + 1; p < d.body; p++) {
		const char *q = p;

		if (*p != ',' && *p != ')')
			continue;
		while (q > d.paren && !is_ident(q[-1]))
			q--;
		while (q > d.paren && is_ident(q[-1]))
			q--;
		snprintf(name, sizeof(name), "@%.*s:", (int)(p - q), q);
		if (!range_has(s, e, name, false))
			FAIL("parameter %s not documented", name);
		params++;
		if (*p == ')')
			break;
	}
	ASSERT_GE(params, 5);	/* the parameter list was parsed */

	ASSERT_TRUE(range_has(s, e, "congruen", true) ||
		    range_has(s, e, "modulo", true));
	ASSERT_TRUE(range_has(s, e, "@off", false));
	ASSERT_TRUE(range_has(s, e, "@align", false));
	ASSERT_TRUE(range_has(s, e, "hint", true));
	ASSERT_TRUE(range_has(s, e, "MAP_FIXED", false));

	ret = strstr(s, "Return:");
	ASSERT_TRUE(ret && ret < e);
	ASSERT_TRUE(range_has(ret, e, "IS_ERR_VALUE", false));
	ASSERT_TRUE(range_has(ret, e, "ENOMEM", false));
	ASSERT_TRUE(range_has(ret, e, "EINVAL", false));
	ASSERT_TRUE(range_has(ret, e, "ERANGE", false));
}

/* ---- condition 5: not exported ---------------------------------------- */

/*
 * Condition 5: no EXPORT_SYMBOL*(mm_get_unmapped_area_aligned) anywhere in
 * mm/ -- the series has no modular user.  Catches an export added (the
 * first version of the patch had EXPORT_SYMBOL_GPL).
 */
VMA_TEST(aligned_c5_not_exported)
{
	char dir[256], rel[600];
	struct dirent *de;
	DIR *dp;
	int files = 0;

	REQUIRE_HELPER();
	snprintf(dir, sizeof(dir), "%s/mm", VMA_KDIR);
	dp = opendir(dir);
	ASSERT_NONNULL(dp);
	while ((de = readdir(dp))) {
		size_t n = strlen(de->d_name);
		const char *t, *p;
		char *text;

		if (n < 3 || strcmp(de->d_name + n - 2, ".c"))
			continue;
		snprintf(rel, sizeof(rel), "%s/%s", dir, de->d_name);
		text = read_text(rel);
		if (!text)
			continue;
		files++;
		for (t = text; (t = strstr(t, "EXPORT_SYMBOL")); t++) {
			p = t + strlen("EXPORT_SYMBOL");
			while (is_ident(*p))
				p++;
			p = skip_space(p);
			if (*p != '(')
				continue;
			p = skip_space(p + 1);
			if (strncmp(p, HELPER, strlen(HELPER)) ||
			    is_ident(p[strlen(HELPER)]))
				continue;
			snprintf(rel, sizeof(rel), "mm/%s:%d", de->d_name,
				 line_of(text, t));
			closedir(dp);	/* de is gone with it */
			free(text);
			FAIL(HELPER "() is exported at %s", rel);
		}
		free(text);
	}
	closedir(dp);
	ASSERT_GT(files, 50);	/* it did look at mm/ */
	/* and mm/mmap.c, where it lives, was among them */
	ASSERT_NONNULL(strstr(tree_file("mm/mmap.c"), "EXPORT_SYMBOL"));
}

/* ---- condition 6: no THP in the helper -------------------------------- */

/*
 * Condition 6: the helper's kernel-doc and body say nothing of THP (or
 * VFIO, or transparent huge pages) and hard-code no PMD size: it is a
 * general function.  Catches the old "Do not try to align to THP
 * boundary" comment carried over, or PMD_SIZE used instead of @align.
 */
VMA_TEST(aligned_c6_no_thp_in_helper)
{
	static const char *const words[] = { "THP", "VFIO" };
	static const char *const strs[] = {
		"transparent", "hugepage", "huge page", "PMD_SIZE", "HPAGE_",
		"PMD_MASK", "PUD_SIZE",
	};
	struct def d;
	const char *s;
	unsigned int i;

	REQUIRE_HELPER();
	helper_def(&d);
	s = d.doc ? d.doc : d.decl;
	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (range_has_word(s, d.body_end + 1, words[i], true))
			FAIL(HELPER "()'s comment or body mentions %s",
			     words[i]);
	for (i = 0; i < ARRAY_SIZE(strs); i++)
		if (range_has(s, d.body_end + 1, strs[i], true))
			FAIL(HELPER "()'s comment or body mentions %s",
			     strs[i]);
}

/* ---- condition 7: THP calls it with PMD_SIZE, falls back -------------- */

/*
 * A small random layout next to the mmap base, on the side the search
 * goes (below it top-down, above it bottom-up), at times in a 64 MiB
 * window with everything else mapped.
 */
static unsigned long layout_len(void)
{
	return test_rand_range(1, 1024) * P;
}

static unsigned long layout_gap(void)
{
	return test_rand_range(0, 3) * PMD + test_rand_range(0, 600) * P;
}

static void layout_map(unsigned long start, unsigned long end)
{
	test_map_at(start, end - start, PROT_NONE);
}

static void random_layout(void)
{
	bool topdown = mm_flags_test(MMF_TOPDOWN, test_mm);
	unsigned long base = topdown ? test_mmap_base() : TASK_UNMAPPED_BASE;
	struct test_gen g = {
		.hi = TEST_MAP_TOP,
		.size = layout_len,
		.gap = layout_gap,
		.add = layout_map,
	};
	unsigned long cur = base;
	int n = test_rand_range(0, 8);

	ASSERT_EQ(test_munmap(0, TASK_SIZE), 0);
	if (test_rand_range(0, 3) == 0) {
		g.lo = (base - 16 * PMD) & PAGE_MASK;
		g.hi = min(g.lo + 32 * PMD, TEST_MAP_TOP);
		test_map_at(mmap_min_addr, g.lo - mmap_min_addr, PROT_NONE);
		if (g.hi < TEST_MAP_TOP)
			test_map_at(g.hi, TEST_MAP_TOP - g.hi, PROT_NONE);
		cur = g.lo + test_rand_range(0, 16) * 2 * PMD;
	}
	test_gen_run(&g, cur, !topdown, n);
}

/*
 * Condition 7: THP's placement is the helper with PMD_SIZE where the
 * helper succeeds and the plain mm_get_unmapped_area_vmaflags() result
 * where it returns an error value; compat tasks, and every task of a
 * 32-bit kernel (M32=1), always get the plain result (while the helper
 * would still align: counted, and required to happen often on 32-bit).
 * Random layouts (both directions, at times nearly full) and requests
 * (hints, offsets, PMD multiples and odd lengths).  Catches THP calling
 * the helper with another size, falling back on "ret == 0" rather than
 * IS_ERR_VALUE (returning the helper's error), or dropping its compat or
 * 64BIT policy.
 */
VMA_TEST(aligned_c7_thp_is_helper_pmd_size_with_fallback)
{
	unsigned long checks = 0, aligned_ok = 0, fellback = 0, not_thp = 0;
	int layout, i;

	REQUIRE_HELPER();
	for (layout = 0; layout < 24; layout++) {
		bool compat = IS_ENABLED(CONFIG_COMPAT) && layout % 8 >= 6;
		bool plain_only = compat || !IS_ENABLED(CONFIG_64BIT);

		test_set_compat(false);
		ASSERT_EQ(test_munmap(0, TASK_SIZE), 0);
		test_set_compat(compat);
		test_set_topdown(layout % 2);
		random_layout();
		for (i = 0; i < 40; i++) {
			unsigned long len, pgoff, addr, flags = 0, h, t, pl;

			len = test_rand_range(0, 1) ?
			      test_rand_range(1, 4) * PMD :
			      test_rand_range(1, 2048) * P;
			pgoff = test_rand_range(0, 2) ? 0 :
				test_rand_range(0, 1UL << 20);
			addr = test_rand_range(0, 2) ? 0 :
			       (test_mmap_base() - test_rand_range(1, 8192) * P);
			if (test_rand_range(0, 19) == 0)
				flags |= MAP_FIXED;

			h = aligned(addr, len, (loff_t)pgoff << PAGE_SHIFT,
				    flags, PMD);
			t = thp(addr, len, pgoff, flags);
			pl = plain(addr, len, pgoff, flags);
			checks++;
			if (plain_only) {
				ASSERT_EQ(t, pl);
				not_thp += !IS_ERR_VALUE(h) && h != pl;
			} else if (!IS_ERR_VALUE(h)) {
				ASSERT_EQ(t, h);
				aligned_ok++;
			} else {
				ASSERT_EQ(t, pl);
				fellback++;
			}
		}
	}
	test_set_compat(false);
	test_info("%lu checks: %lu the helper's result, %lu fallbacks, %lu plain where the helper aligns",
		  checks, aligned_ok, fellback, not_thp);
	if (!IS_ENABLED(CONFIG_64BIT)) {
		ASSERT_GT(not_thp, 100);
		return;
	}
	ASSERT_GT(aligned_ok, 100);
	ASSERT_GT(fellback, 20);
}

/* ---- Part 1 scenarios of the helper ----------------------------------- */

/*
 * Scenario: bottom-up, the gap starts at 0x1000001000, off 0, align 2M ->
 * 0x1000200000 (the first 2 MiB boundary in the gap).  Catches the shift
 * computed with the sign reversed ((ret - off) & mask: 0x1000002000) or
 * the top-down "+ align" applied bottom-up.  (32-bit: X is 0x50000000.)
 */
#ifdef CONFIG_64BIT
#define GAP_X	0x1000000000UL
#else
#define GAP_X	0x50000000UL
#endif
VMA_TEST(aligned_scn_helper_bottomup_gap)
{
	REQUIRE_HELPER();
	test_set_topdown(false);
	test_set_mmap_base(GAP_X);
	map(GAP_X, P);

	ASSERT_EQ(aligned(0, PMD, 0, 0, PMD), GAP_X + PMD);
	ASSERT_EQ(aligned(0, 2 * PMD, 0, 0, PMD), GAP_X + PMD);
	ASSERT_EQ(aligned(0, 2 * PMD, 3 * P, 0, PMD), GAP_X + 3 * P);
}

/*
 * Scenario: top-down, the padded window's start already congruent, off 0
 * -> window start + align, i.e. the top of the window, abutting the VMA
 * above it; off 4K -> va % 2M == 4K (window start + 4K).
 *
 *	X-6M       X-4M                  X
 *	[ pad    ][ new 4M             ][ vma up to mmap_base ]
 *
 * Catches "+ align" dropped (X-6M: a 2 MiB hole) and an off_sub ignored.
 */
VMA_TEST(aligned_scn_helper_topdown_window_top)
{
	unsigned long x = round_down(TEST_MMAP_BASE, PMD) - 4 * PMD;

	REQUIRE_HELPER();
	map(x, TEST_MMAP_BASE - x);
	ASSERT_EQ(aligned(0, 2 * PMD, 0, 0, PMD), x - (2 * PMD + PMD) + PMD);
	ASSERT_EQ(aligned(0, 2 * PMD, P, 0, PMD), x - (2 * PMD + PMD) + P);
	ASSERT_EQ(aligned(0, 2 * PMD, PMD - P, 0, PMD), x - (2 * PMD + PMD) + PMD - P);
	/* off congruent to 0 mod 2M but not 0 */
	ASSERT_EQ(aligned(0, 2 * PMD, 5 * PMD, 0, PMD), x - 2 * PMD);
}

/*
 * Scenario: a free hint wins even if unaligned; an occupied one does not
 * (the aligned placement instead).  Catches the "ret == addr" rule
 * dropped (the hint shifted to A + 2M) or applied to any result.
 */
VMA_TEST(aligned_scn_helper_free_hint_wins)
{
	REQUIRE_HELPER();
	ASSERT_EQ(aligned(A + P, 2 * PMD, 0, 0, PMD), A + P);
	map(A, 4 * PMD);
	ASSERT_EQ(aligned(A + P, 2 * PMD, 0, 0, PMD),
		  expect_topdown(TEST_MMAP_BASE, 2 * PMD, 0, PMD));
}

/*
 * The kernel-doc's "a free hint wins" holds for a hint with room for len
 * but not for len + align: the hint is tried with len first.
 *
 *	A       A+2M    A+4M    A+6M
 *	[ vma  ][ hint ][ vma  ]		-> A + 2M, unaligned offset or not
 * Also when the range holds no complete block (the hint wins before the
 * block rule).  Catches the hint tried with the padded length only (v1 of
 * the helper: the hint moved to an aligned area elsewhere).
 */
VMA_TEST(aligned_scn_helper_hint_tried_with_len)
{
	REQUIRE_HELPER();
	map(A, PMD);
	map(A + 2 * PMD, PMD);
	ASSERT_EQ(aligned(A + PMD, PMD, P, 0, PMD), A + PMD);
	ASSERT_EQ(aligned(A + PMD, PMD, 0, 0, PMD), A + PMD);
	ASSERT_EQ(aligned(A + PMD, (PMD / 2), 0, 0, PMD), A + PMD);
}

/*
 * The range must hold a complete aligned block: [off, off + len) of 2M at
 * off 4K holds none -> -ERANGE ("alignment cannot help", no WARN: not the
 * caller bug -EINVAL is); one exact block is enough.  Catches the block
 * test off by one ('<' made '<=') or dropped (pointless padding), and the
 * two errors confused.
 */
VMA_TEST(aligned_scn_helper_needs_a_full_block)
{
	REQUIRE_HELPER();
	ASSERT_EQ(aligned(0, PMD, P, 0, PMD), (unsigned long)-ERANGE);
	ASSERT_EQ(aligned(0, (PMD / 2), 0, 0, PMD), (unsigned long)-ERANGE);
	ASSERT_EQ(aligned(0, 2 * PMD - P - P, P, 0, PMD),
		  (unsigned long)-ERANGE);
	ASSERT_EQ(aligned(0, 2 * PMD - P, P, 0, PMD),
		  expect_topdown(TEST_MMAP_BASE, 2 * PMD - P, P, PMD));
	ASSERT_EQ(aligned(0, PMD, 0, 0, PMD),
		  expect_topdown(TEST_MMAP_BASE, PMD, 0, PMD));
}

/*
 * Scenario: len + align wraps -> the helper's -ENOMEM; THP then gives what
 * the plain search gives for that length (here -ENOMEM too), as the old
 * code did.  Catches the len + align overflow check dropped (a wrapped,
 * tiny padded search "succeeding").
 */
VMA_TEST(aligned_scn_len_plus_align_wraps)
{
	unsigned long len = -(PMD / 2);	/* len + 2M wraps to 1M */

	REQUIRE_HELPER();
	ASSERT_EQ(aligned(0, len, 0, 0, PMD), (unsigned long)-ENOMEM);
	ASSERT_EQ(thp(0, len, 0, 0), plain(0, len, 0, 0));
	ASSERT_EQ(thp(0, len, 0, 0), (unsigned long)-ENOMEM);
	if (orig_is_old()) {
		ASSERT_EQ(orig_thp(0, len, 0, 0), (unsigned long)-ENOMEM);
	}
}

/*
 * Scenario: off + padded len past LLONG_MAX (off near LLONG_MAX) -> the
 * helper's -EOVERFLOW; THP gives the plain result (unaligned B - len).
 * Both when off + len itself crosses LLONG_MAX and when only the padding
 * does; the last page before LLONG_MAX is fine.  A negative offset (a
 * FOP_UNSIGNED_OFFSET file's offset near 2^64) is outside loff_t too.
 * Catches the off + len_pad overflow check dropped or off by one, and the
 * negative offsets let through.
 */
VMA_TEST(aligned_scn_off_plus_padded_len_wraps)
{
	loff_t off = LLONG_MAX - 2 * PMD - PMD + 1;	/* 2^63 - 6M */

	REQUIRE_HELPER();
	/* off + len crosses LLONG_MAX */
	ASSERT_EQ(aligned(0, 4 * PMD, off, 0, PMD), (unsigned long)-EOVERFLOW);
	/* only the padding does: off + 4M + 2M == 2^63 */
	ASSERT_EQ(aligned(0, 2 * PMD, off, 0, PMD), (unsigned long)-EOVERFLOW);
	/* THP's pgoff: a 32-bit one cannot reach 2^63 bytes */
	if (IS_ENABLED(CONFIG_64BIT)) {
		ASSERT_EQ(thp(0, 2 * PMD, off >> PAGE_SHIFT, 0),
			  TEST_MMAP_BASE - 2 * PMD);
		ASSERT_EQ(thp(0, 2 * PMD, off >> PAGE_SHIFT, 0),
			  plain(0, 2 * PMD, off >> PAGE_SHIFT, 0));
	}
	/* one page less and the padded range ends at LLONG_MAX: aligned */
	ASSERT_EQ(aligned(0, 2 * PMD - P, off, 0, PMD),
		  expect_topdown(TEST_MMAP_BASE, 2 * PMD - P, off, PMD));
	if (IS_ENABLED(CONFIG_64BIT))
		ASSERT_EQ(thp(0, 2 * PMD - P, off >> PAGE_SHIFT, 0),
			  expect_topdown(TEST_MMAP_BASE, 2 * PMD - P, off, PMD));

	/* negative: -4M (pgoff 0xffffffffffc00), and LLONG_MIN */
	ASSERT_EQ(aligned(0, PMD, -(loff_t)(2 * PMD), 0, PMD), (unsigned long)-EOVERFLOW);
	ASSERT_EQ(aligned(0, PMD, LLONG_MIN, 0, PMD),
		  (unsigned long)-EOVERFLOW);
	if (IS_ENABLED(CONFIG_64BIT))
		ASSERT_EQ(thp(0, PMD, (0UL - 2 * PMD) >> PAGE_SHIFT, 0),
			  TEST_MMAP_BASE - PMD);
}

/*
 * Scenario: MAP_FIXED is never moved: the helper returns addr as is,
 * unaligned, even where the padded search could not (len < align, a
 * range without a full block, address 0 with mmap_min_addr 0, over an
 * existing VMA).  Catches the MAP_FIXED passthrough dropped (-EINVAL for
 * a small length, a shifted 0).
 */
VMA_TEST(aligned_scn_map_fixed_never_moved)
{
	REQUIRE_HELPER();
	ASSERT_EQ(aligned(A + P, 2 * PMD, 0, MAP_FIXED, PMD), A + P);
	ASSERT_EQ(aligned(A + P, P, 0, MAP_FIXED, PMD), A + P);
	ASSERT_EQ(aligned(A + P, PMD, P, MAP_FIXED, PMD), A + P);
	map(A, 4 * PMD);
	ASSERT_EQ(aligned(A + 3 * P, 2 * PMD, 0, MAP_FIXED, PMD), A + 3 * P);
	ASSERT_EQ(aligned(A + 3 * P, 2 * PMD, 0, MAP_FIXED, SZ_1G), A + 3 * P);
	/* a range that only fits unpadded, at the very top */
	ASSERT_EQ(aligned(TASK_SIZE - 2 * PMD, 2 * PMD, P, MAP_FIXED, SZ_1G),
		  TASK_SIZE - 2 * PMD);

	mmap_min_addr = dac_mmap_min_addr = 0;
	ASSERT_EQ(aligned(0, 2 * PMD, P, MAP_FIXED, PMD), 0);
}

/*
 * Scenario: any power-of-two align >= PAGE_SIZE works -- 4K, 64K, 2M, 1G
 * -- with random offsets, in both directions: va == off (mod align), the
 * area free, and exactly the top (or bottom) of the padded window.
 * Catches PMD_SIZE hard-coded, align_mask computed wrongly for one size,
 * or a size-specific shortcut.
 */
VMA_TEST(aligned_scn_any_power_of_two)
{
	/* 32-bit: 256M, as len + 2 * 1G would not fit below B */
	static const unsigned long aligns[] = {
		PAGE_SIZE, 16 * PAGE_SIZE, PMD, IS_ENABLED(CONFIG_64BIT) ? SZ_1G : SZ_256M,
	};
	unsigned int i, j;

	REQUIRE_HELPER();
	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		for (j = 0; j < 8; j++) {
			unsigned long al = aligns[i], len, off, va;

			len = al + test_rand_range(0, 64) * P +
			      (j & 1 ? al : 0);
			off = test_rand_range(0, 1UL << 30) * P;
			if (len - al < (-off & (al - 1)))
				off = round_up(off, al);

			test_set_topdown(true);
			va = aligned(0, len, off, 0, al);
			ASSERT_EQ((va - off) & (al - 1), 0);
			ASSERT_EQ(va, expect_topdown(TEST_MMAP_BASE, len, off,
						     al));
			ASSERT_LE(va + len, TEST_MMAP_BASE);

			test_set_topdown(false);
			va = aligned(0, len, off, 0, al);
			ASSERT_EQ((va - off) & (al - 1), 0);
			ASSERT_EQ(va, expect_bottomup(TASK_UNMAPPED_BASE, off,
						      al));
		}
	}
}

/*
 * Scenario: align not a power of two, or below PAGE_SIZE -> -EINVAL and a
 * kernel WARN each (a caller bug).  Catches the check dropped (a mask from
 * a non-power-of-two: a non-congruent address) or made silent.
 */
VMA_TEST(aligned_scn_bad_align_einval_warns)
{
	static const unsigned long bad[] = {
		0, 1, SZ_2K, PAGE_SIZE - 1, 3 * PAGE_SIZE, PMD + PAGE_SIZE,
		SZ_1G - PAGE_SIZE, ~0UL,
	};
	unsigned int i;

	REQUIRE_HELPER();
	test_expect_kernel_warnings(ARRAY_SIZE(bad));
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		unsigned long w = vma_kernel_warnings;

		ASSERT_EQ(aligned(0, 2 * PMD, 0, 0, bad[i]),
			  (unsigned long)-EINVAL);
		ASSERT_EQ(vma_kernel_warnings, w + 1);
	}
	/* the smallest valid one, no WARN */
	ASSERT_NOT_ERR_VALUE(aligned(0, 2 * PMD, 0, 0, PAGE_SIZE));
	ASSERT_EQ(vma_kernel_warnings, ARRAY_SIZE(bad));
}

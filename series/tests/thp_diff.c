// SPDX-License-Identifier: GPL-2.0
/*
 * Differential test of patches/0003: THP's get_unmapped_area before the
 * series (orig_thp_get_unmapped_area_vmaflags(), the unpatched
 * mm/huge_memory.c, see series/thp_orig.c) and after it
 * (thp_get_unmapped_area_vmaflags() on mm_get_unmapped_area_aligned()),
 * asked the same requests on the same random layouts.  0003 says: "No
 * change in placement otherwise" -- otherwise than the one change it
 * makes on purpose, which the old code could not tell from a failure:
 *
 *   THE DOCUMENTED DIFFERENCE.  The old __thp_get_unmapped_area() returned
 *   0 for "could not align", so when its padded search found a window at
 *   address 0 it could return that 0 only as "could not": it did so when
 *   the search returned addr (0 == addr: no hint) and when the shifted
 *   result ret + off_sub was 0 (bottom-up, off_sub == 0).  Then THP fell
 *   back to the unpadded search.  The new helper returns the address:
 *   0 + off_sub (top-down with off_sub == 0: 0 + PMD_SIZE).
 *
 *   Precisely: 64-bit task (no compat), no MAP_FIXED, both versions do
 *   the padded search (a full PMD block in the range, no overflow), that
 *   search -- mm_get_unmapped_area_vmaflags(addr, len + PMD_SIZE) --
 *   returns 0, and addr == 0 or (off_sub == 0 and bottom-up); off_sub is
 *   off mod PMD_SIZE.  Then new == (top-down && !off_sub ? PMD_SIZE :
 *   off_sub), old == mm_get_unmapped_area_vmaflags(addr, len), and the
 *   two differ unless both are 0.  (The padded search can return 0 only
 *   bottom-up with mm->mmap_base and mmap_min_addr 0; the layouts make
 *   that common.)  Each such case is asserted exactly and counted.
 *
 *   THE OTHER DOCUMENTED DIFFERENCE.  The old code gave up on alignment
 *   when the unsigned sum off + len + PMD_SIZE wrapped past 2^64; the new
 *   helper does not align any byte offset range outside loff_t:
 *   negative, or with off + len + PMD_SIZE past LLONG_MAX (0003: "now
 *   also for byte offsets outside the range of loff_t").  Precisely:
 *   len + PMD_SIZE does not wrap, and off < 0 or off + len + PMD_SIZE >
 *   LLONG_MAX.  Then new == mm_get_unmapped_area_vmaflags(addr, len)
 *   (asserted, whatever old did); old differs where it aligned (counted):
 *   where the unsigned sum did not wrap, and also within 2 MiB below
 *   LLONG_MAX where its round_up(off, PMD_SIZE) wrapped to LLONG_MIN and
 *   made its full-block test pass for a range that holds no full block
 *   (the new helper's -EINVAL there).
 *
 *   THE HINT RULE.  The new helper tries a hint with len first and
 *   returns it if it is free there (0002: "it is tried with the mapping's
 *   length first"); the old code tried it with len + PMD_SIZE only, and
 *   moved a hint with room for len but not for the padding.  Precisely:
 *   64-bit task (no compat), no MAP_FIXED, addr != 0 and
 *   mm_get_unmapped_area_vmaflags(addr, len) == addr.  Then new == addr
 *   (asserted, before the other rules); old differs where the padded
 *   window at addr was not free (counted).
 *
 * Every other difference fails the test, printed with its layout.
 *
 *   thp_diff_random   thousands of random layouts and requests: both
 *                     directions, compat tasks, random mmap_base (0
 *                     too), mmap_min_addr (0 too, at times unaligned),
 *                     stack_guard_gap, stacks, nearly full spaces; hints
 *                     free, occupied and unaligned; PMD-multiple, odd,
 *                     huge and wrapping lengths; MAP_FIXED; offsets 0,
 *                     small, anywhere in the positive loff_t range,
 *                     negative (FOP_UNSIGNED_OFFSET) and at both ends.
 *   thp_diff_offset_edges  the same with every offset within 32 MiB of
 *                     LLONG_MAX, of 2^64 (-1 as loff_t) or of LLONG_MIN,
 *                     and lengths that cross those ends.
 *
 * On a 32-bit kernel (ARCH=i386, !CONFIG_64BIT) neither version aligns
 * (4ef9ad19e176, a policy the series keeps in THP): thp_diff_random
 * asserts that both give the unpadded search's result for every request,
 * and that many requests are ones a 64-bit kernel would align;
 * thp_diff_offset_edges SKIPs (a 32-bit pgoff cannot reach the ends of
 * loff_t).
 *
 * Deterministic per --seed; VMA_THP_DIFF_ITERS=N sets the number of
 * comparisons per test.  Catches any change of THP placement by the
 * series beyond the documented one, e.g. the top-down "+ align" or the
 * hint rule changed, the fallback on the wrong condition, the compat
 * policy dropped, a different overflow or full-block test; and the
 * documented differences themselves not being what 0002 and 0003 say.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/huge_mm.h>
#include <linux/security.h>

#include "fixture.h"
#include "gen.h"


#define REQS_PER_LAYOUT	24
#define MAX_SPEC	40

#define NO_HELPER	"tree has no mm_get_unmapped_area_aligned() (SERIES=none?)"

/* ---- the functions compared (only these name the new API) ------------- */

#ifdef VMA_HAVE_mm_get_unmapped_area_aligned
#define HAVE_HELPER	1

unsigned long orig_thp_get_unmapped_area_vmaflags(struct file *filp,
		unsigned long addr, unsigned long len, unsigned long pgoff,
		unsigned long flags, vma_flags_t vma_flags);

static unsigned long new_thp(unsigned long addr, unsigned long len,
			     unsigned long pgoff, unsigned long flags)
{
	return thp_get_unmapped_area_vmaflags(NULL, addr, len, pgoff, flags,
					      EMPTY_VMA_FLAGS);
}

static unsigned long old_thp(unsigned long addr, unsigned long len,
			     unsigned long pgoff, unsigned long flags)
{
	return orig_thp_get_unmapped_area_vmaflags(NULL, addr, len, pgoff,
						   flags, EMPTY_VMA_FLAGS);
}

static unsigned long search(unsigned long addr, unsigned long len,
			    unsigned long pgoff, unsigned long flags)
{
	return mm_get_unmapped_area_vmaflags(NULL, addr, len, pgoff, flags,
					     EMPTY_VMA_FLAGS);
}
#else
#define HAVE_HELPER	0
#define NO_CALL()	FAIL("called without the helper")
static unsigned long new_thp(unsigned long addr, unsigned long len,
			     unsigned long pgoff, unsigned long flags)
{
	NO_CALL();
}

static unsigned long old_thp(unsigned long addr, unsigned long len,
			     unsigned long pgoff, unsigned long flags)
{
	NO_CALL();
}

static unsigned long search(unsigned long addr, unsigned long len,
			    unsigned long pgoff, unsigned long flags)
{
	NO_CALL();
}
#endif

static void require_series(void)
{
	if (!HAVE_HELPER)
		SKIP(NO_HELPER);
	if (!strcmp(VMA_KDIR, VMA_KDIR_ORIG))
		SKIP("no series applied (SERIES=none): old and new THP code are the same");
}

/* ---- randomness -------------------------------------------------------- */

/* test_rand_below(), test_chance(), test_rand_pages(): runner, fixture */

/* ---- layouts ------------------------------------------------------------ */

static struct {
	bool topdown, compat;
	unsigned long mmap_base, min_addr, guard_gap;
	unsigned long spec_start[MAX_SPEC], spec_end[MAX_SPEC];
	int nspec;
} L;

static unsigned long saved_guard_gap;

static void restore_globals(void)
{
	stack_guard_gap = saved_guard_gap;
	test_set_compat(false);
}

static void add(unsigned long start, unsigned long end)
{
	static const unsigned long prots[] = {
		PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE,
	};
	unsigned long flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;

	if (start >= end || end > TEST_MAP_TOP || start < L.min_addr ||
	    L.nspec == MAX_SPEC)
		return;
	if (test_chance(10))
		flags |= MAP_GROWSDOWN;
	if (test_mmap(NULL, start, end - start, prots[test_rand_below(3)], flags, 0) !=
	    start) {
		restore_globals();
		FAIL("layout: mmap(%#lx, %#lx) failed", start, end - start);
	}
	L.spec_start[L.nspec] = start;
	L.spec_end[L.nspec++] = end;
}

static unsigned long pick_size(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 35)
		return test_rand_pages(1, 16);
	if (r < 65)
		return test_rand_pages(1, 1024);
	if (r < 85)
		return test_rand_range(1, 4) * PMD + (test_chance(50) ? 0 : P);
	return test_rand_pages(1, SZ_64M / P);
}

static unsigned long pick_gap(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 20)
		return 0;
	if (r < 45)
		return test_rand_pages(1, 16);
	if (r < 65)
		return test_rand_pages(1, 1024);
	if (r < 90)	/* around len and len + PMD of the requests */
		return test_rand_range(1, 6) * PMD +
		       (test_chance(50) ? 0 : test_rand_pages(1, 2)) -
		       (test_chance(30) ? P : 0);
	return test_rand_pages(1, SZ_64M / P);
}

/* n VMAs from base, upwards or downwards. */
static void cluster(unsigned long base, bool up, int n)
{
	struct test_gen g = {
		.hi = TEST_MAP_TOP,
		.size = pick_size,
		.gap = pick_gap,
		.add = add,
	};

	test_gen_run(&g, base & PAGE_MASK, up, n);
}

static unsigned long pick_min_addr(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 45)
		return 65536;
	if (r < 70)
		return 0;
	if (r < 80)
		return P;
	if (r < 95)
		return test_rand_pages(1, 1024);
	return test_rand_range(1, SZ_1M);	/* unaligned */
}

static void gen_layout(void)
{
	unsigned long lo, hi, umin;
	int i, n;

	test_set_compat(false);
	if (test_munmap(0, TASK_SIZE)) {
		restore_globals();
		FAIL("munmap of the whole address space failed");
	}
	L.nspec = 0;
	L.compat = IS_ENABLED(CONFIG_COMPAT) && test_chance(8);
	L.topdown = test_chance(50);
	test_set_compat(L.compat);
	test_set_topdown(L.topdown);

	if (L.topdown) {
		unsigned int r = test_rand_below(100);

		if (r < 50)
			L.mmap_base = TEST_MMAP_BASE;
		else if (r < 75)
			L.mmap_base = test_rand_pages(SZ_16M / P, TASK_SIZE / P);
		else if (r < 90)
			L.mmap_base = test_rand_range(8, TASK_SIZE / PMD) * PMD;
		else
			L.mmap_base = test_rand_pages(1, 8192);
		L.min_addr = pick_min_addr();
	} else {
		unsigned int r = test_rand_below(100);

		if (r < 35)
			L.mmap_base = TASK_UNMAPPED_BASE;
		else if (r < 70)
			L.mmap_base = 0;
		else if (r < 85)
			L.mmap_base = test_rand_pages(0, 4096);
		else
			L.mmap_base = test_rand_pages(0, TASK_SIZE / P - 1);
		/* address 0 is reachable only with mmap_min_addr 0 too */
		L.min_addr = L.mmap_base == 0 && test_chance(75) ? 0 :
			     pick_min_addr();
	}
	L.guard_gap = test_chance(70) ? 256UL << PAGE_SHIFT :
		      test_chance(50) ? P * test_rand_below(2) : test_rand_pages(1, 1024);

	mmap_min_addr = dac_mmap_min_addr = L.min_addr;
	stack_guard_gap = L.guard_gap;
	test_set_mmap_base(L.mmap_base);
	umin = PAGE_ALIGN(L.min_addr);

	/* at times a window of 8M..256M around mmap_base, the rest full */
	if (test_chance(12)) {
		lo = L.mmap_base > SZ_128M ? L.mmap_base - test_rand_pages(0, SZ_128M / P) :
		     umin;
		lo = max(lo, umin);
		hi = min(lo + test_rand_pages(SZ_8M / P, SZ_256M / P), TEST_MAP_TOP);
		if (lo > umin)
			add(umin, lo);
		if (hi < TEST_MAP_TOP)
			add(hi, TEST_MAP_TOP);
	}

	n = test_rand_range(0, 3);
	for (i = 0; i < n; i++) {
		int k = test_rand_range(1, 10);

		switch (test_rand_below(5)) {
		case 0:		/* at mmap_base, on the side searched */
			cluster(L.mmap_base, !L.topdown, k);
			break;
		case 1:		/* at mmap_min_addr / 0 */
			cluster(umin + (test_chance(50) ? 0 : test_rand_pages(0, 1024)),
				true, k);
			break;
		case 2:		/* TASK_UNMAPPED_BASE (the top-down fallback) */
			cluster(TASK_UNMAPPED_BASE, true, k);
			break;
		case 3:		/* the top */
			cluster(TEST_MAP_TOP, false, k);
			break;
		default:
			cluster(test_rand_pages(1, TASK_SIZE / P - 1), test_chance(50), k);
			break;
		}
	}
}

/* ---- requests ----------------------------------------------------------- */

struct req {
	unsigned long addr, len, pgoff, flags;
};

static unsigned long pick_len(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 35)
		return test_rand_range(1, 4) * PMD;
	if (r < 45)
		return test_rand_range(1, 4) * PMD + (test_chance(50) ? P : -P);
	if (r < 70)
		return test_rand_pages(1, 1024);
	if (r < 85)
		return test_rand_pages(1, SZ_256M / P);
	if (r < 92)	/* 32-bit: 4G would be 0 */
		return test_rand_range(1, IS_ENABLED(CONFIG_64BIT) ? 4 : 2) *
		       SZ_1G;
	if (r < 97)
		return test_rand_pages(TASK_SIZE / P / 2, TASK_SIZE / P + 16);
	return -test_rand_pages(1, 1024);		/* len + PMD may wrap */
}

static unsigned long pick_hint(unsigned long len)
{
	unsigned int r = test_rand_below(100);
	int i;

	if (r < 45)
		return 0;
	if (r < 60)	/* near mmap_base */
		return (L.mmap_base + test_rand_pages(0, 16384) - test_rand_pages(0, 16384)) &
		       (test_chance(80) ? PAGE_MASK : ~0UL);
	if (r < 80 && L.nspec) {	/* a VMA's start (taken) or end */
		i = test_rand_below(L.nspec);
		return test_chance(50) ? L.spec_start[i] : L.spec_end[i];
	}
	if (r < 88)
		return test_rand_pages(0, 64);	/* near 0 */
	if (r < 94)
		return TASK_SIZE - (len & PAGE_MASK) - test_rand_pages(0, 4);
	return test_rand() & (test_chance(50) ? PAGE_MASK : ~0UL);
}

/* The old overflow check: the unsigned sum off + len + PMD_SIZE wraps. */
static bool old_off_wraps(loff_t off, unsigned long len_pad)
{
	return (unsigned long)off + len_pad < (unsigned long)off;
}

/* The new one: the offset range is not within loff_t. */
static bool off_outside_loff_t(loff_t off, unsigned long len_pad)
{
	return off < 0 || len_pad > (unsigned long)(LLONG_MAX - off);
}

#ifdef CONFIG_64BIT
/* pgoff within 32 MiB of 2^63 or 2^64 (as byte offsets), or of LLONG_MIN. */
static unsigned long pick_edge_pgoff(void)
{
	unsigned long k = test_rand_range(1, SZ_32M / P);
	unsigned int r = test_rand_below(100);

	if (r < 45)		/* just below 2^63: LLONG_MAX */
		return (1UL << (63 - PAGE_SHIFT)) - k;
	if (r < 90)		/* just below 2^64: -k pages as loff_t */
		return (1UL << (64 - PAGE_SHIFT)) - k;
	return (1UL << (63 - PAGE_SHIFT)) + k - 1;	/* LLONG_MIN on */
}

static unsigned long pick_pgoff(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 30)
		return 0;
	if (r < 55)
		return test_rand_below(1024);
	if (r < 70)
		return test_rand_below(1UL << 24);
	if (r < 82)	/* anywhere in the positive loff_t range */
		return test_rand_below(1UL << (63 - PAGE_SHIFT));
	if (r < 92)	/* negative as loff_t (FOP_UNSIGNED_OFFSET) */
		return (1UL << (63 - PAGE_SHIFT)) +
		       test_rand_below(1UL << (63 - PAGE_SHIFT));
	return pick_edge_pgoff();
}
#else
/*
 * 32-bit: a pgoff is at most ULONG_MAX, a byte offset below 2^44, always
 * within loff_t; the edge is the top of the pgoff range.
 */
static unsigned long pick_edge_pgoff(void)
{
	return 0UL - test_rand_range(1, SZ_32M / P);
}

static unsigned long pick_pgoff(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 30)
		return 0;
	if (r < 55)
		return test_rand_below(1024);
	if (r < 70)
		return test_rand_below(1UL << 24);
	if (r < 92)	/* anywhere */
		return test_rand();
	return pick_edge_pgoff();
}
#endif

static void gen_req(struct req *q)
{
	q->len = pick_len();
	q->pgoff = pick_pgoff();
	q->addr = pick_hint(q->len);
	q->flags = MAP_PRIVATE | MAP_ANONYMOUS | (test_chance(6) ? MAP_FIXED : 0);
}

/* ---- the comparison ----------------------------------------------------- */

enum outcome { SAME, ZERO_DIFF, ZERO_SAME, RANGE_DIFF, RANGE_SAME,
	       HINT_DIFF, HINT_SAME, PLAIN_32BIT, UNEXPLAINED };

struct counts {
	unsigned long cmp, layouts, same, zero_diff, zero_same, range_diff,
		      range_same, hint_diff, hint_same, plain_32bit,
		      unexplained;
};

/*
 * Compare old and new on q; asserts the documented differences exactly
 * where they apply.  Called with the mmap lock held.
 */
static enum outcome compare(const struct req *q, unsigned long *o,
			    unsigned long *n, char *why, size_t whylen)
{
	loff_t off = (loff_t)((u64)q->pgoff << PAGE_SHIFT);
	unsigned long off_sub = (unsigned long)off & (PMD - 1);
	unsigned long head = -(unsigned long)off & (PMD - 1);
	unsigned long len_pad = q->len + PMD, r, want_new, want_old;
	bool topdown = mm_flags_test(MMF_TOPDOWN, test_mm);
	bool may_pad;

	*o = old_thp(q->addr, q->len, q->pgoff, q->flags);
	*n = new_thp(q->addr, q->len, q->pgoff, q->flags);
	why[0] = '\0';

	if (!IS_ENABLED(CONFIG_64BIT)) {
		/* a 32-bit kernel: neither aligns, both are the plain search */
		want_new = search(q->addr, q->len, q->pgoff, q->flags);
		if (*n != want_new || *o != want_new) {
			snprintf(why, whylen,
				 "32-bit kernel: want new and old %#lx (the unpadded search)",
				 want_new);
			return UNEXPLAINED;
		}
		/* one a 64-bit kernel would pad (for a 64-bit task) */
		if (!(q->flags & MAP_FIXED) && q->len >= PMD &&
		    q->len - PMD >= head && len_pad > q->len)
			return PLAIN_32BIT;
		return SAME;
	}

	if (!L.compat && !(q->flags & MAP_FIXED) && q->addr &&
	    search(q->addr, q->len, q->pgoff, q->flags) == q->addr) {
		/* documented: a hint free for len wins, before any other rule */
		if (*n != q->addr) {
			snprintf(why, whylen,
				 "hint free for len: want new %#lx (the hint)",
				 q->addr);
			return UNEXPLAINED;
		}
		return *o == *n ? HINT_SAME : HINT_DIFF;
	}

	if (len_pad > q->len && off_outside_loff_t(off, len_pad)) {
		/* documented: -EOVERFLOW, so the unpadded search */
		want_new = search(q->addr, q->len, q->pgoff, q->flags);
		if (*n != want_new) {
			snprintf(why, whylen,
				 "offset outside loff_t: want new %#lx (the unpadded search)",
				 want_new);
			return UNEXPLAINED;
		}
		return *o == *n ? RANGE_SAME : RANGE_DIFF;
	}

	/* a 64-bit task, no MAP_FIXED, a full block, len + PMD_SIZE fits */
	may_pad = !L.compat && !(q->flags & MAP_FIXED) && q->len >= PMD &&
		  q->len - PMD >= head && len_pad > q->len;
	if (may_pad) {
		/* both pad (in loff_t, the unsigned sum cannot wrap) */
		r = search(q->addr, len_pad, (unsigned long)(off >> PAGE_SHIFT),
			   q->flags);
		if (r == 0 && (q->addr == 0 || (!off_sub && !topdown))) {
			/* documented: exactly this */
			want_new = topdown && !off_sub ? PMD : off_sub;
			want_old = search(q->addr, q->len, q->pgoff, q->flags);
			if (*n != want_new || *o != want_old) {
				snprintf(why, whylen,
					 "padded search at 0: want new %#lx (0 + off_sub), old %#lx (the unpadded search)",
					 want_new, want_old);
				return UNEXPLAINED;
			}
			return *o == *n ? ZERO_SAME : ZERO_DIFF;
		}
	}
	if (*o == *n)
		return SAME;
	snprintf(why, whylen, "no documented reason%s",
		 old_off_wraps(off, len_pad) ? " (old: unsigned offset wrap)" : "");
	return UNEXPLAINED;
}

static void print_layout(void)
{
	struct vm_area_struct *vma;
	int nr = 0;
	VMA_ITERATOR(vmi, test_mm, 0);

	test_note("  layout: %s%s, mmap_base %#lx, mmap_min_addr %#lx, stack_guard_gap %#lx",
	       L.topdown ? "top-down" : "bottom-up",
	       L.compat ? ", compat task" : "", L.mmap_base, L.min_addr,
	       L.guard_gap);
	mmap_read_lock(test_mm);
	for_each_vma(vmi, vma) {
		if (nr++ == 24) {
			test_note("    ...");
			break;
		}
		test_note("    [%#14lx, %#14lx)%s", vma->vm_start,
		       vma->vm_end,
		       vma->vm_flags & VM_GROWSDOWN ? " VM_GROWSDOWN" : "");
	}
	mmap_read_unlock(test_mm);
}

static void print_req(const char *what, const struct req *q,
		      unsigned long o, unsigned long n)
{
	test_note("  %s: addr %#lx len %#lx pgoff %#lx (off %#llx)%s: old %#lx new %#lx",
	       what, q->addr, q->len, q->pgoff,
	       (unsigned long long)q->pgoff << PAGE_SHIFT,
	       q->flags & MAP_FIXED ? " MAP_FIXED" : "", o, n);
}

static unsigned long iters(unsigned long dflt)
{
	return test_gen_iters("VMA_THP_DIFF_ITERS", dflt, 5);
}

/* Run n comparisons, requests from gen; returns the counts. */
static void run(unsigned long n, void (*gen)(struct req *), struct counts *c)
{
	double t0 = test_gen_now();
	char why[160];
	struct req q;
	int j;

	memset(c, 0, sizeof(*c));
	saved_guard_gap = stack_guard_gap;
	while (c->cmp < n) {
		gen_layout();
		c->layouts++;
		for (j = 0; j < REQS_PER_LAYOUT && c->cmp < n; j++) {
			unsigned long o, nw;
			enum outcome out;

			gen(&q);
			mmap_write_lock(test_mm);
			out = compare(&q, &o, &nw, why, sizeof(why));
			mmap_write_unlock(test_mm);
			c->cmp++;
			switch (out) {
			case SAME:
				c->same++;
				break;
			case ZERO_SAME:
				c->zero_same++;
				break;
			case ZERO_DIFF:
				c->zero_diff++;
				break;
			case RANGE_DIFF:
				c->range_diff++;
				break;
			case RANGE_SAME:
				c->range_same++;
				break;
			case HINT_DIFF:
				c->hint_diff++;
				break;
			case HINT_SAME:
				c->hint_same++;
				break;
			case PLAIN_32BIT:
				c->plain_32bit++;
				break;
			case UNEXPLAINED:
				if (!c->unexplained++) {
					test_note("first unexplained difference (%s):",
					       why);
					print_req("request", &q, o, nw);
					print_layout();
				}
				break;
			}
		}
	}
	restore_globals();
	test_note("%s: %lu comparisons on %lu layouts in %.3f s: %lu unexplained differences",
	       test_name(), c->cmp, c->layouts, test_gen_now() - t0, c->unexplained);
	test_note("  %lu identical outside the documented cases", c->same);
	test_note("  padded search found address 0 (old: taken for failure, the unpadded result; new: 0 + off_sub): %lu differ, %lu equal",
	       c->zero_diff, c->zero_same);
	test_note("  offset outside loff_t (new: no alignment, the unpadded result; old: aligned where its checks missed it): %lu differ, %lu equal",
	       c->range_diff, c->range_same);
	test_note("  hint free for len (new: the hint; old: moved unless also free for len + PMD_SIZE): %lu differ, %lu equal",
	       c->hint_diff, c->hint_same);
	if (!IS_ENABLED(CONFIG_64BIT))
		test_note("  32-bit kernel, a request a 64-bit kernel pads: both the unpadded result: %lu",
		       c->plain_32bit);
}

/*
 * The differential test: old == new on thousands of random requests,
 * except the two documented differences, each asserted exactly (see the
 * top of the file).  Also checks that the random cases reach both.
 */
VMA_TEST(thp_diff_random)
{
	struct counts c;

	require_series();
	run(iters(20000), gen_req, &c);
	if (c.unexplained)
		FAIL("%lu of %lu comparisons differ without a documented reason",
		     c.unexplained, c.cmp);
	if (!IS_ENABLED(CONFIG_64BIT)) {
		/* many of the requests are ones THP would align on 64-bit */
		ASSERT_GT(c.plain_32bit, c.cmp / 10);
		return;
	}
	ASSERT_GT(c.zero_diff, 0);	/* the generator reaches all cases */
	ASSERT_GT(c.range_diff, 0);
	ASSERT_GT(c.hint_diff, 0);
	ASSERT_GT(c.same, c.cmp / 2);
}

static void gen_edge_req(struct req *q)
{
	gen_req(q);
	q->len = test_chance(60) ? test_rand_range(1, 8) * PMD : test_rand_pages(1, 8192);
	q->pgoff = pick_edge_pgoff();
}

/*
 * The ends of the loff_t range, where the old and the new overflow checks
 * differ: only as documented (new: the unpadded result for every offset
 * outside loff_t).  Catches e.g. the "off < 0" test dropped (a negative
 * offset near 2^64 aligned, thp_gua_offset_wrap_plain's case) or the
 * LLONG_MAX bound off by one page.
 */
VMA_TEST(thp_diff_offset_edges)
{
	struct counts c;

	require_series();
	REQUIRE_64BIT("a 32-bit pgoff (at most ULONG_MAX pages, below 2^44 bytes) cannot reach the ends of loff_t");
	run(iters(5000), gen_edge_req, &c);
	if (c.unexplained)
		FAIL("%lu of %lu comparisons differ without a documented reason",
		     c.unexplained, c.cmp);
	ASSERT_GT(c.range_diff, 0);
	ASSERT_GT(c.same + c.range_same, c.cmp / 4);
}

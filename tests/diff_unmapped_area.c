// SPDX-License-Identifier: GPL-2.0
/*
 * Randomized differential tests of the free-area search: random layouts
 * (made with real mmap() calls: stacks with MAP_GROWSDOWN, adjacent VMAs,
 * small and huge gaps, clusters at mmap_min_addr, TASK_UNMAPPED_BASE,
 * mmap_base and TASK_SIZE) and random requests, each answered by the
 * kernel and by the independent model of model.c; the answers (address or
 * error) must be equal.  The model reads the layout back from the kernel
 * (for_each_vma), so merges do not matter.
 *
 *   diff_vm_unmapped_area       vm_unmapped_area(): both directions, limits,
 *                               align_mask/align_offset, start_gap
 *   diff_mm_get_unmapped_area   generic_get_unmapped_area[_topdown]():
 *                               hints, MAP_FIXED, fallback to bottom-up
 *   diff_thp_get_unmapped_area  thp_get_unmapped_area(): padding, offset
 *                               congruence, the top-down "ret + PMD" rule
 *   diff_get_unmapped_area      get_unmapped_area() of an anonymous
 *                               private mapping, end to end
 *
 * Per layout the test also varies mmap_base, mmap_min_addr (at times
 * unaligned), dac_mmap_min_addr, CAP_SYS_RAWIO and stack_guard_gap.
 * Deterministic per --seed.  VMA_DIFF_ITERS=N sets the number of checks
 * per test (default DIFF_ITERS, a quarter of it under valgrind); the number
 * done and the rate are printed as a KTAP diagnostic.  A mismatch is
 * shrunk (fewer VMAs, a simpler request) and printed with the seed.
 *
 * Catches any change of where these functions place a mapping.  Checked
 * with one-line mutants of the 7.3 sources, each killed with --seed 1:
 * unmapped_area[_topdown]() searching one page short / placing one page
 * low, ignoring align_offset, dropping start_gap, ignoring the stack
 * guard, the guard test's "- 1" dropped, the mmap_min_addr floor dropped;
 * generic_get_unmapped_area[_topdown]() without the bottom-up fallback,
 * hint checks without the guard gap / mmap_min_addr / with "> addr" for
 * ">= addr"; __get_unmapped_area() aligning any length (d4148aeab412
 * undone); __thp_get_unmapped_area() without the plain-search fallback,
 * ignoring off, without the "full PMD" or the padding overflow test,
 * without the top-down "ret + size".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/huge_mm.h>
#include <linux/security.h>

#include "fixture.h"
#include "model.h"
#include "gen.h"


#define DIFF_ITERS	20000	/* checks per test by default */

#define REQS_PER_LAYOUT	64	/* requests asked of one layout */
#define MAX_SPECS	30	/* VMAs a layout asks for */
#define MAX_VMAS	128	/* VMAs it may end up with (MAP_FIXED splits) */


/*
 * On 32-bit no request searches the whole space top-down ([x, ULONG_MAX]:
 * vm_unmapped_area() with high_limit 0, or the retry below a stack whose
 * guard start is clamped to 0): lib/maple_tree.c's mas_rev_awalk()
 * computes the room of a slot starting at 0 as mas->last - min + 1, which
 * wraps to 0 there, so the search never takes the leftmost slot (or
 * subtree) and says -ENOMEM where the model finds the hole at 0.  No
 * caller asks for that; on 64-bit the space above TASK_SIZE always holds
 * the request first.
 */
#define WHOLE_SPACE_TOPDOWN_OK	IS_ENABLED(CONFIG_64BIT)

/*
 * Huge gaps (2^40 bytes at most), lengths and offsets beyond the address
 * space: 2^52 bytes at most (far beyond TASK_SIZE), 2^47 (about
 * TASK_SIZE), the pgoff of byte offset 2^64; on 32-bit (ARCH=i386): an eighth
 * of TASK_SIZE, the whole 4 GiB, TASK_SIZE, the end of the pgoff range.
 */
#ifdef CONFIG_64BIT
#define HUGE_GAP_PAGES	(1UL << 28)
#define HUGE_LEN_PAGES	(1UL << 40)
#define BIG_LEN_PAGES	(1UL << 35)
#define PGOFF_END	(1UL << 52)
#else
#define HUGE_GAP_PAGES	(TASK_SIZE >> PAGE_SHIFT >> 3)
#define HUGE_LEN_PAGES	(ULONG_MAX >> PAGE_SHIFT)
#define BIG_LEN_PAGES	(TASK_SIZE >> PAGE_SHIFT)
#define PGOFF_END	0UL
#endif


enum kind { K_AREA, K_MM, K_THP, K_GUA };
static const char *const kind_fn[] = {
	[K_AREA] = "vm_unmapped_area",
	[K_MM] = "mm_get_unmapped_area",
	[K_THP] = "thp_get_unmapped_area",
	[K_GUA] = "get_unmapped_area",
};

struct req {
	enum kind kind;
	struct model_area a;		/* K_AREA */
	unsigned long addr, len, pgoff;	/* the others */
	bool fixed;
};

struct spec {
	unsigned long start, end, prot;
	bool growsdown;
};

/* The current layout: what to map, what the kernel has, the knobs. */
static struct {
	struct spec spec[MAX_VMAS];	/* asked for (at most MAX_SPECS) */
	int nspec;
	struct spec rb[MAX_VMAS];	/* read back from the kernel */
	struct model_vma mv[MAX_VMAS];
	int nr;
	bool topdown;
	unsigned long mmap_base, min_addr, dac_min_addr, guard_gap;
	bool cap_rawio;
	struct model_mm mm;
} L;

static unsigned long saved_guard_gap;

/* ---- randomness ------------------------------------------------------ */

/* test_rand_below(), test_chance(), test_rand_pages(): runner, fixture */

/* ---- layouts --------------------------------------------------------- */

static unsigned long pick_vma_size(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 40)
		return test_rand_pages(1, 8);
	if (r < 70)
		return test_rand_pages(1, 1024);
	if (r < 90)
		return test_rand_range(1, 4) * PMD;
	return test_rand_pages(1, SZ_64M / P);
}

static unsigned long pick_gap(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 25)
		return 0;
	if (r < 50)
		return test_rand_pages(1, 8);
	if (r < 75)
		return test_rand_pages(1, 1024);
	if (r < 85)
		return test_rand_range(1, 4) * PMD + (test_chance(50) ? P : 0);
	if (r < 95)
		return test_rand_pages(1, SZ_64M / P);
	return test_rand_pages(1, HUGE_GAP_PAGES);
}

static void add_spec(unsigned long start, unsigned long end)
{
	static const unsigned long prots[] = {
		PROT_READ | PROT_WRITE, PROT_READ | PROT_WRITE, PROT_READ,
		PROT_NONE, PROT_READ | PROT_EXEC,
	};
	struct spec *s = &L.spec[L.nspec++];

	s->start = start;
	s->end = end;
	s->prot = prots[test_rand_below(ARRAY_SIZE(prots))];
	s->growsdown = test_chance(20) &&
		       (WHOLE_SPACE_TOPDOWN_OK || start > L.guard_gap);
}

/* Every VMA but the first of the layout has a gap before it 70% of the time. */
static unsigned long pick_run_gap(void)
{
	return L.nspec && test_chance(70) ? pick_gap() : 0;
}

static bool spec_room(void)
{
	return L.nspec < MAX_SPECS;
}

/* A run of n VMAs from base, upwards or downwards. */
static void gen_cluster(unsigned long base, bool up, int n)
{
	static const struct test_gen gen = {
		.size = pick_vma_size,
		.gap = pick_run_gap,
		.add = add_spec,
		.room = spec_room,
	};
	struct test_gen g = gen;

	g.hi = TASK_SIZE;
	test_gen_run(&g, base, up, n);
}

static unsigned long pick_min_addr(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 60)
		return 65536;
	if (r < 70)
		return 0;
	if (r < 80)
		return P;
	if (r < 95)
		return test_rand_pages(1, SZ_4M / P);
	return test_rand_range(1, SZ_1M);	/* a sysctl may set any value */
}

static unsigned long pick_guard_gap(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 60)
		return 256UL << PAGE_SHIFT;	/* the default */
	if (r < 70)
		return P;
	if (r < 75)
		return 0;
	return test_rand_pages(1, 1024);
}

static void gen_layout(void)
{
	int clusters = test_rand_range(1, 3), total, i;

	L.nspec = 0;
	L.min_addr = pick_min_addr();
	L.dac_min_addr = test_chance(80) ? L.min_addr : pick_min_addr();
	L.guard_gap = pick_guard_gap();
	L.cap_rawio = test_chance(80);
	L.topdown = test_chance(50);
	total = test_chance(3) ? 0 : test_rand_range(1, MAX_SPECS);

	for (i = 0; i < clusters; i++) {
		int n = i == clusters - 1 ? total : (int)test_rand_below(total + 1);
		unsigned long d = test_rand_pages(0, 8 * PMD / P);
		unsigned long base;

		total -= n;
		switch (test_rand_below(5)) {
		case 0:		/* around mmap_min_addr */
			base = (L.min_addr & PAGE_MASK) + (test_chance(50) ? 0 :
				test_rand_pages(0, 16));
			if (test_chance(30))
				base = base > test_rand_pages(0, 16) ? base - test_rand_pages(0, 16) : 0;
			gen_cluster(base, true, n);
			break;
		case 1:		/* around TASK_UNMAPPED_BASE */
			base = TASK_UNMAPPED_BASE + (test_chance(50) ? 0 : d) -
				(test_chance(50) ? 0 : test_rand_pages(0, 8 * PMD / P));
			gen_cluster(base, test_chance(70), n);
			break;
		case 2:		/* around the top-down mmap_base */
			base = TEST_MMAP_BASE - (test_chance(50) ? 0 : d) +
				(test_chance(30) ? test_rand_pages(0, 8 * PMD / P) : 0);
			gen_cluster(base, test_chance(30), n);
			break;
		case 3:		/* at the top of the address space */
			gen_cluster(TASK_SIZE - (test_chance(60) ? 0 : d), false, n);
			break;
		default:	/* anywhere */
			base = test_rand_pages(1, (TASK_SIZE >> PAGE_SHIFT) - 1);
			if (test_chance(50))
				base &= PMD_MASK;
			gen_cluster(base, test_chance(50), n);
			break;
		}
	}
}

/*
 * test_set_topdown(false) on an mm that is bottom-up already makes it
 * top-down: the tools' x86 test_and_clear_bit() (tools/arch/x86/include/
 * asm/atomic.h), which clear_bit() maps to, is a "btc", a toggle.  Go
 * through the top-down state, which set_bit() reaches from either side.
 */
static void set_direction(bool topdown)
{
	test_set_topdown(true);
	if (!topdown)
		test_set_topdown(false);
	if (mm_flags_test(MMF_TOPDOWN, test_mm) != topdown)
		FAIL("could not make the mm %s", topdown ? "top-down" :
		     "bottom-up");
}

static void restore_globals(void)
{
	stack_guard_gap = saved_guard_gap;
	vma_task_set_capable(CAP_SYS_RAWIO, true);
}

/* Read the kernel's VMAs back into L.rb/L.mv and fill in L.mm. */
static void read_back(void)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, 0);
	bool overflow = false;

	L.nr = 0;
	mmap_read_lock(test_mm);
	for_each_vma(vmi, vma) {
		struct spec *s = &L.rb[L.nr];

		if (L.nr == MAX_VMAS) {
			overflow = true;
			break;
		}
		s->start = vma->vm_start;
		s->end = vma->vm_end;
		s->prot = (vma->vm_flags & VM_READ ? PROT_READ : 0) |
			  (vma->vm_flags & VM_WRITE ? PROT_WRITE : 0) |
			  (vma->vm_flags & VM_EXEC ? PROT_EXEC : 0);
		s->growsdown = vma->vm_flags & VM_GROWSDOWN;
		L.mv[L.nr].start = s->start;
		L.mv[L.nr].end = s->end;
		L.mv[L.nr].growsdown = s->growsdown;
		L.nr++;
	}
	mmap_read_unlock(test_mm);
	if (overflow) {
		restore_globals();
		FAIL("layout: more than %d VMAs", MAX_VMAS);
	}

	L.mm = (struct model_mm) {
		.page_size = PAGE_SIZE,
		.pmd_size = PMD_SIZE,
		.vmas = L.mv,
		.nr = L.nr,
		.topdown = mm_flags_test(MMF_TOPDOWN, test_mm),
		.mmap_base = test_mmap_base(),
		.task_size = TASK_SIZE,
		.unmapped_base = TASK_UNMAPPED_BASE,
		.mmap_min_addr = mmap_min_addr,
		.dac_mmap_min_addr = dac_mmap_min_addr,
		.cap_sys_rawio = L.cap_rawio,
		.stack_guard_gap = stack_guard_gap,
#ifdef VMA_HAVE_mm_get_unmapped_area_aligned
		.aligned_helper = true,
#endif
		.thp_32bit = !IS_ENABLED(CONFIG_64BIT),
		.map_window = DEFAULT_MAP_WINDOW,
#ifdef HAVE_ARCH_UNMAPPED_AREA_TOPDOWN
		.x86_64 = true,
		.legacy_base = test_mm->mmap_legacy_base,
#endif
	};
}

/* Map L.spec[] into an empty mm with L's knobs. */
static void apply_layout(void)
{
	int i;

	if (test_munmap(0, TASK_SIZE)) {
		restore_globals();
		FAIL("munmap of the whole address space failed");
	}
	vma_task_set_capable(CAP_SYS_RAWIO, true);
	mmap_min_addr = L.min_addr;
	dac_mmap_min_addr = L.dac_min_addr;
	stack_guard_gap = L.guard_gap;
	set_direction(L.topdown);
	for (i = 0; i < L.nspec; i++) {
		const struct spec *s = &L.spec[i];
		unsigned long got;

		got = test_mmap(NULL, s->start, s->end - s->start, s->prot,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
				(s->growsdown ? MAP_GROWSDOWN : 0), 0);
		if (got != s->start) {
			restore_globals();
			FAIL("layout: mmap(%#lx, %#lx) gave %#lx", s->start,
			     s->end - s->start, got);
		}
	}
	if (L.mmap_base)
		test_set_mmap_base(L.mmap_base);
	vma_task_set_capable(CAP_SYS_RAWIO, L.cap_rawio);
	read_back();
}

/* ---- requests -------------------------------------------------------- */

/* An address the layout makes interesting, page-aligned. */
static unsigned long pick_point(void)
{
	unsigned long p, d;
	unsigned int r = test_rand_below(L.nr * 3 + 6);

	if (r < (unsigned int)L.nr * 3) {
		const struct model_vma *v = &L.mv[r / 3];

		p = r % 3 == 0 ? v->start : r % 3 == 1 ? v->end :
			v->growsdown ? (v->start > L.guard_gap ?
					v->start - L.guard_gap : 0) : v->start;
	} else {
		const unsigned long fixed[] = {
			L.min_addr & PAGE_MASK, L.mmap_base, TASK_UNMAPPED_BASE,
			TASK_SIZE, TEST_MMAP_BASE, DEFAULT_MAP_WINDOW,
		};
		p = fixed[r - L.nr * 3];
	}
	r = test_rand_below(100);
	if (r < 60)
		return p;
	d = r < 90 ? test_rand_pages(1, 4) : test_rand_pages(1, 2 * PMD / P);
	if (test_chance(50))
		return p + d;
	return p > d ? p - d : 0;
}

/*
 * A random non-empty hole below TASK_SIZE: [*first, *end), and where the
 * guard of the VMA above it starts (*end unless that VMA is a stack).
 */
static bool pick_hole(unsigned long *first, unsigned long *end,
		      unsigned long *guard)
{
	int i = test_rand_below(L.nr + 1), tries;

	for (tries = 0; tries <= L.nr; tries++, i = (i + 1) % (L.nr + 1)) {
		*first = i ? L.mv[i - 1].end : 0;
		*end = i < L.nr ? L.mv[i].start : TASK_SIZE;
		*guard = *end;
		if (i < L.nr && L.mv[i].growsdown)
			*guard = *end > L.guard_gap ? *end - L.guard_gap : 0;
		if (*first < *end)
			return true;
	}
	return false;
}

static unsigned long pick_len(enum kind kind)
{
	unsigned long first, end, guard, len;
	unsigned int r = test_rand_below(100);

	if (r < 30 && pick_hole(&first, &end, &guard) &&
	    end - first <= SZ_1G) {
		/* just fits the hole or up to the guard, or just does not */
		len = test_chance(50) || guard <= first ? end - first : guard - first;
		switch (test_rand_below(4)) {
		case 0:
			len += P;
			break;
		case 1:
			len = len > P ? len - P : len;
			break;
		case 2:
			len = len > PMD ? len - PMD : len;
			break;
		}
		return len;
	}
	if (r < 50)
		return test_rand_pages(1, 8);
	if (r < 75)
		return test_rand_range(1, 4) * PMD;
	if (r < 85)
		return test_rand_range(1, 4) * PMD + (test_chance(50) ? P : -P);
	if (r < 95)
		return test_rand_pages(1, 4 * PMD / P);
	if (kind == K_AREA)	/* huge; or so huge that the padding wraps */
		return test_chance(90) ? test_rand_pages(1, HUGE_LEN_PAGES) : -test_rand_pages(1, 1024);
	switch (test_rand_below(4)) {
	case 0:
		return test_rand_pages(1, BIG_LEN_PAGES);
	case 1:
		return TASK_SIZE - test_rand_pages(0, 64);
	case 2:
		return TASK_SIZE + test_rand_pages(1, 64);
	default:
		return -test_rand_pages(1, 1024);
	}
}

static unsigned long pick_mask(void)
{
	unsigned int r = test_rand_below(100);
	unsigned long mask;

	if (r < 45)
		return 0;
	if (r < 60)
		return PMD - P;		/* as hugetlb and the arch code pass */
	if (r < 70)
		return PMD - 1;
	if (r < 75)
		return test_chance(50) ? PUD_SIZE - 1 : PUD_SIZE - P;
	mask = (1UL << test_rand_range(12, 30)) - 1;
	return test_chance(50) ? mask & PAGE_MASK : mask;
}

static unsigned long pick_offset(unsigned long mask)
{
	unsigned int r = test_rand_below(100);

	if (r < 40)
		return 0;
	if (r < 80)
		return test_rand_pages(0, (2 * mask + 1) / P) & PAGE_MASK;
	if (r < 90)
		return pick_point();
	return test_rand_pages(0, ~0UL / P);
}

static unsigned long pick_start_gap(void)
{
	unsigned int r = test_rand_below(100);

	if (r < 60)
		return 0;
	if (r < 75)
		return P;
	if (r < 90)
		return test_rand_pages(1, 512);
	return L.guard_gap;
}

static unsigned long pick_hint(unsigned long len)
{
	unsigned long first, end, guard, a;
	unsigned int r = test_rand_below(100);

	if (r < 35)
		return 0;
	if (r < 60 && pick_hole(&first, &end, &guard)) {
		switch (test_rand_below(4)) {
		case 0:
			a = first;
			break;
		case 1:
			a = end - len;
			break;
		case 2:		/* just below a stack's guard */
			a = guard - len;
			break;
		default:
			a = first + test_rand_pages(0, (end - first) / P);
			break;
		}
	} else if (r < 70 && L.nr) {	/* inside a guard gap or a VMA */
		const struct model_vma *v = &L.mv[test_rand_below(L.nr)];

		if (test_chance(50) && L.guard_gap >= P)
			a = v->start - test_rand_pages(0, L.guard_gap / P);
		else
			a = v->start + test_rand_pages(0, (v->end - v->start) / P - 1);
	} else if (r < 75) {
		a = test_rand_below(L.min_addr + 1);
	} else if (r < 80) {
		switch (test_rand_below(3)) {
		case 0:
			a = TASK_SIZE - len + (test_chance(50) ? 0 : P);
			break;
		case 1:
			a = TASK_SIZE;
			break;
		default:
			a = -test_rand_below(2 * P);
			break;
		}
	} else {
		a = pick_point();
	}
	if (test_chance(10))
		a += test_rand_below(P);
	return a;
}

static void gen_req(enum kind kind, struct req *q)
{
	unsigned long first, end, guard;

	memset(q, 0, sizeof(*q));
	q->kind = kind;
	if (kind == K_AREA && test_chance(10) && pick_hole(&first, &end, &guard) &&
	    guard > first + 1) {
		/*
		 * To the byte: an area from the start of a hole that ends
		 * one byte short of, at, or one byte past its end or the
		 * guard start of the stack above it.
		 */
		q->a.topdown = test_chance(50);
		q->a.low_limit = first;
		q->a.high_limit = test_chance(50) ? end : TASK_SIZE;
		q->a.length = (test_chance(70) ? guard : end) - first +
			      test_rand_range(0, 2) - 1;
		return;
	}
	if (kind == K_AREA) {
		struct model_area *a = &q->a;
		unsigned int r = test_rand_below(100);

		a->topdown = test_chance(50);
		a->length = pick_len(kind);
		if (test_chance(5))		/* no caller does this */
			a->length += test_chance(60) ? test_rand_range(1, 2) : test_rand_below(P);
		a->low_limit = r < 15 ? 0 : r < 25 ? P : r < 35 ? L.min_addr :
			       r < 90 ? pick_point() : test_rand_pages(0, TASK_SIZE / P);
		r = test_rand_below(100);
		a->high_limit = r < 15 ? TASK_SIZE : r < 70 ? pick_point() :
				r < 85 ? a->low_limit + a->length +
					 test_rand_pages(0, 4 * PMD / P) :
				r < 88 ? 0 : test_rand_pages(0, TASK_SIZE / P);
		if (a->low_limit > a->high_limit && test_chance(80)) {
			unsigned long t = a->low_limit;

			a->low_limit = a->high_limit;
			a->high_limit = t;
		}
		if (!WHOLE_SPACE_TOPDOWN_OK && !a->high_limit)
			a->high_limit = TASK_SIZE;
		a->align_mask = pick_mask();
		a->align_offset = pick_offset(a->align_mask);
		a->start_gap = pick_start_gap();
		return;
	}
	q->len = pick_len(kind);
	q->addr = kind == K_GUA && test_chance(30) ? 0 : pick_hint(q->len);
	q->fixed = test_chance(7);
	switch (test_rand_below(4)) {
	case 0:
	case 1:
		break;
	case 2:
		q->pgoff = test_rand_below(1024);
		break;
	default:
		/*
		 * At times a file offset beyond 2^63, negative as loff_t: no
		 * mmap() gets there (file_mmap_ok() caps pgoff), but it keeps
		 * THP's padding overflow test reachable.  (32-bit: the last
		 * pgoffs, a byte offset near 2^44.)
		 */
		q->pgoff = test_chance(80) ? test_rand_below(1UL << 30) :
			   PGOFF_END - test_rand_pages(1, 4096) / P;
		break;
	}
}

/* ---- the two answers ------------------------------------------------- */

/* The kernel's answer; the caller holds the mmap lock. */
static unsigned long kernel_answer(const struct req *q)
{
	unsigned long flags = MAP_PRIVATE | MAP_ANONYMOUS |
			      (q->fixed ? MAP_FIXED : 0);
	struct vm_unmapped_area_info info = {
		.flags = q->a.topdown ? VM_UNMAPPED_AREA_TOPDOWN : 0,
		.length = q->a.length,
		.low_limit = q->a.low_limit,
		.high_limit = q->a.high_limit,
		.align_mask = q->a.align_mask,
		.align_offset = q->a.align_offset,
		.start_gap = q->a.start_gap,
	};

	switch (q->kind) {
	case K_AREA:
		return vm_unmapped_area(&info);
	case K_MM:
		return mm_get_unmapped_area(NULL, q->addr, q->len, q->pgoff,
					    flags);
	case K_THP:
		return thp_get_unmapped_area(NULL, q->addr, q->len, q->pgoff,
					     flags);
	case K_GUA:
		return get_unmapped_area(NULL, q->addr, q->len, q->pgoff,
					 flags);
	}
	return 0;
}

static unsigned long model_answer(const struct req *q)
{
	switch (q->kind) {
	case K_AREA:
		return model_vm_unmapped_area(&L.mm, &q->a);
	case K_MM:
		return model_mm_get_unmapped_area(&L.mm, q->addr, q->len,
						  q->fixed);
	case K_THP:
		return model_thp_get_unmapped_area(&L.mm, q->addr, q->len,
						   q->pgoff, q->fixed);
	case K_GUA:
		return model_get_unmapped_area(&L.mm, q->addr, q->len,
					       q->fixed);
	}
	return 0;
}

/*
 * Wrong, whoever says it: an answer (not MAP_FIXED) overlapping a VMA.
 * Catches a bug the model might share with the kernel.
 */
static bool overlaps(const struct req *q, unsigned long addr)
{
	unsigned long len = q->kind == K_AREA ? q->a.length : q->len;
	int i;

	if (MODEL_IS_ERR(addr) || q->fixed || !len || addr + len < addr)
		return false;
	for (i = 0; i < L.nr; i++)
		if (addr < L.mv[i].end && L.mv[i].start < addr + len)
			return true;
	return false;
}

/* Ask both; true if they differ (or agree on an overlapping address). */
static bool differs(const struct req *q, unsigned long *k, unsigned long *m)
{
	mmap_write_lock(test_mm);
	*k = kernel_answer(q);
	mmap_write_unlock(test_mm);
	*m = model_answer(q);
	return *k != *m || overlaps(q, *k);
}

/* ---- shrinking and reporting ----------------------------------------- */

/* Simpler variants of a request, one field at a time; false when done. */
static bool simpler(const struct req *q, int step, struct req *out)
{
	unsigned long *len = q->kind == K_AREA ? &out->a.length : &out->len;
	unsigned long l = q->kind == K_AREA ? q->a.length : q->len;

	*out = *q;
	switch (step) {
	case 0: out->a.align_mask = 0; return q->a.align_mask;
	case 1: out->a.align_offset = 0; return q->a.align_offset;
	case 2: out->a.start_gap = 0; return q->a.start_gap;
	case 3: out->a.start_gap = P; return q->a.start_gap > P;
	case 4: out->addr = 0; return q->addr;
	case 5: out->pgoff = 0; return q->pgoff;
	case 6: out->fixed = false; return q->fixed;
	case 7: *len = l / 2 & PAGE_MASK; return l / 2 >= P;
	case 8: *len = l - P; return l > P && l - P >= P;
	case 9: *len = l - PMD; return l > PMD && l - PMD >= P;
	case 10: *len = P; return l > P;
	case 11: *len = PMD; return l > PMD;
	case 12: out->a.low_limit = 0; return q->a.low_limit;
	case 13: out->a.high_limit = TASK_SIZE;
		return q->kind == K_AREA && q->a.high_limit != TASK_SIZE;
	}
	return false;
}

static bool shrink_request(struct req *q)
{
	struct req t;
	unsigned long k, m;
	bool any = false, again = true;
	int step;

	while (again) {
		again = false;
		for (step = 0; step < 14; step++) {
			if (simpler(q, step, &t) && differs(&t, &k, &m)) {
				*q = t;
				again = any = true;
			}
		}
	}
	return any;
}

/* Drop VMAs while the request still fails; L.spec becomes L.rb's subset. */
static void shrink_layout(struct req *q)
{
	unsigned long k, m;
	struct spec gone;
	bool again = true;
	int i;

	memcpy(L.spec, L.rb, sizeof(L.rb[0]) * L.nr);
	L.nspec = L.nr;
	while (again) {
		again = false;
		for (i = L.nspec - 1; i >= 0; i--) {
			gone = L.spec[i];
			memmove(&L.spec[i], &L.spec[i + 1],
				(L.nspec - i - 1) * sizeof(L.spec[0]));
			L.nspec--;
			apply_layout();
			if (differs(q, &k, &m)) {
				again = true;
				continue;
			}
			memmove(&L.spec[i + 1], &L.spec[i],
				(L.nspec - i) * sizeof(L.spec[0]));
			L.spec[i] = gone;
			L.nspec++;
		}
		apply_layout();
		if (shrink_request(q))
			again = true;
	}
}

static const char *err_name(unsigned long v)
{
	switch (v) {
	case MODEL_ENOMEM: return " (-ENOMEM)";
	case MODEL_EINVAL: return " (-EINVAL)";
	case MODEL_EPERM: return " (-EPERM)";
	}
	return MODEL_IS_ERR(v) ? " (error)" : "";
}

static void report(const struct req *orig, unsigned long checks)
{
	struct req q = *orig;
	struct spec rb[MAX_VMAS];
	unsigned long k, m;
	int i, nr = L.nr;

	memcpy(rb, L.rb, sizeof(rb));
	shrink_layout(&q);
	if (!differs(&q, &k, &m)) {	/* should not happen: show the original */
		test_note("(shrinking lost the failure; unshrunk case:)");
		memcpy(L.spec, rb, sizeof(rb));
		L.nspec = nr;
		q = *orig;
		apply_layout();
		differs(&q, &k, &m);
	}
	test_note("MISMATCH at check %lu; reproduce with: VMA_DIFF_ITERS=%lu ./vma --seed %llu %s",
	       checks, checks, (unsigned long long)test_seed(), test_name());
	test_note("minimal layout (%d VMAs): %s, mmap_base %#lx, mmap_min_addr %#lx, dac_mmap_min_addr %#lx%s, stack_guard_gap %#lx",
	       L.nr, L.mm.topdown ? "top-down" : "bottom-up", L.mm.mmap_base,
	       L.mm.mmap_min_addr, L.mm.dac_mmap_min_addr,
	       L.cap_rawio ? "" : " (no CAP_SYS_RAWIO)", L.mm.stack_guard_gap);
	for (i = 0; i < L.nr; i++)
		test_note("  [%#14lx, %#14lx) %8lu pages%s", L.mv[i].start,
		       L.mv[i].end, (L.mv[i].end - L.mv[i].start) / P,
		       L.mv[i].growsdown ? " VM_GROWSDOWN" : "");
	if (q.kind == K_AREA)
		test_note("request: vm_unmapped_area(flags %s, length %#lx, low_limit %#lx, high_limit %#lx, align_mask %#lx, align_offset %#lx, start_gap %#lx)",
		       q.a.topdown ? "TOPDOWN" : "0", q.a.length,
		       q.a.low_limit, q.a.high_limit, q.a.align_mask,
		       q.a.align_offset, q.a.start_gap);
	else
		test_note("request: %s(NULL, addr %#lx, len %#lx, pgoff %#lx, MAP_PRIVATE|MAP_ANONYMOUS%s)",
		       kind_fn[q.kind], q.addr, q.len, q.pgoff,
		       q.fixed ? "|MAP_FIXED" : "");
	test_note("kernel: %#lx%s\nmodel:  %#lx%s%s", k,
	       err_name(k), m, err_name(m),
	       k == m ? "  (agree, but the range overlaps a VMA)" : "");
	restore_globals();
	FAIL("%s: the kernel and the model disagree", kind_fn[q.kind]);
}

/* ---- the tests ------------------------------------------------------- */

static unsigned long diff_iters(void)
{
	return test_gen_iters("VMA_DIFF_ITERS", DIFF_ITERS, 4);
}

static void run_diff(enum kind kind)
{
	unsigned long iters = diff_iters(), checks = 0, layouts = 0, k, m;
	double t0 = test_gen_now(), dt;
	struct req q;
	int j;

	saved_guard_gap = stack_guard_gap;
	while (checks < iters) {
		gen_layout();
		L.mmap_base = 0;
		apply_layout();
		/* mmap_base depends on the layout: pick it, then apply it */
		if (L.topdown)
			L.mmap_base = test_chance(40) ? TEST_MMAP_BASE : pick_point();
		else
			L.mmap_base = test_chance(40) ? TASK_UNMAPPED_BASE :
				      pick_point();
		L.mmap_base &= test_chance(30) ? PMD_MASK : PAGE_MASK;
		if (L.mmap_base < P)
			L.mmap_base = P;
		if (L.mmap_base > TASK_SIZE)
			L.mmap_base = TASK_SIZE & PAGE_MASK;
		test_set_mmap_base(L.mmap_base);
		read_back();
		layouts++;

		mmap_write_lock(test_mm);
		for (j = 0; j < REQS_PER_LAYOUT && checks < iters; j++) {
			gen_req(kind, &q);
			k = kernel_answer(&q);
			m = model_answer(&q);
			checks++;
			if (k != m || overlaps(&q, k)) {
				mmap_write_unlock(test_mm);
				report(&q, checks);
			}
		}
		mmap_write_unlock(test_mm);
	}
	restore_globals();
	dt = test_gen_now() - t0;
	test_note("%s: %lu checks on %lu layouts in %.3f s (%.0f checks/s)",
	       test_name(), checks, layouts, dt, dt > 0 ? checks / dt : 0.0);
}

VMA_TEST(diff_vm_unmapped_area)
{
	run_diff(K_AREA);
}

VMA_TEST(diff_mm_get_unmapped_area)
{
	run_diff(K_MM);
}

VMA_TEST(diff_thp_get_unmapped_area)
{
	run_diff(K_THP);
}

VMA_TEST(diff_get_unmapped_area)
{
	run_diff(K_GUA);
}

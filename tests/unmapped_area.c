// SPDX-License-Identifier: GPL-2.0
/*
 * vm_unmapped_area() called directly, the way arch and driver code call it
 * (mm/mmap.c -> mm/vma.c's unmapped_area() and unmapped_area_topdown()):
 * exact fits, the [low_limit, high_limit) window, the mmap_min_addr floor,
 * align_mask/align_offset congruence, start_gap, the stack guard gap and
 * -ENOMEM.  Each test names the bug in the search it would catch.
 *
 * All layouts sit around A, far below TASK_UNMAPPED_BASE and mmap_base,
 * in an otherwise empty mm.
 */
#include "fixture.h"

#define ALIGN_PMD	((PMD_SIZE - 1) & PAGE_MASK)	/* as hugetlb's align_mask */
#define TOPDOWN	VM_UNMAPPED_AREA_TOPDOWN

/* vm_unmapped_area() under the mmap lock, as its callers hold it. */
static unsigned long search(struct vm_unmapped_area_info *info)
{
	unsigned long addr;

	mmap_read_lock(test_mm);
	addr = vm_unmapped_area(info);
	mmap_read_unlock(test_mm);
	return addr;
}

/* A MAP_GROWSDOWN stack VMA at [addr, addr + len). */
/*
 * Bottom-up, a gap of exactly the requested size is taken:
 *
 *	A     A+P        A+3P   A+4P
 *	[ vma ][  gap 2P  ][ vma ]
 *	       ^ 2P fits exactly
 *
 * Catches a search that wants one page more than asked (an off-by-one in
 * unmapped_area()'s length or in the maple tree's empty-area walk), which
 * would skip to A+4P.
 */
VMA_TEST(unmapped_area_bottomup_exact_fit_found)
{
	struct vm_unmapped_area_info info = {
		.length = 2 * P, .low_limit = A, .high_limit = A + 16 * P,
	};

	test_map_at(A, P, RW);
	test_map_at(A + 3 * P, P, RW);
	ASSERT_EQ(search(&info), A + P);
}

/*
 * Bottom-up, a gap one page short is skipped; the next gap is used:
 *
 *	[ vma ][  gap 2P  ][ vma ][ free ...
 *	                          ^ 3P go here
 *
 * Catches a search that returns a gap smaller than the length (the new
 * mapping would overlap the VMA at A+3P).
 */
VMA_TEST(unmapped_area_bottomup_one_page_short_next_gap)
{
	struct vm_unmapped_area_info info = {
		.length = 3 * P, .low_limit = A, .high_limit = A + 16 * P,
	};

	test_map_at(A, P, RW);
	test_map_at(A + 3 * P, P, RW);
	ASSERT_EQ(search(&info), A + 4 * P);
}

/*
 * Top-down, the highest gap that fits is taken, even an exact fit:
 *
 *	A-8P       A     A+P        A+3P   A+4P = high_limit
 *	[   free   ][ vma ][  gap 2P  ][ vma ]
 *	                   ^ 2P fit exactly
 *
 * Catches an off-by-one at the top of unmapped_area_topdown()'s gap.
 */
VMA_TEST(unmapped_area_topdown_exact_fit_found)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = 2 * P,
		.low_limit = A - 8 * P, .high_limit = A + 4 * P,
	};

	test_map_at(A, P, RW);
	test_map_at(A + 3 * P, P, RW);
	ASSERT_EQ(search(&info), A + P);
}

/*
 * Top-down, one page short: the next lower gap is used, at its top (the
 * new range ends exactly at A).  Catches a top-down search that overlaps
 * the VMA at A+3P or leaves a hole below A.
 */
VMA_TEST(unmapped_area_topdown_one_page_short_next_gap)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = 3 * P,
		.low_limit = A - 8 * P, .high_limit = A + 4 * P,
	};

	test_map_at(A, P, RW);
	test_map_at(A + 3 * P, P, RW);
	ASSERT_EQ(search(&info), A - 3 * P);
}

/*
 * Bottom-up congruence: the lowest address >= low_limit with
 * addr & align_mask == align_offset & align_mask.  With low_limit A+P and
 * offset 5 pages (mod 2 MiB) that is exactly A+5P.  Catches an alignment
 * computed the wrong way round (A+2M+5P), or ignored (A+P).
 */
VMA_TEST(unmapped_area_bottomup_align_offset_congruent)
{
	struct vm_unmapped_area_info info = {
		.length = P, .low_limit = A + P, .high_limit = A + 4 * PMD,
		.align_mask = ALIGN_PMD, .align_offset = 5 * P,
	};

	ASSERT_EQ(search(&info), A + 5 * P);
}

/*
 * Top-down congruence: the highest congruent address whose range ends by
 * high_limit.  Below A+4M, offset 5 pages mod 2 MiB: A+2M+5P.  Catches a
 * top-down alignment rounding up past high_limit or to the wrong residue.
 */
VMA_TEST(unmapped_area_topdown_align_offset_congruent)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = P,
		.low_limit = A, .high_limit = A + 2 * PMD,
		.align_mask = ALIGN_PMD, .align_offset = 5 * P,
	};

	ASSERT_EQ(search(&info), A + PMD + 5 * P);
}

/*
 * The search asks for length + align_mask, the worst case, so a hole that
 * would hold the range at a congruent address but is smaller than that is
 * not used:
 *
 *	A          A+5P  A+6P               A+2M+5P
 *	[   vma    ][hole][       vma       ][ free ...
 *	             ^ congruent, 1 page: NOT taken    ^ taken
 *
 * This is the kernel's documented conservatism ("worst case alignment
 * overhead"); catches a change that drops the padding (and with it the
 * guarantee that an aligned address exists in the gap found).
 */
VMA_TEST(unmapped_area_align_needs_worst_case_room)
{
	struct vm_unmapped_area_info info = {
		.length = P, .low_limit = A, .high_limit = A + 4 * PMD,
		.align_mask = ALIGN_PMD, .align_offset = 5 * P,
	};

	test_map_at(A, 5 * P, RW);
	test_map_at(A + 6 * P, PMD - P, RW);
	ASSERT_EQ(search(&info), A + PMD + 5 * P);
}

/*
 * Bottom-up start_gap: the range starts start_gap after the end of the
 * VMA below it:
 *
 *	[ vma ]<- start_gap 2P ->[ new ]
 *	A     A+P                A+3P
 *
 * Catches start_gap ignored (A+P).
 */
VMA_TEST(unmapped_area_bottomup_start_gap_kept)
{
	struct vm_unmapped_area_info info = {
		.length = P, .low_limit = A, .high_limit = A + 16 * P,
		.start_gap = 2 * P,
	};

	test_map_at(A, P, RW);
	ASSERT_EQ(search(&info), A + 3 * P);
}

/*
 * Top-down start_gap: the gap must hold length + start_gap.  A 3-page
 * hole holds a 2-page range with a 1-page start gap (placed at the top of
 * the hole, A+2P)...
 * Catches start_gap counted twice or placed above the range.
 */
VMA_TEST(unmapped_area_topdown_start_gap_fits)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = 2 * P, .start_gap = P,
		.low_limit = A - 8 * P, .high_limit = A + 5 * P,
	};

	test_map_at(A, P, RW);
	test_map_at(A + 4 * P, P, RW);
	ASSERT_EQ(search(&info), A + 2 * P);
}

/*
 * ... but not with a 2-page start gap: the next lower gap is used (top
 * of [A-8P, A)).  Catches start_gap left out of the top-down length.
 */
VMA_TEST(unmapped_area_topdown_start_gap_too_big_next_gap)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = 2 * P, .start_gap = 2 * P,
		.low_limit = A - 8 * P, .high_limit = A + 5 * P,
	};

	test_map_at(A, P, RW);
	test_map_at(A + 4 * P, P, RW);
	ASSERT_EQ(search(&info), A - 2 * P);
}

/*
 * Bottom-up low_limit: nothing is mapped below it, still the range starts
 * exactly at low_limit, not lower.  Catches low_limit ignored (the result
 * would be mmap_min_addr).
 */
VMA_TEST(unmapped_area_bottomup_low_limit_honoured)
{
	struct vm_unmapped_area_info info = {
		.length = 2 * P, .low_limit = A + 3 * P, .high_limit = A + SZ_2M,
	};

	ASSERT_EQ(search(&info), A + 3 * P);
}

/*
 * Top-down high_limit: the range ends exactly at high_limit, although the
 * space above is free.  Catches high_limit ignored or off by a page.
 */
VMA_TEST(unmapped_area_topdown_high_limit_honoured)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = P,
		.low_limit = A, .high_limit = A + 5 * P,
	};

	ASSERT_EQ(search(&info), A + 4 * P);
}

/*
 * Bottom-up, a range may end exactly at high_limit (high_limit is
 * exclusive, not a last byte):
 *
 *	A     A+P        A+3P = high_limit
 *	[ vma ][  2P fit  ]
 * Catches high_limit treated as inclusive (the fit would be refused).
 */
VMA_TEST(unmapped_area_bottomup_ends_at_high_limit)
{
	struct vm_unmapped_area_info info = {
		.length = 2 * P, .low_limit = A, .high_limit = A + 3 * P,
	};

	test_map_at(A, P, RW);
	ASSERT_EQ(search(&info), A + P);
}

/*
 * Nothing fits: three one-page holes in [A, A+5P) and a 2-page request.
 *
 *	A     A+P    A+2P   A+3P   A+4P   A+5P
 *	[hole ][ vma ][hole ][ vma ][hole ]
 *
 * Both directions return -ENOMEM (exactly, callers test the value), and
 * neither looks outside [low_limit, high_limit).
 * Catches a search that returns a too-small hole, or one outside the
 * window, instead of failing.
 */
VMA_TEST(unmapped_area_nothing_fits_enomem)
{
	struct vm_unmapped_area_info up = {
		.length = 2 * P, .low_limit = A, .high_limit = A + 5 * P,
	};
	struct vm_unmapped_area_info down = up;

	down.flags = TOPDOWN;
	test_map_at(A + P, P, RW);
	test_map_at(A + 3 * P, P, RW);
	ASSERT_EQ(search(&up), (unsigned long)-ENOMEM);
	ASSERT_EQ(search(&down), (unsigned long)-ENOMEM);
}

/*
 * length + align_mask wrapping around is -ENOMEM.  Catches a dropped
 * overflow check: the wrapped (small) length would find a gap and return
 * an address for a request larger than the address space.
 */
VMA_TEST(unmapped_area_length_overflow_enomem)
{
	struct vm_unmapped_area_info info = {
		.length = PAGE_MASK, .low_limit = 0, .high_limit = TASK_SIZE,
		.align_mask = ALIGN_PMD,
	};

	ASSERT_EQ(search(&info), (unsigned long)-ENOMEM);
	info.flags = TOPDOWN;
	ASSERT_EQ(search(&info), (unsigned long)-ENOMEM);
}

/*
 * Bottom-up, a low_limit below mmap_min_addr is raised to it: in an empty
 * mm, a search from 0 returns exactly mmap_min_addr.  Catches the floor
 * dropped from unmapped_area() (the result would be 0).
 */
VMA_TEST(unmapped_area_bottomup_mmap_min_addr_floor)
{
	struct vm_unmapped_area_info info = {
		.length = P, .low_limit = 0, .high_limit = A,
	};

	mmap_min_addr = SZ_1M;
	ASSERT_EQ(search(&info), SZ_1M);
}

/*
 * Top-down, the floor too: [P, mmap_min_addr + P) holds only one page
 * above mmap_min_addr, so two pages are -ENOMEM.  Catches the floor
 * dropped from unmapped_area_topdown() (it would return mmap_min_addr - P).
 */
VMA_TEST(unmapped_area_topdown_mmap_min_addr_floor)
{
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = 2 * P,
		.low_limit = P, .high_limit = SZ_1M + P,
	};

	mmap_min_addr = SZ_1M;
	ASSERT_EQ(search(&info), (unsigned long)-ENOMEM);
}

/*
 * Top-down below a stack (VM_GROWSDOWN): the range ends stack_guard_gap
 * below the stack's start, not at it:
 *
 *	[ new ]<--- stack_guard_gap --->[ stack ]
 *	                                S       S+P = high_limit
 *
 * Catches unmapped_area_topdown() not checking vm_start_gap() of the VMA
 * above the gap (the stack could not grow: CVE-2017-1000364 territory).
 */
VMA_TEST(unmapped_area_topdown_below_stack_guard_gap)
{
	unsigned long s = A + 2048 * P;
	struct vm_unmapped_area_info info = {
		.flags = TOPDOWN, .length = P,
		.low_limit = A, .high_limit = s + P,
	};

	test_map_stack(s, P);
	ASSERT_EQ(search(&info), s - stack_guard_gap - P);
}

/*
 * Bottom-up below a stack: a range that would end inside the stack's
 * guard gap is not placed there; the search moves above the stack.
 *
 *	S-gap                S     S+P
 *	[ all guard gap     ][stack][ new ]
 *
 * Catches unmapped_area() ignoring vm_start_gap() of the next VMA.
 */
VMA_TEST(unmapped_area_bottomup_skips_stack_guard_gap)
{
	unsigned long s = A + 2048 * P;
	struct vm_unmapped_area_info info = {
		.length = P, .low_limit = s - stack_guard_gap,
		.high_limit = s + SZ_2M,
	};

	test_map_stack(s, P);
	ASSERT_EQ(search(&info), s + P);
}

/*
 * ... while a range that ends exactly where the guard gap begins is fine
 * (catches a guard check that is a page too strict).
 */
VMA_TEST(unmapped_area_bottomup_ends_at_stack_guard_gap)
{
	unsigned long s = A + 2048 * P;
	struct vm_unmapped_area_info info = {
		.length = P, .low_limit = s - stack_guard_gap - P,
		.high_limit = s + SZ_2M,
	};

	test_map_stack(s, P);
	ASSERT_EQ(search(&info), s - stack_guard_gap - P);
}

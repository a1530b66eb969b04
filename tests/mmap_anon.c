// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous mmap() through the real do_mmap(): placement, MAP_FIXED,
 * MAP_FIXED_NOREPLACE, argument checks and the mmap_min_addr floor.
 * Each test names, in its comment, the bug in mm/mmap.c or mm/vma.c it
 * would catch.
 */
#include "fixture.h"


/*
 * The first top-down mapping ends exactly at mmap_base:
 *
 *	   [ new ]| mmap_base
 *
 * Catches an off-by-one at the top of unmapped_area_topdown()'s gap.
 */
VMA_TEST(mmap_anon_topdown_ends_at_base)
{
	unsigned long addr = test_map_anon(0, 3 * P, false);

	ASSERT_EQ(addr, TEST_MMAP_BASE - 3 * P);
	ASSERT_VMA(test_vma_at(addr), addr, addr + 3 * P, addr >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Bottom-up starts at mmap_legacy_base (catches a wrong low limit). */
VMA_TEST(mmap_anon_bottomup_starts_at_legacy_base)
{
	unsigned long addr;

	test_set_topdown(false);
	addr = test_map_anon(0, 3 * P, false);
	ASSERT_EQ(addr, TASK_UNMAPPED_BASE);
}

/* The VMA of a private anonymous mapping: flags and page offset. */
VMA_TEST(mmap_anon_vma_flags)
{
	unsigned long addr = test_map_anon(A, 2 * P, true);
	struct vm_area_struct *vma = test_vma_at(addr);

	ASSERT_EQ(addr, A);
	ASSERT_VMA(vma, A, A + 2 * P, A >> PAGE_SHIFT);
	ASSERT_TRUE(vma->vm_flags & VM_READ);
	ASSERT_TRUE(vma->vm_flags & VM_WRITE);
	ASSERT_FALSE(vma->vm_flags & VM_SHARED);
	ASSERT_TRUE(vma_is_anonymous(vma));
	ASSERT_NULL(vma->vm_file);
}

/* Consecutive top-down mappings abut (no gap left between them). */
VMA_TEST(mmap_anon_topdown_consecutive_abut)
{
	unsigned long a = test_map_anon(0, 3 * P, false);
	unsigned long b = test_mmap(NULL, 0, 5 * P, PROT_READ,
				    MAP_PRIVATE | MAP_ANONYMOUS, 0);

	ASSERT_EQ(b + 5 * P, a);
	/* different protections: two VMAs */
	ASSERT_EQ(test_vma_count(), 2);
}

/* len 0 is -EINVAL (catches a dropped check that maps nothing or a page). */
VMA_TEST(mmap_len_zero_einval)
{
	ASSERT_EQ(test_map_anon(0, 0, false), (unsigned long)-EINVAL);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * A length that overflows PAGE_ALIGN() is -ENOMEM, not a tiny mapping:
 * -(P / 2) aligns to 0.  (-P) / 2, half the address space, is -ENOMEM on
 * 64-bit too (beyond TASK_SIZE); on 32-bit it is 2 GiB, which fits.
 */
VMA_TEST(mmap_len_page_align_overflow_enomem)
{
	ASSERT_EQ(test_map_anon(0, -(P / 2), false), (unsigned long)-ENOMEM);
	if (IS_ENABLED(CONFIG_64BIT))
		ASSERT_EQ(test_map_anon(0, -P / 2, false),
			  (unsigned long)-ENOMEM);
	ASSERT_EQ(test_vma_count(), 0);
}

/* A free hint is returned as is. */
VMA_TEST(mmap_hint_free_returned)
{
	ASSERT_EQ(test_map_anon(A + 7 * P, P, false), A + 7 * P);
}

/* An occupied hint is not overlapped: the mapping goes elsewhere. */
VMA_TEST(mmap_hint_occupied_moves)
{
	unsigned long b;

	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	b = test_map_anon(A + P, 2 * P, false);
	ASSERT_NOT_ERR_VALUE(b);
	ASSERT_TRUE(b + 2 * P <= A || b >= A + 4 * P);
	ASSERT_EQ(test_vma_count(), 2);
}

/* A hint below mmap_min_addr is raised to it (round_hint_to_min()). */
VMA_TEST(mmap_hint_below_min_addr_rounded_up)
{
	ASSERT_EQ(test_map_anon(P, P, false), PAGE_ALIGN(mmap_min_addr));
}

/* MAP_FIXED below mmap_min_addr without CAP_SYS_RAWIO: -EPERM. */
VMA_TEST(mmap_fixed_below_min_addr_eperm)
{
	unsigned long a = test_below_min_addr();

	vma_task_set_capable(CAP_SYS_RAWIO, false);
	ASSERT_EQ(test_map_anon(a, P, true), (unsigned long)-EPERM);
	ASSERT_EQ(test_vma_count(), 0);
}

/* ... and allowed with it (the capability check is not inverted). */
VMA_TEST(mmap_fixed_below_min_addr_cap_sys_rawio)
{
	vma_task_set_capable(CAP_SYS_RAWIO, true);
	ASSERT_EQ(test_map_anon(P, P, true), P);
}

/*
 * MAP_FIXED_NOREPLACE refuses any overlap, even of one page at either end:
 *
 *	      [ existing  ]
 *	   [new]          |		-EEXIST (first page)
 *	            [new]		-EEXIST (last page)
 *	                  [new]		ok (abuts)
 */
VMA_TEST(mmap_fixed_noreplace_overlap_first_page)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A - P, 2 * P, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			    0), (unsigned long)-EEXIST);
	ASSERT_VMA(test_vma_at(A), A, A + 4 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

VMA_TEST(mmap_fixed_noreplace_overlap_last_page)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A + 3 * P, 2 * P, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			    0), (unsigned long)-EEXIST);
	ASSERT_EQ(test_vma_count(), 1);
}

VMA_TEST(mmap_fixed_noreplace_abutting_ok)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A + 4 * P, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			    0), A + 4 * P);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * MAP_FIXED over the middle of a mapping replaces it:
 *
 *	[ a | a | a | a ]   ->   [ a | b | b | a ]
 */
VMA_TEST(mmap_fixed_replaces_middle)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A + P, 2 * P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), A + P);
	ASSERT_VMA(test_vma_at(A), A, A + P, A >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(A + P), A + P, A + 3 * P, (A + P) >> PAGE_SHIFT);
	ASSERT_FALSE(test_vma_at(A + P)->vm_flags & VM_WRITE);
	ASSERT_VMA(test_vma_at(A + 3 * P), A + 3 * P, A + 4 * P,
		   (A + 3 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 3);
}

/*
 * The map_count limit.  do_mmap() refuses once map_count is *above*
 * sysctl_max_map_count, so with a limit of 3 the fourth separate mapping
 * still succeeds and the fifth is -ENOMEM.  Catches a dropped check and a
 * '>' turned into '>='.
 */
VMA_TEST(mmap_map_count_limit)
{
	int i;

	sysctl_max_map_count = 3;
	for (i = 0; i < 4; i++)
		ASSERT_EQ(test_mmap(NULL, A + 2 * i * P, P, PROT_READ,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0),
			  A + 2 * i * P);
	ASSERT_EQ(test_mmap(NULL, A + 8 * P, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0),
		  (unsigned long)-ENOMEM);
	ASSERT_EQ(test_vma_count(), 4);
}

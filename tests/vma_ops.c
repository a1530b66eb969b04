// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA primitives of mm/vma.c and mm/vma_exec.c called directly, as
 * mprotect(), mremap() and exec do: split_vma(), vma_expand(),
 * relocate_vma_down(), and merging across incompatible anon_vmas.
 */
#include "fixture.h"


/*
 * split_vma(new_below = 0):  [ a a a a ]  ->  [ a a ][ a a ]
 * Both halves keep their offsets (catches a pgoff not advanced for the
 * upper half) and share the anon_vma.
 */
VMA_TEST(split_vma_upper)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, A);

	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	vma = test_vma_at(A);
	ASSERT_EQ(anon_vma_prepare(vma), 0);

	mmap_write_lock(test_mm);
	ASSERT_EQ(split_vma(&vmi, vma, A + 2 * P, 0), 0);
	mmap_write_unlock(test_mm);

	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, A >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(A + 2 * P), A + 2 * P, A + 4 * P,
		   (A + 2 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_at(A)->anon_vma, test_vma_at(A + 2 * P)->anon_vma);
	ASSERT_EQ(test_vma_count(), 2);
}

/* split_vma(new_below = 1) gives the same layout from the other side. */
VMA_TEST(split_vma_lower)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, A);

	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	vma = test_vma_at(A);

	mmap_write_lock(test_mm);
	ASSERT_EQ(split_vma(&vmi, vma, A + P, 1), 0);
	mmap_write_unlock(test_mm);

	ASSERT_VMA(test_vma_at(A), A, A + P, A >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(A + P), A + P, A + 4 * P, (A + P) >> PAGE_SHIFT);
	/* the original VMA object is the upper part */
	ASSERT_EQ(test_vma_at(A + P), vma);
	ASSERT_EQ(test_vma_count(), 2);
}

/* Splitting fails, and changes nothing, once map_count is at the limit. */
VMA_TEST(split_vma_map_count_limit)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, A);

	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	vma = test_vma_at(A);
	sysctl_max_map_count = 1;

	mmap_write_lock(test_mm);
	ASSERT_EQ(split_vma(&vmi, vma, A + P, 0), -ENOMEM);
	mmap_write_unlock(test_mm);

	ASSERT_VMA(test_vma_at(A), A, A + 4 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * relocate_vma_down() (mm/vma_exec.c, exec moving the stack): the VMA
 * object moves down by 'shift', keeping its page offset; expand, page
 * table move and shrink in one.
 *
 *	          [ s s ]   ->   [ s s ]
 */
VMA_TEST(relocate_vma_down_moves_vma)
{
	struct vm_area_struct *vma;
	unsigned long pgoff;

	ASSERT_EQ(test_map_anon(A + 3 * P, 2 * P, true), A + 3 * P);
	vma = test_vma_at(A + 3 * P);
	/*
	 * exec's stack already holds the arguments, i.e. it is faulted: an
	 * unfaulted anonymous VMA must keep pgoff == vm_start >> PAGE_SHIFT
	 * and mm/vma.h WARNs if moved.
	 */
	ASSERT_EQ(anon_vma_prepare(vma), 0);
	pgoff = vma->vm_pgoff;

	mmap_write_lock(test_mm);
	ASSERT_EQ(relocate_vma_down(vma, 3 * P), 0);
	mmap_write_unlock(test_mm);

	ASSERT_EQ(test_vma_at(A), vma);
	ASSERT_VMA(vma, A, A + 2 * P, pgoff);
	ASSERT_NULL(test_vma_at(A + 3 * P));
	ASSERT_EQ(vma_shim_counts.tlb_gather, vma_shim_counts.tlb_finish);
	ASSERT_EQ(test_vma_count(), 1);
}

/* A VMA in the way: -EFAULT, and nothing moves. */
VMA_TEST(relocate_vma_down_blocked_efault)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_mmap(NULL, A, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), A);
	ASSERT_EQ(test_map_anon(A + 3 * P, 2 * P, true), A + 3 * P);
	vma = test_vma_at(A + 3 * P);

	mmap_write_lock(test_mm);
	ASSERT_EQ(relocate_vma_down(vma, 3 * P), -EFAULT);
	mmap_write_unlock(test_mm);

	ASSERT_VMA(test_vma_at(A + 3 * P), A + 3 * P, A + 5 * P,
		   (A + 3 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/* vma_expand(): [ a a ] -> [ a a a a ] over free space. */
VMA_TEST(vma_expand_into_gap)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, A);

	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	vma = test_vma_at(A);

	mmap_write_lock(test_mm);
	{
		VMG_VMA_STATE(vmg, &vmi, NULL, vma, A, A + 4 * P);

		vmg.target = vma;
		ASSERT_EQ(vma_expand(&vmg), 0);
	}
	mmap_write_unlock(test_mm);

	ASSERT_VMA(test_vma_at(A + 3 * P), A, A + 4 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * A new mapping between two VMAs with different anon_vmas can join at
 * most one of them: the two anon_vmas must never be merged.
 *
 *	[ X ][ new ][ Y ]  ->  [ X   X ][ Y ]  (or [ X ][ Y   Y ])
 */
VMA_TEST(merge_anon_vma_mismatch_joins_one_side)
{
	struct vm_area_struct *prev, *next;
	struct anon_vma *x, *y;

	ASSERT_EQ(test_map_anon(A, P, true), A);
	ASSERT_EQ(test_map_anon(A + 2 * P, P, true), A + 2 * P);
	prev = test_vma_at(A);
	next = test_vma_at(A + 2 * P);
	ASSERT_EQ(anon_vma_prepare(prev), 0);
	ASSERT_EQ(anon_vma_prepare(next), 0);
	x = prev->anon_vma;
	y = next->anon_vma;
	ASSERT_NE(x, y);

	ASSERT_EQ(test_map_anon(A + P, P, true), A + P);
	ASSERT_EQ(test_vma_count(), 2);
	ASSERT_EQ(test_vma_at(A)->anon_vma, x);
	ASSERT_EQ(test_vma_at(A + 2 * P)->anon_vma, y);
	ASSERT_TRUE(test_vma_at(A + P)->anon_vma == x ||
		    test_vma_at(A + P)->anon_vma == y);
}

/*
 * The harness itself: mm_flags_clear() of a clear flag leaves it clear
 * (tools/include's x86 clear_bit() toggles; linux/bitops.h replaces it).
 */
VMA_TEST(harness_mm_flags_clear_is_idempotent)
{
	mm_flags_clear(MMF_TOPDOWN, test_mm);
	ASSERT_FALSE(mm_flags_test(MMF_TOPDOWN, test_mm));
	mm_flags_clear(MMF_TOPDOWN, test_mm);
	ASSERT_FALSE(mm_flags_test(MMF_TOPDOWN, test_mm));
	mm_flags_set(MMF_TOPDOWN, test_mm);
	ASSERT_TRUE(mm_flags_test(MMF_TOPDOWN, test_mm));
}

// SPDX-License-Identifier: GPL-2.0
/* munmap() through the real vm_munmap()/do_vmi_munmap(): splitting. */
#include "fixture.h"


/*
 *	[ a | a | a ]  munmap middle  ->  [ a ]   [ a ]
 *
 * Catches a wrong split point or a wrong pgoff for the tail VMA.
 */
VMA_TEST(munmap_middle_splits)
{
	ASSERT_EQ(test_map_anon(A, 3 * P, true), A);
	ASSERT_EQ(test_munmap(A + P, P), 0);
	ASSERT_VMA(test_vma_at(A), A, A + P, A >> PAGE_SHIFT);
	ASSERT_NULL(test_vma_at(A + P));
	ASSERT_VMA(test_vma_at(A + 2 * P), A + 2 * P, A + 3 * P,
		   (A + 2 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * A faulted VMA (one with an anon_vma) split by munmap: both halves keep
 * the anon_vma, each linked to it.  In a fault sweep, the split's
 * anon_vma_clone() fails: munmap must then fail, or, if it succeeds,
 * leave both halves their anon_vma.  Catches a __split_vma() that ignores
 * the clone's failure and leaves a half without its anon_vma (its pages
 * unreachable by rmap).
 */
VMA_TEST(munmap_middle_splits_faulted)
{
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;

	ASSERT_EQ(test_map_anon(A, 3 * P, true), A);
	vma = test_vma_at(A);
	ASSERT_EQ(anon_vma_prepare(vma), 0);
	anon_vma = vma->anon_vma;
	ASSERT_EQ(test_munmap(A + P, P), 0);
	ASSERT_EQ(test_vma_at(A)->anon_vma, anon_vma);
	ASSERT_EQ(test_vma_at(A + 2 * P)->anon_vma, anon_vma);
	ASSERT_FALSE(list_empty(&test_vma_at(A)->anon_vma_chain));
	ASSERT_FALSE(list_empty(&test_vma_at(A + 2 * P)->anon_vma_chain));
}

/* Unmapping the head keeps the tail with its own page offset. */
VMA_TEST(munmap_head)
{
	ASSERT_EQ(test_map_anon(A, 3 * P, true), A);
	ASSERT_EQ(test_munmap(A, P), 0);
	ASSERT_VMA(test_vma_at(A + P), A + P, A + 3 * P, (A + P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Unmapping the tail shrinks the VMA. */
VMA_TEST(munmap_tail)
{
	ASSERT_EQ(test_map_anon(A, 3 * P, true), A);
	ASSERT_EQ(test_munmap(A + 2 * P, P), 0);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/* One munmap() across three VMAs removes the middle one and trims both. */
VMA_TEST(munmap_spanning_three_vmas)
{
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A + 2 * P, 2 * P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0),
		  A + 2 * P);
	ASSERT_EQ(test_map_anon(A + 4 * P, 2 * P, true), A + 4 * P);
	ASSERT_EQ(test_vma_count(), 3);

	ASSERT_EQ(test_munmap(A + P, 4 * P), 0);
	ASSERT_VMA(test_vma_at(A), A, A + P, A >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(A + 5 * P), A + 5 * P, A + 6 * P,
		   (A + 5 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/* munmap() of a hole succeeds and changes nothing. */
VMA_TEST(munmap_hole_is_noop)
{
	ASSERT_EQ(test_map_anon(A, P, true), A);
	ASSERT_EQ(test_munmap(A + 4 * P, 2 * P), 0);
	ASSERT_EQ(test_vma_count(), 1);
}

/* An unaligned start is -EINVAL and unmaps nothing. */
VMA_TEST(munmap_unaligned_einval)
{
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(test_munmap(A + 1, P), -EINVAL);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Page tables are torn down with one gather/finish pair per munmap(). */
VMA_TEST(munmap_tlb_gather_balanced)
{
	ASSERT_EQ(test_map_anon(A, 3 * P, true), A);
	ASSERT_EQ(test_munmap(A, 3 * P), 0);
	ASSERT_EQ(vma_shim_counts.tlb_gather, vma_shim_counts.tlb_finish);
	ASSERT_GE(vma_shim_counts.tlb_gather, 1);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * Punching a hole into a VMA needs one more VMA.  At the map_count limit
 * that is -ENOMEM, and the VMA stays whole; one below the limit it works.
 * Catches the limit check off by one (">" for ">=" in
 * vms_gather_munmap_vmas()).
 */
VMA_TEST(munmap_hole_at_map_count_limit)
{
	ASSERT_EQ(test_map_anon(A, 3 * P, true), A);
	sysctl_max_map_count = 1;
	ASSERT_EQ(test_munmap(A + P, P), -ENOMEM);
	ASSERT_VMA(test_vma_at(A), A, A + 3 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);

	sysctl_max_map_count = 2;
	ASSERT_EQ(test_munmap(A + P, P), 0);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * A length that runs past TASK_SIZE is -EINVAL, and nothing is unmapped.
 * Catches the "len > TASK_SIZE - start" check dropped.
 */
VMA_TEST(munmap_past_task_size_einval)
{
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(test_munmap(A, TASK_SIZE - A + P), -EINVAL);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, A >> PAGE_SHIFT);
}

/* A zero length is -EINVAL.  Catches the "end == start" check dropped. */
VMA_TEST(munmap_zero_length_einval)
{
	ASSERT_EQ(test_map_anon(A, P, true), A);
	ASSERT_EQ(test_munmap(A, 0), -EINVAL);
	ASSERT_EQ(test_vma_count(), 1);
}

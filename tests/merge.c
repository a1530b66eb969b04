// SPDX-License-Identifier: GPL-2.0
/*
 * VMA merging through mmap(): with prev, with next, with both, and the
 * conditions that must prevent it (flags, file, pgoff contiguity).
 */
#include "fixture.h"


static unsigned long map_prot(unsigned long addr, unsigned long len,
			      unsigned long prot)
{
	return test_mmap(NULL, addr, len, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
}

/*	[ prev ][ new ]  ->  [ prev     ]	(merge with prev) */
VMA_TEST(merge_anon_with_prev)
{
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(test_map_anon(A + 2 * P, 3 * P, true), A + 2 * P);
	ASSERT_VMA(test_vma_at(A), A, A + 5 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*	[ new ][ next ]  ->  [     next ]	(merge with next, pgoff moves) */
VMA_TEST(merge_anon_with_next)
{
	ASSERT_EQ(test_map_anon(A + 2 * P, 2 * P, true), A + 2 * P);
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_VMA(test_vma_at(A + 3 * P), A, A + 4 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*	[ prev ][ new ][ next ]  ->  [ one ] */
VMA_TEST(merge_anon_with_both)
{
	ASSERT_EQ(test_map_anon(A, P, true), A);
	ASSERT_EQ(test_map_anon(A + 2 * P, P, true), A + 2 * P);
	ASSERT_EQ(test_vma_count(), 2);
	ASSERT_EQ(test_map_anon(A + P, P, true), A + P);
	ASSERT_VMA(test_vma_at(A + P), A, A + 3 * P, A >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Different protections never merge. */
VMA_TEST(merge_refused_flags_differ)
{
	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	ASSERT_VMA(test_vma_at(A), A, A + P, A >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(A + P), A + P, A + 2 * P, (A + P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/* A gap of one page prevents a merge (catches '<=' for '==' adjacency). */
VMA_TEST(merge_refused_not_adjacent)
{
	ASSERT_EQ(test_map_anon(A, P, true), A);
	ASSERT_EQ(test_map_anon(A + 2 * P, P, true), A + 2 * P);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * A VMA with an anon_vma merges with a new neighbour, which then shares
 * that anon_vma (anon_vma compatibility: the new VMA has none).
 */
VMA_TEST(merge_anon_vma_adopted)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	vma = test_vma_at(A);
	ASSERT_EQ(anon_vma_prepare(vma), 0);
	ASSERT_NONNULL(vma->anon_vma);

	ASSERT_EQ(test_map_anon(A + 2 * P, P, true), A + 2 * P);
	vma = test_vma_at(A + 2 * P);
	ASSERT_VMA(vma, A, A + 3 * P, A >> PAGE_SHIFT);
	ASSERT_NONNULL(vma->anon_vma);
	ASSERT_EQ(test_vma_count(), 1);
}

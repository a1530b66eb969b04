// SPDX-License-Identifier: GPL-2.0
/* brk() through the real test_brk() of mm/mmap.c. */
#include "fixture.h"

#define BRK	0x00600000UL

static void brk_setup(void)
{
	test_mm->start_brk = test_mm->brk = BRK;
	test_mm->start_data = test_mm->end_data = BRK;
}

/* Growing the heap creates one VMA from start_brk. */
VMA_TEST(brk_grow)
{
	brk_setup();
	ASSERT_EQ(test_brk(BRK + 3 * P), BRK + 3 * P);
	ASSERT_EQ(test_mm->brk, BRK + 3 * P);
	ASSERT_VMA(test_vma_at(BRK), BRK, BRK + 3 * P, BRK >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Growing again extends the same VMA (no second VMA). */
VMA_TEST(brk_grow_twice_extends)
{
	brk_setup();
	ASSERT_EQ(test_brk(BRK + P), BRK + P);
	ASSERT_EQ(test_brk(BRK + 4 * P), BRK + 4 * P);
	ASSERT_VMA(test_vma_at(BRK), BRK, BRK + 4 * P, BRK >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Shrinking unmaps the tail. */
VMA_TEST(brk_shrink)
{
	brk_setup();
	ASSERT_EQ(test_brk(BRK + 4 * P), BRK + 4 * P);
	ASSERT_EQ(test_brk(BRK + P), BRK + P);
	ASSERT_VMA(test_vma_at(BRK), BRK, BRK + P, BRK >> PAGE_SHIFT);
	ASSERT_NULL(test_vma_at(BRK + P));
}

/* The heap may not grow into the guard gap of the next mapping. */
VMA_TEST(brk_refused_by_next_mapping)
{
	brk_setup();
	ASSERT_EQ(test_map_anon(BRK + 4 * P, P, true), BRK + 4 * P);
	/* refused: the old break is returned and nothing is mapped */
	ASSERT_EQ(test_brk(BRK + 8 * P), BRK);
	ASSERT_EQ(test_vma_count(), 1);
}

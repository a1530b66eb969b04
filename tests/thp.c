// SPDX-License-Identifier: GPL-2.0
/*
 * THP alignment of anonymous mappings (mm/mmap.c's __get_unmapped_area()
 * and mm/huge_memory.c's thp_get_unmapped_area_vmaflags()), each test
 * named after the upstream fix whose bug it guards.
 *
 * Sizes are written in pages and PMDs, so that the tests run on every
 * geometry; the comments give them for 4K pages (2 MiB PMDs).
 */
#include "fixture.h"


/* Anonymous, no hint, PMD-multiple length: PMD-aligned. */
VMA_TEST(thp_anon_4m_pmd_aligned)
{
	unsigned long addr;

	REQUIRE_THP_ALIGNS();
	addr = test_map_anon(0, 2 * PMD, false);
	ASSERT_NOT_ERR_VALUE(addr);
	ASSERT_EQ(addr & (PMD_SIZE - 1), 0);
	ASSERT_LE(addr + 2 * PMD, TEST_MMAP_BASE);
}

/*
 * 96204e15310c: top-down, consecutive PMD-multiple mappings abut and merge
 * (the second is placed at the top of its padded window, not below it).
 */
VMA_TEST(thp_96204e15310c_topdown_consecutive_abut)
{
	unsigned long a, b;

	REQUIRE_THP_ALIGNS();
	a = test_map_anon(0, 2 * PMD, false);
	b = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(a & (PMD_SIZE - 1), 0);
	ASSERT_EQ(b, a - 2 * PMD);
	ASSERT_VMA(test_vma_at(a), b, a + 2 * PMD, b >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * d4148aeab412: a length that is not a PMD multiple is not aligned: it is
 * placed right below the previous mapping and merges with it.
 */
VMA_TEST(thp_d4148aeab412_odd_length_not_aligned)
{
	unsigned long a, b;

	REQUIRE_THP_ALIGNS();
	a = test_map_anon(0, 2 * PMD, false);
	b = test_map_anon(0, PMD + (PMD / 2), false);
	ASSERT_EQ(b, a - (PMD + (PMD / 2)));
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * 249608ee4713 ("mm: respect mmap hint address when aligning for THP",
 * Nov 2024): with VMAs at [2M,4M) and [6M,8M), a 2M mapping hinted at 4M
 * gets exactly 4M, although 4M..6M is "only" one PMD.
 */
VMA_TEST(thp_249608ee4713_hint_in_exact_hole_wins)
{
	REQUIRE_THP_ALIGNS();
	ASSERT_EQ(test_mmap(NULL, PMD, PMD, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), PMD);
	ASSERT_EQ(test_mmap(NULL, 3 * PMD, PMD, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0),
		  3 * PMD);
	ASSERT_EQ(test_map_anon(2 * PMD, PMD, false), 2 * PMD);
}

/*
 * ed48e87c7df3 / 34d7cf637c43: a file without ->get_unmapped_area is never
 * THP-aligned: a 4M file mapping ends exactly at mmap_base.
 */
VMA_TEST(thp_34d7cf637c43_plain_file_not_aligned)
{
	struct file *f;
	unsigned long addr;

	REQUIRE_THP_ALIGNS();
	f = test_file_new(&test_plain_fops);
	addr = test_mmap(f, 0, 2 * PMD, PROT_READ, MAP_SHARED, 0);
	ASSERT_EQ(addr, TEST_MMAP_BASE - 2 * PMD);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mm/huge_memory.c's THP placement, thp_get_unmapped_area_vmaflags()
 * (7.2: thp_get_unmapped_area_vmflags()), called directly the way a
 * filesystem's ->get_unmapped_area (thp_get_unmapped_area()) and
 * __get_unmapped_area() call it: congruence va == pgoff * PAGE_SIZE
 * (mod PMD_SIZE), the top of the padded window, the hint, and every "could
 * not align" case falling back to the plain search; and the 32-bit/compat
 * policy of 4ef9ad19e176.
 *
 * B is TEST_MMAP_BASE (0x7ffff7fff000 for a 64-bit task), which is not
 * PMD-aligned; the legacy base TASK_UNMAPPED_BASE is not either.
 *
 * On a 32-bit kernel (M32=1: i386, !CONFIG_64BIT) THP never aligns: the
 * tests of alignment SKIP there, and the thp_4ef9ad19e176_32bit_* tests,
 * which SKIP on 64-bit, check the plain placement instead.  There B is
 * 0xb8000000 and TASK_UNMAPPED_BASE 0x40000000, both PMD-aligned, so they
 * make the free range start or end off a PMD boundary first.
 *
 * Sizes are written in pages and PMDs, so that the tests run on every
 * geometry; the comments give them for 4K pages (2 MiB PMDs).
 */
#include "fixture.h"


static unsigned long thp(unsigned long addr, unsigned long len,
			 unsigned long pgoff, unsigned long flags)
{
	unsigned long ret;

	mmap_write_lock(test_mm);
#if defined(VMA_HAVE_thp_get_unmapped_area_vmaflags)
	ret = thp_get_unmapped_area_vmaflags(NULL, addr, len, pgoff, flags,
					     TEST_NO_VMA_FLAGS);
#elif defined(VMA_HAVE_thp_get_unmapped_area_vmflags)
	ret = thp_get_unmapped_area_vmflags(NULL, addr, len, pgoff, flags,
					    TEST_NO_VMA_FLAGS);
#else
#error "no thp_get_unmapped_area_vma{,}flags() in this tree"
#endif
	mmap_write_unlock(test_mm);
	return ret;
}

static void map(unsigned long addr, unsigned long len)
{
	ASSERT_EQ(test_mmap(NULL, addr, len, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), addr);
}

/*
 * Top-down, pgoff 1 (offset 4 KiB), 4 MiB: the highest address below
 * mmap_base congruent to 4 KiB mod 2 MiB.  Catches the shift computed for
 * alignment rather than congruence (va % 2M == 0) or with the sign
 * reversed ((ret - off) instead of (off - ret)).
 */
VMA_TEST(thp_gua_topdown_pgoff_congruent)
{
	unsigned long va;

	REQUIRE_THP_ALIGNS();
	va = thp(0, 2 * PMD, 1, 0);
	ASSERT_EQ(PMD_OFF(va), P);
	ASSERT_EQ(va, round_down(TEST_MMAP_BASE - 2 * PMD - P, PMD_SIZE) + P);
}

/*
 * An offset just below a PMD boundary: va % 2M == 2M - 4 KiB.  Catches a
 * residue wrapped or truncated near the PMD boundary.
 */
VMA_TEST(thp_gua_topdown_pgoff_congruent_high_residue)
{
	unsigned long off = PMD_SIZE - P;
	unsigned long va;

	REQUIRE_THP_ALIGNS();
	va = thp(0, 2 * PMD, off >> PAGE_SHIFT, 0);
	ASSERT_EQ(PMD_OFF(va), off);
	ASSERT_EQ(va, round_down(TEST_MMAP_BASE - 2 * PMD - off, PMD_SIZE) + off);
}

/*
 * Bottom-up, pgoff 3: the lowest address >= the legacy base congruent to
 * 3 pages mod 2 MiB (the padded window starts at the base and the result
 * is shifted up into it).
 * Catches the bottom-up shift going down (below the window start,
 * overlapping what is there) instead of up.
 */
VMA_TEST(thp_gua_bottomup_pgoff_congruent)
{
	unsigned long va;

	REQUIRE_THP_ALIGNS();
	test_set_topdown(false);
	va = thp(0, 2 * PMD, 3, 0);
	ASSERT_EQ(PMD_OFF(va), 3 * P);
	ASSERT_EQ(va, round_up(TASK_UNMAPPED_BASE - 3 * P, PMD_SIZE) + 3 * P);
}

/*
 * 96204e15310c, directly: top-down below a PMD-aligned VMA the padded
 * window [X-6M, X) starts aligned, and the mapping goes to the TOP of it,
 * abutting the VMA above:
 *
 *	X-6M     X-4M              X
 *	[ pad  ][ new 4M         ][ vma ... up to mmap_base ]
 *
 * Catches "return ret + size" dropped (X-6M: a 2 MiB hole, no merge).
 */
VMA_TEST(thp_gua_96204e15310c_window_top_abuts)
{
	unsigned long x = round_down(TEST_MMAP_BASE, PMD_SIZE) - 4 * PMD;

	REQUIRE_THP_ALIGNS();
	map(x, TEST_MMAP_BASE - x);
	ASSERT_EQ(thp(0, 2 * PMD, 0, 0), x - 2 * PMD);
}

/*
 * Bottom-up, consecutive 4 MiB anonymous mappings abut and merge: the
 * second padded window starts aligned at the first one's end and bottom-up
 * takes it as is.  Catches the "+ size" of the top-down case applied
 * bottom-up too (a 2 MiB hole between the two).
 */
VMA_TEST(thp_gua_bottomup_consecutive_abut)
{
	unsigned long a, b;

	REQUIRE_THP_ALIGNS();
	test_set_topdown(false);
	a = test_map_anon(0, 2 * PMD, false);
	b = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(a, round_up(TASK_UNMAPPED_BASE, PMD_SIZE));
	ASSERT_EQ(b, a + 2 * PMD);
	ASSERT_VMA(test_vma_at(a), a, a + 4 * PMD, a >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * A free hint wins, even unaligned, when the padded range fits there.
 * Catches the "ret == addr" shortcut dropped (the hint would be shifted
 * to A+2M).
 */
VMA_TEST(thp_gua_free_hint_wins)
{
	REQUIRE_THP_ALIGNS();
	ASSERT_EQ(thp(A + P, 2 * PMD, 0, 0), A + P);
}

/*
 * The flip side, for files using thp_get_unmapped_area() as their
 * ->get_unmapped_area (249608ee4713 fixed it for anonymous memory only):
 * a hint in a hole that holds len but not len + PMD_SIZE.  Before the
 * series it is not used (the result is the aligned top-down placement);
 * with it (patches/0002: the aligned helper tries a hint with len first)
 * it is, as THP's own comment always said.
 *
 *	2M      4M      6M      8M
 *	[ vma  ][ hint ][ vma  ]		-> 4M with the series
 * Pins the behaviour on both trees: a change of it must update this test
 * on purpose.
 */
VMA_TEST(thp_gua_hint_without_pad_room)
{
	REQUIRE_THP_ALIGNS();
	map(PMD, PMD);
	map(3 * PMD, PMD);
#ifdef VMA_HAVE_mm_get_unmapped_area_aligned
	ASSERT_EQ(thp(2 * PMD, PMD, 0, 0), 2 * PMD);
#else
	ASSERT_EQ(thp(2 * PMD, PMD, 0, 0),
		  round_down(TEST_MMAP_BASE - PMD, PMD_SIZE));
#endif
}

/*
 * No full PMD chunk in the file range: [4K, 2M+4K) crosses a PMD boundary
 * but holds no aligned 2 MiB block, so the result is the plain one (ends
 * exactly at mmap_base).  Catches the "off_end - off_align < size" test
 * dropped (a pointless padded, congruent placement).
 */
VMA_TEST(thp_gua_no_full_pmd_chunk_plain)
{
	REQUIRE_THP_ALIGNS();
	ASSERT_EQ(thp(0, PMD, 1, 0), TEST_MMAP_BASE - PMD);
}

/*
 * Exactly one full chunk ([0, 2M)) is enough: aligned.  Catches '<' made
 * '<=' in the chunk test.
 */
VMA_TEST(thp_gua_exact_pmd_chunk_aligned)
{
	REQUIRE_THP_ALIGNS();
	ASSERT_EQ(thp(0, PMD, 0, 0),
		  round_down(TEST_MMAP_BASE - PMD, PMD_SIZE));
}

/*
 * The padded search fails but the plain one succeeds: the plain result,
 * never -ENOMEM.  The whole address space is full except one unaligned
 * hole of exactly 4 MiB:
 *
 *	min_addr     H=A+P         H+4M               TASK_SIZE
 *	[ filler    ][ hole 4M    ][ filler ..................]
 *
 * Catches "IS_ERR_VALUE(ret) -> return 0" turned into returning the error
 * (padding would turn a satisfiable mmap into -ENOMEM).
 */
VMA_TEST(thp_gua_pad_fails_plain_succeeds)
{
	unsigned long h = A + P;

	REQUIRE_THP_ALIGNS();
	map(mmap_min_addr, h - mmap_min_addr);
	map(h + 2 * PMD, TEST_MAP_TOP - (h + 2 * PMD));
	ASSERT_EQ(thp(0, 2 * PMD, 0, 0), h);
}

/*
 * off + len + PMD_SIZE wrapping around the 64-bit offset space: no
 * alignment, the plain result (catches the wrap check dropped: the
 * congruence would be computed from a wrapped offset).  The offset is
 * -4 MiB (pgoff 0xffffffffffc00), as a FOP_UNSIGNED_OFFSET driver could
 * pass it.
 */
VMA_TEST(thp_gua_offset_wrap_plain)
{
	unsigned long pgoff = (0UL - 2 * PMD) >> PAGE_SHIFT;

	REQUIRE_THP_ALIGNS();
	ASSERT_EQ(thp(0, PMD, pgoff, 0), TEST_MMAP_BASE - PMD);
}

/*
 * 4ef9ad19e176: no forced THP alignment for a 32-bit (compat) task.  A
 * 4 MiB hint-less anonymous mapping of a compat task ends exactly at its
 * mmap_base, unaligned, below 4 GiB.  Catches the in_compat_syscall()
 * test dropped from __thp_get_unmapped_area().
 */
VMA_TEST(thp_4ef9ad19e176_compat_anon_not_aligned)
{
	unsigned long addr;

	test_set_compat(true);
	ASSERT_EQ(TEST_MMAP_BASE, TASK_SIZE - SZ_128M);
	addr = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(addr, TEST_MMAP_BASE - 2 * PMD);
	ASSERT_NE(PMD_OFF(addr), 0);
	ASSERT_LE(addr + 2 * PMD, SZ_4G);
}

/*
 * The same policy, direct call with a congruence request: plain result.
 * Catches the compat test moved to __get_unmapped_area() only (file
 * ->get_unmapped_area users would align again).
 */
VMA_TEST(thp_4ef9ad19e176_compat_direct_plain)
{
	test_set_compat(true);
	ASSERT_EQ(thp(0, 2 * PMD, 1, 0), TEST_MMAP_BASE - 2 * PMD);
}

/*
 * 4ef9ad19e176 on a 32-bit kernel: no forced THP alignment of anonymous
 * memory at all.  A 4 MiB hint-less anonymous mapping goes right below a
 * page mapped just under B (top-down), right above one mapped at
 * TASK_UNMAPPED_BASE (bottom-up): off a PMD boundary both times, where
 * THP alignment would round down (up) to one.
 * Catches the !IS_ENABLED(CONFIG_64BIT) test dropped from THP's placement
 * (__thp_get_unmapped_area(), or thp_get_unmapped_area_vmaflags() with
 * patches/0003).
 */
VMA_TEST(thp_4ef9ad19e176_32bit_not_aligned)
{
	unsigned long addr;

	REQUIRE_32BIT();
	map(TEST_MMAP_BASE - P, P);
	addr = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(addr, TEST_MMAP_BASE - P - 2 * PMD);
	ASSERT_NE(PMD_OFF(addr), 0);

	test_set_topdown(false);
	map(TASK_UNMAPPED_BASE, P);
	addr = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(addr, TASK_UNMAPPED_BASE + P);
	ASSERT_NE(PMD_OFF(addr), 0);
}

/*
 * The same policy for a direct call (a file's ->get_unmapped_area) on a
 * 32-bit kernel: requests that a 64-bit kernel places congruent with the
 * offset (thp_gua_*_pgoff_congruent*) or at the top of the padded window
 * (thp_gua_hint_without_pad_room) get the plain result: B - len,
 * TASK_UNMAPPED_BASE, the free hint.
 * Catches the same check dropped, for file mappings.
 */
VMA_TEST(thp_4ef9ad19e176_32bit_direct_plain)
{
	unsigned long off = PMD_SIZE - P, va;

	REQUIRE_32BIT();
	va = thp(0, 2 * PMD, 1, 0);
	ASSERT_EQ(va, TEST_MMAP_BASE - 2 * PMD);
	ASSERT_NE(PMD_OFF(va), P);
	va = thp(0, 2 * PMD, off >> PAGE_SHIFT, 0);
	ASSERT_EQ(va, TEST_MMAP_BASE - 2 * PMD);
	ASSERT_NE(PMD_OFF(va), off);

	map(PMD, PMD);
	map(3 * PMD, PMD);
	ASSERT_EQ(thp(2 * PMD, PMD, 0, 0), 2 * PMD);

	test_set_topdown(false);
	va = thp(0, 2 * PMD, 3, 0);
	ASSERT_EQ(va, TASK_UNMAPPED_BASE);
	ASSERT_NE(PMD_OFF(va), 3 * P);
}

/*
 * A compat task's TASK_SIZE bounds MAP_FIXED: a range crossing
 * IA32_PAGE_OFFSET is -ENOMEM, one ending there is fine.  Catches
 * __get_unmapped_area()'s "addr > TASK_SIZE - len" using a 64-bit limit.
 */
VMA_TEST(compat_fixed_beyond_task_size_enomem)
{
	test_set_compat(true);
	ASSERT_EQ(test_map_anon(TASK_SIZE - P, 2 * P, true),
		  (unsigned long)-ENOMEM);
	ASSERT_EQ(test_map_anon(TASK_SIZE - 2 * P, 2 * P, true),
		  TASK_SIZE - 2 * P);
}

/*
 * Back to 64-bit: the 64-bit base and THP alignment again.  Catches
 * test_set_compat(false) leaving 32-bit state behind (the fixture's own
 * check).
 */
VMA_TEST(compat_off_restores_64bit_layout)
{
	unsigned long addr;

	test_set_compat(true);
	test_set_compat(false);
	ASSERT_EQ(test_mmap_base(), TEST_MMAP_BASE);
	ASSERT_GT(TEST_MMAP_BASE, SZ_4G);
	addr = test_map_anon(0, 2 * PMD, false);
	ASSERT_EQ(addr, round_down(TEST_MMAP_BASE - 2 * PMD, PMD_SIZE));
}

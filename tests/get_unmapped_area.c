// SPDX-License-Identifier: GPL-2.0
/*
 * The get_unmapped_area family of mm/mmap.c:
 *
 * - generic_get_unmapped_area() and generic_get_unmapped_area_topdown(),
 *   reached through mm_get_unmapped_area() with MMF_TOPDOWN off and on:
 *   MAP_FIXED passthrough, the hint rules (free, occupied, below
 *   mmap_min_addr, in a stack guard gap), the length limit and the
 *   top-down -> bottom-up fallback;
 * - __get_unmapped_area(), do_mmap()'s entry point: which placement
 *   function it picks (the file's ->get_unmapped_area, shmem for shared
 *   anonymous memory, THP for anonymous hint-less PMD-multiple lengths,
 *   else the mm's) and the checks on what that function returns.
 *
 * Each test names the bug it would catch.
 */
#include "fixture.h"


/* The mm's placement (the arch hook -> generic_*) under the mmap lock. */
static unsigned long mm_gua(unsigned long addr, unsigned long len,
			    unsigned long flags)
{
	unsigned long ret;

	mmap_read_lock(test_mm);
	ret = mm_get_unmapped_area(NULL, addr, len, 0, flags);
	mmap_read_unlock(test_mm);
	return ret;
}

/* __get_unmapped_area() under the write lock, as do_mmap() calls it. */
static unsigned long gua(struct file *file, unsigned long addr,
			 unsigned long len, unsigned long pgoff,
			 unsigned long flags)
{
	unsigned long ret;

	mmap_write_lock(test_mm);
	ret = __get_unmapped_area(file, addr, len, pgoff, flags,
				  TEST_NO_VMA_FLAGS);
	mmap_write_unlock(test_mm);
	return ret;
}

/* ---- generic_get_unmapped_area[_topdown]() -------------------------- */

/*
 * MAP_FIXED is passed through unchanged, even over an existing mapping
 * (do_mmap() unmaps what is there later).  Bottom-up.  Catches the
 * MAP_FIXED shortcut dropped: the occupied address would be treated as a
 * hint and moved.
 */
VMA_TEST(gua_bottomup_map_fixed_passthrough_occupied)
{
	test_set_topdown(false);
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A + P, 2 * P, MAP_FIXED), A + P);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * The same, top-down.  Catches the MAP_FIXED shortcut dropped from
 * generic_get_unmapped_area_topdown().
 */
VMA_TEST(gua_topdown_map_fixed_passthrough_occupied)
{
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A + P, 2 * P, MAP_FIXED), A + P);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Bottom-up, a free hint is returned as is (catches the hint ignored). */
VMA_TEST(gua_bottomup_hint_free_returned)
{
	test_set_topdown(false);
	ASSERT_EQ(mm_gua(A + 7 * P, P, 0), A + 7 * P);
}

/*
 * Bottom-up, an occupied hint is not used: the search starts at the
 * legacy base and returns exactly it (catches an overlapping hint
 * accepted, or a fallback that searches from the hint).
 */
VMA_TEST(gua_bottomup_hint_occupied_elsewhere)
{
	test_set_topdown(false);
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A + P, 2 * P, 0), TASK_UNMAPPED_BASE);
}

/*
 * Top-down, an occupied hint: the range ends exactly at mmap_base.
 * Catches an overlapping hint accepted, or a top-down fallback that is not
 * at the top.
 */
VMA_TEST(gua_topdown_hint_occupied_elsewhere)
{
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A + P, 2 * P, 0), TEST_MMAP_BASE - 2 * P);
}

/*
 * A hint whose range ends exactly where the next VMA starts is used:
 *
 *	[ hint 2P ][ vma ]
 *	A-2P       A
 *
 * Catches "addr + len <= vm_start_gap(vma)" made '<'.
 */
VMA_TEST(gua_hint_abutting_next_vma_used)
{
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A - 2 * P, 2 * P, 0), A - 2 * P);
}

/*
 * A hint that starts exactly at the previous VMA's end is used:
 *
 *	[ vma ][ hint ]
 *	A      A+4P
 *
 * Catches "addr >= vm_end_gap(prev)" made '>'.
 */
VMA_TEST(gua_hint_abutting_prev_vma_used)
{
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A + 4 * P, 2 * P, 0), A + 4 * P);
}

/*
 * A hint whose last page overlaps the next VMA is not used:
 *
 *	[ hint 2P ]
 *	     [ vma ]
 *	A-P  A
 *
 * Catches an overlap check that only looks at the hint's start (the new
 * mapping would silently replace the VMA's first page).
 */
VMA_TEST(gua_hint_last_page_overlaps_not_used)
{
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(mm_gua(A - P, 2 * P, 0), TEST_MMAP_BASE - 2 * P);
}

/*
 * A hint below mmap_min_addr is not used (do_mmap() rounds it up first,
 * other callers of the arch hook do not): top-down, the result is the
 * normal one below mmap_base.  Catches the "addr >= mmap_min_addr" test
 * dropped from generic_get_unmapped_area_topdown().
 */
VMA_TEST(gua_topdown_hint_below_mmap_min_addr_not_used)
{
	REQUIRE_GENERIC_PLACEMENT("has no mmap_min_addr floor for hints");
	ASSERT_EQ(mm_gua(test_below_min_addr(), P, 0), TEST_MMAP_BASE - P);
}

/*
 * The same bottom-up: the result is the legacy base.  Catches the "addr >=
 * mmap_min_addr" test dropped from generic_get_unmapped_area().
 */
VMA_TEST(gua_bottomup_hint_below_mmap_min_addr_not_used)
{
	REQUIRE_GENERIC_PLACEMENT("has no mmap_min_addr floor for hints");
	test_set_topdown(false);
	ASSERT_EQ(mm_gua(test_below_min_addr(), P, 0), TASK_UNMAPPED_BASE);
}

/* A hint exactly at mmap_min_addr is fine (catches '>=' made '>'). */
VMA_TEST(gua_hint_at_mmap_min_addr_used)
{
	ASSERT_EQ(mm_gua(mmap_min_addr, P, 0), mmap_min_addr);
}

/*
 * A hint whose range ends inside the guard gap below a stack is not used,
 * although it does not overlap the stack itself:
 *
 *	          [hint]
 *	S-gap          S-P  S
 *	|<---- stack_guard_gap ---->[ stack ]
 *
 * Catches the hint check using vm_start instead of vm_start_gap() (the
 * stack could then not grow: the 2017 "Stack Clash" guard).
 */
VMA_TEST(gua_hint_end_in_stack_guard_gap_not_used)
{
	unsigned long s = A + 2048 * P;

	test_map_stack(s, 4 * P);
	ASSERT_EQ(mm_gua(s - 2 * P, P, 0), TEST_MMAP_BASE - P);
}

/*
 * A hint whose range ends exactly where the guard gap starts is used
 * (catches a guard check a page too strict).
 */
VMA_TEST(gua_hint_ending_at_stack_guard_gap_used)
{
	unsigned long s = A + 2048 * P;
	unsigned long hint = s - stack_guard_gap - P;

	test_map_stack(s, 4 * P);
	ASSERT_EQ(mm_gua(hint, P, 0), hint);
}

/*
 * len > mmap_end - mmap_min_addr is -ENOMEM, checked before the MAP_FIXED
 * shortcut.  Top-down.  Catches the check dropped (MAP_FIXED would
 * return the address for a range that cannot exist).
 */
VMA_TEST(gua_topdown_len_beyond_range_enomem)
{
	unsigned long len = TEST_MAP_TOP - mmap_min_addr + P;

	REQUIRE_GENERIC_PLACEMENT("checks the length against TASK_SIZE only");
	ASSERT_EQ(mm_gua(mmap_min_addr, len, MAP_FIXED),
		  (unsigned long)-ENOMEM);
}

/*
 * The same bottom-up (generic_get_unmapped_area() has its own check).
 * Catches the length check dropped from the bottom-up function only.
 */
VMA_TEST(gua_bottomup_len_beyond_range_enomem)
{
	unsigned long len = TEST_MAP_TOP - mmap_min_addr + P;

	REQUIRE_GENERIC_PLACEMENT("returns a MAP_FIXED address before any length check");
	test_set_topdown(false);
	ASSERT_EQ(mm_gua(mmap_min_addr, len, MAP_FIXED),
		  (unsigned long)-ENOMEM);
}

/*
 * len == mmap_end - mmap_min_addr exactly is allowed (catches '>' made
 * '>=' in either function).
 */
VMA_TEST(gua_len_exactly_range_allowed)
{
	unsigned long len = TEST_MAP_TOP - mmap_min_addr;

	ASSERT_EQ(mm_gua(mmap_min_addr, len, MAP_FIXED), mmap_min_addr);
	test_set_topdown(false);
	ASSERT_EQ(mm_gua(mmap_min_addr, len, MAP_FIXED), mmap_min_addr);
}

/*
 * Top-down falls back to bottom-up when [mmap_min_addr, mmap_base) is
 * full: the new mapping lands right above mmap_base (the lowest free
 * address >= TASK_UNMAPPED_BASE).
 *
 *	min_addr                         mmap_base
 *	[ PROT_NONE filler ...............][ new ]
 *
 * Catches the fallback dropped (-ENOMEM: "A failed mmap() very likely
 * causes application failure").
 */
VMA_TEST(gua_topdown_full_falls_back_bottomup)
{
	unsigned long addr;

	ASSERT_EQ(test_mmap(NULL, mmap_min_addr, TEST_MMAP_BASE - mmap_min_addr,
			    PROT_NONE, ANON | MAP_FIXED, 0), mmap_min_addr);
	addr = test_map_anon(0, P, false);
	ASSERT_EQ(addr, TEST_MMAP_BASE);
	ASSERT_VMA(test_vma_at(addr), addr, addr + P, addr >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/* ---- __get_unmapped_area() ------------------------------------------ */

/* A file whose ->get_unmapped_area records its arguments. */
static struct {
	int calls;
	struct file *file;
	unsigned long addr, len, pgoff, flags;
	unsigned long ret;		/* what it returns */
} op;

static unsigned long rec_get_unmapped_area(struct file *file,
					   unsigned long addr,
					   unsigned long len,
					   unsigned long pgoff,
					   unsigned long flags)
{
	op.calls++;
	op.file = file;
	op.addr = addr;
	op.len = len;
	op.pgoff = pgoff;
	op.flags = flags;
	return op.ret;
}

static const struct file_operations rec_fops = {
	.get_unmapped_area = rec_get_unmapped_area,
	.mmap_prepare = test_plain_mmap_prepare,
};

static struct file *rec_file(unsigned long ret)
{
	memset(&op, 0, sizeof(op));
	op.ret = ret;
	return test_file_new(&rec_fops);
}

/*
 * A file's ->get_unmapped_area decides, and gets the caller's hint,
 * length, pgoff and flags unchanged.  Catches the file's op bypassed (the
 * mm's search would return something else) or fed a zeroed pgoff.
 */
VMA_TEST(gua_file_op_used_with_args)
{
	struct file *f = rec_file(A + 8 * P);

	ASSERT_EQ(gua(f, A + 3 * P, 3 * P, 7, MAP_SHARED), A + 8 * P);
	ASSERT_EQ(op.calls, 1);
	ASSERT_EQ(op.file, f);
	ASSERT_EQ(op.addr, A + 3 * P);
	ASSERT_EQ(op.len, 3 * P);
	ASSERT_EQ(op.pgoff, 7);
	ASSERT_EQ(op.flags, MAP_SHARED);
}

/*
 * ... and do_mmap() maps exactly there, with the file's pgoff.  Catches
 * do_mmap() mapping somewhere else than the address the file chose, or
 * with another pgoff.
 */
VMA_TEST(gua_file_op_result_mapped)
{
	struct file *f = rec_file(A + 8 * P);

	ASSERT_EQ(test_mmap(f, 0, 3 * P, PROT_READ, MAP_SHARED, 7), A + 8 * P);
	ASSERT_VMA(test_vma_at(A + 8 * P), A + 8 * P, A + 11 * P, 7);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * The file's op is asked even for MAP_FIXED (so a driver can refuse a
 * fixed address it cannot map): its error is returned and nothing is
 * mapped.  Catches a MAP_FIXED shortcut added before the file's op.
 */
VMA_TEST(gua_file_op_asked_for_map_fixed)
{
	struct file *f = rec_file(-EINVAL);

	ASSERT_EQ(test_mmap(f, A, P, PROT_READ, MAP_SHARED | MAP_FIXED, 0),
		  (unsigned long)-EINVAL);
	ASSERT_EQ(op.calls, 1);
	ASSERT_TRUE(op.flags & MAP_FIXED);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * An error from the file's op is returned as is.  Catches an error from
 * the file's op treated as an address or replaced by the mm's search.
 */
VMA_TEST(gua_file_op_error_returned)
{
	struct file *f = rec_file(-EBUSY);

	ASSERT_EQ(gua(f, 0, P, 0, MAP_SHARED), (unsigned long)-EBUSY);
}

/*
 * A non-page-aligned result (a buggy ->get_unmapped_area returning
 * addr | 1) is -EINVAL, quietly (no WARN in 7.3), and do_mmap() maps
 * nothing.  Catches the offset_in_page() check dropped: a VMA would start
 * mid-page.
 */
VMA_TEST(gua_unaligned_result_einval)
{
	struct file *f = rec_file((A + 8 * P) | 1);

	ASSERT_EQ(test_mmap(f, 0, P, PROT_READ, MAP_SHARED, 0),
		  (unsigned long)-EINVAL);
	ASSERT_EQ(op.calls, 1);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * An arch_mmap_check() refusal (sparc's hook; the harness's arch model
 * lets a test set it) is returned before any placement function is asked,
 * and do_mmap() maps nothing.  Catches the error dropped or the check
 * moved after the search.
 */
VMA_TEST(gua_arch_mmap_check_error_propagates)
{
	struct file *f = rec_file(A);

	vma_arch_mmap_check_error = -EINVAL;
	ASSERT_EQ(test_mmap(f, 0, P, PROT_READ, MAP_SHARED, 0),
		  (unsigned long)-EINVAL);
	ASSERT_EQ(op.calls, 0);
	ASSERT_EQ(test_map_anon(0, P, false), (unsigned long)-EINVAL);
	ASSERT_EQ(test_vma_count(), 0);

	vma_arch_mmap_check_error = 0;
	ASSERT_EQ(test_mmap(f, 0, P, PROT_READ, MAP_SHARED, 0), A);
	ASSERT_EQ(op.calls, 1);
}

/*
 * len > TASK_SIZE is -ENOMEM before any placement function is asked.
 * Catches the check dropped: the file's op would be asked, and its
 * answer accepted because TASK_SIZE - len wraps around.
 */
VMA_TEST(gua_len_above_task_size_enomem)
{
	struct file *f = rec_file(A);

	ASSERT_EQ(gua(f, 0, TASK_SIZE + P, 0, MAP_SHARED),
		  (unsigned long)-ENOMEM);
	ASSERT_EQ(op.calls, 0);
}

/*
 * A result whose range would cross TASK_SIZE is -ENOMEM (one page over)...
 * Catches the "addr > TASK_SIZE - len" check dropped (a VMA crossing
 * TASK_SIZE).
 */
VMA_TEST(gua_result_beyond_task_size_enomem)
{
	struct file *f = rec_file(TASK_SIZE - P);

	ASSERT_EQ(gua(f, 0, 2 * P, 0, MAP_SHARED), (unsigned long)-ENOMEM);
}

/* ... and one ending exactly at TASK_SIZE is fine (catches '>' made '>='). */
VMA_TEST(gua_result_ending_at_task_size_ok)
{
	struct file *f = rec_file(TASK_SIZE - 2 * P);

	ASSERT_EQ(gua(f, 0, 2 * P, 0, MAP_SHARED), TASK_SIZE - 2 * P);
}

/*
 * The result goes through security_mmap_addr(): below dac_mmap_min_addr
 * without CAP_SYS_RAWIO it is -EPERM, whoever chose it.  Catches the
 * check skipped for addresses a file's op returns.
 */
VMA_TEST(gua_result_below_min_addr_eperm)
{
	struct file *f = rec_file(test_below_min_addr());

	vma_task_set_capable(CAP_SYS_RAWIO, false);
	ASSERT_EQ(gua(f, 0, P, 0, MAP_SHARED), (unsigned long)-EPERM);
}

/*
 * Anonymous MAP_SHARED goes the shmem way (shmem_get_unmapped_area(),
 * because mmap_region() will make it a shmem file), not the anonymous THP
 * path: a 4 MiB shared anonymous mapping is placed like any other (the
 * harness's shmem placement is the plain search, see shims/shmem.c): it
 * ends exactly at mmap_base, not PMD-aligned.  Catches the shmem branch
 * dropped from __get_unmapped_area().
 */
VMA_TEST(gua_anon_shared_goes_shmem_way)
{
	unsigned long addr, b;

	REQUIRE_THP_ALIGNS();
	b = test_unaligned_mmap_base();
	addr = test_mmap(NULL, 0, 2 * PMD, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, 0);
	ASSERT_EQ(addr, b - 2 * PMD);
	ASSERT_NE(addr & (PMD_SIZE - 1), 0);
	ASSERT_EQ(vma_shim_counts.shmem_get_unmapped_area, 1);
	ASSERT_EQ(vma_shim_counts.shmem_zero_setup, 1);
}

/*
 * "Always treat pgoff as zero for anonymous memory": an anonymous THP
 * placement with a stray pgoff of one page is still PMD-aligned, the
 * highest such address below mmap_base.  Catches the pgoff reset dropped
 * (the result would be congruent to 4 KiB, not aligned).
 */
VMA_TEST(gua_anon_pgoff_ignored_for_thp)
{
	unsigned long addr;

	REQUIRE_THP_ALIGNS();
	addr = gua(NULL, 0, 2 * PMD, 1, ANON);
	ASSERT_EQ(addr, round_down(TEST_MMAP_BASE - 2 * PMD, PMD_SIZE));
}

/*
 * 249608ee4713: with a hint, anonymous memory never takes the THP path,
 * even when the hint is occupied and the mapping lands elsewhere: a 4 MiB
 * mapping hinted at an occupied address ends exactly at mmap_base,
 * unaligned.  (Kalesh Singh's Dec 2024 follow-up argued for aligning in
 * that case; 7.3 does not.)  Catches the "!addr" test dropped.
 */
VMA_TEST(gua_249608ee4713_occupied_hint_not_thp_aligned)
{
	REQUIRE_THP_ALIGNS();
	test_map_at(A, 4 * P, RW);
	ASSERT_EQ(test_map_anon(A, 2 * PMD, false), TEST_MMAP_BASE - 2 * PMD);
}

/*
 * 34d7cf637c43: a file without ->get_unmapped_area is never THP-aligned,
 * bottom-up too: a 4 MiB file mapping starts exactly at the (unaligned)
 * legacy base, where an anonymous one is rounded up to a PMD boundary.
 * Catches the "!file" test dropped from __get_unmapped_area().
 */
VMA_TEST(gua_34d7cf637c43_plain_file_bottomup_not_aligned)
{
	unsigned long b;
	struct file *f;

	REQUIRE_THP_ALIGNS();
	f = test_file_new(&test_plain_fops);
	test_set_topdown(false);
	b = test_unaligned_mmap_base();
	ASSERT_NE(b & (PMD_SIZE - 1), 0);
	ASSERT_EQ(test_mmap(f, 0, 2 * PMD, PROT_READ, MAP_SHARED, 0), b);
}

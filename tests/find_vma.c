// SPDX-License-Identifier: GPL-2.0
/*
 * The lookups of mm/mmap.c: find_vma() (the VMA containing addr, or the
 * next one), find_vma_prev() (the same, plus the VMA before), and
 * find_vma_intersection() (the first VMA meeting [start, end)), at the
 * edges where an off-by-one hides: in a gap, exactly at vm_end (which is
 * exclusive), before the first VMA and after the last.
 *
 * Every test uses the same two VMAs:
 *
 *	A       A+2P            A+4P       A+6P
 *	[  v1   ]     gap      [    v2    ]
 */
#include "fixture.h"


static struct vm_area_struct *v1, *v2;

static void layout(void)
{
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(test_map_anon(A + 4 * P, 2 * P, true), A + 4 * P);
	v1 = test_vma_at(A);
	v2 = test_vma_at(A + 4 * P);
	ASSERT_VMA(v1, A, A + 2 * P, A >> PAGE_SHIFT);
	ASSERT_VMA(v2, A + 4 * P, A + 6 * P, (A + 4 * P) >> PAGE_SHIFT);
}

static struct vm_area_struct *fv(unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(test_mm);
	vma = find_vma(test_mm, addr);
	mmap_read_unlock(test_mm);
	return vma;
}

static struct vm_area_struct *fvp(unsigned long addr,
				  struct vm_area_struct **prev)
{
	struct vm_area_struct *vma;

	*prev = (void *)1;	/* must be written, even to NULL */
	mmap_read_lock(test_mm);
	vma = find_vma_prev(test_mm, addr, prev);
	mmap_read_unlock(test_mm);
	return vma;
}

static struct vm_area_struct *fvi(unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	mmap_read_lock(test_mm);
	vma = find_vma_intersection(test_mm, start, end);
	mmap_read_unlock(test_mm);
	return vma;
}

/*
 * An address in the gap finds the next VMA (not NULL, not v1).  Catches
 * find_vma() degraded to vma_lookup() (NULL in gaps).
 */
VMA_TEST(find_vma_in_gap_returns_next)
{
	layout();
	ASSERT_EQ(fv(A + 3 * P), v2);
}

/*
 * vm_end is exclusive: find_vma(v1->vm_end) is v2, find_vma(vm_end - 1)
 * is still v1.  Catches an inclusive end (or a lookup from addr + 1).
 */
VMA_TEST(find_vma_at_vm_end_returns_next)
{
	layout();
	ASSERT_EQ(fv(A + 2 * P), v2);
	ASSERT_EQ(fv(A + 2 * P - 1), v1);
}

/*
 * Before the first VMA (even address 0): the first VMA.  Catches
 * find_vma() given vma_lookup() semantics (NULL unless a VMA contains
 * addr).
 */
VMA_TEST(find_vma_before_first_returns_first)
{
	layout();
	ASSERT_EQ(fv(0), v1);
}

/*
 * At or after the last VMA's end: NULL.  Catches a lookup that wraps or
 * returns the last VMA.
 */
VMA_TEST(find_vma_after_last_null)
{
	layout();
	ASSERT_NULL(fv(A + 6 * P));
	ASSERT_NULL(fv(ULONG_MAX));
}

/*
 * find_vma_prev() in the gap: the next VMA, and the one before it as prev.
 * Catches the "if (!vma) vma = vma_next()" step dropped (NULL) or prev
 * taken from the wrong side.
 */
VMA_TEST(find_vma_prev_in_gap)
{
	struct vm_area_struct *prev;

	layout();
	ASSERT_EQ(fvp(A + 3 * P, &prev), v2);
	ASSERT_EQ(prev, v1);
}

/*
 * Inside the first VMA: that VMA, and prev NULL (written, not left).
 * Catches prev left unwritten (stale pointer) when there is none.
 */
VMA_TEST(find_vma_prev_in_first_prev_null)
{
	struct vm_area_struct *prev;

	layout();
	ASSERT_EQ(fvp(A + P, &prev), v1);
	ASSERT_NULL(prev);
}

/*
 * Exactly at v2's start: v2, prev v1 (not v2 itself).  Catches prev
 * computed from the VMA found instead of the one before it.
 */
VMA_TEST(find_vma_prev_at_vm_start)
{
	struct vm_area_struct *prev;

	layout();
	ASSERT_EQ(fvp(A + 4 * P, &prev), v2);
	ASSERT_EQ(prev, v1);
}

/*
 * After the last: NULL, and prev is the last VMA.  Catches prev not set
 * when no VMA follows (callers then miss the last VMA).
 */
VMA_TEST(find_vma_prev_after_last)
{
	struct vm_area_struct *prev;

	layout();
	ASSERT_NULL(fvp(A + 7 * P, &prev));
	ASSERT_EQ(prev, v2);
}

/*
 * The interval [v1->vm_end, v2->vm_start) is exactly the gap: no VMA.
 * Catches end treated as inclusive (v2 found).
 */
VMA_TEST(find_vma_intersection_exact_gap_null)
{
	layout();
	ASSERT_NULL(fvi(A + 2 * P, A + 4 * P));
}

/*
 * One byte more at the end reaches v2; one byte less at the start, v1.
 * Catches the end made exclusive by one more byte (end_addr - 2) or the
 * start rounded up.
 */
VMA_TEST(find_vma_intersection_one_byte_edges)
{
	layout();
	ASSERT_EQ(fvi(A + 2 * P, A + 4 * P + 1), v2);
	ASSERT_EQ(fvi(A + 2 * P - 1, A + 3 * P), v1);
}

/*
 * A range covering both returns the first; one past the last, NULL.
 * Catches the last VMA found again past its end.
 */
VMA_TEST(find_vma_intersection_first_of_two_and_past_last)
{
	layout();
	ASSERT_EQ(fvi(0, ULONG_MAX), v1);
	ASSERT_NULL(fvi(A + 6 * P, A + 8 * P));
}

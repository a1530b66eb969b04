// SPDX-License-Identifier: GPL-2.0
/*
 * mremap()'s helpers of mm/vma.c: copy_vma() (the new VMA of a move,
 * merged with a neighbour at the destination when possible), and
 * find_mergeable_anon_vma() (anon_vma_prepare() reusing a neighbour's
 * anon_vma so that later mprotect()s can merge again).
 */
#include "fixture.h"
#include "../shims/rcu.h"
#include "../shims/slab.h"

#define B	(A + 64 * P)

/* copy_vma() as move_vma() calls it; 7.3 added the anon page offset. */
static struct vm_area_struct *copy(struct vm_area_struct **vmap,
				   unsigned long addr, bool *need_rmap_locks,
				   bool keep_source)
{
	struct vm_area_struct *vma = *vmap, *ret;
	unsigned long len = vma->vm_end - vma->vm_start;

	mmap_write_lock(test_mm);
#ifdef VMA_HAVE_vma_start_anon_pgoff
	ret = copy_vma(vmap, addr, len, vma_start_pgoff(vma),
		       vma_start_anon_pgoff(vma), need_rmap_locks, keep_source);
#else
	ret = copy_vma(vmap, addr, len, vma->vm_pgoff, need_rmap_locks,
		       keep_source);
#endif
	mmap_write_unlock(test_mm);
	return ret;
}

static unsigned long map_prot(unsigned long addr, unsigned long len,
			      unsigned long prot)
{
	return test_mmap(NULL, addr, len, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
}

/*
 * A faulted anonymous VMA moved to free space: a new VMA at the
 * destination keeping the page offset (its pages' index) and linked to
 * the same anon_vma; the source is untouched (move_vma() unmaps it
 * later).  Catches a copy with the destination's offset (the pages'
 * rmap index would no longer match) or without the anon_vma.
 */
VMA_TEST(copy_vma_faulted_to_free_space)
{
	struct vm_area_struct *vma, *new;
	bool need_rmap_locks = true;

	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	vma = test_vma_at(A);
	ASSERT_EQ(anon_vma_prepare(vma), 0);

	new = copy(&vma, B, &need_rmap_locks, false);
	ASSERT_NONNULL(new);
	ASSERT_NE(new, vma);
	ASSERT_VMA(new, B, B + 2 * P, PG(A));
	ASSERT_EQ(new->anon_vma, vma->anon_vma);
	ASSERT_EQ(new->vm_flags, vma->vm_flags);
	ASSERT_FALSE(need_rmap_locks);
	ASSERT_EQ(test_vma_at(B), new);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, PG(A));
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * An unfaulted anonymous VMA has no pages to keep an index for: the copy
 * takes the page offset of its new address, as a fresh mmap there would
 * (and so can merge with its new neighbours).  Catches the old offset
 * kept (the 7.3 sanity check WARNs on such an anonymous VMA).
 */
VMA_TEST(copy_vma_unfaulted_takes_new_offset)
{
	struct vm_area_struct *vma, *new;
	bool need_rmap_locks = true;

	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	vma = test_vma_at(A);

	new = copy(&vma, B, &need_rmap_locks, false);
	ASSERT_NONNULL(new);
	ASSERT_VMA(new, B, B + 2 * P, PG(B));
	ASSERT_NULL(new->anon_vma);
	ASSERT_FALSE(need_rmap_locks);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * Destination right after a compatible VMA: the copy merges into it
 * (vma_merge_copied_range()).  need_rmap_locks tells move_page_tables()
 * whether rmap walkers could see the new range before the old one: true
 * when the merged VMA's offset is at or below the source's.
 *
 *	[ d ][ copy ]   ...   [ src ]   (destination below: locks needed)
 *	[ src ] ...  [ d ][ copy ]      (destination above: none needed)
 *
 * Catches need_rmap_locks computed the wrong way round (a real race in
 * mremap) or the merge not taken.
 */
VMA_TEST(copy_vma_merges_at_destination_rmap_locks)
{
	struct vm_area_struct *vma, *d, *new;
	bool need_rmap_locks = false;

	/* destination below the source */
	ASSERT_EQ(test_map_anon(B, 2 * P, true), B);
	ASSERT_EQ(test_map_anon(A, P, true), A);
	vma = test_vma_at(B);
	d = test_vma_at(A);
	new = copy(&vma, A + P, &need_rmap_locks, false);
	ASSERT_EQ(new, d);
	ASSERT_VMA(d, A, A + 3 * P, PG(A));
	ASSERT_TRUE(need_rmap_locks);
	ASSERT_EQ(test_vma_count(), 2);

	/* destination above the source */
	ASSERT_EQ(test_munmap(A, 3 * P), 0);
	ASSERT_EQ(test_map_anon(B + 8 * P, P, true), B + 8 * P);
	d = test_vma_at(B + 8 * P);
	need_rmap_locks = true;
	new = copy(&vma, B + 9 * P, &need_rmap_locks, false);
	ASSERT_EQ(new, d);
	ASSERT_VMA(d, B + 8 * P, B + 11 * P, PG(B + 8 * P));
	ASSERT_FALSE(need_rmap_locks);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * Moving an unfaulted VMA to right after itself: without keep_source it
 * may merge with itself (move_vma() then unmaps the old part); with
 * keep_source (MREMAP_DONTUNMAP) source and copy must stay two VMAs.
 * Catches the self-merge not prevented for MREMAP_DONTUNMAP (the source
 * would vanish into the copy).
 */
VMA_TEST(copy_vma_keep_source_no_self_merge)
{
	struct vm_area_struct *vma, *new;
	bool need_rmap_locks;

	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	vma = test_vma_at(A);

	new = copy(&vma, A + 2 * P, &need_rmap_locks, true);
	ASSERT_NONNULL(new);
	ASSERT_NE(new, vma);
	ASSERT_VMA(vma, A, A + 2 * P, PG(A));
	ASSERT_VMA(new, A + 2 * P, A + 4 * P, PG(A + 2 * P));
	ASSERT_EQ(test_vma_count(), 2);

	ASSERT_EQ(test_munmap(A + 2 * P, 2 * P), 0);
	new = copy(&vma, A + 2 * P, &need_rmap_locks, false);
	ASSERT_EQ(new, vma);
	ASSERT_VMA(vma, A, A + 4 * P, PG(A));
	ASSERT_EQ(test_vma_count(), 1);
}

/* A file VMA: the copy holds its own file reference and is ->open()ed. */
static int opens;
static void drv_open(struct vm_area_struct *vma)
{
	opens++;
}

static const struct vm_operations_struct drv_ops = { .open = drv_open };

static int drv_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &drv_ops;
	return 0;
}

static const struct file_operations drv_fops = {
	.mmap_prepare = drv_mmap_prepare,
};

VMA_TEST(copy_vma_file_gets_reference_and_open)
{
	struct file *f = test_file_new(&drv_fops);
	struct vm_area_struct *vma, *new;
	bool need_rmap_locks;

	opens = 0;
	ASSERT_EQ(test_mmap(f, A, 2 * P, PROT_READ, MAP_SHARED | MAP_FIXED, 4),
		  A);
	vma = test_vma_at(A);
	new = copy(&vma, B, &need_rmap_locks, false);
	ASSERT_NONNULL(new);
	ASSERT_VMA(new, B, B + 2 * P, 4);
	ASSERT_EQ(new->vm_file, f);
	ASSERT_EQ(f->f_count, 3);
	ASSERT_EQ(opens, 1);
}

/*
 * Every allocation failed in turn: copy_vma() returns NULL and leaves no
 * VMA, anon_vma_chain or reference behind.  Catches an error path
 * leaking (the live object count) or linking a half-built VMA.
 */
VMA_TEST(copy_vma_every_allocation_failure_clean)
{
	struct file *f = test_file_new(&drv_fops);
	struct vm_area_struct *vma, *new = NULL;
	unsigned long n, live;
	bool need_rmap_locks;

	opens = 0;
	ASSERT_EQ(test_mmap(f, A, 2 * P, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_FIXED, 0), A);
	vma = test_vma_at(A);
	ASSERT_EQ(anon_vma_prepare(vma), 0);

	for (n = 1; n < 100 && !new; n++) {
		vma_rcu_barrier();
		live = slab_live_objects();
		test_fail_allocation(n);
		new = copy(&vma, B, &need_rmap_locks, false);
		test_fail_allocation(0);
		if (!new) {
			vma_rcu_barrier();
			EXPECT_EQ(slab_live_objects(), live);
			EXPECT_EQ(f->f_count, 2);
			ASSERT_EQ(test_vma_count(), 1);
		}
	}
	ASSERT_NONNULL(new);
	ASSERT_GT(n, 2);
	ASSERT_VMA(new, B, B + 2 * P, 0);
	ASSERT_EQ(f->f_count, 3);
	ASSERT_EQ(test_vma_count(), 2);
}

/* ---- find_mergeable_anon_vma() --------------------------------------- */

/*
 * [ R+X: X ][ R: none ]: flags differing only in access bits
 * (mprotect-able), adjacent, offsets contiguous: the new VMA may reuse
 * prev's anon_vma.  With a next that has one too, next is preferred.
 * Catches either neighbour not looked at.
 */
VMA_TEST(find_mergeable_anon_vma_prev_then_next)
{
	struct vm_area_struct *prev, *vma, *next;

	ASSERT_EQ(map_prot(A, P, PROT_READ | PROT_EXEC), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ), A + P);
	prev = test_vma_at(A);
	vma = test_vma_at(A + P);
	ASSERT_NE(prev, vma);
	ASSERT_EQ(anon_vma_prepare(prev), 0);

	mmap_read_lock(test_mm);
	ASSERT_EQ(find_mergeable_anon_vma(vma), prev->anon_vma);
	mmap_read_unlock(test_mm);

	ASSERT_EQ(map_prot(A + 2 * P, P, PROT_READ | PROT_EXEC), A + 2 * P);
	next = test_vma_at(A + 2 * P);
	ASSERT_NE(next, prev);
	ASSERT_EQ(anon_vma_prepare(next), 0);
	mmap_read_lock(test_mm);
	ASSERT_EQ(find_mergeable_anon_vma(vma), next->anon_vma);
	mmap_read_unlock(test_mm);
}

/*
 * No reuse: a flag other than the access bits differs (VM_ACCOUNT: a
 * private writable neighbour), or the neighbour is not adjacent.
 * Catches anon_vma_compatible() ignoring more than mprotect can change.
 */
VMA_TEST(find_mergeable_anon_vma_incompatible_null)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(map_prot(A, P, PROT_READ | PROT_WRITE), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ), A + P);
	ASSERT_EQ(map_prot(A + 3 * P, P, PROT_READ | PROT_EXEC), A + 3 * P);
	ASSERT_EQ(anon_vma_prepare(test_vma_at(A)), 0);
	ASSERT_EQ(anon_vma_prepare(test_vma_at(A + 3 * P)), 0);
	vma = test_vma_at(A + P);

	mmap_read_lock(test_mm);
	ASSERT_NULL(find_mergeable_anon_vma(vma));
	mmap_read_unlock(test_mm);
}

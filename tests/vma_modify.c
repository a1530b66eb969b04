// SPDX-License-Identifier: GPL-2.0
/*
 * vma_modify_flags() and its siblings (mm/vma.c), as mprotect(), madvise(),
 * mlock(), mbind() and userfaultfd drive them: the range [start, end) of a
 * VMA is about to change its attributes, so it is merged with a neighbour
 * that already has them (vma_merge_existing_range()) or split out.
 *
 * modify() below does what mprotect_fixup() does: vma_modify_flags() with
 * the iterator positioned at the VMA and prev as mprotect_pkey() computes
 * it (the VMA itself when start lies inside it), then the flags applied to
 * the VMA it returned.
 *
 * Neighbours are mapped PROT_READ and the VMA to change PROT_READ|WRITE
 * (private writable anonymous memory is VM_ACCOUNT, read-only is not), so
 * "change to R" means "take exactly the neighbour's flags".
 */
#include "fixture.h"
#include "../shims/slab.h"


static unsigned long map_prot(unsigned long addr, unsigned long len,
			      unsigned long prot)
{
	return test_mmap(NULL, addr, len, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
}

/* The flags a PROT_READ private anonymous mapping gets. */
static vm_flags_t ro_flags(void)
{
	return VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
}

/* The mm's write lock is held. */
static struct vm_area_struct *modify_locked(unsigned long start,
					    unsigned long end,
					    vm_flags_t newflags,
					    vm_flags_t *result)
{
	struct vm_area_struct *vma, *prev, *ret;
	vma_flags_t flags = legacy_to_vma_flags(newflags);
	VMA_ITERATOR(vmi, test_mm, start);

	vma = vma_find(&vmi, end);
	if (!vma)
		return NULL;
	prev = vma_prev(&vmi);
	if (start > vma->vm_start)
		prev = vma;
	vma_iter_set(&vmi, start);
	vma_iter_load(&vmi);

	ret = vma_modify_flags(&vmi, prev, vma, start, end, &flags);
	if (!IS_ERR(ret)) {
		vma_start_write(ret);
		vm_flags_reset(ret, vma_flags_to_legacy(flags));
	}
	if (result)
		*result = vma_flags_to_legacy(flags);
	return ret;
}

static struct vm_area_struct *modify(unsigned long start, unsigned long end,
				     vm_flags_t newflags)
{
	struct vm_area_struct *ret;

	mmap_write_lock(test_mm);
	ret = modify_locked(start, end, newflags, NULL);
	mmap_write_unlock(test_mm);
	return ret;
}

static void set_flag(unsigned long addr, vm_flags_t flag)
{
	struct vm_area_struct *vma = test_vma_at(addr);

	mmap_write_lock(test_mm);
	vm_flags_set(vma, flag);
	mmap_write_unlock(test_mm);
}

/*
 *	[ R ][ RW ][ R ]  mprotect(middle, R)  ->  [ R   R   R ]
 *
 * Catches: merge_both not taken (prev and next each merged alone, or
 * next left behind), next not removed from the tree, pgoff not prev's.
 */
VMA_TEST(modify_whole_middle_merges_both)
{
	struct vm_area_struct *prev, *ret;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	ASSERT_EQ(map_prot(A + 2 * P, P, PROT_READ), A + 2 * P);
	ASSERT_EQ(test_vma_count(), 3);
	prev = test_vma_at(A);

	ret = modify(A + P, A + 2 * P, ro_flags());
	ASSERT_EQ(ret, prev);		/* prev is the survivor */
	ASSERT_VMA(ret, A, A + 3 * P, PG(A));
	ASSERT_EQ(ret->vm_flags, ro_flags());
	ASSERT_EQ(test_vma_at(A + 2 * P), prev);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 *	[ R ][ RW ]  mprotect(RW part, R)  ->  [ R   R ]
 * Catches: a merge with prev that does not delete the middle VMA.
 */
VMA_TEST(modify_whole_middle_merges_prev)
{
	struct vm_area_struct *prev, *ret;

	ASSERT_EQ(map_prot(A, 2 * P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + 2 * P, 3 * P, PROT_READ | PROT_WRITE), A + 2 * P);
	prev = test_vma_at(A);

	ret = modify(A + 2 * P, A + 5 * P, ro_flags());
	ASSERT_EQ(ret, prev);
	ASSERT_VMA(ret, A, A + 5 * P, PG(A));
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 *	[ RW ][ R ]  mprotect(RW part, R)  ->  [ R   R ]
 * next survives and moves its start (and page offset) down.  Catches a
 * merge_right that keeps next's old pgoff (pgoff = next's - pglen).
 */
VMA_TEST(modify_whole_middle_merges_next)
{
	struct vm_area_struct *next, *ret;

	ASSERT_EQ(map_prot(A, 2 * P, PROT_READ | PROT_WRITE), A);
	ASSERT_EQ(map_prot(A + 2 * P, 3 * P, PROT_READ), A + 2 * P);
	next = test_vma_at(A + 2 * P);

	ret = modify(A, A + 2 * P, ro_flags());
	ASSERT_EQ(ret, next);
	ASSERT_VMA(ret, A, A + 5 * P, PG(A));
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 *	[ R ][ RW RW RW ]  mprotect(first RW page, R)
 *	  -> [ R   R ][ RW RW ]
 * prev grows, middle keeps its object but starts one page later with its
 * page offset advanced (__adjust_middle_start).  Catches a middle whose
 * vm_pgoff is not advanced with its start.
 */
VMA_TEST(modify_head_merges_prev_middle_shrinks)
{
	struct vm_area_struct *prev, *middle, *ret;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, 3 * P, PROT_READ | PROT_WRITE), A + P);
	prev = test_vma_at(A);
	middle = test_vma_at(A + P);

	ret = modify(A + P, A + 2 * P, ro_flags());
	ASSERT_EQ(ret, prev);
	ASSERT_VMA(prev, A, A + 2 * P, PG(A));
	ASSERT_EQ(test_vma_at(A + 2 * P), middle);
	ASSERT_VMA(middle, A + 2 * P, A + 4 * P, PG(A + 2 * P));
	ASSERT_TRUE(middle->vm_flags & VM_WRITE);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 *	[ RW RW RW ][ R ]  mprotect(last RW page, R)
 *	  -> [ RW RW ][ R   R ]
 * next grows downwards (__adjust_next_start): its start and page offset
 * move back one page.  Catches next keeping its pgoff, or middle not
 * shrunk.
 */
VMA_TEST(modify_tail_merges_next_next_grows_down)
{
	struct vm_area_struct *middle, *next, *ret;

	ASSERT_EQ(map_prot(A, 3 * P, PROT_READ | PROT_WRITE), A);
	ASSERT_EQ(map_prot(A + 3 * P, P, PROT_READ), A + 3 * P);
	middle = test_vma_at(A);
	next = test_vma_at(A + 3 * P);

	ret = modify(A + 2 * P, A + 3 * P, ro_flags());
	ASSERT_EQ(ret, next);
	ASSERT_VMA(next, A + 2 * P, A + 4 * P, PG(A + 2 * P));
	ASSERT_VMA(middle, A, A + 2 * P, PG(A));
	ASSERT_EQ(test_vma_at(A + P), middle);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 *	[ RW RW RW RW ]  mprotect(two inner pages, R)
 *	  -> [ RW ][ R  R ][ RW ]
 * No neighbour can take the range: split at both ends; the VMA returned is
 * exactly the range.  Catches a missing split (flags applied to the whole
 * VMA) and wrong page offsets of the pieces.
 */
VMA_TEST(modify_inner_range_splits_three)
{
	struct vm_area_struct *ret;

	ASSERT_EQ(map_prot(A, 4 * P, PROT_READ | PROT_WRITE), A);

	ret = modify(A + P, A + 3 * P, ro_flags());
	ASSERT_NOT_ERR_VALUE((unsigned long)ret);
	ASSERT_VMA(ret, A + P, A + 3 * P, PG(A + P));
	ASSERT_EQ(ret->vm_flags, ro_flags());
	ASSERT_VMA(test_vma_at(A), A, A + P, PG(A));
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_WRITE);
	ASSERT_VMA(test_vma_at(A + 3 * P), A + 3 * P, A + 4 * P, PG(A + 3 * P));
	ASSERT_TRUE(test_vma_at(A + 3 * P)->vm_flags & VM_WRITE);
	ASSERT_EQ(test_vma_count(), 3);
}

/*
 * The same, but the split fails: map_count is at the limit.  The error is
 * returned as ERR_PTR(-ENOMEM) and the VMA is unchanged.
 */
VMA_TEST(modify_split_refused_at_map_count_limit)
{
	struct vm_area_struct *ret;

	ASSERT_EQ(map_prot(A, 4 * P, PROT_READ | PROT_WRITE), A);
	sysctl_max_map_count = 1;

	ret = modify(A + P, A + 3 * P, ro_flags());
	ASSERT_EQ(PTR_ERR(ret), -ENOMEM);
	ASSERT_VMA(test_vma_at(A), A, A + 4 * P, PG(A));
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_WRITE);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * prev has no anon_vma, the middle VMA has one: the merged VMA must take
 * the middle's anon_vma (dup_anon_vma()), or the middle's pages would be
 * orphaned from rmap.  Catches a dup_anon_vma() from the wrong side.
 */
VMA_TEST(modify_merge_prev_adopts_middle_anon_vma)
{
	struct vm_area_struct *middle, *ret;
	struct anon_vma *av;
	unsigned long clones;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	middle = test_vma_at(A + P);
	ASSERT_EQ(anon_vma_prepare(middle), 0);
	av = middle->anon_vma;
	ASSERT_NULL(test_vma_at(A)->anon_vma);
	clones = vma_shim_counts.anon_vma_clone;

	ret = modify(A + P, A + 2 * P, ro_flags());
	ASSERT_VMA(ret, A, A + 2 * P, PG(A));
	ASSERT_EQ(ret->anon_vma, av);
	ASSERT_EQ(vma_shim_counts.anon_vma_clone, clones + 1);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * The clone of that anon_vma fails (out of memory): nothing changes and
 * the caller gets -ENOMEM, not a half-merged VMA (vmg_nomem() in
 * vma_modify()).  Catches the abort path leaving prev expanded or with a
 * stale anon_vma pointer.
 */
VMA_TEST(modify_merge_anon_vma_clone_enomem)
{
	struct vm_area_struct *prev, *middle, *ret;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	prev = test_vma_at(A);
	middle = test_vma_at(A + P);
	ASSERT_EQ(anon_vma_prepare(middle), 0);

	mmap_write_lock(test_mm);
	/* the first allocation is the clone's anon_vma_chain */
	test_fail_allocation(1);
	ret = modify_locked(A + P, A + 2 * P, ro_flags(), NULL);
	test_fail_allocation(0);
	mmap_write_unlock(test_mm);

	ASSERT_EQ(PTR_ERR(ret), -ENOMEM);
	ASSERT_VMA(prev, A, A + P, PG(A));
	ASSERT_NULL(prev->anon_vma);
	ASSERT_VMA(middle, A + P, A + 2 * P, PG(A + P));
	ASSERT_TRUE(middle->vm_flags & VM_WRITE);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * prev and the middle VMA have different anon_vmas: they can never merge,
 * whatever the flags (is_mergeable_anon_vma() case 3).  Catches a merge
 * that would give one VMA two anon_vmas.
 */
VMA_TEST(modify_merge_refused_different_anon_vmas)
{
	struct vm_area_struct *prev, *middle, *ret;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	prev = test_vma_at(A);
	middle = test_vma_at(A + P);
	ASSERT_EQ(anon_vma_prepare(prev), 0);
	ASSERT_EQ(anon_vma_prepare(middle), 0);

	ret = modify(A + P, A + 2 * P, ro_flags());
	ASSERT_EQ(ret, middle);
	ASSERT_VMA(prev, A, A + P, PG(A));
	ASSERT_VMA(middle, A + P, A + 2 * P, PG(A + P));
	ASSERT_EQ(middle->vm_flags, ro_flags());
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 *	[ R:X ][ RW ][ R:Y ]  (X, Y distinct anon_vmas)  mprotect(middle, R)
 *	  -> [ R:X   R:X ][ R:Y ]
 * Both neighbours accept the range but not each other: only prev merges
 * (can_vma_merge_right()'s prev/next check).  Catches a three-way merge
 * that would drop Y.
 */
VMA_TEST(modify_merge_both_refused_prev_next_anon_vmas_differ)
{
	struct vm_area_struct *prev, *next, *ret;
	struct anon_vma *y;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	ASSERT_EQ(map_prot(A + 2 * P, P, PROT_READ), A + 2 * P);
	prev = test_vma_at(A);
	next = test_vma_at(A + 2 * P);
	ASSERT_EQ(anon_vma_prepare(prev), 0);
	ASSERT_EQ(anon_vma_prepare(next), 0);
	y = next->anon_vma;

	ret = modify(A + P, A + 2 * P, ro_flags());
	ASSERT_EQ(ret, prev);
	ASSERT_VMA(prev, A, A + 2 * P, PG(A));
	ASSERT_EQ(test_vma_at(A + 2 * P), next);
	ASSERT_VMA(next, A + 2 * P, A + 3 * P, PG(A + 2 * P));
	ASSERT_EQ(next->anon_vma, y);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * The requested flags include a special flag (VM_DONTEXPAND here, as a
 * driver's mapping has): never merged, even with an identical neighbour.
 * Catches the VMA_SPECIAL_FLAGS check dropped from
 * vma_merge_existing_range().
 */
VMA_TEST(modify_special_flags_never_merge)
{
	struct vm_area_struct *middle, *ret;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	set_flag(A, VM_DONTEXPAND);
	middle = test_vma_at(A + P);

	ret = modify(A + P, A + 2 * P, ro_flags() | VM_DONTEXPAND);
	ASSERT_EQ(ret, middle);
	ASSERT_VMA(middle, A + P, A + 2 * P, PG(A + P));
	ASSERT_EQ(middle->vm_flags, ro_flags() | VM_DONTEXPAND);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * A sticky flag (VM_MAYBE_GUARD: guard regions may be installed) does not
 * prevent a merge, and survives it: the merged VMA keeps prev's
 * VM_MAYBE_GUARD and vma_modify_flags() reports it back to the caller,
 * which would otherwise overwrite it with the flags it asked for.
 * Catches sticky flags not propagated through *vma_flags_ptr.
 */
VMA_TEST(modify_sticky_flag_kept_and_reported)
{
	struct vm_area_struct *prev, *ret;
	vm_flags_t result;

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	set_flag(A, VM_MAYBE_GUARD);
	prev = test_vma_at(A);

	mmap_write_lock(test_mm);
	ret = modify_locked(A + P, A + 2 * P, ro_flags(), &result);
	mmap_write_unlock(test_mm);

	ASSERT_EQ(ret, prev);
	ASSERT_VMA(ret, A, A + 2 * P, PG(A));
	ASSERT_EQ(result, ro_flags() | VM_MAYBE_GUARD);
	ASSERT_EQ(ret->vm_flags, ro_flags() | VM_MAYBE_GUARD);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * File-backed VMAs whose driver has a ->close() hook.  A VMA with ->close
 * may be grown or shrunk by a merge but never deleted by one
 * (can_merge_remove_vma()).  The driver gives ->close to the mappings at
 * the page offsets it is told to (is_mergeable_vma() does not compare
 * vm_ops, so mappings of the same file can differ there).
 */
static struct {
	unsigned long close_pgoff_mask;	/* bit n: pgoff n gets ->close */
	int closes;
} cdrv;

static void cdrv_close(struct vm_area_struct *vma)
{
	cdrv.closes++;
}

static const struct vm_operations_struct cdrv_close_ops = {
	.close = cdrv_close,
};
static const struct vm_operations_struct cdrv_plain_ops;

static int cdrv_mmap_prepare(struct vm_area_desc *desc)
{
	if (cdrv.close_pgoff_mask & (1UL << desc->pgoff))
		desc->vm_ops = &cdrv_close_ops;
	else
		desc->vm_ops = &cdrv_plain_ops;
	return 0;
}

static const struct file_operations cdrv_fops = {
	.mmap_prepare = cdrv_mmap_prepare,
};

static unsigned long map_cdrv(struct file *f, unsigned long addr,
			      unsigned long prot, unsigned long pgoff)
{
	return test_mmap(f, addr, P, prot, MAP_SHARED | MAP_FIXED, pgoff);
}

/*
 *	[ R ][ RW:close ][ R ]  mprotect(middle, R): the middle VMA would be
 * deleted by any merge, and it has ->close: no merge at all, flags change
 * in place, nothing closed.  Catches the can_merge_remove_vma() check on
 * middle dropped.
 */
VMA_TEST(modify_close_hook_middle_not_removed)
{
	struct file *f = test_file_new(&cdrv_fops);
	struct vm_area_struct *middle, *ret;
	vm_flags_t ro;

	memset(&cdrv, 0, sizeof(cdrv));
	cdrv.close_pgoff_mask = 1UL << 1;
	ASSERT_EQ(map_cdrv(f, A, PROT_READ, 0), A);
	ASSERT_EQ(map_cdrv(f, A + P, PROT_READ | PROT_WRITE, 1), A + P);
	ASSERT_EQ(map_cdrv(f, A + 2 * P, PROT_READ, 2), A + 2 * P);
	ASSERT_EQ(test_vma_count(), 3);
	middle = test_vma_at(A + P);
	ro = test_vma_at(A)->vm_flags;

	ret = modify(A + P, A + 2 * P, ro);
	ASSERT_EQ(ret, middle);
	ASSERT_VMA(middle, A + P, A + 2 * P, 1);
	ASSERT_EQ(middle->vm_flags, ro);
	ASSERT_EQ(cdrv.closes, 0);
	ASSERT_EQ(test_vma_count(), 3);
}

/*
 *	[ R:close ][ RW ][ R:close ]  mprotect(middle, R)
 *	  -> [ R:close   R ][ R:close ]
 * A three-way merge would delete next, which has ->close: the merge is
 * reduced to prev + middle, next stays (its ->close is not called).
 * Catches the can_merge_remove_vma(next) fallback dropped (next deleted)
 * or turned into "no merge".
 */
VMA_TEST(modify_close_hook_next_kept_prev_merges)
{
	struct file *f = test_file_new(&cdrv_fops);
	struct vm_area_struct *prev, *next, *ret;
	vm_flags_t ro;

	memset(&cdrv, 0, sizeof(cdrv));
	cdrv.close_pgoff_mask = (1UL << 0) | (1UL << 2);
	ASSERT_EQ(map_cdrv(f, A, PROT_READ, 0), A);
	ASSERT_EQ(map_cdrv(f, A + P, PROT_READ | PROT_WRITE, 1), A + P);
	ASSERT_EQ(map_cdrv(f, A + 2 * P, PROT_READ, 2), A + 2 * P);
	prev = test_vma_at(A);
	next = test_vma_at(A + 2 * P);
	ro = prev->vm_flags;

	ret = modify(A + P, A + 2 * P, ro);
	ASSERT_EQ(ret, prev);
	ASSERT_VMA(prev, A, A + 2 * P, 0);
	ASSERT_EQ(test_vma_at(A + 2 * P), next);
	ASSERT_VMA(next, A + 2 * P, A + 3 * P, 2);
	ASSERT_EQ(cdrv.closes, 0);
	ASSERT_EQ(test_vma_count(), 2);
	/* the file is referenced once per VMA */
	ASSERT_EQ(f->f_count, 3);
}

/*
 * vma_modify_policy() (mbind()) and vma_modify_flags_uffd()
 * (userfaultfd register) go through the same vma_modify(): without NUMA
 * and userfaultfd every policy and context compare equal, so an inner
 * range is split out exactly, and a whole VMA next to an identical one
 * merges.  Catches either entry point not forwarding [start, end).
 */
VMA_TEST(modify_policy_inner_range_split_out)
{
	struct vm_area_struct *vma, *ret;
	VMA_ITERATOR(vmi, test_mm, A + P);

	ASSERT_EQ(map_prot(A, 4 * P, PROT_READ | PROT_WRITE), A);
	vma = test_vma_at(A);

	mmap_write_lock(test_mm);
	vma_iter_load(&vmi);
	ret = vma_modify_policy(&vmi, vma, vma, A + P, A + 2 * P, NULL);
	mmap_write_unlock(test_mm);

	ASSERT_NOT_ERR_VALUE((unsigned long)ret);
	ASSERT_VMA(ret, A + P, A + 2 * P, PG(A + P));
	ASSERT_VMA(test_vma_at(A), A, A + P, PG(A));
	ASSERT_VMA(test_vma_at(A + 2 * P), A + 2 * P, A + 4 * P, PG(A + 2 * P));
	ASSERT_EQ(test_vma_count(), 3);
}

VMA_TEST(modify_uffd_whole_vma_merges_prev)
{
	struct vm_area_struct *prev, *vma, *ret;
	struct vm_userfaultfd_ctx ctx = {};
	vma_flags_t flags;
	VMA_ITERATOR(vmi, test_mm, A + P);

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + P, P, PROT_READ | PROT_WRITE), A + P);
	prev = test_vma_at(A);
	vma = test_vma_at(A + P);
	flags = prev->flags;

	mmap_write_lock(test_mm);
	vma_iter_load(&vmi);
	ret = vma_modify_flags_uffd(&vmi, prev, vma, A + P, A + 2 * P,
				    &flags, ctx, true);
	mmap_write_unlock(test_mm);

	ASSERT_EQ(ret, prev);
	ASSERT_VMA(prev, A, A + 2 * P, PG(A));
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * mremap() growing a VMA in place: vma_merge_extend() extends it over the
 * free space after it, and swallows an identical next VMA that the growth
 * reaches.  Catches a merge_extend that does not look at next.
 *
 *	[ v ]   [ n ]  extend v by 1 page  ->  [ v   v   n ]
 */
VMA_TEST(modify_merge_extend_reaches_next)
{
	struct vm_area_struct *vma, *ret;
	VMA_ITERATOR(vmi, test_mm, A);

	ASSERT_EQ(map_prot(A, P, PROT_READ), A);
	ASSERT_EQ(map_prot(A + 2 * P, P, PROT_READ), A + 2 * P);
	vma = test_vma_at(A);

	mmap_write_lock(test_mm);
	vma_iter_load(&vmi);
	ret = vma_merge_extend(&vmi, vma, P);
	mmap_write_unlock(test_mm);

	ASSERT_EQ(ret, vma);
	ASSERT_VMA(vma, A, A + 3 * P, PG(A));
	ASSERT_EQ(test_vma_count(), 1);
}

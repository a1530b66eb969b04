// SPDX-License-Identifier: GPL-2.0
/*
 * mm_take_all_locks() / mm_drop_all_locks() (mm/vma.c), which mmu
 * notifier registration uses to exclude every rmap walker of an mm: each
 * file mapping's i_mmap_rwsem and each anon_vma's root rwsem taken once
 * (however many VMAs share it), marked so, and all released again.  And
 * vma_needs_dirty_tracking() / vma_wants_writenotify().
 */
#include "fixture.h"


/* The marks mm_take_all_locks() leaves on what it locked. */
static bool anon_vma_marked(struct anon_vma *av)
{
	return (unsigned long)av->root->rb_root.rb_root.rb_node & 1;
}

static bool mapping_marked(struct address_space *mapping)
{
	return test_bit(AS_MM_ALL_LOCKS, &mapping->flags);
}

/*
 *	[ file f ][ anon X ][ file f ][ anon X ]  ... [ file g ]
 * f's i_mmap_rwsem and X's rwsem are taken once each although two VMAs
 * use each (taking one twice would deadlock: a BUG in the harness), g's
 * too; all marked; all released and unmarked by mm_drop_all_locks().
 * Catches a lock taken per VMA instead of per object, or one left held.
 */
VMA_TEST(mm_all_locks_take_each_once_and_drop)
{
	struct file *f = test_file_new(&test_plain_fops);
	struct file *g = test_file_new(&test_plain_fops);
	struct vm_area_struct *a1, *a2;
	struct anon_vma *x;

	ASSERT_EQ(test_mmap(f, A, P, PROT_READ, MAP_SHARED | MAP_FIXED, 0), A);
	ASSERT_EQ(test_map_anon(A + P, P, true), A + P);
	ASSERT_EQ(test_mmap(f, A + 2 * P, P, PROT_READ,
			    MAP_SHARED | MAP_FIXED, 5), A + 2 * P);
	ASSERT_EQ(test_map_anon(A + 3 * P, P, true), A + 3 * P);
	ASSERT_EQ(test_mmap(g, A + 8 * P, P, PROT_READ,
			    MAP_SHARED | MAP_FIXED, 0), A + 8 * P);
	a1 = test_vma_at(A + P);
	a2 = test_vma_at(A + 3 * P);
	ASSERT_EQ(anon_vma_prepare(a1), 0);
	/* the second anon VMA shares the first one's anon_vma */
	mmap_write_lock(test_mm);
	ASSERT_EQ(anon_vma_clone(a2, a1, VMA_OP_FORK), 0);
	mmap_write_unlock(test_mm);
	x = a1->anon_vma;
	ASSERT_EQ(a2->anon_vma, x);
	ASSERT_EQ(test_vma_count(), 5);

	mmap_write_lock(test_mm);
	ASSERT_EQ(mm_take_all_locks(test_mm), 0);
	EXPECT_TRUE(f->f_mapping->i_mmap_rwsem.writer);
	EXPECT_TRUE(g->f_mapping->i_mmap_rwsem.writer);
	EXPECT_TRUE(x->root->rwsem.writer);
	EXPECT_TRUE(mapping_marked(f->f_mapping));
	EXPECT_TRUE(mapping_marked(g->f_mapping));
	EXPECT_TRUE(anon_vma_marked(x));
	mm_drop_all_locks(test_mm);
	mmap_write_unlock(test_mm);

	ASSERT_FALSE(rwsem_is_locked(&f->f_mapping->i_mmap_rwsem));
	ASSERT_FALSE(rwsem_is_locked(&g->f_mapping->i_mmap_rwsem));
	ASSERT_FALSE(rwsem_is_locked(&x->root->rwsem));
	ASSERT_FALSE(mapping_marked(f->f_mapping));
	ASSERT_FALSE(mapping_marked(g->f_mapping));
	ASSERT_FALSE(anon_vma_marked(x));
}

/*
 * A pending signal interrupts it: -EINTR, with nothing left locked or
 * marked.  Catches the out_unlock path returning with locks held.
 */
VMA_TEST(mm_all_locks_signal_eintr_nothing_held)
{
	struct file *f = test_file_new(&test_plain_fops);

	ASSERT_EQ(test_mmap(f, A, P, PROT_READ, MAP_SHARED | MAP_FIXED, 0), A);
	ASSERT_EQ(test_map_anon(A + 2 * P, P, true), A + 2 * P);
	ASSERT_EQ(anon_vma_prepare(test_vma_at(A + 2 * P)), 0);

	mmap_write_lock(test_mm);
	current->fatal_signal = true;
	ASSERT_EQ(mm_take_all_locks(test_mm), -EINTR);
	current->fatal_signal = false;
	mmap_write_unlock(test_mm);

	ASSERT_FALSE(rwsem_is_locked(&f->f_mapping->i_mmap_rwsem));
	ASSERT_FALSE(mapping_marked(f->f_mapping));
	ASSERT_FALSE(rwsem_is_locked(
		&test_vma_at(A + 2 * P)->anon_vma->root->rwsem));
	/* and it can be taken again afterwards (the mutex was released) */
	mmap_write_lock(test_mm);
	ASSERT_EQ(mm_take_all_locks(test_mm), 0);
	mm_drop_all_locks(test_mm);
	mmap_write_unlock(test_mm);
}

/* ---- dirty tracking -------------------------------------------------- */

static vm_fault_t drv_mkwrite(struct vm_fault *vmf)
{
	return 0;
}

static const struct vm_operations_struct mkwrite_ops = {
	.page_mkwrite = drv_mkwrite,
};

static int mkwrite_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &mkwrite_ops;
	return 0;
}

static const struct file_operations mkwrite_fops = {
	.mmap_prepare = mkwrite_mmap_prepare,
};

/*
 * Only shared writable mappings need dirty tracking: when the driver has
 * ->page_mkwrite, or when the file's mapping can write back.  Private or
 * read-only mappings never do.  Catches a private writable mapping
 * write-protected for nothing (or a shared one not tracked: data loss on
 * writeback).
 */
VMA_TEST(dirty_tracking_shared_writable_only)
{
	struct file *plain = test_file_new(&test_plain_fops);
	struct file *mk = test_file_new(&mkwrite_fops);
	struct vm_area_struct *vma;

	/* shared writable, no mkwrite, no writeback: no */
	ASSERT_EQ(test_mmap(plain, A, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 0), A);
	vma = test_vma_at(A);
	ASSERT_FALSE(vma_needs_dirty_tracking(vma));
	ASSERT_FALSE(vma_wants_writenotify(vma, vma->vm_page_prot));

	/* the same once the mapping can write back: yes */
	plain->f_mapping->flags |= 1UL << VMA_AS_CAN_WRITEBACK;
	ASSERT_TRUE(vma_needs_dirty_tracking(vma));
	ASSERT_TRUE(vma_wants_writenotify(vma, vma->vm_page_prot));

	/* read-only shared of that file: no */
	ASSERT_EQ(test_mmap(plain, A + 2 * P, P, PROT_READ,
			    MAP_SHARED | MAP_FIXED, 0), A + 2 * P);
	vma = test_vma_at(A + 2 * P);
	ASSERT_FALSE(vma_needs_dirty_tracking(vma));
	ASSERT_FALSE(vma_wants_writenotify(vma, vma->vm_page_prot));

	/* private writable of that file: no */
	ASSERT_EQ(test_mmap(plain, A + 4 * P, P, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_FIXED, 0), A + 4 * P);
	vma = test_vma_at(A + 4 * P);
	ASSERT_FALSE(vma_needs_dirty_tracking(vma));
	ASSERT_FALSE(vma_wants_writenotify(vma, vma->vm_page_prot));
	plain->f_mapping->flags &= ~(1UL << VMA_AS_CAN_WRITEBACK);

	/* shared writable with ->page_mkwrite: yes, whatever the mapping */
	ASSERT_EQ(test_mmap(mk, A + 6 * P, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 0), A + 6 * P);
	vma = test_vma_at(A + 6 * P);
	ASSERT_TRUE(vma_needs_dirty_tracking(vma));
	ASSERT_TRUE(vma_wants_writenotify(vma, vma->vm_page_prot));

	/* a VM_PFNMAP mapping has no pages to write back */
	plain->f_mapping->flags |= 1UL << VMA_AS_CAN_WRITEBACK;
	ASSERT_EQ(test_mmap(plain, A + 8 * P, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 0), A + 8 * P);
	vma = test_vma_at(A + 8 * P);
	mmap_write_lock(test_mm);
	vm_flags_set(vma, VM_PFNMAP);
	mmap_write_unlock(test_mm);
	ASSERT_FALSE(vma_needs_dirty_tracking(vma));
	plain->f_mapping->flags &= ~(1UL << VMA_AS_CAN_WRITEBACK);
}

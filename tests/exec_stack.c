// SPDX-License-Identifier: GPL-2.0
/*
 * exec's stack set-up in mm/vma_exec.c: create_init_stack_vma() puts a
 * one-page stack VMA at the top of the architecture's address space
 * (through insert_vm_struct()); setup_arg_pages() later moves it down
 * with relocate_vma_down().
 */
#include "fixture.h"
#include "snapshot.h"
#include "../shims/slab.h"

#define TOP	STACK_TOP_MAX

/*
 * The stack VMA: one page ending at STACK_TOP_MAX, VM_STACK_FLAGS plus
 * the "setup incomplete" bits, anonymous, counted as one stack page;
 * top_mem is the last word of it.  Catches the VMA placed anywhere else,
 * the accounting skipped or top_mem off by a word.
 */
VMA_TEST(exec_init_stack_vma_at_top)
{
	struct vm_area_struct *vma = NULL;
	unsigned long top_mem = 0;

	ASSERT_EQ(create_init_stack_vma(test_mm, &vma, &top_mem), 0);
	ASSERT_NONNULL(vma);
	ASSERT_VMA(vma, TOP - P, TOP, PG(TOP - P));
	ASSERT_EQ(test_vma_at(TOP - 1), vma);
	ASSERT_EQ(vma->vm_flags, VM_STACK_FLAGS | VM_STACK_INCOMPLETE_SETUP);
	ASSERT_TRUE(vma_is_anonymous(vma));
	ASSERT_EQ(top_mem, TOP - sizeof(void *));
	ASSERT_EQ(test_mm->stack_vm, 1);
	ASSERT_EQ(test_mm->total_vm, 1);
	ASSERT_FALSE(rwsem_is_locked(&test_mm->mmap_lock));
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * Something is already mapped there: -ENOMEM, *vmap NULL, the new VMA
 * freed (the fixture's leak check) and the lock released.
 */
VMA_TEST(exec_init_stack_vma_occupied_enomem)
{
	struct vm_area_struct *vma = (void *)1;
	unsigned long top_mem = 0;

	ASSERT_EQ(test_mmap(NULL, TOP - 2 * P, 2 * P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0),
		  TOP - 2 * P);
	ASSERT_EQ(create_init_stack_vma(test_mm, &vma, &top_mem), -ENOMEM);
	ASSERT_NULL(vma);
	ASSERT_EQ(top_mem, 0);
	ASSERT_FALSE(rwsem_is_locked(&test_mm->mmap_lock));
	ASSERT_VMA(test_vma_at(TOP - P), TOP - 2 * P, TOP, PG(TOP - 2 * P));
	ASSERT_EQ(test_vma_count(), 1);
}

/* The VMA cannot be allocated: -ENOMEM, nothing mapped, not locked. */
VMA_TEST(exec_init_stack_vma_alloc_failure)
{
	struct vm_area_struct *vma = NULL;
	unsigned long top_mem = 0;
	int ret;

	test_fail_allocation(1);
	ret = create_init_stack_vma(test_mm, &vma, &top_mem);
	test_fail_allocation(0);
	ASSERT_EQ(ret, -ENOMEM);
	ASSERT_NULL(vma);
	ASSERT_FALSE(rwsem_is_locked(&test_mm->mmap_lock));
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * Each allocation of create_init_stack_vma() fails in turn: -ENOMEM,
 * nothing mapped, not locked, and the commit charge (the stack is
 * VM_ACCOUNT, charged by insert_vm_struct()) given back: the address
 * space, its counters and the charge are as before (a snapshot).  Catches
 * insert_vm_struct() keeping the charge of a VMA it could not link.
 */
VMA_TEST(exec_init_stack_vma_every_failure_unaccounted)
{
	struct vm_area_struct *vma = NULL;
	unsigned long top_mem = 0, n;
	struct test_snapshot before;
	int ret = -ENOMEM;

	test_snapshot_take(&before);
	for (n = 1; n < 20 && ret; n++) {
		vma = NULL;
		test_fail_allocation(n);
		ret = create_init_stack_vma(test_mm, &vma, &top_mem);
		test_fail_allocation(0);
		if (ret) {
			ASSERT_EQ(ret, -ENOMEM);
			ASSERT_NULL(vma);
			ASSERT_FALSE(rwsem_is_locked(&test_mm->mmap_lock));
			ASSERT_EQ(test_vma_count(), 0);
			ASSERT_SNAPSHOT(&before);
		}
	}
	ASSERT_EQ(ret, 0);
	/* the VMA and the tree's nodes: at least two ways to fail */
	ASSERT_GT(n, 3);
	ASSERT_TRUE(vma->vm_flags & VM_ACCOUNT);
	ASSERT_EQ(percpu_counter_read(&vm_committed_as),
		  before.committed + (s64)vma_pages(vma));
}

/*
 * The whole of exec's stack dance: create at the top, (the arguments are
 * copied: the stack is faulted), then relocate_vma_down() to its final
 * place.  The same VMA object ends where asked with its page offset
 * unchanged (the pages moved with it) and nothing is left at the top.
 */
VMA_TEST(exec_init_stack_then_relocate)
{
	struct vm_area_struct *vma;
	unsigned long top_mem, shift = SZ_1G;
	pgoff_t pgoff;

	ASSERT_EQ(create_init_stack_vma(test_mm, &vma, &top_mem), 0);
	ASSERT_EQ(anon_vma_prepare(vma), 0);
	pgoff = vma->vm_pgoff;

	mmap_write_lock(test_mm);
	ASSERT_EQ(relocate_vma_down(vma, shift), 0);
	mmap_write_unlock(test_mm);

	ASSERT_EQ(test_vma_at(TOP - shift - P), vma);
	ASSERT_VMA(vma, TOP - shift - P, TOP - shift, pgoff);
	ASSERT_NULL(test_vma_at(TOP - P));
	ASSERT_EQ(test_vma_count(), 1);
}

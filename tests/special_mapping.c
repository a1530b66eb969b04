// SPDX-License-Identifier: GPL-2.0
/*
 * Special mappings (the vDSO, vvar, uprobes' XOL area):
 * _install_special_mapping() of mm/mmap.c -> __install_special_mapping()
 * -> insert_vm_struct(), and the special_mapping_vmops hooks: fault from
 * the page array (or the mapping's own ->fault), mremap, close, name, and
 * the refusal to split.
 */
#include "fixture.h"


/* Distinct page pointers: the harness never dereferences a struct page. */
static char page_store[3];
#define PAGE_N(n)	((struct page *)&page_store[n])

static struct page *two_pages[] = { PAGE_N(0), PAGE_N(1), NULL };

static struct {
	int closes, mremaps, faults;
	struct vm_area_struct *last_vma;
	int mremap_ret;
} sm_calls;

static void sm_close(const struct vm_special_mapping *sm,
		     struct vm_area_struct *vma)
{
	sm_calls.closes++;
	sm_calls.last_vma = vma;
}

static int sm_mremap(const struct vm_special_mapping *sm,
		     struct vm_area_struct *new_vma)
{
	sm_calls.mremaps++;
	sm_calls.last_vma = new_vma;
	return sm_calls.mremap_ret;
}

static vm_fault_t sm_fault(const struct vm_special_mapping *sm,
			   struct vm_area_struct *vma, struct vm_fault *vmf)
{
	sm_calls.faults++;
	sm_calls.last_vma = vma;
	return VM_FAULT_NOPAGE;
}

static const struct vm_special_mapping sm_pages = {
	.name = "[test_pages]",
	.pages = two_pages,
	.close = sm_close,
	.mremap = sm_mremap,
};

static const struct vm_special_mapping sm_own_fault = {
	.name = "[test_fault]",
	.fault = sm_fault,
};

static struct vm_area_struct *install(unsigned long addr, unsigned long len,
				      vm_flags_t flags,
				      const struct vm_special_mapping *sm)
{
	struct vm_area_struct *vma;

	mmap_write_lock(test_mm);
	vma = _install_special_mapping(test_mm, addr, len, flags, sm);
	mmap_write_unlock(test_mm);
	return vma;
}

static vm_fault_t fault_at(struct vm_area_struct *vma, pgoff_t pgoff,
			   struct page **page)
{
	struct vm_fault vmf = {
		.vma = vma,
		.pgoff = pgoff,
		.address = vma->vm_start + pgoff * P,
	};
	vm_fault_t ret = vma->vm_ops->fault(&vmf);

	*page = vmf.page;
	return ret;
}

/*
 * The VMA covers exactly the range, is DONTEXPAND, is accounted in
 * total_vm (and exec_vm: it is executable), has page offset 0 and is
 * recognised as this special mapping (and not as another one).  Catches
 * a missing vm_stat_account() or VM_DONTEXPAND.
 */
VMA_TEST(special_install_vma_and_accounting)
{
	struct vm_area_struct *vma;

	memset(&sm_calls, 0, sizeof(sm_calls));
	vma = install(A, 2 * P, VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
		      &sm_pages);
	ASSERT_NOT_ERR_VALUE((unsigned long)vma);
	ASSERT_VMA(vma, A, A + 2 * P, 0);
	ASSERT_EQ(test_vma_at(A + P), vma);
	ASSERT_EQ(vma->vm_flags, VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC |
		  VM_DONTEXPAND);
	ASSERT_TRUE(vma_is_special_mapping(vma, &sm_pages));
	ASSERT_FALSE(vma_is_special_mapping(vma, &sm_own_fault));
	ASSERT_EQ(vma->vm_private_data, &sm_pages);
	ASSERT_EQ(test_mm->total_vm, 2);
	ASSERT_EQ(test_mm->exec_vm, 2);
	ASSERT_EQ(test_vma_count(), 1);
	/* ->name is the mapping's name, as /proc/pid/maps shows it */
	ASSERT_EQ(strcmp(vma->vm_ops->name(vma), "[test_pages]"), 0);
}

/*
 * mlockall(MCL_FUTURE) puts VM_LOCKED in the mm's default flags; a
 * special mapping takes the other default flags but never VM_LOCKED.
 * Catches VMA_LOCKED_MASK not cleared.
 */
VMA_TEST(special_install_drops_def_locked)
{
	struct vm_area_struct *vma;

	vma_flags_set(&test_mm->def_vma_flags, VMA_LOCKED_BIT);
	vma = install(A, P, VM_READ | VM_MAYREAD, &sm_pages);
	vma_flags_clear(&test_mm->def_vma_flags, VMA_LOCKED_BIT);
	ASSERT_NOT_ERR_VALUE((unsigned long)vma);
	ASSERT_FALSE(vma->vm_flags & VM_LOCKED);
	ASSERT_EQ(vma->vm_flags, VM_READ | VM_MAYREAD | VM_DONTEXPAND);
}

/*
 * Installing over an existing mapping fails with -ENOMEM
 * (insert_vm_struct()'s intersection check) and changes nothing.
 * Catches an overlapping VMA inserted into the tree.
 */
VMA_TEST(special_install_over_mapping_enomem)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_map_anon(A + P, P, true), A + P);
	vma = install(A, 2 * P, VM_READ | VM_MAYREAD, &sm_pages);
	ASSERT_EQ(PTR_ERR(vma), -ENOMEM);
	ASSERT_NULL(test_vma_at(A));
	ASSERT_VMA(test_vma_at(A + P), A + P, A + 2 * P, PG(A + P));
	ASSERT_EQ(test_mm->total_vm, 1);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * Faults are served from the page array by page offset; past the last
 * page of the NULL-terminated array the fault is SIGBUS.  Catches an
 * off-by-one walk of the array (page n served for offset n + 1, or the
 * terminator dereferenced).
 */
VMA_TEST(special_fault_from_pages_sigbus_past_end)
{
	struct vm_area_struct *vma;
	struct page *page;

	vma = install(A, 3 * P, VM_READ | VM_MAYREAD, &sm_pages);
	ASSERT_NOT_ERR_VALUE((unsigned long)vma);

	ASSERT_EQ(fault_at(vma, 0, &page), 0);
	ASSERT_EQ(page, PAGE_N(0));
	ASSERT_EQ(fault_at(vma, 1, &page), 0);
	ASSERT_EQ(page, PAGE_N(1));
	page = NULL;
	ASSERT_EQ(fault_at(vma, 2, &page), VM_FAULT_SIGBUS);
	ASSERT_NULL(page);
}

/* A mapping with its own ->fault gets every fault, with its VMA. */
VMA_TEST(special_fault_own_handler)
{
	struct vm_area_struct *vma;
	struct page *page;

	memset(&sm_calls, 0, sizeof(sm_calls));
	vma = install(A, P, VM_READ | VM_MAYREAD, &sm_own_fault);
	ASSERT_NOT_ERR_VALUE((unsigned long)vma);
	ASSERT_EQ(fault_at(vma, 0, &page), VM_FAULT_NOPAGE);
	ASSERT_EQ(sm_calls.faults, 1);
	ASSERT_EQ(sm_calls.last_vma, vma);
}

/*
 * munmap() of part of a special mapping is refused with -EINVAL
 * (special_mapping_split()): the vDSO must stay whole.  Unmapping all of
 * it works and calls the mapping's ->close once.
 */
VMA_TEST(special_partial_munmap_refused_whole_closes)
{
	struct vm_area_struct *vma;

	memset(&sm_calls, 0, sizeof(sm_calls));
	vma = install(A, 3 * P, VM_READ | VM_MAYREAD, &sm_pages);
	ASSERT_NOT_ERR_VALUE((unsigned long)vma);

	ASSERT_EQ(test_munmap(A + P, P), -EINVAL);
	ASSERT_VMA(test_vma_at(A + P), A, A + 3 * P, 0);
	ASSERT_EQ(sm_calls.closes, 0);

	ASSERT_EQ(test_munmap(A, 3 * P), 0);
	ASSERT_NULL(test_vma_at(A));
	ASSERT_EQ(sm_calls.closes, 1);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * The ->mremap hook of special_mapping_vmops forwards to the mapping's
 * own (x86's vdso_mremap() updates mm->context.vdso there) and returns
 * its result.  Catches the hook not called or its error swallowed.
 */
VMA_TEST(special_mremap_hook_forwards)
{
	struct vm_area_struct *vma;

	memset(&sm_calls, 0, sizeof(sm_calls));
	vma = install(A, P, VM_READ | VM_MAYREAD, &sm_pages);
	ASSERT_NOT_ERR_VALUE((unsigned long)vma);

	ASSERT_EQ(vma->vm_ops->mremap(vma), 0);
	ASSERT_EQ(sm_calls.mremaps, 1);
	ASSERT_EQ(sm_calls.last_vma, vma);
	sm_calls.mremap_ret = -EBUSY;
	ASSERT_EQ(vma->vm_ops->mremap(vma), -EBUSY);
	ASSERT_EQ(sm_calls.mremaps, 2);
}

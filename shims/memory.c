// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table, TLB and population hooks of mm/memory.c, mm/gup.c,
 * mm/mremap.c and friends.  The harness has no page tables: these are
 * no-ops, most of them recording the calls for assertions.  can_do_mlock()
 * is mm/mlock.c's rule (real userspace implementation); free_pgtables() and
 * remap_pfn_range_prepare() are KDIR's (shims/kernel/memory.c).
 */
#include <linux/mm.h>
#include <linux/capability.h>
#include <linux/sched/signal.h>
#include <asm/tlb.h>
#include "harness.h"

/* records: the gathers, which tests pair with their finishes */
void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	vma_shim_counts.tlb_gather++;
	tlb->mm = mm;
	tlb->fullmm = false;
	tlb->finished = false;
}

void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb_gather_mmu(tlb, mm);
	tlb->fullmm = true;
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	vma_shim_counts.tlb_finish++;
	WARN_ON(tlb->finished);
	tlb->finished = true;
}

/* records: the zaps; no pages to zap */
void unmap_vmas(struct mmu_gather *tlb, struct unmap_desc *unmap)
{
	vma_shim_counts.unmap_vmas++;
}

/* no-op: no page tables */
void free_pgd_range(struct mmu_gather *tlb, unsigned long addr,
		    unsigned long end, unsigned long floor,
		    unsigned long ceiling)
{
}

int copy_page_range(struct vm_area_struct *dst_vma,
		    struct vm_area_struct *src_vma)
{
	return 0;
}

/* no-op: nothing to move; the whole range is reported as moved */
unsigned long move_page_tables(struct pagetable_move_control *pmc)
{
	return pmc->len_in;
}

void get_page(struct page *page)
{
}

void vma_adjust_trans_huge(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, struct vm_area_struct *next)
{
}

/* records: the population requests; no pages to fault in */
long populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end, int *locked)
{
	vma_shim_counts.populate++;
	return (end - start) >> PAGE_SHIFT;
}

int __mm_populate(unsigned long start, unsigned long len, int ignore_errors)
{
	vma_shim_counts.populate++;
	return 0;
}

void khugepaged_enter_vma(struct vm_area_struct *vma, vm_flags_t vm_flags)
{
	vma_shim_counts.khugepaged_enter++;
}

void __khugepaged_enter(struct mm_struct *mm)
{
	vma_shim_counts.khugepaged_enter++;
}

/* no-op: no exe file in the harness */
void dup_mm_exe_file(struct mm_struct *mm, struct mm_struct *oldmm)
{
}

/*
 * records: what an ->mmap_prepare remap action does before the VMA exists
 * is KDIR's remap_pfn_range_prepare() (shims/kernel/memory.c), counted.
 */
int remap_pfn_range_prepare(struct vm_area_desc *desc)
{
	vma_shim_counts.remap_pfn_prepare++;
	return kdir_remap_pfn_range_prepare(desc);
}

/* real: mm/mlock.c's rule */
bool can_do_mlock(void)
{
	if (rlimit(RLIMIT_MEMLOCK) != 0)
		return true;
	return capable(CAP_IPC_LOCK);
}

/*
 * real: the arch model (x86's arch/x86/mm/pgprot.c maps the four access bits to page
 * table bits): the harness's protection value is the access bits
 * themselves, so tests can check that vm_page_prot follows vm_flags.
 */
pgprot_t vm_get_page_prot(vm_flags_t vm_flags)
{
	return __pgprot(vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED));
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <asm/tlb.h>: records for assertions.
 *
 * The harness has no page tables.  An mmu_gather only remembers which mm
 * it was set up for and whether it was finished, so tests can check that
 * every tlb_gather_mmu() is paired with a tlb_finish_mmu() (shims/memory.c).
 */
#ifndef _VMA_ASM_TLB_H
#define _VMA_ASM_TLB_H

struct mm_struct;

struct mmu_gather {
	struct mm_struct *mm;
	bool fullmm;
	bool finished;
};

/* no-op: no TLB, no page-table pages to free */
#define tlb_free_vmas(tlb)	do { } while (0)

/* no-op: no TLB */
#define flush_tlb_mm(mm)	do { } while (0)

#endif /* _VMA_ASM_TLB_H */

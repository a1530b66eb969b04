/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <asm/mmu_context.h>: extracted from KDIR (asm-generic's mm
 * hooks, which x86 also uses for what mm/mmap.c calls: no-ops).
 */
#ifndef _VMA_ASM_MMU_CONTEXT_H
#define _VMA_ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>

/* @extract include/asm-generic/mm_hooks.h
 *	arch_dup_mmap arch_exit_mmap arch_unmap? arch_vma_access_permitted?
 */
#include <extract/linux/asm/mmu_context.h>

#endif /* _VMA_ASM_MMU_CONTEXT_H */

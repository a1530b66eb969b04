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

/*
 * Arch model: arch_mmap_check(), the hook some architectures (sparc) use
 * to refuse an mmap range before the search.  x86 has none; the harness's
 * returns what a test sets (vma_arch_mmap_check_error, 0 by default), so
 * that __get_unmapped_area()'s handling of it is tested
 * (records for assertions: shims/task.c).
 */
extern int vma_arch_mmap_check_error;
#define arch_mmap_check(addr, len, flags)	(vma_arch_mmap_check_error)

#endif /* _VMA_ASM_MMU_CONTEXT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of x86's <asm/page_types.h>, <asm/page_{64,32}_types.h> and
 * <asm/pgtable_{64,32}_types.h> (arm64: the same definitions from its
 * headers): the user address-space geometry, extracted from KDIR.
 * PAGE_SHIFT comes from linux/kernel.h.
 * Functions the definitions call (task_size_max(), test_thread_flag())
 * are in shims/task.c.
 */
#ifndef _ASM_X86_PAGE_DEFS_H
#define _ASM_X86_PAGE_DEFS_H

#include <linux/const.h>

/* @extract include/vdso/page.h
 *	PAGE_SIZE PAGE_MASK
 */
#ifdef CONFIG_ARM64
/*
 * arm64: <asm/memory.h>, <asm/processor.h>, <asm/pgtable-hwdef.h>; the
 * levels <asm/pgtable-types.h> folds come from asm-generic.
 */
/* @extract arch/arm64/include/asm/memory.h
 *	VA_BITS VA_BITS_MIN
 */
/* @extract arch/arm64/include/asm/processor.h
 *	DEFAULT_MAP_WINDOW_64 TASK_SIZE_64 TASK_SIZE_MAX TASK_SIZE
 *	DEFAULT_MAP_WINDOW STACK_TOP_MAX TASK_UNMAPPED_BASE STACK_TOP
 *	arch_get_mmap_end arch_get_mmap_base
 */
/* @extract arch/arm64/include/asm/pgtable-hwdef.h
 *	PTDESC_ORDER PTDESC_TABLE_SHIFT ARM64_HW_PGTABLE_LEVEL_SHIFT PMD_SHIFT
 *	PMD_SIZE PMD_MASK PUD_SHIFT? PUD_SIZE? PUD_MASK? P4D_SHIFT? PGDIR_SHIFT
 *	CONT_PTE_SHIFT CONT_PTES CONT_PTE_SIZE CONT_PTE_MASK CONT_PMD_SHIFT
 *	CONT_PMDS CONT_PMD_SIZE CONT_PMD_MASK
 */
#if CONFIG_PGTABLE_LEVELS < 5
/* @extract include/asm-generic/pgtable-nop4d.h
 *	P4D_SHIFT
 */
#endif
#if CONFIG_PGTABLE_LEVELS < 4
/* @extract include/asm-generic/pgtable-nopud.h
 *	PUD_SHIFT PUD_SIZE PUD_MASK
 */
#endif
/* @extract arch/arm64/include/asm/pgtable.h
 *	HPAGE_SHIFT HPAGE_SIZE HPAGE_MASK HUGETLB_PAGE_ORDER
 */
/* @extract arch/arm64/include/asm/page.h
 *	VMA_DATA_DEFAULT_FLAGS
 */
/*
 * Arch model: the CPU has the VA size the kernel was built for (52 bits
 * need FEAT_LVA, or LPA2 with 4K/16K pages), as <asm/memory.h> assumes
 * outside the kernel proper.
 */
#define vabits_actual	((u64)VA_BITS)
#else
/* @extract arch/x86/include/asm/page_types.h
 *	HPAGE_SHIFT HPAGE_SIZE HPAGE_MASK HUGETLB_PAGE_ORDER
 *	VMA_DATA_DEFAULT_FLAGS
 */
/* @extract arch/x86/include/asm/processor.h
 *	__TASK_UNMAPPED_BASE TASK_UNMAPPED_BASE
 */
#endif
#ifdef CONFIG_ARM64
#elif defined(CONFIG_X86_64)
/* @extract arch/x86/include/asm/page_64_types.h
 *	DEFAULT_MAP_WINDOW IA32_PAGE_OFFSET TASK_SIZE_LOW TASK_SIZE
 *	TASK_SIZE_MAX STACK_TOP STACK_TOP_MAX
 */
/* @extract arch/x86/include/asm/pgtable_64_types.h
 *	P4D_SHIFT PUD_SHIFT PMD_SHIFT PMD_SIZE PMD_MASK PUD_SIZE PUD_MASK
 */
#else
/* @extract arch/x86/include/asm/page_32_types.h
 *	__PAGE_OFFSET_BASE __PAGE_OFFSET IA32_PAGE_OFFSET
 *	TASK_SIZE TASK_SIZE_LOW TASK_SIZE_MAX DEFAULT_MAP_WINDOW STACK_TOP
 *	STACK_TOP_MAX
 */
/* @extract arch/x86/include/asm/pgtable-3level_types.h
 *	PGDIR_SHIFT PMD_SHIFT
 */
/* @extract include/asm-generic/pgtable-nop4d.h
 *	P4D_SHIFT
 */
/* @extract include/asm-generic/pgtable-nopud.h
 *	PUD_SHIFT PUD_SIZE PUD_MASK
 */
/* @extract arch/x86/include/asm/pgtable_32_types.h
 *	PMD_SIZE PMD_MASK
 */
#endif
#include <extract/linux/asm/page_types.h>

#endif /* _ASM_X86_PAGE_DEFS_H */

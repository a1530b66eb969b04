/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of x86's <asm/page_types.h>, <asm/page_{64,32}_types.h> and
 * <asm/pgtable_{64,32}_types.h>: the user address-space geometry, extracted
 * from KDIR.  PAGE_SHIFT/PAGE_SIZE come from tools/include's <linux/mm.h>.
 * Functions the definitions call (task_size_max(), test_thread_flag())
 * are in shims/task.c.
 */
#ifndef _ASM_X86_PAGE_DEFS_H
#define _ASM_X86_PAGE_DEFS_H

#include <linux/const.h>

/* @extract include/vdso/page.h
 *	PAGE_SIZE PAGE_MASK
 */
/* @extract arch/x86/include/asm/page_types.h
 *	HPAGE_SHIFT HPAGE_SIZE HPAGE_MASK HUGETLB_PAGE_ORDER
 *	VMA_DATA_DEFAULT_FLAGS
 */
/* @extract arch/x86/include/asm/processor.h
 *	__TASK_UNMAPPED_BASE TASK_UNMAPPED_BASE
 */
#ifdef CONFIG_X86_64
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

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <asm/pgtable_types.h> (arm64: <asm/pgtable-types.h>): the page-table value types, extracted from KDIR. */
#ifndef _ASM_X86_PGTABLE_DEFS_H
#define _ASM_X86_PGTABLE_DEFS_H

#include <linux/types.h>
struct page;

#ifdef CONFIG_ARM64
/* @extract arch/arm64/include/asm/pgtable-types.h
 *	ptval_t pteval_t pmdval_t pudval_t p4dval_t pgdval_t pte_t pmd_t? pud_t?
 *	p4d_t? pgd_t pgprot_t pgprot_val __pgprot
 */
/* @extract arch/arm64/include/asm/page.h
 *	pgtable_t
 */
#elif defined(CONFIG_X86_64)
/* @extract arch/x86/include/asm/pgtable_64_types.h
 *	pteval_t pmdval_t pudval_t p4dval_t pgdval_t pgprotval_t pte_t pmd_t
 */
#else
/* @extract arch/x86/include/asm/pgtable-3level_types.h
 *	pteval_t pmdval_t pudval_t p4dval_t pgdval_t pgprotval_t pte_t pmd_t
 */
#endif
#ifdef CONFIG_X86
/* @extract arch/x86/include/asm/pgtable_types.h
 *	pgprot_t pgd_t pgtable_t pgprot_val __pgprot pud_t? pmd_t?
 */
#endif
#if CONFIG_PGTABLE_LEVELS < 5 && defined(CONFIG_ARM64)
/* @extract include/asm-generic/pgtable-nop4d.h
 *	p4d_t
 */
#endif
#if CONFIG_PGTABLE_LEVELS < 4 && defined(CONFIG_ARM64)
/* @extract include/asm-generic/pgtable-nopud.h
 *	pud_t
 */
#endif
#if CONFIG_PGTABLE_LEVELS < 4 && defined(CONFIG_X86)
/* i386 PAE (M32=1): the folded levels, which x86's header #includes */
/* @extract include/asm-generic/pgtable-nop4d.h
 *	p4d_t
 */
/* @extract include/asm-generic/pgtable-nopud.h
 *	pud_t
 */
#endif
#include <extract/linux/asm/pgtable_types.h>

#endif /* _ASM_X86_PGTABLE_DEFS_H */

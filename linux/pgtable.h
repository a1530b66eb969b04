/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/pgtable.h>: extracted from KDIR. */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/mm_types.h>

/*
 * Arch model: no cache attributes in the harness, so the pgprot cache-mode
 * helpers x86 defines in <asm/pgtable_types.h> are the identity.
 */
#define pgprot_noncached(prot)		(prot)
#define pgprot_writecombine(prot)	(prot)
#define pgprot_device(prot)		(prot)

/* @extract include/linux/pgtable.h
 *	pgtable_supports_soft_dirty FIRST_USER_ADDRESS USER_PGTABLES_CEILING
 *	pgprot_modify pgprot_encrypted pgprot_decrypted PMD_ORDER PUD_ORDER
 */
#ifdef CONFIG_X86_64
/* x86_64 has its own placement (shims/kernel/x86_mmap.c) */
/* @extract arch/x86/include/asm/pgtable_64.h
 *	HAVE_ARCH_UNMAPPED_AREA HAVE_ARCH_UNMAPPED_AREA_TOPDOWN
 */
#endif
#include <extract/linux/pgtable.h>

#endif /* _LINUX_PGTABLE_H */

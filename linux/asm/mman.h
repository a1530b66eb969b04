/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <asm/mman.h>: x86's flags, extracted from KDIR; arm64's
 * (PROT_BTI, PROT_MTE) are of no concern to the code under test, and
 * <linux/mman.h> makes MAP_32BIT and MAP_ABOVE4G 0 there.
 */
#ifndef _VMA_ASM_X86_MMAN_H
#define _VMA_ASM_X86_MMAN_H

#ifdef CONFIG_X86
/* @extract arch/x86/include/uapi/asm/mman.h
 *	MAP_32BIT MAP_ABOVE4G
 */
#include <extract/linux/asm/mman.h>
#endif

#endif /* _VMA_ASM_X86_MMAN_H */

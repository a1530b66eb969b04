/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of x86's <asm/mmu.h>: mm_context_t, extracted from KDIR. */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

#include <linux/types.h>
#include <linux/mutex.h>

/* @extract arch/x86/include/asm/mmu.h
 *	mm_context_t
 */
#include <extract/linux/asm/mmu.h>

#endif /* _ASM_X86_MMU_H */

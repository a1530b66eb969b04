/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <asm/mmu.h>: the architecture's mm_context_t, extracted from KDIR. */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

#include <linux/types.h>
#include <linux/mutex.h>

#ifdef CONFIG_X86
/* @extract arch/x86/include/asm/mmu.h
 *	mm_context_t
 */
#else
/* @extract arch/arm64/include/asm/mmu.h
 *	mm_context_t
 */
#endif
#include <extract/linux/asm/mmu.h>

#endif /* _ASM_X86_MMU_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of x86's <asm/mman.h>: extracted from KDIR. */
#ifndef _VMA_ASM_X86_MMAN_H
#define _VMA_ASM_X86_MMAN_H

/* @extract arch/x86/include/uapi/asm/mman.h
 *	MAP_32BIT MAP_ABOVE4G
 */
#include <extract/linux/asm/mman.h>

#endif /* _VMA_ASM_X86_MMAN_H */

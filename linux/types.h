/* SPDX-License-Identifier: GPL-2.0 */
/* @extract include/uapi/linux/types.h
 *	__poll_t
 */
/* Shadow of <linux/types.h>: tools/include's, plus what it lacks, extracted from KDIR. */
#ifndef _VMA_LINUX_TYPES_H
#define _VMA_LINUX_TYPES_H

#include_next <linux/types.h>

/* @extract include/linux/types.h
 *	pgoff_t atomic64_t umode_t? fmode_t fop_flags_t?
 */
#ifndef CONFIG_64BIT
/* include/linux/types.h has it #ifdef CONFIG_64BIT; i386's is x86's own */
/* @extract arch/x86/include/asm/atomic64_32.h
 *	atomic64_t
 */
#endif
#include <extract/linux/types.h>

#endif /* _VMA_LINUX_TYPES_H */

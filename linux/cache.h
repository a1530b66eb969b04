/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/cache.h>: extracted from KDIR (the architecture's cache line size). */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#ifdef CONFIG_X86
/* @extract arch/x86/include/asm/cache.h
 *	L1_CACHE_SHIFT L1_CACHE_BYTES
 */
#else
/* @extract arch/arm64/include/asm/cache.h
 *	L1_CACHE_SHIFT L1_CACHE_BYTES
 */
#endif
/* @extract include/vdso/cache.h
 *	SMP_CACHE_BYTES ____cacheline_aligned
 */
/* @extract include/linux/cache.h
 *	____cacheline_aligned_in_smp __read_mostly
 */
#include <extract/linux/cache.h>

/* no-op: the harness does not write-protect data after boot */
#define __ro_after_init

#endif /* _LINUX_CACHE_H */

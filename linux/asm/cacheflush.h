/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <asm/cacheflush.h>: extracted from KDIR (asm-generic: x86 has no virtually indexed caches, these are no-ops). */
#ifndef _VMA_ASM_CACHEFLUSH_H
#define _VMA_ASM_CACHEFLUSH_H

#include <linux/mm_types.h>

/* @extract include/asm-generic/cacheflush.h
 *	flush_dcache_mmap_lock flush_dcache_mmap_unlock flush_cache_mm flush_cache_dup_mm
 */
#include <extract/linux/asm/cacheflush.h>

#endif /* _VMA_ASM_CACHEFLUSH_H */

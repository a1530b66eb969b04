/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/mm_inline.h>: extracted from KDIR (CONFIG_ANON_VMA_NAME off: the kernel's own stubs). */
#ifndef LINUX_MM_INLINE_H
#define LINUX_MM_INLINE_H

#include <linux/mm_types.h>

/* @extract include/linux/mm_inline.h
 *	anon_vma_name_eq dup_anon_vma_name free_anon_vma_name
 *	pfnmap_track_ctx_release?
 */
#include <extract/linux/mm_inline.h>

#endif /* LINUX_MM_INLINE_H */

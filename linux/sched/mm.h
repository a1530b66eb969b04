/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/sched/mm.h>: the generic mmap layout hooks, extracted from KDIR. */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/mm_types.h>

/* no-op: allocation context checks are lockdep's business */
#define might_alloc(gfp)	do { } while (0)

/* @extract include/linux/sched/mm.h
 *	arch_get_mmap_end arch_get_mmap_base mm_get_unmapped_area
 *	mm_get_unmapped_area_vmaflags|mm_get_unmapped_area_vmflags arch_get_unmapped_area
 *	arch_get_unmapped_area_topdown generic_get_unmapped_area
 *	generic_get_unmapped_area_topdown arch_pick_mmap_layout? arch_mmap_rnd?
 *	mm_get_unmapped_area_aligned?
 */
#include <extract/linux/sched/mm.h>

#endif /* _LINUX_SCHED_MM_H */

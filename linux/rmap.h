/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/rmap.h>: struct anon_vma and anon_vma_chain, extracted from KDIR.  The anon_vma functions of mm/rmap.c are shims (shims/rmap.c). */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>
#include <linux/atomic.h>
#include <linux/mm_types.h>

/* @extract include/linux/rmap.h
 *	struct anon_vma struct anon_vma_chain
 */
#include <extract/linux/rmap.h>

#endif /* _LINUX_RMAP_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * The per-VMA lock's out-of-line functions, extracted from KDIR's
 * mm/mmap_lock.c: the real code.  rcuwait_wait_event() never waits in the
 * single-threaded harness: the condition must already hold (see
 * linux/rcuwait.h).
 */
#include <linux/mmap_lock.h>

/* @extract mm/mmap_lock.c
 *	struct vma_exclude_readers_state get_target_refcnt
 *	__vma_end_exclude_readers __vma_start_exclude_readers __vma_start_write
 *	__vma_exclude_readers_for_detach
 */
#include <extract/shims/kernel/mmap_lock.c>

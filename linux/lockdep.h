/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/lockdep.h>: extracted from KDIR; with CONFIG_LOCKDEP off these are the kernel's own no-op stubs. */
#ifndef _VMA_LINUX_LOCKDEP_H
#define _VMA_LINUX_LOCKDEP_H

#include <linux/types.h>
struct lockdep_map;
struct lock_class_key { };

/* @extract include/linux/lockdep.h
 *	lock_acquire lock_release lock_acquired lock_contended lock_is_held
 *	lockdep_init_map lockdep_assert_held lockdep_assert_held_write
 *	lock_acquire_exclusive lock_acquire_shared lock_acquire_shared_recursive
 *	lockdep_is_held lockdep_set_class lock_map_acquire lock_map_release
 *	lockdep_assert lockdep_assert_held_read might_lock might_lock_read
 *	SINGLE_DEPTH_NESTING lockdep_init_map_type? lockdep_init_map_waits? lockdep_init_map_wait?
 */
#include <extract/linux/lockdep.h>

#endif /* _VMA_LINUX_LOCKDEP_H */

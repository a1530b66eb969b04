/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/mmap_lock.h>: the whole real header, extracted from KDIR
 * (CONFIG_PER_VMA_LOCK on, no tracing, no lockdep).  The out-of-line
 * functions it calls (__vma_start_write() and friends, from mm/mmap_lock.c)
 * are real userspace implementations in shims/kernel/mmap_lock.c.
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/lockdep.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/rwsem.h>
#include <linux/types.h>
#include <linux/cleanup.h>
#include <linux/tracepoint-defs.h>
#include <linux/kcsan-checks.h>
#include <linux/sched.h>

/* @extract include/linux/mmap_lock.h
 *	*
 */
#include <extract/linux/mmap_lock.h>

#endif /* _LINUX_MMAP_LOCK_H */

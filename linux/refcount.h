/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/refcount.h>: the real header's functions, extracted from
 * KDIR, over the atomics of <linux/atomic.h>.  refcount_warn_saturate()
 * (lib/refcount.c) records a kernel warning (shims/bug.c).
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>

/* @extract include/linux/refcount_types.h
 *	refcount_t
 */
/* @extract include/linux/refcount.h
 *	*
 */
#include <extract/linux/refcount.h>

#endif /* _LINUX_REFCOUNT_H */

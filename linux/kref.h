/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/kref.h>: the real definitions, extracted from KDIR. */
#ifndef _KREF_H_
#define _KREF_H_

#include <linux/refcount.h>

/* @extract include/linux/kref.h
 *	struct kref KREF_INIT kref_init kref_read kref_get kref_put
 */
#include <extract/linux/kref.h>

#endif /* _KREF_H_ */

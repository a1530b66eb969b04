/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/notifier.h>: the notifier constants, extracted from KDIR; struct notifier_block is the kernel's. */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

struct notifier_block;

/* @extract include/linux/notifier.h
 *	NOTIFY_DONE NOTIFY_OK notifier_fn_t struct notifier_block
 */
#include <extract/linux/notifier.h>

#endif /* _LINUX_NOTIFIER_H */

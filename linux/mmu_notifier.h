/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/mmu_notifier.h>: extracted from KDIR (CONFIG_MMU_NOTIFIER off: the kernel's own no-ops). */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

#include <linux/mm_types.h>

/* @extract include/linux/mmu_notifier.h
 *	mmu_notifier_release mmu_notifier_subscriptions_init? mmu_notifier_subscriptions_destroy?
 */
#include <extract/linux/mmu_notifier.h>

#endif /* _LINUX_MMU_NOTIFIER_H */

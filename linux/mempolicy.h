/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/mempolicy.h>: extracted from KDIR; with CONFIG_NUMA off these are the kernel's own no-op stubs. */
#ifndef _LINUX_MEMPOLICY_H
#define _LINUX_MEMPOLICY_H

#include <linux/mm_types.h>
struct mempolicy;

/* @extract include/linux/mempolicy.h
 *	mpol_equal mpol_put vma_dup_policy
 */
#include <extract/linux/mempolicy.h>

#endif /* _LINUX_MEMPOLICY_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/ksm.h>: extracted from KDIR; with CONFIG_KSM off these are the kernel's own stubs. */
#ifndef __LINUX_KSM_H
#define __LINUX_KSM_H

#include <linux/mm_types.h>

/* @extract include/linux/ksm.h
 *	ksm_execve ksm_exit ksm_fork ksm_vma_flags ksm_add_vma? ksm_add_vmas?
 */
#include <extract/linux/ksm.h>

#endif /* __LINUX_KSM_H */

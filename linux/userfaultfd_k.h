/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/userfaultfd_k.h>: extracted from KDIR; with CONFIG_USERFAULTFD off these are the kernel's own no-op stubs. */
#ifndef _LINUX_USERFAULTFD_K_H
#define _LINUX_USERFAULTFD_K_H

#include <linux/mm_types.h>
#include <linux/list.h>

/* @extract include/linux/userfaultfd_k.h
 *	is_mergeable_vm_userfaultfd_ctx userfaultfd_unmap_prep
 *	userfaultfd_unmap_complete userfaultfd_wp vma_has_uffd_without_event_remap
 *	dup_userfaultfd dup_userfaultfd_complete dup_userfaultfd_fail
 */
#include <extract/linux/userfaultfd_k.h>

#endif /* _LINUX_USERFAULTFD_K_H */

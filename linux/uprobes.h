/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/uprobes.h>: extracted from KDIR; with CONFIG_UPROBES off these are the kernel's own no-op stubs. */
#ifndef _LINUX_UPROBES_H
#define _LINUX_UPROBES_H

struct vm_area_struct;
struct mm_struct;

/* @extract include/linux/uprobes.h
 *	struct uprobes_state uprobe_mmap uprobe_munmap uprobe_dup_mmap
 *	uprobe_start_dup_mmap? uprobe_end_dup_mmap?
 */
#include <extract/linux/uprobes.h>

#endif /* _LINUX_UPROBES_H */

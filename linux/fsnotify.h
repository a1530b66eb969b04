/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/fsnotify.h>: the harness has no fsnotify.
 */
#ifndef _LINUX_FS_NOTIFY_H
#define _LINUX_FS_NOTIFY_H

#include <linux/fs.h>

/* no-op: nothing watches the harness's files */
static inline int fsnotify_mmap_perm(struct file *file, int prot,
				     const loff_t off, size_t len)
{
	return 0;
}

#endif /* _LINUX_FS_NOTIFY_H */

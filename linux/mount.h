/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/mount.h>: empty; mm/mmap.c uses nothing of it in the harness. */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H


#endif /* _LINUX_MOUNT_H */

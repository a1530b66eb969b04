/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/audit.h>: extracted from KDIR (CONFIG_AUDITSYSCALL off: the kernel's own no-ops). */
#ifndef _LINUX_AUDIT_H
#define _LINUX_AUDIT_H

/* @extract include/linux/audit.h
 *	audit_mmap_fd
 */
#include <extract/linux/audit.h>

#endif /* _LINUX_AUDIT_H */

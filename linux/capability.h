/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/capability.h>: the capability numbers, extracted from KDIR; capable() is the harness's model (shims/task.c: tests grant or revoke capabilities). */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

/* @extract include/uapi/linux/capability.h
 *	CAP_IPC_LOCK CAP_SYS_RESOURCE CAP_SYS_RAWIO CAP_SYS_ADMIN
 */
bool capable(int cap);
#include <extract/linux/capability.h>

#endif /* _LINUX_CAPABILITY_H */

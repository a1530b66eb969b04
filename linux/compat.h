/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/compat.h>.
 * real: the harness's task model.  Whether the current syscall
 * is a compat (32-bit) one is a flag of the task model that tests toggle,
 * the same flag that sets x86's TIF_ADDR32 (shims/task.c).
 */
#ifndef _LINUX_COMPAT_H
#define _LINUX_COMPAT_H

#include <linux/sched.h>

static inline bool in_compat_syscall(void)
{
	return current->compat;
}

/* no-op: the arm64 model has no AArch32 tasks (CONFIG_COMPAT off) */
#ifndef CONFIG_COMPAT
#define is_compat_task()	(0)
#endif

/*
 * Arch model: x86's in_32bit_syscall() (ia32 or x32): the same flag; the
 * model has no x32 tasks.
 */
static inline bool in_32bit_syscall(void)
{
	return current->compat;
}

#endif /* _LINUX_COMPAT_H */

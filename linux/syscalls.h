/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/syscalls.h>: real userspace implementation.  SYSCALL_DEFINEn(name, ...) defines plain 'long sys_name(args)' (no register-clearing wrappers), built from the kernel's argument-mapping macros extracted from KDIR, so tests can call the syscalls of mm/mmap.c directly. */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>

/* @extract include/linux/syscalls.h
 *	__MAP0 __MAP1 __MAP2 __MAP3 __MAP4 __MAP5 __MAP6 __MAP __SC_DECL
 */
#define SYSCALL_DEFINEx(x, sname, ...)					\
	long sys##sname(__MAP(x, __SC_DECL, __VA_ARGS__))
#define SYSCALL_DEFINE0(sname)		long sys_##sname(void)
#define SYSCALL_DEFINE1(name, ...)	SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...)	SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...)	SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...)	SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...)	SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...)	SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)
#include <extract/linux/syscalls.h>

#endif /* _LINUX_SYSCALLS_H */

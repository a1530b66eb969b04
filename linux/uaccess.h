/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/uaccess.h>.
 * real: user and kernel memory are the same in the harness,
 * copy_from_user() is memcpy() and untagged_addr() the identity.
 */
#ifndef _VMA_LINUX_UACCESS_H
#define _VMA_LINUX_UACCESS_H

#include <string.h>
#include <linux/types.h>

static inline unsigned long copy_from_user(void *to, const void *from,
					   unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

#define untagged_addr(addr)	(addr)

#endif /* _VMA_LINUX_UACCESS_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/kcsan-checks.h>: extracted from KDIR; with CONFIG_KCSAN off these are the kernel's own no-ops. */
#ifndef _LINUX_KCSAN_CHECKS_H
#define _LINUX_KCSAN_CHECKS_H

/* @extract include/linux/kcsan-checks.h
 *	KCSAN_ACCESS_WRITE KCSAN_ACCESS_COMPOUND KCSAN_ACCESS_ATOMIC KCSAN_ACCESS_ASSERT
 *	ASSERT_EXCLUSIVE_WRITER ASSERT_EXCLUSIVE_ACCESS __kcsan_check_access?
 *	kcsan_check_access? ASSERT_EXCLUSIVE_BITS? ASSERT_EXCLUSIVE_WRITER_SCOPED?
 */
#include <extract/linux/kcsan-checks.h>

#endif /* _LINUX_KCSAN_CHECKS_H */

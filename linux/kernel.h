/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/kernel.h>: tools/testing/shared's, whose PAGE_SHIFT is
 * 12 whatever the configuration, with the configuration's instead
 * (CONFIG_PAGE_SHIFT, as include/vdso/page.h has it: 14 and 16 for
 * arm64's 16K and 64K pages).
 */
#ifndef _VMA_LINUX_KERNEL_H
#define _VMA_LINUX_KERNEL_H

#include <generated/autoconf.h>
#include_next <linux/kernel.h>

#undef PAGE_SHIFT
/* @extract include/vdso/page.h
 *	PAGE_SHIFT
 */
#include <extract/linux/kernel.h>

#endif /* _VMA_LINUX_KERNEL_H */

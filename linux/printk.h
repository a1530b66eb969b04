/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/printk.h>: tools/testing/shared's <linux/kernel.h> maps printk to printf; nothing more is needed. */
#ifndef _VMA_LINUX_PRINTK_H
#define _VMA_LINUX_PRINTK_H

#include <linux/kernel.h>

#ifndef pr_warn
#define pr_warn printk
#endif
#define pr_warn_once pr_warn

/* shims/bug.c */
void dump_stack(void);
#define pr_info_once pr_info
#ifndef pr_notice
#define pr_notice printk
#endif


#endif /* _VMA_LINUX_PRINTK_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/printk.h>: records for assertions.  Everything the code
 * under test prints goes through vma_printk() (shims/bug.c), which writes
 * it as KTAP diagnostic lines ('    # ...'), without the KERN_ level, and
 * counts it.  The *_once variants print every time: "once" would hide a
 * second test's message.
 */
#ifndef _VMA_LINUX_PRINTK_H
#define _VMA_LINUX_PRINTK_H

#include <linux/kernel.h>

void vma_printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern unsigned long vma_kernel_messages;

#undef printk
#undef pr_err
#undef pr_warn
#undef pr_notice
#undef pr_info
#undef pr_debug
#undef pr_cont
#define printk(fmt, ...)	vma_printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	vma_printk(fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	vma_printk(fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	vma_printk(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	vma_printk(fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	do { } while (0)
#define pr_cont(fmt, ...)	vma_printk(fmt, ##__VA_ARGS__)
#define pr_warn_once		pr_warn
#define pr_info_once		pr_info
#define pr_warn_ratelimited	pr_warn

/* shims/bug.c */
void dump_stack(void);

#endif /* _VMA_LINUX_PRINTK_H */

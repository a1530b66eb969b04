/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/percpu_counter.h>: extracted from KDIR (!CONFIG_SMP: a plain counter). */
#ifndef _LINUX_PERCPU_COUNTER_H
#define _LINUX_PERCPU_COUNTER_H

#include <linux/types.h>

/* no-op: no interrupts in the harness */
#define local_irq_save(flags)		((flags) = 0)
#define local_irq_restore(flags)	((void)(flags))

/* @extract include/linux/percpu_counter.h
 *	struct percpu_counter percpu_counter_read percpu_counter_read_positive
 *	percpu_counter_add_batch percpu_counter_add percpu_counter_sum_positive?
 *	percpu_counter_init percpu_counter_init_many percpu_counter_destroy?
 *	percpu_counter_destroy_many?
 */
#include <extract/linux/percpu_counter.h>

#endif /* _LINUX_PERCPU_COUNTER_H */

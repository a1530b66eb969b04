/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/sched/signal.h>: the rlimit helpers, extracted from KDIR, over the harness's task model; signal state is the model's flag. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

/* @extract include/linux/sched/signal.h
 *	task_rlimit task_rlimit_max rlimit rlimit_max
 */
/* real: the task model's flag */
static inline int signal_pending(struct task_struct *p)
{
	return p->fatal_signal;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return p->fatal_signal;
}
#include <extract/linux/sched/signal.h>

#endif /* _LINUX_SCHED_SIGNAL_H */

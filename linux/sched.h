/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/sched.h>.
 *
 * The task state constants are extracted from KDIR.  struct task_struct is
 * NOT the kernel's (thousands of lines of scheduler state): it is the
 * harness's model of 'current', holding only what the mm code under test
 * reads, and it is implemented in shims/task.c.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/resource.h>
#include <linux/personality.h>

/* @extract include/linux/sched.h
 *	TASK_RUNNING TASK_INTERRUPTIBLE TASK_UNINTERRUPTIBLE TASK_WAKEKILL
 *	TASK_KILLABLE TASK_NORMAL PF_EXITING PF_KTHREAD PF_MEMALLOC PF_RANDOMIZE
 */

struct mm_struct;

/* Harness model of a task: real userspace implementation (shims/task.c). */
struct signal_struct {
	struct rlimit rlim[RLIM_NLIMITS];
};

struct task_struct {
	char comm[16];
	int pid;
	struct mm_struct *mm;
	unsigned int personality;
	unsigned int flags;
	bool compat;			/* in_compat_syscall() and TIF_ADDR32 */
	bool fatal_signal;		/* fatal_signal_pending() */
	struct signal_struct *signal;
	struct signal_struct __signal;
};

struct task_struct *get_current(void);
#define current get_current()

/* no-op: nothing to reschedule in the single-threaded harness */
static inline void cond_resched(void)
{
}

/* no-op: the harness never sleeps */
static inline void might_sleep(void)
{
}

/*
 * Arch model: thread flags.  TIF_ADDR32 (x86's 32-bit-task address limit,
 * extracted) follows current->compat, which tests toggle.
 */
#ifdef CONFIG_X86
/* @extract arch/x86/include/asm/thread_info.h
 *	TIF_ADDR32
 */
#endif
bool test_thread_flag(int flag);
unsigned long task_size_max(void);

#include <extract/linux/sched.h>

#endif /* _LINUX_SCHED_H */

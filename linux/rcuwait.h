/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/rcuwait.h>: nobody waits in the single-threaded
 * harness, so there is never a task to wake or to wait for.
 */
#ifndef _LINUX_RCUWAIT_H_
#define _LINUX_RCUWAIT_H_

#include <linux/bug.h>

struct rcuwait {
	void *task;
};

#define __RCUWAIT_INITIALIZER(name)	{ .task = NULL }

/* real: no task waits */
static inline void rcuwait_init(struct rcuwait *w)
{
	w->task = NULL;
}

/* no-op: there is never a task to wake */
static inline int rcuwait_wake_up(struct rcuwait *w)
{
	return 0;
}

/*
 * Nobody else runs: waiting for a condition that does not hold yet would
 * wait forever.  Report it as a kernel WARN and carry on.
 */
#define rcuwait_wait_event(w, condition, state)				\
({									\
	WARN_ON(!(condition));						\
	0;								\
})

#endif /* _LINUX_RCUWAIT_H_ */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/mutex.h>.
 * real: inline, for one thread.
 *
 * The mm code under test runs on one thread: a mutex is a flag, and taking
 * a held one (a self-deadlock in the kernel) or releasing a free one is a
 * bug in the code under test, reported through BUG_ON().
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/bug.h>
#include <linux/types.h>

struct mutex {
	bool locked;
};

#define __MUTEX_INITIALIZER(name)	{ .locked = false }
#define DEFINE_MUTEX(name)	struct mutex name = __MUTEX_INITIALIZER(name)

static inline void mutex_init(struct mutex *lock)
{
	lock->locked = false;
}

static inline bool mutex_is_locked(struct mutex *lock)
{
	return lock->locked;
}

static inline void mutex_lock(struct mutex *lock)
{
	BUG_ON(lock->locked);
	lock->locked = true;
}

static inline int mutex_trylock(struct mutex *lock)
{
	if (lock->locked)
		return 0;
	lock->locked = true;
	return 1;
}

static inline void mutex_unlock(struct mutex *lock)
{
	BUG_ON(!lock->locked);
	lock->locked = false;
}

#define mutex_lock_nested(lock, subclass)	mutex_lock(lock)
#define mutex_lock_killable(lock)		(mutex_lock(lock), 0)

#endif /* __LINUX_MUTEX_H */

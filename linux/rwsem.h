/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/rwsem.h>: real userspace implementation (shims/locks.c).
 *
 * The harness is single-threaded where the mm runs, so a semaphore is a
 * reader count and a writer flag; taking it in a conflicting state is a
 * bug in the code under test and aborts, and the rwsem_assert_*() checks
 * that mmap_assert_*locked() rely on are real.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/types.h>

struct rw_semaphore {
	int readers;
	bool writer;
};

#define __RWSEM_INITIALIZER(name)	{ .readers = 0, .writer = false }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
bool rwsem_is_locked(struct rw_semaphore *sem);
void rwsem_assert_held(const struct rw_semaphore *sem);
void rwsem_assert_held_write(const struct rw_semaphore *sem);

/* no-op: nobody else ever waits */
static inline int rwsem_is_contended(struct rw_semaphore *sem)
{
	return 0;
}

#define down_read_nested(sem, subclass)		down_read(sem)
#define down_write_nested(sem, subclass)	down_write(sem)
#define down_write_killable_nested(sem, subclass) down_write_killable(sem)
#define down_write_nest_lock(sem, nest_lock)	down_write(sem)
#define up_read_non_owner(sem)			up_read(sem)

#endif /* _LINUX_RWSEM_H */

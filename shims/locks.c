// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores.
 * real: for the
 * single-threaded harness (see linux/rwsem.h).  A conflicting acquisition
 * would block forever in the kernel; here it is reported as a BUG.
 */
#include <linux/rwsem.h>
#include <linux/bug.h>

void init_rwsem(struct rw_semaphore *sem)
{
	sem->readers = 0;
	sem->writer = false;
}

void down_read(struct rw_semaphore *sem)
{
	BUG_ON(sem->writer);
	sem->readers++;
}

int down_read_killable(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}

int down_read_trylock(struct rw_semaphore *sem)
{
	if (sem->writer)
		return 0;
	sem->readers++;
	return 1;
}

void up_read(struct rw_semaphore *sem)
{
	BUG_ON(sem->readers <= 0);
	sem->readers--;
}

void down_write(struct rw_semaphore *sem)
{
	BUG_ON(sem->writer || sem->readers);
	sem->writer = true;
}

int down_write_killable(struct rw_semaphore *sem)
{
	down_write(sem);
	return 0;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	if (sem->writer || sem->readers)
		return 0;
	sem->writer = true;
	return 1;
}

void up_write(struct rw_semaphore *sem)
{
	BUG_ON(!sem->writer);
	sem->writer = false;
}

void downgrade_write(struct rw_semaphore *sem)
{
	BUG_ON(!sem->writer);
	sem->writer = false;
	sem->readers++;
}

bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return sem->writer || sem->readers;
}

void rwsem_assert_held(const struct rw_semaphore *sem)
{
	WARN_ON(!sem->writer && !sem->readers);
}

void rwsem_assert_held_write(const struct rw_semaphore *sem)
{
	WARN_ON(!sem->writer);
}

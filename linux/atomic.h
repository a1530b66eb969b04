/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/atomic.h>: tools/include's atomics, plus the
 * operations the kernel code under test uses that tools/include lacks:
 * real: GCC __atomic builtins.  The orderings are
 * the kernel's: _relaxed, _acquire, _release or fully ordered.
 */
#ifndef _VMA_LINUX_ATOMIC_H
#define _VMA_LINUX_ATOMIC_H

#include_next <linux/atomic.h>

#define __VMA_ATOMIC_OPS(sfx, order)					\
static inline int atomic_fetch_add##sfx(int i, atomic_t *v)		\
{									\
	return __atomic_fetch_add(&v->counter, i, order);		\
}									\
static inline int atomic_fetch_sub##sfx(int i, atomic_t *v)		\
{									\
	return __atomic_fetch_sub(&v->counter, i, order);		\
}									\
static inline bool atomic_try_cmpxchg##sfx(atomic_t *v, int *old, int new) \
{									\
	return __atomic_compare_exchange_n(&v->counter, old, new, false, \
					   order, __ATOMIC_RELAXED);	\
}

__VMA_ATOMIC_OPS(_relaxed, __ATOMIC_RELAXED)
__VMA_ATOMIC_OPS(_acquire, __ATOMIC_ACQUIRE)
__VMA_ATOMIC_OPS(_release, __ATOMIC_RELEASE)

static inline int atomic_fetch_add(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_sub(int i, atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline void atomic_set_release(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);
}

static inline void atomic_add(int i, atomic_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline void atomic_sub(int i, atomic_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline void atomic_dec(atomic_t *v)
{
	__atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline bool atomic_inc_not_zero(atomic_t *v)
{
	int old = __atomic_load_n(&v->counter, __ATOMIC_RELAXED);

	do {
		if (!old)
			return false;
	} while (!__atomic_compare_exchange_n(&v->counter, &old, old + 1,
					      false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return true;
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline void atomic_long_sub(long i, atomic_long_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline s64 atomic64_read(const atomic64_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic64_set(atomic64_t *v, s64 i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic64_add(s64 i, atomic64_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline void atomic64_sub(s64 i, atomic64_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline bool atomic_dec_unless_positive(atomic_t *v)
{
	int old = __atomic_load_n(&v->counter, __ATOMIC_RELAXED);

	do {
		if (old > 0)
			return false;
	} while (!__atomic_compare_exchange_n(&v->counter, &old, old - 1,
					      false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return true;
}

#define try_cmpxchg(ptr, oldp, new)					\
	__atomic_compare_exchange_n((ptr), (oldp), (new), false,	\
				    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)

#ifndef smp_acquire__after_ctrl_dep
#define smp_acquire__after_ctrl_dep()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#endif

#endif /* _VMA_LINUX_ATOMIC_H */

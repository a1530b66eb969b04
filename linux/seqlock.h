/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/seqlock.h>.
 * real: inline, for one thread.
 *
 * A sequence counter without the memory barriers: the mm code under test
 * runs on one thread, and the per-VMA lock reads mm_lock_seq.sequence.
 */
#ifndef __LINUX_SEQLOCK_H
#define __LINUX_SEQLOCK_H

#include <linux/compiler.h>

typedef struct seqcount {
	unsigned int sequence;
} seqcount_t;

#define SEQCNT_ZERO(name)	{ .sequence = 0 }

static inline void seqcount_init(seqcount_t *s)
{
	s->sequence = 0;
}

static inline void do_raw_write_seqcount_begin(seqcount_t *s)
{
	s->sequence++;
}

static inline void do_raw_write_seqcount_end(seqcount_t *s)
{
	s->sequence++;
}

#define raw_write_seqcount_begin(s)	do_raw_write_seqcount_begin(s)
#define raw_write_seqcount_end(s)	do_raw_write_seqcount_end(s)
#define write_seqcount_begin(s)		do_raw_write_seqcount_begin(s)
#define write_seqcount_end(s)		do_raw_write_seqcount_end(s)

static inline unsigned int raw_read_seqcount(const seqcount_t *s)
{
	return READ_ONCE(s->sequence);
}

static inline unsigned int read_seqcount_begin(const seqcount_t *s)
{
	return READ_ONCE(s->sequence) & ~1U;
}

static inline int read_seqcount_retry(const seqcount_t *s, unsigned int start)
{
	return READ_ONCE(s->sequence) != start;
}

#define raw_seqcount_try_begin(s, start)				\
({									\
	start = raw_read_seqcount(s);					\
	!(start & 1);							\
})

#endif /* __LINUX_SEQLOCK_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/bitops.h>: tools/include's, with a real userspace
 * implementation of the atomic clear_bit() and test_and_clear_bit().
 *
 * tools/include maps clear_bit() to test_and_clear_bit(), which x86's
 * tools/arch/x86/include/asm/atomic.h implements with 'btc' (bit test and
 * COMPLEMENT): clearing a clear bit sets it.  mm_flags_clear() and
 * mm_drop_all_locks() use clear_bit(), so the harness must not.
 */
#ifndef _VMA_LINUX_BITOPS_H
#define _VMA_LINUX_BITOPS_H

#include_next <linux/bitops.h>
/*
 * real: atomic, on every bit.  The x86 definitions this replaces must come
 * first.
 */
#include <asm/atomic.h>

static inline bool vma_test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % BITS_PER_LONG);
	unsigned long old = __atomic_fetch_and(addr + nr / BITS_PER_LONG, ~mask,
					       __ATOMIC_SEQ_CST);

	return old & mask;
}

static inline void vma_clear_bit(long nr, volatile unsigned long *addr)
{
	vma_test_and_clear_bit(nr, addr);
}

#undef clear_bit
#undef test_and_clear_bit
#define clear_bit(nr, addr)		vma_clear_bit(nr, addr)
#define test_and_clear_bit(nr, addr)	vma_test_and_clear_bit(nr, addr)

#endif /* _VMA_LINUX_BITOPS_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The limits an operation can run into, for the limit sweep (sweep.h):
 * each one tightened to what the address space uses now, so that the
 * next operation that needs more of it fails its check, then put back.
 * Kernel types: the fixture's side only.
 */
#ifndef _VMA_HARNESS_LIMIT_H
#define _VMA_HARNESS_LIMIT_H

#include <stdbool.h>

enum test_limit {
	TEST_LIMIT_AS,		/* RLIMIT_AS: may_expand_vm() */
	TEST_LIMIT_DATA,	/* RLIMIT_DATA: may_expand_vm(), brk */
	TEST_LIMIT_COMMIT,	/* overcommit: security_vm_enough_memory_mm() */
	TEST_LIMIT_MAP_COUNT,	/* sysctl_max_map_count: new VMAs, splits */
	TEST_LIMIT_MEMLOCK,	/* RLIMIT_MEMLOCK: mlock_future_ok() */
	TEST_LIMIT_MSEAL,	/* sealed VMAs in the range: can_modify_vma() */
	NR_TEST_LIMITS,
};

/* What test_limit_tighten() changed, for test_limit_restore(). */
struct test_limit_saved {
	enum test_limit limit;
	unsigned long rlim_cur, rlim_max;
	int max_map_count;
	bool fail_commit;
};

/* "RLIMIT_AS", ... */
const char *test_limit_name(enum test_limit limit);

/* The errno a failed check of @limit gives (-ENOMEM, -EAGAIN, -EPERM). */
long test_limit_errno(enum test_limit limit);

/* Does this build have @limit at all (mseal needs CONFIG_64BIT)? */
bool test_limit_available(enum test_limit limit);

/*
 * Tighten @limit for an operation on [start, start + len) (len 0: the
 * whole address space, for brk): the rlimits to the pages in use, the
 * map count to below the VMAs there are, overcommit to refuse, every VMA
 * in the range sealed.  False, with nothing changed, if it cannot apply
 * (mseal: no VMA in the range, or the test seals VMAs itself).
 */
/*
 * What @limit caps, now: the pages in use (RLIMIT_AS, RLIMIT_DATA,
 * RLIMIT_MEMLOCK), the commit charge, the VMAs; for mseal the sealed
 * pages.  Under the tightened limit no operation may raise the first
 * ones, nor lower the sealed pages (unmap or replace a sealed VMA).
 */
unsigned long test_limit_usage(enum test_limit limit);

/*
 * The pages of [start, start + len) mapped now by VMAs that are not data
 * mappings: what a MAP_FIXED mmap over them adds to data_vm without
 * RLIMIT_DATA's check (__mmap_setup() asks may_expand_vm() for the
 * mapping's pages less every page it replaces, data or not).
 */
unsigned long test_limit_nondata_pages(unsigned long start, unsigned long len);

bool test_limit_tighten(enum test_limit limit, unsigned long start,
			unsigned long len, struct test_limit_saved *saved);
void test_limit_restore(const struct test_limit_saved *saved);

#endif /* _VMA_HARNESS_LIMIT_H */

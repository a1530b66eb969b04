/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fault sweep (./vma --fault-sweep), in one place: which runs a test
 * gets, what each run must satisfy, what the runs came to, and the
 * allocation sites at the end.  Failure injection itself is
 * shims/fault.h's.
 *
 * After a passing plain run that made n allocations, the test is run
 * again failing allocation 1, 2, ... n in turn (at most sweep_max runs,
 * default 64: then the first half and the rest spread evenly, plus the
 * first allocation at each site the plain run reached).  A failure the
 * run absorbs (a retry such as the maple tree's mas_nomem(), or a
 * fallback) is run once more with every later allocation failing too.
 *
 * Each run must satisfy: an operation the fixture performs
 * (sweep_op_begin()/sweep_op_end() around it) that the failure hits
 * either fails with -ENOMEM and leaves the address space as it was (a
 * MAP_FIXED-like operation may leave exactly its range unmapped), or
 * succeeds and leaves every mapping outside its range as it was; and the
 * fixture's teardown finds no leak, a valid tree, balanced file
 * references, no unexpected WARN.  What the test expects after the
 * failure need not hold: such a run "diverged".
 *
 * Plain libc types only: the runner includes this.
 */
#ifndef _VMA_HARNESS_SWEEP_H
#define _VMA_HARNESS_SWEEP_H

#include <stdbool.h>
#include <stddef.h>

#include "runner.h"

/* ---- For the runner -------------------------------------------------- */

/* At most @max runs per test (at least 2; VMA_SWEEP_MAX). */
void sweep_set_max(unsigned long max);

/*
 * Sweep @tc, whose plain run has just passed.  True if every run met the
 * rules, with what they came to in @note; false if one did not: the test
 * failed, with that run's diagnostics printed.
 */
bool sweep_test(const struct vma_test_case *tc, char *note, size_t len);

/* The sweep's totals and its allocation sites, as "#" lines. */
void sweep_report(void);

/*
 * The limit sweep (./vma --limit-sweep): after a passing plain run whose
 * body performed n fixture operations, the test is run again once per
 * limit (RLIMIT_AS, RLIMIT_DATA, overcommit, max_map_count,
 * RLIMIT_MEMLOCK, mseal: limit.h) and operation k = 1..n (at most
 * sweep_max of them, spread), with that limit tightened to what the
 * address space uses just before operation k, and put back after it.  An
 * operation whose result the limit changes must fail with the limit's
 * errno and leave the address space exactly as it was -- no gap, even for
 * MAP_FIXED, whose limit checks all come before it unmaps anything --
 * with nothing leaked; then the run ends.  One whose result it does not
 * change must not use more of what the limit caps than before (pages,
 * commit charge, VMAs; for mseal, no sealed page unmapped or replaced): a
 * limit check an operation skips fails the run -- but for what the kernel
 * itself does not check: a MAP_FIXED mmap over pages that are no data
 * mapping may grow data_vm by those pages past RLIMIT_DATA
 * (__mmap_setup() checks the pages it does not replace), counted apart.
 * The one exception to a clean failure is
 * vm_brk_flags(), which unmaps its range and then checks RLIMIT_AS,
 * RLIMIT_DATA, overcommit and the map count (mm/mmap.c): its failure may
 * leave exactly that range unmapped, counted apart.  Otherwise the test goes on,
 * and what it expects afterwards need not hold.  Same return and note as
 * sweep_test().
 */
bool limit_sweep_test(const struct vma_test_case *tc, char *note, size_t len);

/* Per limit: runs, clean failures, runs it did not change; "#" lines. */
void limit_sweep_report(void);

/*
 * A test run in a child process (the runner forks one per test) sweeps
 * there: the child forgets the counts it inherited, exports what its test
 * added (at most SWEEP_STATS_MAX bytes) and the parent imports it, so that
 * sweep_report() tells of every test.
 */
#define SWEEP_STATS_MAX		(64 * 1024)
void sweep_stats_forget(void);
size_t sweep_stats_export(void *buf, size_t size);
void sweep_stats_import(const void *buf, size_t len);

/* Around each test body: arm the failure (0: none), then take stock. */
void sweep_body_begin(unsigned long nth, bool persist);
void sweep_body_end(void);

/* ---- For the fixture ------------------------------------------------- */

/* In a sweep run: a failure is armed. */
bool sweep_armed(void);
/* After sweep_body_end(): the body reached the armed failure or limit. */
bool sweep_hit(void);

/* What an operation the fixture performs is, for the checks around it. */
enum sweep_op {
	SWEEP_OP,		/* maps in free space, or unmaps */
	SWEEP_OP_FIXED,		/* replaces what its range held (MAP_FIXED,
				 * remap_file_pages()) */
	SWEEP_OP_UNMAP_FIRST,	/* the same, but unmaps the range before it
				 * checks its limits (vm_brk_flags()) */
	SWEEP_OP_BRK,		/* brk(): fails by returning the old break */
};

/*
 * The checks around one operation on [start, start + len).  @err is its
 * result (0 or -errno) and [start, end) the range it changed.  A no-op
 * outside sweep runs.  A failed operation that the armed failure (or
 * limit) hit ends the run (test_end_checked()) once the checks pass.
 */
void sweep_op_begin(enum sweep_op kind, unsigned long start,
		    unsigned long len);
void sweep_op_end(long err, unsigned long start, unsigned long end);

/* ---- For tests ------------------------------------------------------- */

/*
 * Fail the nth allocation from now on (counted from 1); 0: none again.
 * For a test that sweeps one kernel call itself; in a sweep run it takes
 * the failure over, and the sweep's checks stand aside.
 */
void test_fail_allocation(unsigned long nth);

#endif /* _VMA_HARNESS_SWEEP_H */

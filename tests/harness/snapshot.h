/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An independent record of an address space: every VMA's range, flags,
 * page offset, anon_vma, file, vm_ops and private data, walked from the
 * maple tree, plus the mm's counters and the commit charge (the shims'
 * vm_committed_as, which is global: a snapshot compares it only around
 * one operation).  A test (or the fault sweep) takes
 * one before an operation that must leave the address space as it was
 * when it fails, and asserts it afterwards.
 *
 * The first TEST_SNAPSHOT_MAX VMAs are kept field by field (a difference
 * among them is reported with both values); all of them go into a digest,
 * so that larger address spaces are compared too, without allocating.
 */
#ifndef _VMA_TESTS_SNAPSHOT_H
#define _VMA_TESTS_SNAPSHOT_H

#include "fixture.h"

#define TEST_SNAPSHOT_MAX	64

struct test_vma_record {
	unsigned long start, end, pgoff, flags;
	const void *anon_vma, *file, *vm_ops, *private_data;
};

struct test_snapshot {
	bool mappings;			/* test_snapshot_take_mappings() */
	int nr;				/* VMAs (or mappings), all of them */
	uint64_t digest;		/* of every record, in order */
	unsigned long map_count, total_vm, locked_vm, data_vm, exec_vm;
	unsigned long stack_vm;
	s64 committed;			/* vm_committed_as, the commit charge */
	struct test_vma_record vma[TEST_SNAPSHOT_MAX];
};

/* Record test_mm now. */
void test_snapshot_take(struct test_snapshot *s);

/*
 * Record the mappings rather than the VMAs: adjacent VMAs that are one
 * mapping split in two (same flags, anon_vma, file, ops and private data,
 * contiguous page offsets) count as one, and map_count is not recorded.
 * What a failed operation that splits VMAs before it fails (munmap,
 * mprotect, MAP_FIXED) must leave unchanged: the kernel does not merge the
 * pieces back.
 */
void test_snapshot_take_mappings(struct test_snapshot *s);

/*
 * The mappings as they would be with [start, end) unmapped: what a failed
 * MAP_FIXED mmap() leaves when it fails after tearing the old range down
 * (vms_abort_munmap_vmas(): "leaving a gap where the MAP_FIXED mapping
 * failed").  total_vm, data_vm, exec_vm, stack_vm and locked_vm drop by
 * the pages removed, by vm_stat_account()'s rules, and the commit charge
 * by the VM_ACCOUNT pages removed.
 */
void test_snapshot_take_mappings_except(struct test_snapshot *s,
					unsigned long start, unsigned long end);

/* Is the address space what *s recorded (no assertion)? */
bool test_snapshot_matches(const struct test_snapshot *s);

/*
 * Cut [start, end) out of the mappings snapshot *s after the fact: the
 * records (and the counters) become what
 * test_snapshot_take_mappings_except() would have taken.  Returns false,
 * and changes nothing, if *s has more VMAs than it keeps field by field.
 */
bool test_snapshot_cut(struct test_snapshot *s, unsigned long start,
		       unsigned long end);

/* Assert that two snapshots hold the same records (not counters). */
#define ASSERT_SNAPSHOT_RECORDS(now, was) do {				\
	const struct test_snapshot *__n_s = (now), *__w_s = (was);	\
	int __i;							\
									\
	ASSERT_EQ(__n_s->nr, __w_s->nr);				\
	for (__i = 0; __i < __n_s->nr && __i < TEST_SNAPSHOT_MAX; __i++) { \
		const struct test_vma_record *__n = &__n_s->vma[__i];	\
		const struct test_vma_record *__w = &__w_s->vma[__i];	\
									\
		ASSERT_EQ(__n->start, __w->start);			\
		ASSERT_EQ(__n->end, __w->end);				\
		ASSERT_EQ(__n->pgoff, __w->pgoff);			\
		ASSERT_EQ(__n->flags, __w->flags);			\
		ASSERT_EQ(__n->anon_vma, __w->anon_vma);		\
		ASSERT_EQ(__n->file, __w->file);			\
		ASSERT_EQ(__n->vm_ops, __w->vm_ops);			\
		ASSERT_EQ(__n->private_data, __w->private_data);	\
	}								\
	ASSERT_EQ(__n_s->digest, __w_s->digest);			\
} while (0)

/* Assert that test_mm is what *s recorded, VMA by VMA, field by field. */
#define ASSERT_SNAPSHOT(s) do {						\
	struct test_snapshot __now;					\
	const struct test_snapshot *__was = (s);			\
									\
	if (__was->mappings)						\
		test_snapshot_take_mappings(&__now);			\
	else								\
		test_snapshot_take(&__now);				\
	ASSERT_SNAPSHOT_RECORDS(&__now, __was);				\
	ASSERT_EQ(__now.map_count, __was->map_count);			\
	ASSERT_EQ(__now.total_vm, __was->total_vm);			\
	ASSERT_EQ(__now.locked_vm, __was->locked_vm);			\
	ASSERT_EQ(__now.data_vm, __was->data_vm);			\
	ASSERT_EQ(__now.exec_vm, __was->exec_vm);			\
	ASSERT_EQ(__now.stack_vm, __was->stack_vm);			\
	ASSERT_EQ(__now.committed, __was->committed);			\
} while (0)

#endif /* _VMA_TESTS_SNAPSHOT_H */

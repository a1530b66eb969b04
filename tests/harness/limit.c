// SPDX-License-Identifier: GPL-2.0
/*
 * The limits of the limit sweep (limit.h), set on the harness's task
 * and mm as a test would set them.
 */
#include "fixture.h"
#include "limit.h"

static const struct {
	const char *name;
	int rlimit;		/* -1: not an rlimit */
	long err;
} limits[NR_TEST_LIMITS] = {
	[TEST_LIMIT_AS]		= { "RLIMIT_AS", RLIMIT_AS, -ENOMEM },
	[TEST_LIMIT_DATA]	= { "RLIMIT_DATA", RLIMIT_DATA, -ENOMEM },
	[TEST_LIMIT_COMMIT]	= { "overcommit", -1, -ENOMEM },
	[TEST_LIMIT_MAP_COUNT]	= { "max_map_count", -1, -ENOMEM },
	[TEST_LIMIT_MEMLOCK]	= { "RLIMIT_MEMLOCK", RLIMIT_MEMLOCK, -EAGAIN },
	[TEST_LIMIT_MSEAL]	= { "mseal", -1, -EPERM },
};

const char *test_limit_name(enum test_limit limit)
{
	return limits[limit].name;
}

long test_limit_errno(enum test_limit limit)
{
	return limits[limit].err;
}

bool test_limit_available(enum test_limit limit)
{
	return limit != TEST_LIMIT_MSEAL || VM_SEALED != VM_NONE;
}

/* The pages in use that @rlimit limits. */
static unsigned long limit_pages(struct mm_struct *mm, enum test_limit limit)
{
	switch (limit) {
	case TEST_LIMIT_AS:
		return mm->total_vm;
	case TEST_LIMIT_DATA:
		return mm->data_vm;
	default:
		return mm->locked_vm;
	}
}

static unsigned long sealed_pages(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long pages = 0;
	VMA_ITERATOR(vmi, mm, 0);

	for_each_vma(vmi, vma)
		if (vma->vm_flags & VM_SEALED)
			pages += vma_pages(vma);
	return pages;
}

unsigned long test_limit_nondata_pages(unsigned long start, unsigned long len)
{
	unsigned long end = start + PAGE_ALIGN(len), pages = 0;
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, current->mm, start);

	if (end <= start)
		return 0;
	for_each_vma_range(vmi, vma, end)
		if (!is_data_mapping(vma->vm_flags))
			pages += (min(end, vma->vm_end) -
				  max(start, vma->vm_start)) >> PAGE_SHIFT;
	return pages;
}

unsigned long test_limit_usage(enum test_limit limit)
{
	struct mm_struct *mm = current->mm;

	switch (limit) {
	case TEST_LIMIT_COMMIT:
		return percpu_counter_read(&vm_committed_as);
	case TEST_LIMIT_MAP_COUNT:
		return mm->map_count;
	case TEST_LIMIT_MSEAL:
		return sealed_pages(mm);
	default:
		return limit_pages(mm, limit);
	}
}

/* Seal (or unseal) every VMA that intersects [start, end). */
static int seal_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end, bool seal)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, mm, start);
	int n = 0;

	mmap_write_lock(mm);
	for_each_vma_range(vmi, vma, end) {
		vma_start_write(vma);
		if (seal)
			vm_flags_set(vma, VM_SEALED);
		else
			vm_flags_clear(vma, VM_SEALED);
		n++;
	}
	mmap_write_unlock(mm);
	return n;
}

bool test_limit_tighten(enum test_limit limit, unsigned long start,
			unsigned long len, struct test_limit_saved *saved)
{
	struct mm_struct *mm = current->mm;
	int r = limits[limit].rlimit;

	saved->limit = limit;
	if (r >= 0) {
		saved->rlim_cur = current->signal->rlim[r].rlim_cur;
		saved->rlim_max = current->signal->rlim[r].rlim_max;
		/* both: RLIMIT_DATA's valgrind escape uses rlim_max */
		current->signal->rlim[r].rlim_cur =
			limit_pages(mm, limit) << PAGE_SHIFT;
		current->signal->rlim[r].rlim_max =
			current->signal->rlim[r].rlim_cur;
		return true;
	}
	switch (limit) {
	case TEST_LIMIT_COMMIT:
		saved->fail_commit = vma_fail_vm_enough_memory;
		vma_fail_vm_enough_memory = true;
		return true;
	case TEST_LIMIT_MAP_COUNT:
		/* full: do_mmap() refuses above it, a split at it */
		saved->max_map_count = sysctl_max_map_count;
		sysctl_max_map_count = mm->map_count - 1;
		return true;
	case TEST_LIMIT_MSEAL:
		if (!test_limit_available(limit) || sealed_pages(mm))
			return false;
		if (!len)
			return seal_range(mm, 0, ULONG_MAX, true) > 0;
		if (start + PAGE_ALIGN(len) <= start)
			return false;
		return seal_range(mm, start, start + PAGE_ALIGN(len), true) > 0;
	default:
		return false;
	}
}

void test_limit_restore(const struct test_limit_saved *saved)
{
	int r = limits[saved->limit].rlimit;

	if (r >= 0) {
		current->signal->rlim[r].rlim_cur = saved->rlim_cur;
		current->signal->rlim[r].rlim_max = saved->rlim_max;
		return;
	}
	switch (saved->limit) {
	case TEST_LIMIT_COMMIT:
		vma_fail_vm_enough_memory = saved->fail_commit;
		break;
	case TEST_LIMIT_MAP_COUNT:
		sysctl_max_map_count = saved->max_map_count;
		break;
	case TEST_LIMIT_MSEAL:
		/* the sealed VMAs may have been split or moved: all of them */
		seal_range(current->mm, 0, ULONG_MAX, false);
		break;
	default:
		break;
	}
}

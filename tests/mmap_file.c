// SPDX-License-Identifier: GPL-2.0
/*
 * File mappings through do_mmap() -> __mmap_region() with a fake driver
 * that implements ->mmap_prepare(): what the driver sees and sets, the
 * error path, pgoff contiguity for merging, and file references.
 */
#include "fixture.h"
#include "snapshot.h"

static const struct vm_operations_struct drv_vm_ops;
static int drv_marker;

/* The recording driver, putting drv_vm_ops and drv_marker on its VMAs. */
static void drv_reset(void)
{
	memset(&test_drv, 0, sizeof(test_drv));
	test_drv.vm_ops = &drv_vm_ops;
	test_drv.private_data = &drv_marker;
}

static unsigned long map_file(struct file *f, unsigned long addr,
			      unsigned long len, unsigned long pgoff,
			      unsigned long flags)
{
	return test_mmap(f, addr, len, PROT_READ | PROT_WRITE,
			 MAP_SHARED | flags, pgoff);
}

/* The driver sees the final range and pgoff; its vm_ops/private land. */
VMA_TEST(mmap_prepare_sees_range_sets_ops)
{
	struct file *f = test_file_new(&test_drv_fops);
	struct vm_area_struct *vma;

	drv_reset();
	ASSERT_EQ(map_file(f, A, 3 * P, 5, MAP_FIXED), A);
	ASSERT_EQ(test_drv.calls, 1);
	ASSERT_EQ(test_drv.start, A);
	ASSERT_EQ(test_drv.end, A + 3 * P);
	ASSERT_EQ(test_drv.pgoff, 5);

	vma = test_vma_at(A);
	ASSERT_VMA(vma, A, A + 3 * P, 5);
	ASSERT_EQ(vma->vm_file, f);
	ASSERT_EQ(vma->vm_ops, &drv_vm_ops);
	ASSERT_EQ(vma->vm_private_data, &drv_marker);
	ASSERT_TRUE(vma->vm_flags & VM_SHARED);
	/* the VMA holds one file reference until it is unmapped */
	ASSERT_EQ(f->f_count, 2);
	ASSERT_EQ(test_munmap(A, 3 * P), 0);
	ASSERT_EQ(f->f_count, 1);
}

/*
 * ->mmap_prepare() fails: the error is returned, nothing is mapped, the
 * file reference is dropped again.
 */
VMA_TEST(mmap_prepare_error_leaves_nothing)
{
	struct file *f = test_file_new(&test_drv_fops);

	drv_reset();
	test_drv.error = -EIO;
	ASSERT_EQ(map_file(f, A, 3 * P, 0, MAP_FIXED), (unsigned long)-EIO);
	ASSERT_EQ(test_drv.calls, 1);
	ASSERT_EQ(test_vma_count(), 0);
	ASSERT_EQ(f->f_count, 1);
}

/*
 * ->mmap_prepare() fails for a MAP_FIXED mapping over existing ones, on a
 * tree that asks the driver before it changes the address space
 * (patches/0001): everything is as it was, VMA for VMA.
 *
 *	[ a | a | a | a ][ b ]  ->  the same
 *
 * Catches the hook called after the old range is torn down again, and a
 * failure path that leaves a VMA, a split or a charge behind.
 */
VMA_TEST(mmap_prepare_error_fixed_restores)
{
	struct file *f = test_file_new(&test_drv_fops);
	struct test_snapshot before;

	if (!TEST_MMAP_PREPARE_FIRST)
		SKIP("this tree calls ->mmap_prepare after tearing the range down "
		     "(mmap_prepare_error_fixed_leaves_gap checks that); "
		     "patches/0001 changes it");
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A + 4 * P, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), A + 4 * P);
	test_snapshot_take(&before);
	drv_reset();
	test_drv.error = -EIO;
	ASSERT_EQ(map_file(f, A + P, 4 * P, 0, MAP_FIXED), (unsigned long)-EIO);
	ASSERT_EQ(test_drv.calls, 1);
	ASSERT_SNAPSHOT(&before);
	ASSERT_EQ(f->f_count, 1);
}

/*
 * The same on a tree that asks the driver after __mmap_setup() has cleared
 * the old range's page tables and closed its VMAs (v7.3 as released): the
 * kernel cannot put them back and leaves a gap where the new mapping
 * failed, keeping the rest exactly:
 *
 *	[ a | a | a | a ]  ->  [ a ]         [ a ]
 *
 * Catches a failure path that keeps the freed VMA in the tree (use after
 * free) or that drops the surviving pieces.
 */
VMA_TEST(mmap_prepare_error_fixed_leaves_gap)
{
	struct file *f = test_file_new(&test_drv_fops);

	if (TEST_MMAP_PREPARE_FIRST)
		SKIP("this tree calls ->mmap_prepare first (patches/0001): "
		     "mmap_prepare_error_fixed_restores checks it");
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	drv_reset();
	test_drv.error = -EIO;
	ASSERT_EQ(map_file(f, A + P, 2 * P, 0, MAP_FIXED), (unsigned long)-EIO);
	ASSERT_VMA(test_vma_at(A), A, A + P, A >> PAGE_SHIFT);
	ASSERT_NULL(test_vma_at(A + P));
	ASSERT_NULL(test_vma_at(A + 2 * P));
	ASSERT_VMA(test_vma_at(A + 3 * P), A + 3 * P, A + 4 * P,
		   (A + 3 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/* Adjacent mappings of one file merge iff their pgoffs are contiguous. */
VMA_TEST(mmap_file_merge_pgoff_contiguous)
{
	struct file *f = test_file_new(&test_drv_fops);

	drv_reset();
	ASSERT_EQ(map_file(f, A, 2 * P, 10, MAP_FIXED), A);
	ASSERT_EQ(map_file(f, A + 2 * P, 2 * P, 12, MAP_FIXED), A + 2 * P);
	ASSERT_VMA(test_vma_at(A), A, A + 4 * P, 10);
	ASSERT_EQ(test_vma_count(), 1);
}

VMA_TEST(mmap_file_merge_refused_pgoff_gap)
{
	struct file *f = test_file_new(&test_drv_fops);

	drv_reset();
	ASSERT_EQ(map_file(f, A, 2 * P, 10, MAP_FIXED), A);
	ASSERT_EQ(map_file(f, A + 2 * P, 2 * P, 13, MAP_FIXED), A + 2 * P);
	ASSERT_VMA(test_vma_at(A + 2 * P), A + 2 * P, A + 4 * P, 13);
	ASSERT_EQ(test_vma_count(), 2);
}

/* Different files never merge, even with contiguous pgoffs. */
VMA_TEST(mmap_file_merge_refused_other_file)
{
	struct file *f1 = test_file_new(&test_drv_fops);
	struct file *f2 = test_file_new(&test_drv_fops);

	drv_reset();
	ASSERT_EQ(map_file(f1, A, 2 * P, 0, MAP_FIXED), A);
	ASSERT_EQ(map_file(f2, A + 2 * P, 2 * P, 2, MAP_FIXED), A + 2 * P);
	ASSERT_EQ(test_vma_count(), 2);
}

/* A file mapping offset that overflows pgoff arithmetic is -EOVERFLOW. */
VMA_TEST(mmap_file_pgoff_overflow)
{
	struct file *f = test_file_new(&test_drv_fops);

	ASSERT_EQ(map_file(f, A, 4 * P, ULONG_MAX - 1, MAP_FIXED),
		  (unsigned long)-EOVERFLOW);
	ASSERT_EQ(test_vma_count(), 0);
}

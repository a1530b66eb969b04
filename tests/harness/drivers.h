/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fake files and drivers for the tests: real userspace implementations of
 * what a VFS file and a driver's ->mmap_prepare give the mm.
 */
#ifndef _VMA_HARNESS_DRIVERS_H
#define _VMA_HARNESS_DRIVERS_H

#include <linux/fs.h>
#include <linux/mm.h>

/*
 * A fake regular file with the given operations.  It lives until the
 * fixture has torn the mm down (VMAs hold references to it), and the
 * fixture fails the test if its references are not balanced by then.
 */
struct file *test_file_new(const struct file_operations *fops);

/* Called by the fixture after the mm is gone: check and free the files. */
void test_files_release(void);

/* A driver whose ->mmap_prepare accepts every mapping, changing nothing. */
int test_plain_mmap_prepare(struct vm_area_desc *desc);
extern const struct file_operations test_plain_fops;

/*
 * A driver that records: its ->mmap_prepare counts the call, records the
 * range and pgoff it was given, and returns test_drv.error if set, else
 * puts test_drv.vm_ops and test_drv.private_data on the mapping.  The
 * fixture clears test_drv before every test.
 */
struct test_drv {
	int calls;
	unsigned long start, end, pgoff;	/* what the last call saw */
	int error;
	const struct vm_operations_struct *vm_ops;
	void *private_data;
};
extern struct test_drv test_drv;
int test_drv_mmap_prepare(struct vm_area_desc *desc);
extern const struct file_operations test_drv_fops;

/* The recording part, for drivers of a test's own. */
void test_drv_saw(const struct vm_area_desc *desc);

#endif /* _VMA_HARNESS_DRIVERS_H */

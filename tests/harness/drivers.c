// SPDX-License-Identifier: GPL-2.0
/*
 * real: the fake files and drivers of drivers.h.
 */
#include "fixture.h"
#include "drivers.h"

struct test_file {
	struct file file;
	struct inode inode;
	struct test_file *next;
};
static struct test_file *test_files;

struct file *test_file_new(const struct file_operations *fops)
{
	struct test_file *tf = calloc(1, sizeof(*tf));

	ASSERT_NONNULL(tf);
	tf->next = test_files;
	test_files = tf;
	tf->inode.i_mode = S_IFREG | 0644;
	tf->inode.i_mapping = &tf->inode.i_data;
	tf->inode.i_data.host = &tf->inode;
	init_rwsem(&tf->inode.i_data.i_mmap_rwsem);
	tf->file.f_op = fops;
	tf->file.f_inode = &tf->inode;
	tf->file.f_mapping = &tf->inode.i_data;
	tf->file.f_mode = FMODE_READ | FMODE_WRITE;
	tf->file.f_count = 1;
	return &tf->file;
}

void test_files_release(void)
{
	while (test_files) {
		struct test_file *tf = test_files;

		test_files = tf->next;
		/* every get_file() was matched by an fput() */
		EXPECT_EQ(tf->file.f_count, 1);
		free(tf);
	}
}

int test_plain_mmap_prepare(struct vm_area_desc *desc)
{
	return 0;
}

const struct file_operations test_plain_fops = {
	.mmap_prepare = test_plain_mmap_prepare,
};

struct test_drv test_drv;

void test_drv_saw(const struct vm_area_desc *desc)
{
	test_drv.calls++;
	test_drv.start = desc->start;
	test_drv.end = desc->end;
	test_drv.pgoff = desc->pgoff;
}

int test_drv_mmap_prepare(struct vm_area_desc *desc)
{
	test_drv_saw(desc);
	if (test_drv.error)
		return test_drv.error;
	desc->vm_ops = test_drv.vm_ops;
	desc->private_data = test_drv.private_data;
	return 0;
}

const struct file_operations test_drv_fops = {
	.mmap_prepare = test_drv_mmap_prepare,
};

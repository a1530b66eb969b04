// SPDX-License-Identifier: GPL-2.0
/*
 * The file model (see linux/fs.h).  get_file()/fput() keep a reference
 * count and record the calls (records for assertions); fget() looks up a
 * small fd table that tests fill (real userspace implementation).
 */
#include <linux/fs.h>
#include <linux/file.h>
#include "harness.h"

struct file *vma_test_fd_table[16];

/* records: the reference count the fixture checks, and the calls */
struct file *get_file(struct file *f)
{
	vma_shim_counts.get_file++;
	f->f_count++;
	return f;
}

void fput(struct file *f)
{
	vma_shim_counts.fput++;
	WARN_ON(f->f_count <= 0);
	f->f_count--;
}

/* real: the tests' fd table */
struct file *fget(unsigned int fd)
{
	if (fd >= ARRAY_SIZE(vma_test_fd_table) || !vma_test_fd_table[fd])
		return NULL;
	return get_file(vma_test_fd_table[fd]);
}

/* no-op: no noexec mounts in the harness */
bool path_noexec(const struct path *path)
{
	return false;
}

/*
 * mm/util.c's ->mmap() compatibility layer for ->mmap_prepare() files
 * reached through the old ->mmap() path (stacked filesystems).  No test
 * file stacks; reaching it is a harness bug: WARN and refuse.
 */
int compat_vma_mmap(struct file *file, struct vm_area_struct *vma)
{
	WARN_ON(1);
	return -EINVAL;
}

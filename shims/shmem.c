// SPDX-License-Identifier: GPL-2.0
/*
 * mm/shmem.c entry points.  shmem is not part of the harness.
 * records: the calls are recorded for assertions; shmem_get_unmapped_area() falls back to the
 * plain search (shmem's own huge-page alignment is out of scope).
 */
#include <linux/shmem_fs.h>
#include <linux/sched/mm.h>
#include "harness.h"

int shmem_zero_setup(struct vm_area_struct *vma)
{
	vma_shim_counts.shmem_zero_setup++;
	return 0;
}

int shmem_zero_setup_desc(struct vm_area_desc *desc)
{
	vma_shim_counts.shmem_zero_setup++;
	return 0;
}

unsigned long shmem_get_unmapped_area(struct file *file, unsigned long addr,
				      unsigned long len, unsigned long pgoff,
				      unsigned long flags)
{
	vma_shim_counts.shmem_get_unmapped_area++;
	return mm_get_unmapped_area(file, addr, len, pgoff, flags);
}

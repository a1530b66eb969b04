// SPDX-License-Identifier: GPL-2.0
/*
 * mm/util.c: the mmap entry point and the ->mmap_prepare action machinery,
 * extracted from KDIR (real code).  What they call that maps pages
 * (remap_pfn_range_*, ioremap, map_kernel_pages_*: mm/memory.c) records
 * the request for assertions; fsnotify is a no-op.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/security.h>
#include <linux/userfaultfd_k.h>
#include "harness.h"

/* no-op: no fsnotify in the harness */
static inline int fsnotify_mmap_perm(struct file *file, int prot,
				     const loff_t off, size_t len)
{
	return 0;
}

/* @extract mm/util.c
 *	vm_mmap_pgoff call_vma_mapped mmap_action_finish check_mmap_action
 *	mmap_action_prepare mmap_action_complete
 */
#include <extract/shims/util.c>

struct mmap_action vma_last_remap;

int remap_pfn_range_prepare(struct vm_area_desc *desc)
{
	vma_shim_counts.remap_pfn_prepare++;
	vma_last_remap = desc->action;
	return 0;
}

int remap_pfn_range_complete(struct vm_area_struct *vma,
			     struct mmap_action *action)
{
	vma_shim_counts.remap_pfn_complete++;
	return 0;
}

int simple_ioremap_prepare(struct vm_area_desc *desc)
{
	vma_shim_counts.remap_pfn_prepare++;
	vma_last_remap = desc->action;
	return 0;
}

int map_kernel_pages_prepare(struct vm_area_desc *desc)
{
	return 0;
}

int map_kernel_pages_complete(struct vm_area_struct *vma,
			      struct mmap_action *action)
{
	return 0;
}

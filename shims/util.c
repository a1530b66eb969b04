// SPDX-License-Identifier: GPL-2.0
/*
 * mm/util.c: the mmap entry point and the ->mmap_prepare action machinery,
 * extracted from KDIR (real code).  What they call that maps pages
 * (remap_pfn_range_complete, ioremap, map_kernel_pages_*: mm/memory.c)
 * records the request for assertions; remap_pfn_range_prepare() is real
 * (shims/memory.c); fsnotify is a no-op.
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
struct vm_area_struct vma_last_remap_vma;
struct mmap_action vma_last_map_kernel;

/*
 * records for assertions: the action and the VMA it completes on (a copy:
 * the VMA may be merged or freed later); the harness has no page tables
 */
int remap_pfn_range_complete(struct vm_area_struct *vma,
			     struct mmap_action *action)
{
	vma_shim_counts.remap_pfn_complete++;
	vma_last_remap = *action;
	memcpy(&vma_last_remap_vma, vma, sizeof(*vma));
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
	vma_last_map_kernel = *action;
	return 0;
}

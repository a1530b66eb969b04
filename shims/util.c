// SPDX-License-Identifier: GPL-2.0
/*
 * What mm/util.c's ->mmap_prepare action machinery (shims/kernel/util.c)
 * calls to map pages (remap_pfn_range_complete, ioremap, map_kernel_pages_*:
 * mm/memory.c).
 * records: the harness has no page tables, these record the request for
 * assertions.  remap_pfn_range_prepare() is real (shims/kernel/memory.c).
 */
#include <linux/mm.h>
#include "harness.h"

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

/* no-op: the pages are mapped at completion */
int map_kernel_pages_prepare(struct vm_area_desc *desc)
{
	return 0;
}

/* records: the action completed */
int map_kernel_pages_complete(struct vm_area_struct *vma,
			      struct mmap_action *action)
{
	vma_last_map_kernel = *action;
	return 0;
}

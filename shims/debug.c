// SPDX-License-Identifier: GPL-2.0
/*
 * mm/debug.c's dumpers.
 * real: printing the
 * fields a reader of a failed test needs as KTAP diagnostics.
 */
#include <stdio.h>

#include <linux/mm.h>

void dump_vma(const struct vm_area_struct *vma)
{
	printf("# vma %p [%#lx, %#lx) pgoff %#lx flags %#lx file %p anon_vma %p\n",
	       vma, vma->vm_start, vma->vm_end, vma->vm_pgoff,
	       (unsigned long)vma->vm_flags, vma->vm_file, vma->anon_vma);
}

void dump_mm(const struct mm_struct *mm)
{
	printf("# mm %p map_count %d mmap_base %#lx task_size %#lx\n",
	       mm, mm->map_count, mm->mmap_base, mm->task_size);
}

void dump_vmg(const struct vma_merge_struct *vmg, const char *reason)
{
	printf("# vmg %p %s: [%#lx, %#lx) pgoff %#lx\n", vmg,
	       reason ? reason : "", vmg->start, vmg->end, vmg->pgoff);
}

void vma_iter_dump_tree(const struct vma_iterator *vmi)
{
	mt_dump(vmi->mas.tree, mt_dump_hex);
}

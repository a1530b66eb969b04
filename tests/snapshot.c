// SPDX-License-Identifier: GPL-2.0
/* The address-space snapshot of snapshot.h. */
#include "snapshot.h"

void test_snapshot_take(struct test_snapshot *s)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, 0);

	memset(s, 0, sizeof(*s));
	mmap_read_lock(test_mm);
	for_each_vma(vmi, vma) {
		struct test_vma_record *r;

		if (s->nr == TEST_SNAPSHOT_MAX) {
			mmap_read_unlock(test_mm);
			FAIL("snapshot: more than %d VMAs", TEST_SNAPSHOT_MAX);
		}
		r = &s->vma[s->nr++];
		r->start = vma->vm_start;
		r->end = vma->vm_end;
		r->pgoff = vma->vm_pgoff;
		r->flags = vma->vm_flags;
		r->anon_vma = vma->anon_vma;
		r->file = vma->vm_file;
		r->vm_ops = vma->vm_ops;
		r->private_data = vma->vm_private_data;
	}
	s->map_count = test_mm->map_count;
	s->total_vm = test_mm->total_vm;
	s->locked_vm = test_mm->locked_vm;
	s->data_vm = test_mm->data_vm;
	s->exec_vm = test_mm->exec_vm;
	s->stack_vm = test_mm->stack_vm;
	mmap_read_unlock(test_mm);
}

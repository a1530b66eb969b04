// SPDX-License-Identifier: GPL-2.0
/* The address-space snapshot of snapshot.h. */
#include "snapshot.h"

#define DIGEST_INIT	0xcbf29ce484222325ULL	/* FNV-1a offset basis */

/* FNV-1a over the record's bytes, continued from h. */
static uint64_t digest_add(uint64_t h, const struct test_vma_record *r)
{
	const unsigned char *p = (const unsigned char *)r;
	size_t i;

	for (i = 0; i < sizeof(*r); i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void add_record(struct test_snapshot *s,
		       const struct test_vma_record *r)
{
	s->digest = digest_add(s->digest, r);
	if (s->nr < TEST_SNAPSHOT_MAX)
		s->vma[s->nr] = *r;
	s->nr++;
}

/* Is r the continuation of p, one mapping split in two? */
static bool continues(const struct test_vma_record *p,
		      const struct test_vma_record *r)
{
	return p->end == r->start && p->flags == r->flags &&
	       p->anon_vma == r->anon_vma && p->file == r->file &&
	       p->vm_ops == r->vm_ops && p->private_data == r->private_data &&
	       r->pgoff == p->pgoff + ((p->end - p->start) >> PAGE_SHIFT);
}

/*
 * vm_stat_account(): which counters pages of these flags count in; and
 * VM_ACCOUNT pages are charged to vm_committed_as.
 */
static void account(struct test_snapshot *s, unsigned long flags, long pages)
{
	s->total_vm += pages;
	if (flags & VM_ACCOUNT)
		s->committed += pages;
	if (flags & VM_LOCKED)
		s->locked_vm += pages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		s->exec_vm += pages;
	else if (flags & VM_STACK)
		s->stack_vm += pages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		s->data_vm += pages;
}

/*
 * Add the parts of r outside [hole_start, hole_end) to s, coalescing a
 * mapping's pieces (mappings); *prev is the record not yet added.
 */
static void add_parts(struct test_snapshot *s, bool mappings,
		      struct test_vma_record *prev, bool *have_prev,
		      const struct test_vma_record *r,
		      unsigned long hole_start, unsigned long hole_end)
{
	struct test_vma_record parts[2];
	int i, n = 0;

	if (r->end <= hole_start || r->start >= hole_end) {
		parts[n++] = *r;
	} else {
		account(s, r->flags, -(long)((min(r->end, hole_end) -
				max(r->start, hole_start)) >> PAGE_SHIFT));
		if (r->start < hole_start) {
			parts[n] = *r;
			parts[n++].end = hole_start;
		}
		if (r->end > hole_end) {
			parts[n] = *r;
			parts[n].start = hole_end;
			parts[n++].pgoff += (hole_end - r->start) >> PAGE_SHIFT;
		}
	}
	for (i = 0; i < n; i++) {
		if (mappings && *have_prev && continues(prev, &parts[i])) {
			prev->end = parts[i].end;
			continue;
		}
		if (*have_prev)
			add_record(s, prev);
		*prev = parts[i];
		*have_prev = true;
	}
}

bool test_snapshot_cut(struct test_snapshot *s, unsigned long start,
		       unsigned long end)
{
	struct test_vma_record old[TEST_SNAPSHOT_MAX], prev;
	bool have_prev = false;
	int i, nr = s->nr;

	if (nr > TEST_SNAPSHOT_MAX)
		return false;
	memcpy(old, s->vma, nr * sizeof(old[0]));
	s->nr = 0;
	s->digest = DIGEST_INIT;
	for (i = 0; i < nr; i++)
		add_parts(s, s->mappings, &prev, &have_prev, &old[i], start,
			  end);
	if (have_prev)
		add_record(s, &prev);
	return true;
}

/* Records of test_mm, [hole_start, hole_end) cut out (empty: none). */
static void take(struct test_snapshot *s, bool mappings,
		 unsigned long hole_start, unsigned long hole_end)
{
	struct test_vma_record prev, r;
	struct vm_area_struct *vma;
	bool have_prev = false;
	VMA_ITERATOR(vmi, test_mm, 0);

	memset(s, 0, sizeof(*s));
	s->mappings = mappings;
	s->digest = DIGEST_INIT;
	mmap_read_lock(test_mm);
	s->map_count = mappings ? 0 : test_mm->map_count;
	s->total_vm = test_mm->total_vm;
	s->locked_vm = test_mm->locked_vm;
	s->data_vm = test_mm->data_vm;
	s->exec_vm = test_mm->exec_vm;
	s->stack_vm = test_mm->stack_vm;
	s->committed = percpu_counter_read(&vm_committed_as);
	for_each_vma(vmi, vma) {
		memset(&r, 0, sizeof(r));
		r.start = vma->vm_start;
		r.end = vma->vm_end;
		r.pgoff = vma->vm_pgoff;
		r.flags = vma->vm_flags;
		r.anon_vma = vma->anon_vma;
		r.file = vma->vm_file;
		r.vm_ops = vma->vm_ops;
		r.private_data = vma->vm_private_data;
		add_parts(s, mappings, &prev, &have_prev, &r, hole_start,
			  hole_end);
	}
	if (have_prev)
		add_record(s, &prev);
	mmap_read_unlock(test_mm);
}

void test_snapshot_take(struct test_snapshot *s)
{
	take(s, false, 0, 0);
}

void test_snapshot_take_mappings(struct test_snapshot *s)
{
	take(s, true, 0, 0);
}

void test_snapshot_take_mappings_except(struct test_snapshot *s,
					unsigned long start, unsigned long end)
{
	take(s, true, start, end);
}

bool test_snapshot_matches(const struct test_snapshot *s)
{
	struct test_snapshot now;

	take(&now, s->mappings, 0, 0);
	return now.nr == s->nr && now.digest == s->digest &&
	       now.map_count == s->map_count && now.total_vm == s->total_vm &&
	       now.locked_vm == s->locked_vm && now.data_vm == s->data_vm &&
	       now.exec_vm == s->exec_vm && now.stack_vm == s->stack_vm &&
	       now.committed == s->committed;
}

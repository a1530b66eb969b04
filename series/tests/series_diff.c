// SPDX-License-Identifier: GPL-2.0
/*
 * What must not change with the series: random mmap()/munmap() sequences
 * of mappings that declare no PFN — anonymous (private, shared, THP-sized),
 * a file with ->mmap, a file with its own ->get_unmapped_area
 * (thp_get_unmapped_area()), a file with an ->mmap_prepare that declares
 * nothing, a /dev/mem-like driver whose ->mmap_prepare remaps the PFNs its
 * offset names (remap actions install PTEs only: the series must not move
 * them) — with hints, MAP_FIXED, both layouts and compat tasks.
 *
 * One change is intended (patches/0002-0003): THP's get_unmapped_area returns
 * a hint that has room for the mapping but not for the padding, which it
 * used to move.  So the ->get_unmapped_area file gets hints with MAP_FIXED
 * only; thp_diff.c compares THP's hints, before and after, on their own.
 *
 * Each test checks what holds on any tree (every result is a mapping of
 * the requested length inside the task's address space, MAP_FIXED and
 * free hints are honoured, the tree validates) and, with --trace, writes
 * every request, its result and the final layout.  run.sh's series-diff
 * variant runs these tests with the same seed in a build with the series
 * and one without (SERIES=none) and requires identical traces.
 */
#include "fixture.h"

static int legacy_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static int nopfn_mmap_prepare(struct vm_area_desc *desc)
{
	return 0;
}

static const struct file_operations legacy_fops = {
	.mmap = legacy_mmap,
};

static const struct file_operations gua_fops = {
	.mmap = legacy_mmap,
	.get_unmapped_area = thp_get_unmapped_area,
};

static const struct file_operations prepare_fops = {
	.mmap_prepare = nopfn_mmap_prepare,
};

static int devmem_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, desc->pgoff);
	return 0;
}

static const struct file_operations devmem_fops = {
	.mmap_prepare = devmem_mmap_prepare,
};

enum kind { K_ANON, K_ANON_SHARED, K_LEGACY, K_GUA, K_PREPARE, K_DEVMEM,
	    NR_KINDS };

static const char *const kind_name[NR_KINDS] = {
	"anon", "anon-shared", "file-mmap", "file-gua", "file-prepare",
	"devmem-remap",
};

/* A length: pages, a PMD multiple (THP), or up to 2 GiB (PUD scale). */
static unsigned long rand_len(void)
{
	switch (test_rand_below(3)) {
	case 0:
		return test_rand_pages(1, 1024);
	case 1:
		return test_rand_range(1, 8) * PMD;
	default:
		return test_rand_pages(1, IS_ENABLED(CONFIG_64BIT) ?
				       (2UL << 30) / P : 4096);
	}
}

/* An address below TASK_SIZE: sometimes page-aligned, sometimes PMD. */
static unsigned long rand_addr(unsigned long len)
{
	unsigned long addr = test_rand_range(mmap_min_addr, TASK_SIZE - len);

	return test_chance(50) ? addr & PAGE_MASK : addr & PMD_MASK;
}

static void trace_layout(void)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, test_mm, 0);

	if (!test_tracing())
		return;
	mmap_read_lock(test_mm);
	for_each_vma(vmi, vma)
		test_trace("vma %#lx-%#lx flags %#lx pgoff %#lx", vma->vm_start,
			   vma->vm_end, vma->vm_flags, vma->vm_pgoff);
	mmap_read_unlock(test_mm);
}

static void run_sequence(bool topdown, bool compat, unsigned int nr_ops)
{
	struct file *files[NR_KINDS] = {
		[K_LEGACY] = test_file_new(&legacy_fops),
		[K_GUA] = test_file_new(&gua_fops),
		[K_PREPARE] = test_file_new(&prepare_fops),
		[K_DEVMEM] = test_file_new(&devmem_fops),
	};
	unsigned int i;

	if (compat)
		test_set_compat(true);
	test_set_topdown(topdown);
	test_trace("layout %s%s", topdown ? "top-down" : "bottom-up",
		   compat ? " compat" : "");

	for (i = 0; i < nr_ops; i++) {
		enum kind k = test_rand_below(NR_KINDS);
		unsigned long len = rand_len(), addr = 0, flags, pgoff = 0, ret;

		if (len > TASK_SIZE / 4)
			len = TASK_SIZE / 4 & PAGE_MASK;
		if (test_chance(20)) {
			addr = rand_addr(len);
			test_trace("munmap %#lx %#lx -> %d", addr, len,
				   test_munmap(addr, len));
			continue;
		}
		flags = k == K_ANON_SHARED ? MAP_SHARED | MAP_ANONYMOUS :
			k == K_ANON ? ANON :
			test_chance(50) ? MAP_SHARED : MAP_PRIVATE;
		if (files[k])
			pgoff = test_rand_below(1UL << 20);
		if (test_chance(30))
			addr = rand_addr(len);
		if (addr && test_chance(30))
			flags |= MAP_FIXED;
		/* the one intended change: see the top of the file */
		if (k == K_GUA && !(flags & MAP_FIXED))
			addr = 0;

		ret = test_mmap(files[k], addr, len, PROT_READ | PROT_WRITE,
				flags, pgoff);
		test_trace("mmap %s %#lx %#lx flags %#lx pgoff %#lx -> %#lx",
			   kind_name[k], addr, len, flags, pgoff, ret);
		if (IS_ERR_VALUE(ret)) {
			ASSERT_FALSE(flags & MAP_FIXED && ret != -ENOMEM);
			continue;
		}
		ASSERT_GE(ret, mmap_min_addr);
		ASSERT_LE(ret, TASK_SIZE - len);
		ASSERT_EQ(offset_in_page(ret), 0);
		if (flags & MAP_FIXED)
			ASSERT_EQ(ret, addr);
		ASSERT_NONNULL(test_vma_at(ret));
		ASSERT_NONNULL(test_vma_at(ret + len - 1));
	}
	trace_layout();
	test_vma_count();
}

VMA_TEST(series_diff_topdown)
{
	run_sequence(true, false, 3000);
}

VMA_TEST(series_diff_bottomup)
{
	run_sequence(false, false, 3000);
}

VMA_TEST(series_diff_compat)
{
	run_sequence(true, true, 2000);
}

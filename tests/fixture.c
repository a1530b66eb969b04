// SPDX-License-Identifier: GPL-2.0
/*
 * The test fixture (see fixture.h): global init of the real mm code, a
 * fresh mm per test, and the checks every test gets for free after it
 * ran: no unexpected kernel WARN, a valid maple tree whose VMA count
 * matches map_count, and no object leaked once the mm is torn down with
 * the kernel's own exit_mmap().
 */
#include <urcu.h>

#include "fixture.h"
#include "snapshot.h"
#include "../shims/slab.h"
#include "../shims/rcu.h"

struct mm_struct *test_mm;

struct test_file {
	struct file file;
	struct inode inode;
	struct test_file *next;
};
static struct test_file *test_files;
static unsigned long expected_warnings;
static unsigned long live_before;

static struct {
	void (*fn)(void *);
	void *arg;
} at_teardown[8];

void test_at_teardown(void (*fn)(void *), void *arg)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(at_teardown); i++) {
		if (!at_teardown[i].fn) {
			at_teardown[i].fn = fn;
			at_teardown[i].arg = arg;
			return;
		}
	}
	FAIL("test_at_teardown(): more than %zu calls", ARRAY_SIZE(at_teardown));
}

void test_teardown_cancel(void *arg)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(at_teardown); i++)
		if (at_teardown[i].arg == arg)
			at_teardown[i].fn = NULL;
}

/* ---- the fault sweep (the runner's --fault-sweep) --------------------- */

static unsigned long fault_nth;		/* the body's allocation that fails */
static unsigned long fault_count;	/* allocations the body attempted */

/*
 * The armed failure is the shim's slab_fail_at, counted from the start of
 * the body; the maple tree's own non_kernel budget (tests that set it)
 * combines with it as shims/slab.h says.  A test that arms slab_fail_at
 * itself takes the counter over for its own sweep.
 */
static unsigned long fault_body;	/* slab_sites_body_begin() */
/* allocation sites: the body's first attempts at them, taken at teardown */
static struct slab_site fault_sites[SLAB_MAX_SITES];
static unsigned long fault_firsts[SLAB_MAX_SITES];
static unsigned int fault_nr_firsts;

void vma_test_fault_arm(unsigned long nth, bool persist)
{
	fault_nth = nth;
	fault_body = slab_sites_body_begin();
	slab_alloc_count = 0;
	slab_fail_at = nth;
	slab_fail_persist = persist;
}

/* The end of the body: where it reached each allocation site first. */
static void fault_body_end(void)
{
	unsigned int i, nr;

	slab_sites_body_end();
	nr = slab_sites(fault_sites, ARRAY_SIZE(fault_sites));
	fault_nr_firsts = 0;
	for (i = 0; i < nr; i++)
		if (fault_sites[i].epoch == fault_body &&
		    fault_sites[i].first >= 1 &&
		    fault_sites[i].first <= fault_count)
			fault_firsts[fault_nr_firsts++] = fault_sites[i].first;
}

unsigned int vma_test_fault_firsts(unsigned long *nths, unsigned int max)
{
	unsigned int nr = min(max, fault_nr_firsts);

	memcpy(nths, fault_firsts, nr * sizeof(*nths));
	return nr;
}

unsigned long vma_test_fault_count(void)
{
	return fault_count;
}

bool vma_test_fault_hit(void)
{
	return fault_nth && fault_count >= fault_nth;
}

/*
 * The allocation sites, one "#" line each, sorted by name: attempts (plain
 * and sweep runs) and the attempts that an armed failure failed.  A site
 * that none failed is labelled: reached only outside test bodies (set-up,
 * teardown: never armed), only after an earlier failure (a retry path that
 * even the persistent runs did not fail), or else "(not swept)", the one
 * that the fault-sweep variant of run.sh fails on.
 */
void vma_test_fault_sites(unsigned int *nr_sites, unsigned int *nr_failed)
{
	struct slab_site *sites = fault_sites;
	static char names[SLAB_MAX_SITES][192];
	unsigned int order[SLAB_MAX_SITES];
	unsigned int nr, i, j, failed = 0;

	nr = slab_sites(sites, ARRAY_SIZE(fault_sites));
	for (i = 0; i < nr; i++) {
		slab_site_name(sites[i].pc, names[i], sizeof(names[i]));
		for (j = i; j && strcmp(names[order[j - 1]], names[i]) > 0; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (i = 0; i < nr; i++) {
		const struct slab_site *site = &sites[order[i]];

		printf("# allocation site %s: %lu attempts, %lu failed%s\n",
		       names[order[i]], site->attempts, site->injected,
		       site->injected ? "" :
		       !site->bodies ? " (reached only outside test bodies)" :
		       site->attempts == site->after_failure ?
		       " (reached only after an earlier failure)" :
		       " (not swept)");
		if (site->injected)
			failed++;
	}
	*nr_sites = nr;
	*nr_failed = failed;
}

/*
 * The operations the fixture performs for tests (test_mmap(),
 * test_munmap(), test_brk(), test_vm_brk_flags(),
 * test_remap_file_pages()) are checked in a sweep run: if the armed failure hits
 * one and it fails, it must fail with -ENOMEM, leave the address space as
 * it was before (snapshot.h: every mapping's range, flags, pgoff, anon_vma,
 * file, ops; the counters; a mapping may be left split in two VMAs, as the
 * kernel leaves it) and the tree valid; then the run ends, passed
 * (the test's expectations assume success).  If it succeeds anyway, the
 * test goes on.
 */
struct sweep_op {
	unsigned long count_before;
	struct test_snapshot before;
	bool fixed;		/* a MAP_FIXED mmap of [start, end) */
	struct test_snapshot gap;
};

static void sweep_op_begin(struct sweep_op *op, bool fixed,
			   unsigned long start, unsigned long len)
{
	if (!fault_nth)
		return;
	op->count_before = slab_alloc_count;
	test_snapshot_take_mappings(&op->before);
	op->fixed = fixed && start + PAGE_ALIGN(len) > start;
	if (op->fixed)
		test_snapshot_take_mappings_except(&op->gap, start,
						   start + PAGE_ALIGN(len));
}

/*
 * An operation that succeeded although an allocation failed in it (a
 * retry or a fallback took over) must still have done only its own work:
 * every mapping outside the range it changed, [start, end), is as it was
 * (range, flags, pgoff, anon_vma, file, ops).  A mapping cut in two by the
 * range (a split) counts as unchanged.  Skipped for address spaces larger
 * than a snapshot keeps field by field.
 */
static void sweep_op_absorbed(struct sweep_op *op, unsigned long start,
			      unsigned long end)
{
	struct test_snapshot now;

	if (start >= end || !test_snapshot_cut(&op->before, start, end))
		return;
	test_sweep_check(true);
	test_snapshot_take_mappings_except(&now, start, end);
	ASSERT_SNAPSHOT_RECORDS(&now, &op->before);
	test_vma_count();
	test_sweep_check(false);
}

/*
 * A MAP_FIXED mmap() that fails after it has torn the old range down
 * leaves the range unmapped (mm/vma.c, vms_abort_munmap_vmas(): "the old
 * failure method of leaving a gap"), as the kernel documents, and so do
 * vm_brk_flags() and remap_file_pages(), which replace a range the same
 * way; the sweep accepts that outcome, exactly, and counts it apart.
 */
static void sweep_op_end(struct sweep_op *op, long err, unsigned long start,
			 unsigned long end)
{
	bool gap;

	if (!fault_nth || slab_fail_at != fault_nth ||
	    op->count_before >= fault_nth || slab_alloc_count < fault_nth)
		return;
	if (!err) {
		sweep_op_absorbed(op, start, end);
		return;
	}
	test_sweep_check(true);
	ASSERT_EQ(err, -ENOMEM);
	gap = op->fixed && !test_snapshot_matches(&op->before) &&
	      test_snapshot_matches(&op->gap);
	if (!gap)
		ASSERT_SNAPSHOT(&op->before);
	test_vma_count();
	test_sweep_check(false);
	test_end_checked(gap ? "gap" : "unchanged");
}

void vma_test_global_init(void)
{
	maple_tree_init();
	vma_state_init();
}

/* As arch_pick_mmap_layout() would set it up, without randomisation. */
void test_set_topdown(bool topdown)
{
	if (topdown) {
		test_mm->mmap_base = TEST_MMAP_BASE;
		mm_flags_set(MMF_TOPDOWN, test_mm);
	} else {
		test_mm->mmap_base = test_mm->mmap_legacy_base;
		mm_flags_clear(MMF_TOPDOWN, test_mm);
	}
}

void test_set_compat(bool compat)
{
	if (compat && !IS_ENABLED(CONFIG_64BIT))
		SKIP("!CONFIG_64BIT (M32=1 build): a 32-bit kernel has no compat tasks");
	current->compat = compat;
	test_mm->task_size = TASK_SIZE;
	test_mm->mmap_legacy_base = TASK_UNMAPPED_BASE;
	test_set_topdown(mm_flags_test(MMF_TOPDOWN, test_mm));
}

void vma_test_setup(void)
{
	struct mm_struct *mm;

	vma_rcu_barrier();
	live_before = slab_live_objects();
	vma_task_reset();	/* also a 64-bit task again: compat = false */
	memset(&vma_shim_counts, 0, sizeof(vma_shim_counts));
	vma_kernel_warnings = 0;
	vma_kernel_messages = 0;
	slab_reset_fault_injection();
	memset(vma_test_fd_table, 0, sizeof(vma_test_fd_table));
	expected_warnings = 0;
	vma_fail_vm_enough_memory = false;
	sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;
	sysctl_overcommit_memory = OVERCOMMIT_GUESS;
	mmap_min_addr = dac_mmap_min_addr = 65536;
	stack_guard_gap = 256UL << PAGE_SHIFT;	/* mm/mmap.c's default */

	mm = calloc(1, sizeof(*mm));
	mt_init_flags(&mm->mm_mt, MM_MT_FLAGS);
	mt_set_external_lock(&mm->mm_mt, &mm->mmap_lock);
	init_rwsem(&mm->mmap_lock);
	mm_lock_seqcount_init(mm);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->task_size = TASK_SIZE;
	mm->mmap_legacy_base = TASK_UNMAPPED_BASE;
	test_mm = mm;
	current->mm = mm;
	test_set_topdown(true);
}

void vma_test_teardown(bool failed)
{
	struct mm_struct *mm = test_mm;
	int i;

	/* the body's allocations; the teardown's may not fail */
	fault_count = slab_alloc_count;
	fault_body_end();
	slab_reset_fault_injection();

	/* a sweep run that ended early need not have met every WARN */
	if (vma_test_fault_hit() && (failed || test_ended_early()))
		EXPECT_LE(vma_kernel_warnings, expected_warnings);
	else
		EXPECT_EQ(vma_kernel_warnings, expected_warnings);

	/* an ASSERT may have ended the test with the mmap lock held */
	if (failed) {
		mm->mmap_lock.writer = false;
		mm->mmap_lock.readers = 0;
	}
	EXPECT_FALSE(rwsem_is_locked(&mm->mmap_lock));
	init_rwsem(&mm->mmap_lock);
	test_vma_count();

	for (i = 0; i < ARRAY_SIZE(at_teardown); i++) {
		if (at_teardown[i].fn)
			at_teardown[i].fn(at_teardown[i].arg);
		at_teardown[i].fn = NULL;
	}

	atomic_set(&mm->mm_users, 0);
	exit_mmap(mm);
	vma_rcu_barrier();
	EXPECT_EQ(slab_live_objects(), live_before);
	free(mm);
	test_mm = NULL;

	while (test_files) {
		struct test_file *tf = test_files;

		test_files = tf->next;
		/* every get_file() was matched by an fput() */
		EXPECT_EQ(tf->file.f_count, 1);
		free(tf);
	}
	current->mm = NULL;
}

void test_expect_kernel_warnings(unsigned long n)
{
	expected_warnings = n;
}

unsigned long test_mmap(struct file *file, unsigned long addr,
			unsigned long len, unsigned long prot,
			unsigned long flags, unsigned long pgoff)
{
	struct sweep_op op;
	unsigned long ret;

	sweep_op_begin(&op, flags & (MAP_FIXED | MAP_FIXED_NOREPLACE), addr, len);
	ret = vm_mmap_pgoff(file, addr, len, prot, flags, pgoff);
	sweep_op_end(&op, IS_ERR_VALUE(ret) ? (long)ret : 0, ret,
		     ret + PAGE_ALIGN(len));
	return ret;
}

int test_munmap(unsigned long addr, unsigned long len)
{
	struct sweep_op op;
	int ret;

	sweep_op_begin(&op, false, addr, len);
	ret = vm_munmap(addr, len);
	sweep_op_end(&op, ret, addr, addr + PAGE_ALIGN(len));
	return ret;
}

long sys_brk(unsigned long brk);
long sys_remap_file_pages(unsigned long start, unsigned long size,
			  unsigned long prot, unsigned long pgoff,
			  unsigned long flags);

long test_brk(unsigned long brk)
{
	unsigned long old = test_mm->brk;
	struct sweep_op op;
	long ret;

	sweep_op_begin(&op, false, 0, 0);
	ret = sys_brk(brk);
	/* brk() fails by returning the old break */
	sweep_op_end(&op, PAGE_ALIGN(brk) != PAGE_ALIGN(old) &&
			  (unsigned long)ret == old ? -ENOMEM : 0,
		     min(PAGE_ALIGN(brk), PAGE_ALIGN(old)),
		     max(PAGE_ALIGN(brk), PAGE_ALIGN(old)));
	return ret;
}

int test_vm_brk_flags(unsigned long addr, unsigned long len, bool is_exec)
{
	struct sweep_op op;
	int ret;

	/* like MAP_FIXED, it unmaps what was in [addr, addr + len) first */
	sweep_op_begin(&op, true, addr, len);
	ret = vm_brk_flags(addr, len, is_exec);
	sweep_op_end(&op, ret, addr, addr + PAGE_ALIGN(len));
	return ret;
}

long test_remap_file_pages(unsigned long start, unsigned long size,
			   unsigned long prot, unsigned long pgoff,
			   unsigned long flags)
{
	struct sweep_op op;
	long ret;

	/* emulated with a MAP_FIXED mmap() over the range */
	sweep_op_begin(&op, true, start, size);
	ret = sys_remap_file_pages(start, size, prot, pgoff, flags);
	sweep_op_end(&op, ret, start, start + PAGE_ALIGN(size));
	return ret;
}

unsigned long test_map_anon(unsigned long addr, unsigned long len, bool fixed)
{
	return test_mmap(NULL, addr, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | (fixed ? MAP_FIXED : 0),
			 0);
}

struct vm_area_struct *test_vma_at(unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(test_mm);
	vma = vma_lookup(test_mm, addr);
	mmap_read_unlock(test_mm);
	return vma;
}

int test_vma_count(void)
{
	struct vm_area_struct *vma, *prev = NULL;
	int count = 0;
	VMA_ITERATOR(vmi, test_mm, 0);

	mmap_read_lock(test_mm);
	for_each_vma(vmi, vma) {
		/* an independent check of the tree's ordering invariants */
		EXPECT_LT(vma->vm_start, vma->vm_end);
		if (prev)
			EXPECT_LE(prev->vm_end, vma->vm_start);
		prev = vma;
		count++;
	}
	mt_validate(&test_mm->mm_mt);
	mmap_read_unlock(test_mm);
	EXPECT_EQ(count, test_mm->map_count);
	return count;
}


struct file *test_file_new(const struct file_operations *fops)
{
	struct test_file *tf = calloc(1, sizeof(*tf));

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

bool test_next_area(unsigned long *cur, bool up, unsigned long gap,
		    unsigned long size, unsigned long *start,
		    unsigned long *end)
{
	unsigned long c = *cur;

	if (up) {
		if (c + gap < c || c + gap + size < c + gap ||
		    c + gap + size > TASK_SIZE)
			return false;
		*start = c + gap;
		*end = *start + size;
		*cur = *end;
	} else {
		if (gap + size < gap || c < gap + size)
			return false;
		*end = c - gap;
		*start = *end - size;
		*cur = *start;
	}
	return true;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The test fixture (see fixture.h): global init of the real mm code, a
 * fresh mm per test, and the checks every test gets for free after it
 * ran: no unexpected kernel WARN, a valid maple tree whose VMA count
 * matches map_count, and no object leaked once the mm is torn down with
 * the kernel's own exit_mmap().
 */
#include <urcu.h>

#include <linux/compat.h>

#include "fixture.h"
#include "snapshot.h"
#include "sweep.h"
#include "../../shims/fault.h"
#include "../../shims/slab.h"
#include "../../shims/rcu.h"

struct mm_struct *test_mm;

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

/* liburcu's rules for a program that forks (urcu/call-rcu.h) */
void vma_test_fork_prepare(void)
{
	call_rcu_before_fork();
}

void vma_test_fork_parent(void)
{
	call_rcu_after_fork_parent();
}

void vma_test_fork_child(void)
{
	call_rcu_after_fork_child();
}

void vma_test_global_init(void)
{
	maple_tree_init();
	vma_state_init();
}

/*
 * The layout exec sets up: the architecture's own arch_pick_mmap_layout()
 * (x86's, extracted from arch/x86/mm/mmap.c), with no randomisation
 * (PF_RANDOMIZE clear) and the task's stack rlimit; legacy (bottom-up)
 * when the personality asks for it, as with 'setarch -L'.
 */
static void test_pick_mmap_layout(void)
{
	test_mm->task_size = TASK_SIZE;
	arch_pick_mmap_layout(test_mm, &current->signal->rlim[RLIMIT_STACK]);
}

void test_set_topdown(bool topdown)
{
	if (topdown)
		current->personality &= ~ADDR_COMPAT_LAYOUT;
	else
		current->personality |= ADDR_COMPAT_LAYOUT;
	test_pick_mmap_layout();
}

void test_set_compat(bool compat)
{
	if (compat && !IS_ENABLED(CONFIG_64BIT))
		SKIP("!CONFIG_64BIT (ARCH=i386 build): a 32-bit kernel has no compat tasks");
	if (compat && !IS_ENABLED(CONFIG_COMPAT))
		SKIP("!CONFIG_COMPAT (ARCH=%s build): no 32-bit tasks", VMA_ARCH);
	current->compat = compat;
	test_pick_mmap_layout();
}

static unsigned long *mmap_base_slot(void)
{
	bool __maybe_unused legacy = !mm_flags_test(MMF_TOPDOWN, test_mm);

#ifdef CONFIG_HAVE_ARCH_COMPAT_MMAP_BASES
	if (in_32bit_syscall())
		return legacy ? &test_mm->mmap_compat_legacy_base :
				&test_mm->mmap_compat_base;
#endif
#ifdef CONFIG_X86
	if (legacy)
		return &test_mm->mmap_legacy_base;
#endif
	return &test_mm->mmap_base;
}

unsigned long test_mmap_base(void)
{
	return *mmap_base_slot();
}

void test_set_mmap_base(unsigned long base)
{
	*mmap_base_slot() = base;
	if (!mm_flags_test(MMF_TOPDOWN, test_mm))
		test_mm->mmap_base = base;
}

unsigned long test_unaligned_mmap_base(void)
{
	if (!(test_mmap_base() & (PMD_SIZE - 1)))
		test_set_mmap_base(test_mmap_base() - PAGE_SIZE);
	return test_mmap_base();
}

unsigned long test_below_min_addr(void)
{
	if (mmap_min_addr <= PAGE_SIZE || dac_mmap_min_addr <= PAGE_SIZE)
		mmap_min_addr = dac_mmap_min_addr = 2 * PAGE_SIZE;
	return PAGE_SIZE;
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
	fault_reset();
	slab_reset_budgets();
	memset(vma_test_fd_table, 0, sizeof(vma_test_fd_table));
	memset(&test_drv, 0, sizeof(test_drv));
	expected_warnings = 0;
	vma_fail_vm_enough_memory = false;
	sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;
	sysctl_overcommit_memory = OVERCOMMIT_GUESS;
	mmap_min_addr = dac_mmap_min_addr = 65536;
	transparent_hugepage_flags = 0;
	stack_guard_gap = 256UL << PAGE_SHIFT;	/* mm/mmap.c's default */

	mm = calloc(1, sizeof(*mm));
	mt_init_flags(&mm->mm_mt, MM_MT_FLAGS);
	mt_set_external_lock(&mm->mm_mt, &mm->mmap_lock);
	init_rwsem(&mm->mmap_lock);
	mm_lock_seqcount_init(mm);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	test_mm = mm;
	current->mm = mm;
	test_set_topdown(true);
}

void vma_test_teardown(bool failed)
{
	struct mm_struct *mm = test_mm;
	int i;

	/* the teardown's allocations may not fail (sweep_body_end()) */
	slab_reset_budgets();

	/* a sweep run that ended early need not have met every WARN */
	if (sweep_hit() && (failed || test_ended_early()))
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

	test_files_release();
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
	unsigned long ret;

	sweep_op_begin(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE) ?
		       SWEEP_OP_FIXED : SWEEP_OP, addr, len);
	ret = vm_mmap_pgoff(file, addr, len, prot, flags, pgoff);
	sweep_op_end(IS_ERR_VALUE(ret) ? (long)ret : 0, ret,
		     ret + PAGE_ALIGN(len));
	return ret;
}

int test_munmap(unsigned long addr, unsigned long len)
{
	int ret;

	sweep_op_begin(SWEEP_OP, addr, len);
	ret = vm_munmap(addr, len);
	sweep_op_end(ret, addr, addr + PAGE_ALIGN(len));
	return ret;
}

long sys_brk(unsigned long brk);
long sys_remap_file_pages(unsigned long start, unsigned long size,
			  unsigned long prot, unsigned long pgoff,
			  unsigned long flags);

long test_brk(unsigned long brk)
{
	unsigned long old = test_mm->brk;
	long ret;

	sweep_op_begin(SWEEP_OP_BRK, 0, 0);
	ret = sys_brk(brk);
	/* brk() fails by returning the old break */
	sweep_op_end(PAGE_ALIGN(brk) != PAGE_ALIGN(old) &&
			  (unsigned long)ret == old ? -ENOMEM : 0,
		     min(PAGE_ALIGN(brk), PAGE_ALIGN(old)),
		     max(PAGE_ALIGN(brk), PAGE_ALIGN(old)));
	return ret;
}

int test_vm_brk_flags(unsigned long addr, unsigned long len, bool is_exec)
{
	int ret;

	/* like MAP_FIXED, it unmaps what was in [addr, addr + len) first */
	sweep_op_begin(SWEEP_OP_UNMAP_FIRST, addr, len);
	ret = vm_brk_flags(addr, len, is_exec);
	sweep_op_end(ret, addr, addr + PAGE_ALIGN(len));
	return ret;
}

long test_remap_file_pages(unsigned long start, unsigned long size,
			   unsigned long prot, unsigned long pgoff,
			   unsigned long flags)
{
	long ret;

	/* emulated with a MAP_FIXED mmap() over the range */
	sweep_op_begin(SWEEP_OP_FIXED, start, size);
	ret = sys_remap_file_pages(start, size, prot, pgoff, flags);
	sweep_op_end(ret, start, start + PAGE_ALIGN(size));
	return ret;
}

unsigned long test_map_anon(unsigned long addr, unsigned long len, bool fixed)
{
	return test_mmap(NULL, addr, len, RW, ANON | (fixed ? MAP_FIXED : 0), 0);
}

unsigned long test_map_prot(unsigned long addr, unsigned long len,
			    unsigned long prot)
{
	return test_mmap(NULL, addr, len, prot, ANON | MAP_FIXED, 0);
}

void test_map_at(unsigned long addr, unsigned long len, unsigned long prot)
{
	ASSERT_EQ(test_map_prot(addr, len, prot), addr);
}

struct vm_area_struct *test_map_stack(unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_mmap(NULL, addr, len, RW, ANON | MAP_GROWSDOWN | MAP_FIXED,
			    0), addr);
	vma = test_vma_at(addr);
	ASSERT_NONNULL(vma);
	ASSERT_TRUE(vma->vm_flags & VM_GROWSDOWN);
	return vma;
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

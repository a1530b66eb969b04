// SPDX-License-Identifier: GPL-2.0
/*
 * fork(): dup_mmap() of mm/mmap.c copies the parent's address space into a
 * new mm: the maple tree with __mt_dup(), then every VMA replaced by a
 * copy (vm_area_dup(), anon_vma_fork(), file rmap, ->open), except
 * VM_DONTCOPY ones; VM_WIPEONFORK ones get no anon_vma, VM_LOCKED is not
 * inherited.  On failure the partially built tree is torn down.
 *
 * The child mm is built here the way tests/harness/fixture.c builds the test's
 * own, and destroyed with the kernel's exit_mmap() before the test ends
 * (so the fixture's leak check covers it).
 */
#include "fixture.h"
#include "../shims/rcu.h"
#include "../shims/slab.h"


int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);

static void child_teardown(void *arg);

static struct mm_struct *child_new(void)
{
	struct mm_struct *mm = calloc(1, sizeof(*mm));

	test_at_teardown(child_teardown, mm);

	mt_init_flags(&mm->mm_mt, MM_MT_FLAGS);
	mt_set_external_lock(&mm->mm_mt, &mm->mmap_lock);
	init_rwsem(&mm->mmap_lock);
	mm_lock_seqcount_init(mm);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->task_size = test_mm->task_size;
	mm->mmap_base = test_mm->mmap_base;
	mm->mmap_legacy_base = test_mm->mmap_legacy_base;
#ifdef CONFIG_HAVE_ARCH_COMPAT_MMAP_BASES
	mm->mmap_compat_base = test_mm->mmap_compat_base;
	mm->mmap_compat_legacy_base = test_mm->mmap_compat_legacy_base;
#endif
	return mm;
}

static void child_destroy(struct mm_struct *mm)
{
	test_teardown_cancel(mm);
	atomic_set(&mm->mm_users, 0);
	exit_mmap(mm);
	free(mm);
}

/* The test ended before it destroyed the child: its lock may be held. */
static void child_teardown(void *arg)
{
	struct mm_struct *mm = arg;

	init_rwsem(&mm->mmap_lock);
	child_destroy(mm);
}

static struct vm_area_struct *child_vma_at(struct mm_struct *mm,
					   unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	mmap_read_unlock(mm);
	return vma;
}

/* VMAs in the child's tree (after a failed fork, map_count is stale). */
static int child_tree_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;
	VMA_ITERATOR(vmi, mm, 0);

	mmap_read_lock(mm);
	for_each_vma(vmi, vma)
		n++;
	mmap_read_unlock(mm);
	return n;
}

/* VMAs in the child's tree; checks the tree and map_count agree. */
static int child_count(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;
	VMA_ITERATOR(vmi, mm, 0);

	mmap_read_lock(mm);
	for_each_vma(vmi, vma) {
		EXPECT_EQ(vma->vm_mm, mm);
		n++;
	}
	mt_validate(&mm->mm_mt);
	mmap_read_unlock(mm);
	EXPECT_EQ(n, mm->map_count);
	return n;
}

static void set_flag(unsigned long addr, vm_flags_t flag)
{
	struct vm_area_struct *vma = test_vma_at(addr);

	mmap_write_lock(test_mm);
	vm_flags_set(vma, flag);
	mmap_write_unlock(test_mm);
}

static struct {
	int opens;
	struct vm_area_struct *opened;
} fdrv;

static void fdrv_open(struct vm_area_struct *vma)
{
	fdrv.opens++;
	fdrv.opened = vma;
}

static const struct vm_operations_struct fdrv_ops = {
	.open = fdrv_open,
};

static int fdrv_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &fdrv_ops;
	return 0;
}

static const struct file_operations fdrv_fops = {
	.mmap_prepare = fdrv_mmap_prepare,
};

static unsigned long map_prot(unsigned long addr, unsigned long len,
			      unsigned long prot)
{
	return test_mmap(NULL, addr, len, prot,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
}

/*
 *	parent:  [ anon RW, faulted ]  [ file shared, pgoff 7 ]  [ anon R ]
 *	child:   the same ranges, offsets and flags, in new VMA objects of
 *	         the child mm; the anon VMA linked to the parent's anon_vma,
 *	         the file VMA holding its own file reference, ->open called
 *	         on the child's copy; the counters copied.
 * Catches a child VMA left pointing at the parent's object or mm, a
 * missing get_file() (the fixture's reference check), ->open not called.
 */
VMA_TEST(fork_copies_every_vma)
{
	struct file *f = test_file_new(&fdrv_fops);
	struct vm_area_struct *pa, *pf, *ca, *cf, *cr;
	struct mm_struct *child;

	memset(&fdrv, 0, sizeof(fdrv));
	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(test_mmap(f, A + 4 * P, 3 * P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 7), A + 4 * P);
	ASSERT_EQ(map_prot(A + 8 * P, P, PROT_READ), A + 8 * P);
	pa = test_vma_at(A);
	pf = test_vma_at(A + 4 * P);
	ASSERT_EQ(anon_vma_prepare(pa), 0);
	ASSERT_EQ(f->f_count, 2);

	child = child_new();
	ASSERT_EQ(dup_mmap(child, test_mm), 0);

	ca = child_vma_at(child, A);
	cf = child_vma_at(child, A + 4 * P);
	cr = child_vma_at(child, A + 8 * P);
	EXPECT_EQ(child_count(child), 3);
	EXPECT_NE(ca, pa);
	EXPECT_NE(cf, pf);
	if (ca) {
		EXPECT_EQ(ca->vm_start, A);
		EXPECT_EQ(ca->vm_end, A + 2 * P);
		EXPECT_EQ(ca->vm_pgoff, PG(A));
		EXPECT_EQ(ca->vm_flags, pa->vm_flags);
		EXPECT_EQ(ca->anon_vma, pa->anon_vma);
	}
	if (cf) {
		EXPECT_EQ(cf->vm_start, A + 4 * P);
		EXPECT_EQ(cf->vm_end, A + 7 * P);
		EXPECT_EQ(cf->vm_pgoff, 7);
		EXPECT_EQ(cf->vm_file, f);
		EXPECT_EQ(cf->vm_ops, &fdrv_ops);
	}
	EXPECT_EQ(f->f_count, 3);
	EXPECT_EQ(fdrv.opens, 1);
	EXPECT_EQ(fdrv.opened, cf);
	EXPECT_NONNULL(cr);
	EXPECT_EQ(child->total_vm, test_mm->total_vm);
	EXPECT_EQ(child->total_vm, 6);

	child_destroy(child);
	ASSERT_EQ(f->f_count, 2);
	/* the parent is untouched */
	ASSERT_EQ(test_vma_at(A), pa);
	ASSERT_EQ(test_vma_count(), 3);
}

/*
 * VM_DONTCOPY (madvise(MADV_DONTFORK)) VMAs are not in the child, and
 * their pages are not in its total_vm; VM_WIPEONFORK ones are, without
 * an anon_vma (the child sees zeroes); VM_LOCKED is not inherited.
 * Catches a DONTCOPY range left in the child's tree (__mt_dup() copied
 * it), a wiped VMA sharing the parent's anon_vma, mlock inherited.
 */
VMA_TEST(fork_dontcopy_wipeonfork_locked)
{
	struct vm_area_struct *cw, *cl;
	struct mm_struct *child;

	ASSERT_EQ(map_prot(A, 2 * P, PROT_READ), A);			/* dontcopy */
	ASSERT_EQ(test_map_anon(A + 4 * P, P, true), A + 4 * P);	/* wipe */
	ASSERT_EQ(map_prot(A + 6 * P, 3 * P, PROT_READ), A + 6 * P);	/* locked */
	set_flag(A, VM_DONTCOPY);
	set_flag(A + 4 * P, VM_WIPEONFORK);
	set_flag(A + 6 * P, VM_LOCKED);
	ASSERT_EQ(anon_vma_prepare(test_vma_at(A + 4 * P)), 0);
	ASSERT_EQ(test_mm->total_vm, 6);

	child = child_new();
	ASSERT_EQ(dup_mmap(child, test_mm), 0);

	EXPECT_NULL(child_vma_at(child, A));
	EXPECT_NULL(child_vma_at(child, A + P));
	cw = child_vma_at(child, A + 4 * P);
	cl = child_vma_at(child, A + 6 * P);
	EXPECT_NONNULL(cw);
	EXPECT_NONNULL(cl);
	if (cw) {
		EXPECT_NULL(cw->anon_vma);
		EXPECT_TRUE(cw->vm_flags & VM_WIPEONFORK);
	}
	if (cl) {
		EXPECT_FALSE(cl->vm_flags & VM_LOCKED);
		EXPECT_EQ(cl->vm_end, A + 9 * P);
	}
	EXPECT_EQ(child_count(child), 2);
	EXPECT_EQ(child->total_vm, 4);
	child_destroy(child);

	ASSERT_TRUE(test_vma_at(A + 6 * P)->vm_flags & VM_LOCKED);
	ASSERT_NONNULL(test_vma_at(A + 4 * P)->anon_vma);
}

/*
 * The accounting of the second VMA (private writable: VM_ACCOUNT) fails:
 * dup_mmap() returns -ENOMEM, the first VMA, already copied (a file
 * mapping: it holds a file reference), is unmapped and freed again, the
 * VMAs never copied are dropped from the duplicated tree without being
 * freed (they are the parent's), and the child is marked unstable and
 * hidden from the OOM killer.  Catches a teardown past the failure point
 * (freeing the parent's VMAs: a use-after-free under ASan) or a leaked
 * reference.
 */
VMA_TEST(fork_accounting_failure_unwinds_partial_tree)
{
	struct file *f = test_file_new(&fdrv_fops);
	struct mm_struct *child;
	int ret;

	memset(&fdrv, 0, sizeof(fdrv));
	ASSERT_EQ(test_mmap(f, A, P, PROT_READ,
			    MAP_SHARED | MAP_FIXED, 0), A);
	ASSERT_EQ(test_map_anon(A + 2 * P, P, true), A + 2 * P);
	ASSERT_EQ(map_prot(A + 4 * P, P, PROT_READ), A + 4 * P);
	ASSERT_TRUE(test_vma_at(A + 2 * P)->vm_flags & VM_ACCOUNT);

	child = child_new();
	vma_fail_vm_enough_memory = true;
	ret = dup_mmap(child, test_mm);
	vma_fail_vm_enough_memory = false;

	EXPECT_EQ(ret, -ENOMEM);
	EXPECT_EQ(child_tree_vmas(child), 0);
	EXPECT_TRUE(mm_flags_test(MMF_OOM_SKIP, child));
	EXPECT_TRUE(mm_flags_test(MMF_UNSTABLE, child));
	EXPECT_NULL(child_vma_at(child, A + 4 * P));
	/* the copy of the file VMA was opened, then released */
	EXPECT_EQ(fdrv.opens, 1);
	EXPECT_EQ(f->f_count, 2);
	child_destroy(child);

	ASSERT_EQ(test_vma_count(), 3);
	ASSERT_EQ(f->f_count, 2);
}

/*
 * Every allocation dup_mmap() makes, failed in turn: each failure is
 * -ENOMEM with nothing leaked and the parent intact, and once no
 * allocation fails the child is a full copy.  Catches an error path that
 * leaks a VMA, an anon_vma_chain or tree nodes, or frees the parent's
 * objects.
 */
VMA_TEST(fork_every_allocation_failure_unwinds)
{
	struct mm_struct *child;
	unsigned long n, live;
	int ret = -1;

	ASSERT_EQ(test_map_anon(A, 2 * P, true), A);
	ASSERT_EQ(map_prot(A + 3 * P, P, PROT_READ), A + 3 * P);
	ASSERT_EQ(test_map_anon(A + 5 * P, P, true), A + 5 * P);
	ASSERT_EQ(anon_vma_prepare(test_vma_at(A)), 0);
	ASSERT_EQ(anon_vma_prepare(test_vma_at(A + 5 * P)), 0);

	for (n = 1; n < 200 && ret; n++) {
		vma_rcu_barrier();
		live = slab_live_objects();
		child = child_new();
		test_fail_allocation(n);
		ret = dup_mmap(child, test_mm);
		test_fail_allocation(0);
		if (ret) {
			EXPECT_EQ(ret, -ENOMEM);
			EXPECT_EQ(child_tree_vmas(child), 0);
		} else {
			EXPECT_EQ(child_count(child), 3);
		}
		child_destroy(child);
		vma_rcu_barrier();
		EXPECT_EQ(slab_live_objects(), live);
		ASSERT_EQ(test_vma_count(), 3);
	}
	/* some allocation was failed before the one that succeeded */
	ASSERT_EQ(ret, 0);
	ASSERT_GT(n, 2);
}

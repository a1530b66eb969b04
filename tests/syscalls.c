// SPDX-License-Identifier: GPL-2.0
/*
 * The syscall layer of mm/mmap.c called as the syscall table would:
 * mmap_pgoff (ksys_mmap_pgoff(): fd lookup, MAP_HUGETLB), munmap, the
 * remap_file_pages() emulation, test_vm_brk_flags() (the ELF loader's bss),
 * and mmap_read_lock_maybe_expand() (the remote-access stack expansion).
 */
#include "fixture.h"


long sys_mmap_pgoff(unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags,
		    unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
			      unsigned long prot, unsigned long flags,
			      unsigned long fd, unsigned long pgoff);

/* shims/file.c: the fd table fget() looks in */
extern struct file *vma_test_fd_table[16];
#define TEST_FD	9

/* mmap_pgoff() with an fd, the fd table entry gone again before asserts. */
static long mmap_fd(struct file *f, unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags,
		    unsigned long pgoff)
{
	long ret;

	vma_test_fd_table[TEST_FD] = f;
	ret = sys_mmap_pgoff(addr, len, prot, flags, TEST_FD, pgoff);
	vma_test_fd_table[TEST_FD] = NULL;
	return ret;
}

/* Anonymous: no fd is looked up (fd -1, as userspace passes). */
VMA_TEST(sys_mmap_pgoff_anon_fixed)
{
	ASSERT_EQ(sys_mmap_pgoff(A, 2 * P, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				 -1UL, 0), A);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, PG(A));
	ASSERT_EQ(sys_munmap(A, 2 * P), 0);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * A file mapping through its fd: mapped at the page offset given, with
 * the reference fget() took dropped again (the VMA holds its own).
 * Catches the fput() of ksys_mmap_pgoff() missing (the fixture's
 * reference check) or doubled.
 */
VMA_TEST(sys_mmap_pgoff_file_fd)
{
	struct file *f = test_file_new(&test_plain_fops);
	struct vm_area_struct *vma;

	ASSERT_EQ(mmap_fd(f, A, 2 * P, PROT_READ, MAP_SHARED | MAP_FIXED, 3),
		  A);
	vma = test_vma_at(A);
	ASSERT_VMA(vma, A, A + 2 * P, 3);
	ASSERT_EQ(vma->vm_file, f);
	ASSERT_EQ(f->f_count, 2);
}

/* A file mapping whose fd is not open: -EBADF, nothing mapped. */
VMA_TEST(sys_mmap_pgoff_bad_fd_ebadf)
{
	ASSERT_EQ(sys_mmap_pgoff(A, P, PROT_READ, MAP_SHARED | MAP_FIXED,
				 TEST_FD + 1, 0), -EBADF);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * MAP_HUGETLB on a file that is not hugetlbfs: -EINVAL, and the file
 * reference fget() took is dropped.  Anonymous MAP_HUGETLB with no
 * hstate of the asked size (none: no hugetlbfs here): -EINVAL.
 */
VMA_TEST(sys_mmap_pgoff_hugetlb_einval)
{
	struct file *f = test_file_new(&test_plain_fops);

	ASSERT_EQ(mmap_fd(f, A, P, PROT_READ,
			  MAP_SHARED | MAP_FIXED | MAP_HUGETLB, 0), -EINVAL);
	ASSERT_EQ(f->f_count, 1);
	ASSERT_EQ(sys_mmap_pgoff(A, P, PROT_READ,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB,
				 -1UL, 0), -EINVAL);
	ASSERT_EQ(test_vma_count(), 0);
}

/* ---- remap_file_pages() ---------------------------------------------- */

static struct file *map_shared(unsigned long addr, unsigned long len,
			       unsigned long pgoff)
{
	struct file *f = test_file_new(&test_plain_fops);

	ASSERT_EQ(test_mmap(f, addr, len, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, pgoff), addr);
	return f;
}

/*
 *	[ 0 1 2 3 ]  remap_file_pages(page 1, pgoff 10)  ->  [ 0 ][ 10 ][ 2 3 ]
 * The emulation is an mmap(MAP_FIXED) of the same file at the new offset,
 * with the VMA's protections, populated.  Catches a wrong pgoff or range,
 * or the populate dropped.
 */
VMA_TEST(sys_remap_file_pages_middle_page)
{
	struct file *f = map_shared(A, 4 * P, 0);
	unsigned long populated = vma_shim_counts.populate;
	struct vm_area_struct *vma;

	ASSERT_EQ(test_remap_file_pages(A + P, P, 0, 10, 0), 0);
	ASSERT_VMA(test_vma_at(A), A, A + P, 0);
	vma = test_vma_at(A + P);
	ASSERT_VMA(vma, A + P, A + 2 * P, 10);
	ASSERT_EQ(vma->vm_file, f);
	ASSERT_TRUE(vma->vm_flags & VM_SHARED);
	ASSERT_TRUE(vma->vm_flags & VM_WRITE);
	ASSERT_VMA(test_vma_at(A + 2 * P), A + 2 * P, A + 4 * P, 2);
	ASSERT_EQ(vma_shim_counts.populate, populated + 1);
	ASSERT_EQ(test_vma_count(), 3);
	/* one reference per VMA, the syscall's own dropped */
	ASSERT_EQ(f->f_count, 4);
}

/*
 * The range may span several VMAs of the same file with the same flags,
 * without a hole: [ 0 1 ][ 5 6 ] remapped as a whole to pgoff 20.
 */
VMA_TEST(sys_remap_file_pages_spans_two_vmas)
{
	struct file *f = map_shared(A, 2 * P, 0);

	ASSERT_EQ(test_mmap(f, A + 2 * P, 2 * P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 5), A + 2 * P);
	ASSERT_EQ(test_vma_count(), 2);
	ASSERT_EQ(test_remap_file_pages(A, 4 * P, 0, 20, 0), 0);
	ASSERT_VMA(test_vma_at(A + 3 * P), A, A + 4 * P, 20);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * Refusals, each -EINVAL with the mapping unchanged: a protection given
 * (only 0 is accepted), a private mapping, an unmapped start, a size that
 * wraps, a page offset that wraps, a range running into a hole, into
 * another file, into a VMA with other flags.  Catches each check.
 */
VMA_TEST(sys_remap_file_pages_refusals_einval)
{
	struct file *f = map_shared(A, 2 * P, 0);
	struct file *g = test_file_new(&test_plain_fops);

	ASSERT_EQ(test_remap_file_pages(A, P, PROT_READ, 1, 0), -EINVAL);
	ASSERT_EQ(test_remap_file_pages(A - P, P, 0, 1, 0), -EINVAL);
	ASSERT_EQ(test_remap_file_pages(A, -P, 0, 1, 0), -EINVAL);
	ASSERT_EQ(test_remap_file_pages(A, P, 0, ULONG_MAX, 0), -EINVAL);
	/* nothing after the VMA */
	ASSERT_EQ(test_remap_file_pages(A, 3 * P, 0, 1, 0), -EINVAL);
	/* a hole, then the same file with the same flags */
	ASSERT_EQ(test_mmap(f, A + 3 * P, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 3), A + 3 * P);
	ASSERT_EQ(test_remap_file_pages(A, 4 * P, 0, 1, 0), -EINVAL);
	/* another file right after it */
	ASSERT_EQ(test_mmap(f, A + 8 * P, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 0), A + 8 * P);
	ASSERT_EQ(test_mmap(g, A + 9 * P, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 1), A + 9 * P);
	ASSERT_EQ(test_remap_file_pages(A + 8 * P, 2 * P, 0, 1, 0), -EINVAL);
	/* the same file right after it, other flags (read-only) */
	ASSERT_EQ(test_mmap(f, A + 16 * P, P, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_FIXED, 0), A + 16 * P);
	ASSERT_EQ(test_mmap(f, A + 17 * P, P, PROT_READ,
			    MAP_SHARED | MAP_FIXED, 1), A + 17 * P);
	ASSERT_EQ(test_remap_file_pages(A + 16 * P, 2 * P, 0, 1, 0), -EINVAL);
	/* a private mapping */
	ASSERT_EQ(test_mmap(f, A + 24 * P, P, PROT_READ,
			    MAP_PRIVATE | MAP_FIXED, 0), A + 24 * P);
	ASSERT_EQ(test_remap_file_pages(A + 24 * P, P, 0, 1, 0), -EINVAL);

	/* nothing changed */
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, 0);
	ASSERT_VMA(test_vma_at(A + 3 * P), A + 3 * P, A + 4 * P, 3);
	ASSERT_VMA(test_vma_at(A + 8 * P), A + 8 * P, A + 9 * P, 0);
	ASSERT_VMA(test_vma_at(A + 9 * P), A + 9 * P, A + 10 * P, 1);
	ASSERT_EQ(test_vma_at(A + 9 * P)->vm_file, g);
	ASSERT_VMA(test_vma_at(A + 16 * P), A + 16 * P, A + 17 * P, 0);
	ASSERT_VMA(test_vma_at(A + 17 * P), A + 17 * P, A + 18 * P, 1);
	ASSERT_VMA(test_vma_at(A + 24 * P), A + 24 * P, A + 25 * P, 0);
	ASSERT_EQ(test_vma_count(), 7);
}

/* ---- test_vm_brk_flags() -------------------------------------------------- */

#define BRK_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | \
			 VM_MAYEXEC | VM_ACCOUNT)

/*
 * The request is rounded up to pages; the VMA is anonymous data memory
 * at the address (pgoff = addr >> PAGE_SHIFT), accounted in total_vm and
 * data_vm.  Catches a request not PAGE_ALIGN()ed or flags not the data
 * defaults plus VM_ACCOUNT.
 */
VMA_TEST(vm_brk_maps_rounded_up)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_vm_brk_flags(A, P + 1, false), 0);
	vma = test_vma_at(A);
	ASSERT_VMA(vma, A, A + 2 * P, PG(A));
	ASSERT_EQ(vma->vm_flags, BRK_FLAGS);
	ASSERT_TRUE(vma_is_anonymous(vma));
	ASSERT_EQ(test_mm->total_vm, 2);
	ASSERT_EQ(test_mm->data_vm, 2);
	ASSERT_EQ(test_vma_count(), 1);
}

/* is_exec adds VM_EXEC (a bss in an executable segment). */
VMA_TEST(vm_brk_exec)
{
	ASSERT_EQ(test_vm_brk_flags(A, P, true), 0);
	ASSERT_EQ(test_vma_at(A)->vm_flags, BRK_FLAGS | VM_EXEC);
}

/* Zero length: nothing; a length that overflows PAGE_ALIGN: -ENOMEM. */
VMA_TEST(vm_brk_zero_and_overflow)
{
	ASSERT_EQ(test_vm_brk_flags(A, 0, false), 0);
	ASSERT_EQ(test_vm_brk_flags(A, ULONG_MAX - 1, false), -ENOMEM);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * A second call right after the first extends the same VMA object (the
 * just_expand merge).  Catches a second VMA created.
 */
VMA_TEST(vm_brk_twice_extends_same_vma)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_vm_brk_flags(A, P, false), 0);
	vma = test_vma_at(A);
	ASSERT_EQ(test_vm_brk_flags(A + P, 2 * P, false), 0);
	ASSERT_EQ(test_vma_at(A + 2 * P), vma);
	ASSERT_VMA(vma, A, A + 3 * P, PG(A));
	ASSERT_EQ(test_mm->total_vm, 3);
	ASSERT_EQ(test_vma_count(), 1);
}

/* Whatever was mapped in the range is replaced (do_vmi_munmap() first). */
VMA_TEST(vm_brk_replaces_existing_mapping)
{
	ASSERT_EQ(test_mmap(NULL, A + P, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), A + P);
	ASSERT_EQ(test_vm_brk_flags(A, 3 * P, false), 0);
	ASSERT_VMA(test_vma_at(A + P), A, A + 3 * P, PG(A));
	ASSERT_EQ(test_vma_at(A + P)->vm_flags, BRK_FLAGS);
	ASSERT_EQ(test_mm->total_vm, 3);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * RLIMIT_DATA: exactly the limit is fine, one page more is -ENOMEM
 * (may_expand_vm()).  With a soft limit of 0 and a hard limit that
 * allows it, the mapping is allowed (the valgrind workaround).
 */
VMA_TEST(vm_brk_rlimit_data)
{
	current->signal->rlim[RLIMIT_DATA].rlim_cur = 2 * P;
	ASSERT_EQ(test_vm_brk_flags(A, 3 * P, false), -ENOMEM);
	ASSERT_EQ(test_vma_count(), 0);
	ASSERT_EQ(test_vm_brk_flags(A, 2 * P, false), 0);
	ASSERT_EQ(test_vm_brk_flags(A + 2 * P, P, false), -ENOMEM);
	ASSERT_EQ(test_mm->data_vm, 2);

	current->signal->rlim[RLIMIT_DATA].rlim_cur = 0;
	current->signal->rlim[RLIMIT_DATA].rlim_max = 4 * P;
	ASSERT_EQ(test_vm_brk_flags(A + 2 * P, 2 * P, false), 0);
	ASSERT_EQ(test_mm->data_vm, 4);
	ASSERT_EQ(test_vm_brk_flags(A + 4 * P, P, false), -ENOMEM);
	ASSERT_EQ(test_mm->data_vm, 4);
}

/*
 * After mlockall(MCL_FUTURE) the bss is VM_LOCKED and populated; without
 * CAP_IPC_LOCK, RLIMIT_MEMLOCK caps it (check_brk_limits() ->
 * mlock_future_ok(): -EAGAIN).
 */
VMA_TEST(vm_brk_def_locked_populates_and_memlock_limit)
{
	unsigned long populated = vma_shim_counts.populate;

	vma_flags_set(&test_mm->def_vma_flags, VMA_LOCKED_BIT);
	vma_task_set_capable(CAP_IPC_LOCK, false);
	current->signal->rlim[RLIMIT_MEMLOCK].rlim_cur = 2 * P;

	ASSERT_EQ(test_vm_brk_flags(A, 2 * P, false), 0);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_LOCKED);
	ASSERT_EQ(test_mm->locked_vm, 2);
	ASSERT_EQ(vma_shim_counts.populate, populated + 1);

	ASSERT_EQ(test_vm_brk_flags(A + 2 * P, P, false), -EAGAIN);
	ASSERT_NULL(test_vma_at(A + 2 * P));
	ASSERT_EQ(test_mm->locked_vm, 2);
	vma_flags_clear(&test_mm->def_vma_flags, VMA_LOCKED_BIT);
}

/* Beyond map_count's limit: -ENOMEM, nothing mapped. */
VMA_TEST(vm_brk_map_count_limit)
{
	ASSERT_EQ(test_mmap(NULL, A, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), A);
	ASSERT_EQ(test_mmap(NULL, A + 2 * P, P, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), A + 2 * P);
	sysctl_max_map_count = 1;
	ASSERT_EQ(test_vm_brk_flags(A + 4 * P, P, false), -ENOMEM);
	ASSERT_NULL(test_vma_at(A + 4 * P));
	ASSERT_EQ(test_vma_count(), 2);
}

/* ---- mmap_read_lock_maybe_expand() ----------------------------------- */

#define S	(A + SZ_8M)

/*
 * A read, or a write at or above the VMA's start: the read lock is taken
 * and nothing grows.
 */
VMA_TEST(maybe_expand_read_or_inside_just_locks)
{
	struct vm_area_struct *vma = test_map_stack(S, 2 * P);

	ASSERT_TRUE(mmap_read_lock_maybe_expand(test_mm, vma, S - P, false));
	ASSERT_EQ(test_mm->mmap_lock.readers, 1);
	mmap_read_unlock(test_mm);
	ASSERT_TRUE(mmap_read_lock_maybe_expand(test_mm, vma, S, true));
	ASSERT_EQ(test_mm->mmap_lock.readers, 1);
	mmap_read_unlock(test_mm);
	ASSERT_VMA(vma, S, S + 2 * P, PG(S));
}

/*
 * A write below a stack VMA grows it down to the page, and returns with
 * the lock downgraded to read.  Catches the expansion skipped or the lock
 * left held for write.
 */
VMA_TEST(maybe_expand_write_below_stack_grows)
{
	struct vm_area_struct *vma = test_map_stack(S, 2 * P);

	ASSERT_TRUE(mmap_read_lock_maybe_expand(test_mm, vma, S - 2 * P + 8,
						true));
	ASSERT_FALSE(test_mm->mmap_lock.writer);
	ASSERT_EQ(test_mm->mmap_lock.readers, 1);
	mmap_read_unlock(test_mm);
	ASSERT_EQ(vma->vm_start, S - 2 * P);
	ASSERT_EQ(vma->vm_end, S + 2 * P);
}

/*
 * Below a VMA that is not a stack, or where the stack cannot grow (a VMA
 * within the guard gap): false, with no lock held.
 */
VMA_TEST(maybe_expand_refused_unlocked)
{
	struct vm_area_struct *plain, *stack;

	plain = test_vma_at(test_map_anon(A, P, true));
	ASSERT_FALSE(mmap_read_lock_maybe_expand(test_mm, plain, A - P, true));
	ASSERT_FALSE(rwsem_is_locked(&test_mm->mmap_lock));

	stack = test_map_stack(A + 2 * P, P);
	ASSERT_FALSE(mmap_read_lock_maybe_expand(test_mm, stack, A + P, true));
	ASSERT_FALSE(rwsem_is_locked(&test_mm->mmap_lock));
	ASSERT_VMA(stack, A + 2 * P, A + 3 * P, PG(A + 2 * P));
}

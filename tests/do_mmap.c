// SPDX-License-Identifier: GPL-2.0
/*
 * do_mmap() (mm/mmap.c) edges not covered by mmap_anon.c/mmap_file.c:
 * pgoff overflow and how anonymous memory ignores pgoff, MAP_SHARED vs
 * MAP_SHARED_VALIDATE flag validation, READ_IMPLIES_EXEC, MAP_GROWSDOWN
 * where it is not allowed, and the limits checked when the range is set
 * up in mm/vma.c's __mmap_setup(): RLIMIT_AS (may_expand_vm()) and the
 * overcommit charge (VM_ACCOUNT, MAP_NORESERVE).
 *
 * The overcommit charge: shims/security.c's __vm_enough_memory() counts
 * calls in vma_shim_counts.vm_enough_memory and fails when
 * vma_fail_vm_enough_memory is set.  The tests assert whether it was
 * asked (zero or not), not how many calls one check makes.
 */
#include "fixture.h"

/* The recording driver, with FOP_MMAP_SYNC. */
static const struct file_operations drv_sync_fops = {
	.mmap_prepare = test_drv_mmap_prepare,
	.fop_flags = FOP_MMAP_SYNC,
};

static struct file *drv_file(const struct file_operations *fops)
{
	test_drv.calls = 0;
	return test_file_new(fops);
}

/* ---- pgoff ---------------------------------------------------------- */

/*
 * A private anonymous mapping ignores the caller's pgoff: vm_pgoff is
 * addr >> PAGE_SHIFT (what anon_vma and merging rely on).  Catches the
 * "pgoff = addr >> PAGE_SHIFT" assignment dropped.
 */
VMA_TEST(do_mmap_anon_private_pgoff_ignored)
{
	ASSERT_EQ(test_mmap(NULL, A, 2 * P, RW, ANON | MAP_FIXED, 12345), A);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, A >> PAGE_SHIFT);
}

/*
 * A shared anonymous mapping ignores it too: pgoff 0 (offset into its
 * shmem object), and shmem_zero_setup() makes the object.
 * Catches the "pgoff = 0" of the MAP_SHARED case dropped.
 */
VMA_TEST(do_mmap_anon_shared_pgoff_zero)
{
	ASSERT_EQ(test_mmap(NULL, A, 2 * P, RW,
			    MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, 77), A);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, 0);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_SHARED);
	ASSERT_EQ(vma_shim_counts.shmem_zero_setup, 1);
}

/*
 * ... but pgoff + pages wrapping around is -EOVERFLOW even for anonymous
 * memory, checked before pgoff is ignored: pgoff ULONG_MAX - 3 with 4
 * pages wraps to 0.  Nothing is mapped.
 * Catches the overflow check dropped or moved after the anonymous pgoff
 * reset.
 */
VMA_TEST(do_mmap_anon_pgoff_wrap_eoverflow)
{
	ASSERT_EQ(test_mmap(NULL, A, 4 * P, RW, ANON | MAP_FIXED,
			    ULONG_MAX - 3), (unsigned long)-EOVERFLOW);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * pgoff ULONG_MAX - 4 with 4 pages ends at ULONG_MAX: no wrap, mapped.
 * Catches an overflow check one page too strict (counting one page more
 * than the mapping has).
 */
VMA_TEST(do_mmap_anon_pgoff_no_wrap_ok)
{
	ASSERT_EQ(test_mmap(NULL, A, 4 * P, RW, ANON | MAP_FIXED,
			    ULONG_MAX - 4), A);
	ASSERT_VMA(test_vma_at(A), A, A + 4 * P, A >> PAGE_SHIFT);
}

/*
 * A regular file can be mapped up to MAX_LFS_FILESIZE: the last pgoff
 * whose range ends by it is accepted...
 * Catches file_mmap_ok()'s "pgoff > maxsize >> PAGE_SHIFT" made '>='.
 */
VMA_TEST(do_mmap_file_pgoff_at_max_lfs_ok)
{
	struct file *f = drv_file(&test_drv_fops);
	unsigned long pgoff = (MAX_LFS_FILESIZE - 4 * P) >> PAGE_SHIFT;

	ASSERT_EQ(test_mmap(f, A, 4 * P, PROT_READ, MAP_SHARED | MAP_FIXED,
			    pgoff), A);
	ASSERT_VMA(test_vma_at(A), A, A + 4 * P, pgoff);
}

/*
 * ... one page further is -EOVERFLOW (file_mmap_ok()), and the driver is
 * not asked.  The same pgoff is fine for anonymous memory, which ignores
 * it (see do_mmap_anon_private_pgoff_ignored).
 * Catches file_mmap_ok() skipped, or applied to anonymous memory.
 */
VMA_TEST(do_mmap_file_pgoff_beyond_max_lfs_eoverflow)
{
	struct file *f = drv_file(&test_drv_fops);
	unsigned long pgoff = ((MAX_LFS_FILESIZE - 4 * P) >> PAGE_SHIFT) + 1;

	ASSERT_EQ(test_mmap(f, A, 4 * P, PROT_READ, MAP_SHARED | MAP_FIXED,
			    pgoff), (unsigned long)-EOVERFLOW);
	ASSERT_EQ(test_drv.calls, 0);
	ASSERT_EQ(test_vma_count(), 0);
	if (!IS_ENABLED(CONFIG_64BIT)) {
		/*
		 * 32-bit: MAX_LFS_FILESIZE is ULONG_MAX pages, so this pgoff
		 * + 4 pages wraps: do_mmap()'s own wrap test says -EOVERFLOW
		 * before file_mmap_ok(), for anonymous memory too.
		 */
		ASSERT_EQ(pgoff + 4, 0);
		ASSERT_EQ(test_mmap(NULL, A, 4 * P, RW, ANON | MAP_FIXED,
				    pgoff), (unsigned long)-EOVERFLOW);
		return;
	}
	ASSERT_EQ(test_mmap(NULL, A, 4 * P, RW, ANON | MAP_FIXED, pgoff), A);
}

/* ---- MAP_SHARED_VALIDATE -------------------------------------------- */

/* A bit no mmap flag uses (uapi mman-common.h leaves 0x200000 free). */
#define MAP_UNKNOWN	0x200000

/*
 * MAP_SHARED_VALIDATE with an unknown flag is -EOPNOTSUPP; nothing is
 * mapped, the driver is not asked.  Catches the validation dropped (a
 * caller could not detect that the kernel ignored what it asked for).
 */
VMA_TEST(do_mmap_shared_validate_unknown_flag_eopnotsupp)
{
	struct file *f = drv_file(&test_drv_fops);

	ASSERT_EQ(test_mmap(f, A, P, RW,
			    MAP_SHARED_VALIDATE | MAP_UNKNOWN | MAP_FIXED, 0),
		  (unsigned long)-EOPNOTSUPP);
	ASSERT_EQ(test_drv.calls, 0);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * Plain MAP_SHARED silently ignores it (backward compatibility with
 * binaries that pass garbage).  Catches MAP_SHARED validating too.
 */
VMA_TEST(do_mmap_shared_ignores_unknown_flag)
{
	struct file *f = drv_file(&test_drv_fops);

	ASSERT_EQ(test_mmap(f, A, P, RW, MAP_SHARED | MAP_UNKNOWN | MAP_FIXED,
			    0), A);
	ASSERT_EQ(test_drv.calls, 1);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_SHARED);
}

/*
 * A known but unsupported flag: MAP_SYNC on a file without FOP_MMAP_SYNC
 * is -EOPNOTSUPP with MAP_SHARED_VALIDATE.
 * Catches MAP_SYNC accepted without FOP_MMAP_SYNC.
 */
VMA_TEST(do_mmap_shared_validate_sync_unsupported_eopnotsupp)
{
	struct file *f = drv_file(&test_drv_fops);

	ASSERT_EQ(test_mmap(f, A, P, RW,
			    MAP_SHARED_VALIDATE | MAP_SYNC | MAP_FIXED, 0),
		  (unsigned long)-EOPNOTSUPP);
	ASSERT_EQ(test_drv.calls, 0);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * With plain MAP_SHARED the check is skipped, but VM_SYNC is still set:
 * do_mmap() translates MAP_SYNC (calc_vm_flag_bits()) before it masks the
 * flags to LEGACY_MAP_MASK, so the driver's ->mmap_prepare sees VM_SYNC
 * and must refuse it itself (as ext4/xfs do in daxdev_mapping_supported()).
 * Pins that behaviour: a change that strips VM_SYNC here, or refuses the
 * mapping, changes what drivers see.
 */
VMA_TEST(do_mmap_shared_unvalidated_sync_reaches_driver)
{
	struct file *f = drv_file(&test_drv_fops);

	ASSERT_EQ(test_mmap(f, A, P, RW, MAP_SHARED | MAP_SYNC | MAP_FIXED, 0),
		  A);
	ASSERT_EQ(test_drv.calls, 1);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_SYNC);
}

/*
 * A file with FOP_MMAP_SYNC accepts MAP_SYNC: VM_SYNC is set.  Catches
 * FOP_MMAP_SYNC not widening flags_mask.
 */
VMA_TEST(do_mmap_shared_validate_sync_supported)
{
	struct file *f = drv_file(&drv_sync_fops);

	ASSERT_EQ(test_mmap(f, A, P, RW,
			    MAP_SHARED_VALIDATE | MAP_SYNC | MAP_FIXED, 0), A);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_SYNC);
}

/*
 * Anonymous memory has no MAP_SHARED_VALIDATE case: -EINVAL (the
 * anonymous switch knows only MAP_SHARED, MAP_PRIVATE and MAP_DROPPABLE).
 * Catches MAP_SHARED_VALIDATE falling into the anonymous MAP_SHARED case.
 */
VMA_TEST(do_mmap_anon_shared_validate_einval)
{
	ASSERT_EQ(test_mmap(NULL, A, P, RW,
			    MAP_SHARED_VALIDATE | MAP_ANONYMOUS | MAP_FIXED, 0),
		  (unsigned long)-EINVAL);
	ASSERT_EQ(test_vma_count(), 0);
}

/* ---- READ_IMPLIES_EXEC, MAP_GROWSDOWN ------------------------------- */

/*
 * With the READ_IMPLIES_EXEC personality, PROT_READ adds PROT_EXEC: the
 * VMA is VM_EXEC.  Catches the personality ignored (old binaries that
 * execute from PROT_READ memory would fault).
 */
VMA_TEST(do_mmap_read_implies_exec_adds_vm_exec)
{
	current->personality = READ_IMPLIES_EXEC;
	ASSERT_EQ(test_mmap(NULL, A, P, PROT_READ, ANON | MAP_FIXED, 0), A);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_EXEC);
}

/*
 * ... only for PROT_READ: a PROT_WRITE-only mapping does not become
 * executable, and without the personality PROT_READ does not either.
 * Catches the PROT_READ condition dropped (every mapping executable).
 */
VMA_TEST(do_mmap_read_implies_exec_needs_prot_read)
{
	current->personality = READ_IMPLIES_EXEC;
	ASSERT_EQ(test_mmap(NULL, A, P, PROT_WRITE, ANON | MAP_FIXED, 0), A);
	ASSERT_FALSE(test_vma_at(A)->vm_flags & VM_EXEC);
	current->personality = 0;
	ASSERT_EQ(test_mmap(NULL, A + 2 * P, P, PROT_READ, ANON | MAP_FIXED, 0),
		  A + 2 * P);
	ASSERT_FALSE(test_vma_at(A + 2 * P)->vm_flags & VM_EXEC);
}

/*
 * A file mapping cannot grow: MAP_GROWSDOWN is -EINVAL, driver unasked.
 * Catches the vma_flags_can_grow() test dropped for files.
 */
VMA_TEST(do_mmap_file_growsdown_einval)
{
	struct file *f = drv_file(&test_drv_fops);

	ASSERT_EQ(test_mmap(f, A, P, PROT_READ,
			    MAP_PRIVATE | MAP_GROWSDOWN | MAP_FIXED, 0),
		  (unsigned long)-EINVAL);
	ASSERT_EQ(test_drv.calls, 0);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * Nor can shared anonymous memory.  Catches the vma_flags_can_grow() test
 * dropped for shared anonymous memory.
 */
VMA_TEST(do_mmap_anon_shared_growsdown_einval)
{
	ASSERT_EQ(test_mmap(NULL, A, P, RW,
			    MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN |
			    MAP_FIXED, 0), (unsigned long)-EINVAL);
	ASSERT_EQ(test_vma_count(), 0);
}

/*
 * MAP_SHARED of a file opened read-only: PROT_WRITE is -EACCES; a
 * read-only MAP_SHARED mapping is made without VM_SHARED or VM_MAYWRITE
 * (so mprotect() cannot make it writable later).
 * Catches the FMODE_WRITE checks dropped (a writable shared mapping of a
 * read-only file).
 */
VMA_TEST(do_mmap_shared_readonly_file)
{
	struct file *f = drv_file(&test_drv_fops);
	struct vm_area_struct *vma;

	f->f_mode &= ~FMODE_WRITE;
	ASSERT_EQ(test_mmap(f, A, P, RW, MAP_SHARED | MAP_FIXED, 0),
		  (unsigned long)-EACCES);
	ASSERT_EQ(test_mmap(f, A, P, PROT_READ, MAP_SHARED | MAP_FIXED, 0), A);
	vma = test_vma_at(A);
	ASSERT_NONNULL(vma);
	ASSERT_TRUE(vma->vm_flags & VM_MAYSHARE);
	ASSERT_FALSE(vma->vm_flags & VM_SHARED);
	ASSERT_FALSE(vma->vm_flags & VM_MAYWRITE);
}

/* ---- accounting (VM_ACCOUNT, MAP_NORESERVE) ------------------------- */

/*
 * A private writable mapping is charged: the overcommit check is asked
 * and the VMA carries VM_ACCOUNT (so munmap uncharges it).  Catches the
 * charge skipped (unbounded private memory under OVERCOMMIT_NEVER).
 */
VMA_TEST(do_mmap_private_writable_charged)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_NE(vma_shim_counts.vm_enough_memory, 0);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_ACCOUNT);
}

/*
 * A private read-only mapping is not (nothing to charge until mprotect).
 * Catches accountable_mapping() ignoring VM_WRITE (read-only memory
 * charged).
 */
VMA_TEST(do_mmap_private_readonly_not_charged)
{
	ASSERT_EQ(test_mmap(NULL, A, 4 * P, PROT_READ, ANON | MAP_FIXED, 0), A);
	ASSERT_EQ(vma_shim_counts.vm_enough_memory, 0);
	ASSERT_FALSE(test_vma_at(A)->vm_flags & VM_ACCOUNT);
}

/*
 * MAP_NORESERVE: not charged, VM_NORESERVE set, no VM_ACCOUNT.  Catches
 * MAP_NORESERVE ignored.
 */
VMA_TEST(do_mmap_noreserve_not_charged)
{
	struct vm_area_struct *vma;

	ASSERT_EQ(test_mmap(NULL, A, 4 * P, RW,
			    ANON | MAP_NORESERVE | MAP_FIXED, 0), A);
	vma = test_vma_at(A);
	ASSERT_EQ(vma_shim_counts.vm_enough_memory, 0);
	ASSERT_TRUE(vma->vm_flags & VM_NORESERVE);
	ASSERT_FALSE(vma->vm_flags & VM_ACCOUNT);
}

/*
 * ... unless overcommit is OVERCOMMIT_NEVER: then MAP_NORESERVE is not
 * honoured and the mapping is charged.  Catches the sysctl ignored.
 */
VMA_TEST(do_mmap_noreserve_ignored_overcommit_never)
{
	struct vm_area_struct *vma;

	sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	ASSERT_EQ(test_mmap(NULL, A, 4 * P, RW,
			    ANON | MAP_NORESERVE | MAP_FIXED, 0), A);
	vma = test_vma_at(A);
	ASSERT_NE(vma_shim_counts.vm_enough_memory, 0);
	ASSERT_FALSE(vma->vm_flags & VM_NORESERVE);
	ASSERT_TRUE(vma->vm_flags & VM_ACCOUNT);
}

/*
 * The charge fails: -ENOMEM and nothing mapped (no VMA, no leak: the
 * fixture checks every object is freed).
 * Catches the charge's error ignored, or a VMA left behind.
 */
VMA_TEST(do_mmap_charge_failure_enomem_nothing_mapped)
{
	vma_fail_vm_enough_memory = true;
	ASSERT_EQ(test_map_anon(A, 4 * P, true), (unsigned long)-ENOMEM);
	ASSERT_EQ(test_vma_count(), 0);
	ASSERT_EQ(test_mm->total_vm, 0);
}

/*
 * MAP_FIXED over an accounted mapping of the same size charges nothing
 * new ("Charge only what's not already charged by mappings we replace"):
 * it succeeds even when the overcommit check would fail, and the new VMA
 * owns the charge (VM_ACCOUNT).  Catches the replaced mapping's charge
 * not credited (a MAP_FIXED remap failing under memory pressure).
 */
VMA_TEST(do_mmap_fixed_replace_accounted_not_recharged)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	vma_shim_counts.vm_enough_memory = 0;
	vma_fail_vm_enough_memory = true;
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(vma_shim_counts.vm_enough_memory, 0);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_ACCOUNT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * MAP_FIXED over half of an accounted mapping, extending past it: the 2
 * uncovered pages must be charged; when that fails the call is -ENOMEM
 * and the old memory is all still mapped, the detached half reattached.
 * The split made while gathering what to unmap is not undone, though:
 * the old mapping is left as two VMAs.
 *
 *	[ old 4P        ]
 *	        [ new 4P        ]	-> -ENOMEM
 *	[ old   ][ old  ]		   (split at A+2P, both VM_ACCOUNT)
 *
 * Catches an error path that drops the detached half (a hole where the
 * caller's memory was) or frees it while it is still in the tree.
 */
VMA_TEST(do_mmap_fixed_partial_replace_charges_rest)
{
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	vma_fail_vm_enough_memory = true;
	ASSERT_EQ(test_map_anon(A + 2 * P, 4 * P, true), (unsigned long)-ENOMEM);
	ASSERT_VMA(test_vma_at(A), A, A + 2 * P, A >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(A + 2 * P), A + 2 * P, A + 4 * P,
		   (A + 2 * P) >> PAGE_SHIFT);
	ASSERT_TRUE(test_vma_at(A)->vm_flags & VM_ACCOUNT);
	ASSERT_TRUE(test_vma_at(A + 2 * P)->vm_flags & VM_ACCOUNT);
	ASSERT_NULL(test_vma_at(A + 4 * P));
	ASSERT_EQ(test_vma_count(), 2);
}

/* ---- RLIMIT_AS ------------------------------------------------------ */

/*
 * RLIMIT_AS: a mapping that brings total_vm to exactly the limit is
 * allowed...
 * Catches may_expand_vm()'s '>' made '>='.
 */
VMA_TEST(do_mmap_rlimit_as_exact_ok)
{
	vma_test_task.__signal.rlim[RLIMIT_AS].rlim_cur = 8 * P;
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_map_anon(A + 8 * P, 4 * P, true), A + 8 * P);
	ASSERT_EQ(test_mm->total_vm, 8);
}

/*
 * ... one page more is -ENOMEM, nothing mapped.  Catches may_expand_vm()
 * skipped, or its '>' made '>=' (then the previous test fails).
 */
VMA_TEST(do_mmap_rlimit_as_exceeded_enomem)
{
	vma_test_task.__signal.rlim[RLIMIT_AS].rlim_cur = 8 * P;
	ASSERT_EQ(test_map_anon(A, 8 * P, true), A);
	ASSERT_EQ(test_map_anon(A + 16 * P, P, true), (unsigned long)-ENOMEM);
	ASSERT_NULL(test_vma_at(A + 16 * P));
	ASSERT_EQ(test_mm->total_vm, 8);
}

/*
 * MAP_FIXED replacing pages already mapped only counts the growth: at the
 * limit, remapping the same range is allowed.  Catches the replaced pages
 * not subtracted (pglen - nr_pages).
 */
VMA_TEST(do_mmap_rlimit_as_fixed_replace_counts_growth_only)
{
	vma_test_task.__signal.rlim[RLIMIT_AS].rlim_cur = 4 * P;
	ASSERT_EQ(test_map_anon(A, 4 * P, true), A);
	ASSERT_EQ(test_mmap(NULL, A, 4 * P, PROT_READ, ANON | MAP_FIXED, 0), A);
	ASSERT_FALSE(test_vma_at(A)->vm_flags & VM_WRITE);
	ASSERT_EQ(test_mm->total_vm, 4);
}

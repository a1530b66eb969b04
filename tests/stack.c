// SPDX-License-Identifier: GPL-2.0
/*
 * Stack growth: expand_stack() (mm/mmap.c) -> expand_downwards() and
 * acct_stack_growth() (mm/vma.c) on a MAP_GROWSDOWN mapping, and
 * find_extend_vma_locked().  x86 stacks grow down.
 *
 * The lock contract of expand_stack() in 7.3 (and 7.2): it is called
 * with the mmap lock held for READ; it drops it, takes it for write, and
 * on success returns the VMA with the lock downgraded to read (the caller
 * unlocks); on failure it returns NULL with the lock DROPPED.  grow()
 * below follows that contract and checks the lock state it is left in.
 *
 * Where a VMA sits below the stack, the layout is
 *
 *	L     L+P                                   S            S+4P
 *	[ low ]<--------- stack_guard_gap --------->[   stack    ]
 *	       (plus "room" pages between the gap and the stack)
 */
#include "fixture.h"

#define S	(A + SZ_8M)		/* stack start when nothing is below */

/*
 * A VMA with protection prot at [l, l + P), and a 4-page stack starting
 * "room" pages above the end of that VMA's guard gap.  Returns the
 * stack's start.
 */
static unsigned long layout_below(unsigned long l, unsigned long prot,
				  unsigned long room)
{
	unsigned long s = l + P + stack_guard_gap + room * P;

	ASSERT_EQ(test_mmap(NULL, l, P, prot,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), l);
	test_map_stack(s, 4 * P);
	return s;
}

/*
 * Release whatever the mmap lock is held as, so that a test that found
 * the contract broken still ends cleanly (the teardown takes the lock).
 */
static void release_lock(void)
{
	if (test_mm->mmap_lock.writer)
		mmap_write_unlock(test_mm);
	else
		while (test_mm->mmap_lock.readers)
			mmap_read_unlock(test_mm);
}

/* expand_stack() under its lock contract. */
static struct vm_area_struct *grow(unsigned long addr)
{
	struct vm_area_struct *vma;
	bool writer;
	int readers;

	mmap_read_lock(test_mm);
	vma = expand_stack(test_mm, addr);
	writer = test_mm->mmap_lock.writer;
	readers = test_mm->mmap_lock.readers;
	if (vma) {
		/* held again, downgraded to read: the caller unlocks */
		if (writer || readers != 1) {
			release_lock();
			FAIL("expand_stack() succeeded and left the mmap lock "
			     "writer=%d readers=%d, not held once for read",
			     writer, readers);
		}
		mmap_read_unlock(test_mm);
	} else if (writer || readers) {
		/* on failure it must have been dropped */
		release_lock();
		FAIL("expand_stack() failed and left the mmap lock held "
		     "(writer=%d readers=%d)", writer, readers);
	}
	return vma;
}

/*
 * The stack grows down to the page containing addr; vm_pgoff moves down
 * with vm_start (anonymous pgoff stays vm_start >> PAGE_SHIFT).  Catches
 * the page rounding, the pgoff update or the downgrade going wrong.
 */
VMA_TEST(stack_expand_grows_down_to_page)
{
	struct vm_area_struct *vma;

	test_map_stack(S, 4 * P);
	vma = grow(S - 3 * P + 0x123);
	ASSERT_EQ(vma, test_vma_at(S));
	ASSERT_VMA(vma, S - 3 * P, S + 4 * P, (S - 3 * P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 1);
}

/*
 * An address already inside the stack: the VMA, unchanged.  Catches
 * expand_stack() shrinking the stack or failing when there is nothing to
 * do.
 */
VMA_TEST(stack_expand_inside_vma_unchanged)
{
	test_map_stack(S, 4 * P);
	ASSERT_EQ(grow(S + P), test_vma_at(S));
	ASSERT_VMA(test_vma_at(S), S, S + 4 * P, S >> PAGE_SHIFT);
}

/*
 * Growing to exactly stack_guard_gap above the VMA below is allowed.
 * Catches the guard check made '<=' (a page too strict).
 */
VMA_TEST(stack_expand_to_guard_gap_boundary_ok)
{
	unsigned long s = layout_below(A, PROT_READ, 4);

	ASSERT_NONNULL(grow(s - 4 * P));
	ASSERT_VMA(test_vma_at(s), s - 4 * P, s + 4 * P,
		   (s - 4 * P) >> PAGE_SHIFT);
}

/*
 * One page further, into the guard gap of the VMA below: refused, the
 * stack unchanged, the lock dropped.  Catches the stack_guard_gap check
 * dropped from expand_downwards() (Stack Clash, CVE-2017-1000364).
 */
VMA_TEST(stack_expand_into_guard_gap_refused)
{
	unsigned long s = layout_below(A, PROT_READ, 4);

	ASSERT_NULL(grow(s - 5 * P));
	ASSERT_VMA(test_vma_at(s), s, s + 4 * P, s >> PAGE_SHIFT);
}

/*
 * A PROT_NONE VMA below is no obstacle (it is how userspace places its
 * own guard): the stack may grow right up to it.  Catches the
 * vma_is_accessible() exception dropped.
 */
VMA_TEST(stack_expand_up_to_prot_none_vma)
{
	unsigned long l = A;

	ASSERT_EQ(test_mmap(NULL, l, P, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0), l);
	test_map_stack(l + 5 * P, 4 * P);
	ASSERT_NONNULL(grow(l + P));
	ASSERT_VMA(test_vma_at(l + P), l + P, l + 9 * P, (l + P) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 2);
}

/*
 * Nor is another VM_GROWSDOWN VMA below (two stack segments): no guard
 * gap between them.  Catches the VM_GROWSDOWN exception dropped.
 */
VMA_TEST(stack_expand_up_to_growsdown_vma)
{
	test_map_stack(A, P);
	test_map_stack(A + 5 * P, 4 * P);
	ASSERT_NONNULL(grow(A + P));
	ASSERT_VMA(test_vma_at(A + P), A + P, A + 9 * P, (A + P) >> PAGE_SHIFT);
}

/*
 * A VMA without VM_GROWSDOWN does not grow: NULL, lock dropped.  Catches
 * expand_downwards() growing any VMA (the VM_GROWSDOWN test dropped).
 */
VMA_TEST(stack_expand_not_growsdown_refused)
{
	ASSERT_EQ(test_map_anon(S, 4 * P, true), S);
	ASSERT_NULL(grow(S - P));
	ASSERT_VMA(test_vma_at(S), S, S + 4 * P, S >> PAGE_SHIFT);
}

/*
 * RLIMIT_STACK bounds the stack's size: growing to exactly the limit is
 * allowed...
 * Catches "size > rlimit(RLIMIT_STACK)" made '>='.
 */
VMA_TEST(stack_expand_rlimit_stack_exact_ok)
{
	vma_test_task.__signal.rlim[RLIMIT_STACK].rlim_cur = 8 * P;
	test_map_stack(S, 4 * P);
	ASSERT_NONNULL(grow(S - 4 * P));
	ASSERT_VMA(test_vma_at(S), S - 4 * P, S + 4 * P,
		   (S - 4 * P) >> PAGE_SHIFT);
}

/*
 * ... one page more is refused.  Catches acct_stack_growth()'s
 * "size > rlimit(RLIMIT_STACK)" check dropped or made '>='.
 */
VMA_TEST(stack_expand_rlimit_stack_exceeded)
{
	vma_test_task.__signal.rlim[RLIMIT_STACK].rlim_cur = 8 * P;
	test_map_stack(S, 4 * P);
	ASSERT_NULL(grow(S - 5 * P));
	ASSERT_VMA(test_vma_at(S), S, S + 4 * P, S >> PAGE_SHIFT);
}

/*
 * RLIMIT_AS counts stack growth too: with 6 pages allowed and 4 mapped,
 * growing by 3 is refused (catches may_expand_vm() skipped for stacks).
 */
VMA_TEST(stack_expand_rlimit_as_refused)
{
	vma_test_task.__signal.rlim[RLIMIT_AS].rlim_cur = 6 * P;
	test_map_stack(S, 4 * P);
	ASSERT_NULL(grow(S - 3 * P));
	ASSERT_EQ(test_mm->total_vm, 4);
}

/*
 * Growth is charged like any private writable memory: if the overcommit
 * check fails, the stack does not grow.
 * Catches the security_vm_enough_memory_mm() call dropped from
 * acct_stack_growth().
 */
VMA_TEST(stack_expand_overcommit_refused)
{
	test_map_stack(S, 4 * P);
	vma_fail_vm_enough_memory = true;
	ASSERT_NULL(grow(S - P));
	ASSERT_VMA(test_vma_at(S), S, S + 4 * P, S >> PAGE_SHIFT);
}

/*
 * The growth is accounted: total_vm and stack_vm (a VM_GROWSDOWN VMA is a
 * stack mapping) both go from 4 to 7 pages.  Catches vm_stat_account()
 * skipped, or called with the new size instead of the growth.
 */
VMA_TEST(stack_expand_accounts_total_and_stack_vm)
{
	test_map_stack(S, 4 * P);
	ASSERT_EQ(test_mm->total_vm, 4);
	ASSERT_EQ(test_mm->stack_vm, 4);
	ASSERT_NONNULL(grow(S - 3 * P));
	ASSERT_EQ(test_mm->total_vm, 7);
	ASSERT_EQ(test_mm->stack_vm, 7);
}

/*
 * Never below mmap_min_addr: a stack just above it cannot grow past it,
 * but may grow to exactly it.
 * Catches the mmap_min_addr test dropped from expand_downwards() (a stack
 * reaching page 0).
 */
VMA_TEST(stack_expand_mmap_min_addr_floor)
{
	unsigned long m = mmap_min_addr;

	test_map_stack(m + P, P);
	ASSERT_NULL(grow(m - P));
	ASSERT_VMA(test_vma_at(m + P), m + P, m + 2 * P, (m + P) >> PAGE_SHIFT);
	ASSERT_NONNULL(grow(m));
	ASSERT_VMA(test_vma_at(m), m, m + 2 * P, m >> PAGE_SHIFT);
}

/*
 * find_extend_vma_locked() (for callers that already hold the lock for
 * write, e.g. get_arg_page() at exec): grows the stack to the page of
 * addr and returns it; with the guard gap in the way, NULL.
 * Catches find_extend_vma_locked() returning the VMA without growing it,
 * or ignoring the guard gap.
 */
VMA_TEST(stack_find_extend_vma_locked)
{
	unsigned long s = layout_below(A, PROT_READ, 4);
	struct vm_area_struct *ok, *refused;

	mmap_write_lock(test_mm);
	ok = find_extend_vma_locked(test_mm, s - 2 * P + 1);
	refused = find_extend_vma_locked(test_mm, s - 5 * P);
	mmap_write_unlock(test_mm);
	ASSERT_EQ(ok, test_vma_at(s));
	ASSERT_NULL(refused);
	ASSERT_VMA(ok, s - 2 * P, s + 4 * P, (s - 2 * P) >> PAGE_SHIFT);
}

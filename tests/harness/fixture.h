/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test fixture: a fresh mm for every test, and helpers that drive the
 * real mm code the way a syscall would.  Tests include this (it brings the
 * runner's ASSERT/EXPECT macros and the kernel headers via vma_internal.h).
 */
#ifndef _VMA_TESTS_FIXTURE_H
#define _VMA_TESTS_FIXTURE_H

#include <linux/capability.h>

#include "runner.h"
#include "sweep.h"
#include "drivers.h"
#include "../../shims/harness.h"

/*
 * The tests' vocabulary: units, the base address of MAP_FIXED layouts and
 * the usual flags.  Every test file speaks it; none defines its own.
 */
#define P		PAGE_SIZE
#define PMD		PMD_SIZE
#define PUD		PUD_SIZE
/* The page number of an address: its pgoff in an anonymous VMA, a pfn. */
#define PG(addr)	((addr) >> PAGE_SHIFT)
/* An address's offset in its PMD. */
#define PMD_OFF(addr)	((addr) & (PMD_SIZE - 1))
/*
 * 256 MiB, rounded up to a PMD (512 MiB with arm64's 64K pages): free in
 * every test's address space.
 */
#define A		((0x10000000UL + PMD_SIZE - 1) & PMD_MASK)
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)

/* The mm of the current test (also current->mm). */
extern struct mm_struct *test_mm;

/*
 * The top of what a search without a hint above DEFAULT_MAP_WINDOW can
 * reach, and of the ranges a test fills with MAP_FIXED blockers:
 * TASK_SIZE, except with x86's 5-level paging and arm64's 52-bit VAs,
 * where the window keeps placement below 2^47 / 2^48 (and arm64 refuses
 * a MAP_FIXED length beyond the window below it).  (A compat task's
 * TASK_SIZE is below the window.)
 */
#define TEST_MAP_TOP	min_t(unsigned long, TASK_SIZE, DEFAULT_MAP_WINDOW)

/* Where the fixture puts the top-down mmap base (no randomisation). */
#define TEST_MMAP_BASE	(STACK_TOP - SZ_128M)

/* mmap()/munmap()/brk() as userspace would call them. */
unsigned long test_mmap(struct file *file, unsigned long addr,
			unsigned long len, unsigned long prot,
			unsigned long flags, unsigned long pgoff);
int test_munmap(unsigned long addr, unsigned long len);

/* brk(), vm_brk_flags() and remap_file_pages() as their callers would. */
long test_brk(unsigned long brk);
int test_vm_brk_flags(unsigned long addr, unsigned long len, bool is_exec);
long test_remap_file_pages(unsigned long start, unsigned long size,
			   unsigned long prot, unsigned long pgoff,
			   unsigned long flags);

/* Anonymous private read/write mapping (MAP_FIXED when fixed). */
unsigned long test_map_anon(unsigned long addr, unsigned long len, bool fixed);

/* An anonymous private MAP_FIXED mapping with @prot: mmap()'s result. */
unsigned long test_map_prot(unsigned long addr, unsigned long len,
			    unsigned long prot);

/* The same, asserted to succeed. */
void test_map_at(unsigned long addr, unsigned long len, unsigned long prot);

/* A MAP_GROWSDOWN stack VMA at [addr, addr + len), asserted; its VMA. */
struct vm_area_struct *test_map_stack(unsigned long addr, unsigned long len);

/* The VMA containing addr, or NULL. */
struct vm_area_struct *test_vma_at(unsigned long addr);

/*
 * Number of VMAs found by walking the tree; fails the test if it differs
 * from mm->map_count or if the tree does not validate.
 */
int test_vma_count(void);

/* Switch the layout: top-down (default) or legacy bottom-up. */
void test_set_topdown(bool topdown);

/*
 * Make the task a 32-bit one (compat) or a 64-bit one again, as exec would
 * with x86's arch_pick_mmap_layout() for that task: current->compat (so
 * TASK_SIZE is IA32_PAGE_OFFSET and in_compat_syscall() is true), and the
 * mm's task_size, mmap_legacy_base and mmap_base recomputed for that task
 * size without randomisation (x86's mmap_compat_base and
 * mmap_compat_legacy_base: TEST_MMAP_BASE and TASK_UNMAPPED_BASE evaluated
 * for the 32-bit task).  The layout (top-down or not) is kept.  Every test
 * starts as a 64-bit task.  A 32-bit kernel (ARCH=i386) has no compat tasks:
 * test_set_compat(true) SKIPs the test there.
 */
void test_set_compat(bool compat);

/*
 * The base the current layout's searches start from, which is what
 * tests move: x86's get_mmap_base() (mm->mmap_base top-down, the
 * legacy base bottom-up, the compat ones for a compat task) and
 * mm->mmap_base elsewhere.  test_set_mmap_base() sets it (in the legacy
 * layout mm->mmap_base too, as arch_pick_mmap_layout() does).
 */
unsigned long test_mmap_base(void);
void test_set_mmap_base(unsigned long base);
/*
 * For tests that must tell an aligned placement from a plain one: a base
 * that is not PMD-aligned (x86_64's are not: its TASK_SIZE is 2^47 -
 * PAGE_SIZE; arm64's 2^48 makes them aligned, so the base moves down a
 * page there).  Returns the base.
 */
unsigned long test_unaligned_mmap_base(void);

/*
 * A page-aligned address below mmap_min_addr (and dac_mmap_min_addr):
 * the first page, with both raised to two pages where a page is as large
 * as they are (arm64's 64K pages and the fixture's 64 KiB).
 */
unsigned long test_below_min_addr(void);

/*
 * The "no extra VMA flags" argument of __get_unmapped_area(),
 * generic_get_unmapped_area[_topdown]() and the THP placement functions:
 * a vma_flags_t since 7.3, a vm_flags_t in 7.2.
 */
#ifdef VMA_HAVE_mm_get_unmapped_area_vmaflags
#define TEST_NO_VMA_FLAGS	EMPTY_VMA_FLAGS
#else
#define TEST_NO_VMA_FLAGS	0
#endif

/*
 * The word size of the build.  ARCH=i386 builds i386 (!CONFIG_64BIT, PAE):
 * 32-bit addresses (TASK_SIZE 3 GiB; mmap_base 0xb8000000 and
 * TASK_UNMAPPED_BASE 1 GiB, both PMD-aligned), no compat tasks
 * (test_set_compat(true) SKIPs), and THP placement that never aligns
 * (4ef9ad19e176).  A test whose premise holds on 64-bit only starts with
 * REQUIRE_64BIT(why), one that only a 32-bit build can run with
 * REQUIRE_32BIT(); the other build reports SKIP with the reason.
 */
#define REQUIRE_64BIT(why) do {						\
	if (!IS_ENABLED(CONFIG_64BIT))					\
		SKIP("!CONFIG_64BIT (ARCH=i386 build): " why);		\
} while (0)
#define REQUIRE_32BIT() do {						\
	if (IS_ENABLED(CONFIG_64BIT))					\
		SKIP("tests a !CONFIG_64BIT kernel: runs in ARCH=i386 builds"); \
} while (0)
/*
 * A test of a rule of mm/mmap.c's generic arch_get_unmapped_area[_topdown]()
 * that x86_64's own functions (arch/x86/kernel/sys_x86_64.c) do not share
 * starts with REQUIRE_GENERIC_PLACEMENT(); tests/x86_mmap.c tests x86's.
 */
#ifdef HAVE_ARCH_UNMAPPED_AREA
#define REQUIRE_GENERIC_PLACEMENT(rule)						SKIP("x86_64 places with its own arch_get_unmapped_area[_topdown](), " 	     "which " rule " (tests/x86_mmap.c)")
#else
#define REQUIRE_GENERIC_PLACEMENT(rule) do { } while (0)
#endif

/* The premise of every test that expects THP placement to align. */
#define REQUIRE_THP_ALIGNS()						\
	REQUIRE_64BIT("THP placement never aligns there (4ef9ad19e176), "	\
		      "so this cannot fail; the thp_4ef9ad19e176_32bit_* " \
		      "tests check that it does not")

/*
 * Does the tree call ->mmap_prepare before it changes the address space
 * (patches/0001)?  The placement patches after it depend on that order, so
 * pfnmap_get_unmapped_area() (patches/0005), which the extraction can see,
 * stands for it.
 */
#ifdef VMA_HAVE_pfnmap_get_unmapped_area
#define TEST_MMAP_PREPARE_FIRST	1
#else
#define TEST_MMAP_PREPARE_FIRST	0
#endif

/*
 * Call fn(arg) in the teardown, before the test's mm is torn down, also
 * when an assertion ended the test early (up to 8 per test).  For what a
 * test builds besides test_mm, e.g. a forked child's mm.
 * test_teardown_cancel(arg) drops the call again (the test cleaned up).
 */
void test_at_teardown(void (*fn)(void *), void *arg);
void test_teardown_cancel(void *arg);

/* Kernel WARNs a test expects (the fixture fails on any other). */
void test_expect_kernel_warnings(unsigned long n);

/* Assert a VMA's exact range and page offset. */
#define ASSERT_VMA(vma, start, end, pgoff) do {				\
	ASSERT_NONNULL(vma);						\
	ASSERT_FALSE(IS_ERR(vma));					\
	ASSERT_EQ((vma)->vm_start, (unsigned long)(start));		\
	ASSERT_EQ((vma)->vm_end, (unsigned long)(end));			\
	ASSERT_EQ((vma)->vm_pgoff, (unsigned long)(pgoff));		\
} while (0)

/* A random multiple of PAGE_SIZE, [lo, hi] pages. */
static inline unsigned long test_rand_pages(unsigned long lo, unsigned long hi)
{
	return test_rand_range(lo, hi) * PAGE_SIZE;
}

#endif /* _VMA_TESTS_FIXTURE_H */

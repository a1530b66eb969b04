// SPDX-License-Identifier: GPL-2.0
/*
 * x86's own mmap placement and layout, extracted from KDIR
 * (shims/kernel/x86_mmap.c):
 *
 * - arch/x86/kernel/sys_x86_64.c's arch_get_unmapped_area[_topdown]()
 *   (x86_64): the hint rules (no mmap_min_addr floor, the guard gap, the
 *   47-bit window with 5-level paging), MAP_FIXED without a length check
 *   bottom-up, MAP_32BIT, MAP_ABOVE4G, the shadow-stack gap, va_align,
 *   the compat bases of 32-bit syscalls, the top-down -> bottom-up
 *   fallback;
 * - arch/x86/mm/mmap.c's layout: mmap_base() below the stack, the legacy
 *   base, the compat bases (x86_64 and i386).
 *
 * The generic functions' rules are tests/get_unmapped_area.c's (x86_64
 * SKIPs those that x86 does differently).  Each test names the bug it
 * would catch.
 */
#include <linux/compat.h>

#include "fixture.h"

#ifdef CONFIG_X86
#include <asm/elf.h>
#else
VMA_TEST(x86_layout)
{
	SKIP("ARCH=%s: not x86's arch_pick_mmap_layout()", VMA_ARCH);
}
#endif
#ifndef CONFIG_X86_64
VMA_TEST(x86_64_placement)
{
	SKIP("ARCH=%s: mm/mmap.c's generic placement, not x86_64's", VMA_ARCH);
}
#endif

#ifdef CONFIG_X86_64

static unsigned long x86_gua(struct file *file, unsigned long addr,
			     unsigned long len, unsigned long pgoff,
			     unsigned long flags, bool shadow_stack)
{
	unsigned long ret;

	mmap_read_lock(test_mm);
#ifdef VMA_HAVE_mm_get_unmapped_area_vmaflags
	ret = mm_get_unmapped_area_vmaflags(file, addr, len, pgoff, flags,
			shadow_stack ? VMA_SHADOW_STACK : EMPTY_VMA_FLAGS);
#else
	ret = mm_get_unmapped_area_vmflags(file, addr, len, pgoff, flags,
			shadow_stack ? VM_SHADOW_STACK : 0);
#endif
	mmap_read_unlock(test_mm);
	return ret;
}

static unsigned long gua(unsigned long addr, unsigned long len,
			 unsigned long flags)
{
	return x86_gua(NULL, addr, len, 0, flags, false);
}

/*
 * x86's hint test has no mmap_min_addr floor: a free hint below it is
 * returned (do_mmap() rounds such hints up before, and
 * __get_unmapped_area()'s security check refuses what is left).  Catches
 * a floor added (the generic functions' rule) -- top-down.
 */
VMA_TEST(x86_topdown_hint_below_mmap_min_addr_returned)
{
	ASSERT_EQ(gua(P, P, 0), P);
}

/* The same bottom-up. */
VMA_TEST(x86_bottomup_hint_below_mmap_min_addr_returned)
{
	test_set_topdown(false);
	ASSERT_EQ(gua(P, P, 0), P);
}

/*
 * Top-down rounds a hint down to its page, bottom-up rounds it up.
 * Catches either rounding changed.
 */
VMA_TEST(x86_hint_rounding_per_direction)
{
	ASSERT_EQ(gua(A + 5, P, 0), A);
	test_set_topdown(false);
	ASSERT_EQ(gua(A + 5, P, 0), A + P);
}

/*
 * A hint whose range ends in the guard gap below a stack is not used,
 * bottom-up (tests/get_unmapped_area.c has the top-down case): the
 * lowest free address at the legacy base instead.  Catches
 * arch_get_unmapped_area()'s vm_start_gap() check made a vm_start one
 * (the stack could not grow: "Stack Clash").
 */
VMA_TEST(x86_bottomup_hint_end_in_stack_guard_gap_not_used)
{
	unsigned long s = A + 2048 * P;

	test_set_topdown(false);
	test_map_stack(s, 4 * P);
	ASSERT_EQ(gua(s - 2 * P, P, 0), test_mm->mmap_legacy_base);
	ASSERT_EQ(gua(s - stack_guard_gap - P, P, 0), s - stack_guard_gap - P);
}

/*
 * Bottom-up, MAP_FIXED returns the address before any length check: even
 * a length beyond the address space (the generic function refuses it;
 * __get_unmapped_area() refuses it later).  Top-down checks the length
 * against TASK_SIZE first.  Catches the two orders swapped.
 */
VMA_TEST(x86_map_fixed_length_checks)
{
	const unsigned long len = TASK_SIZE + P;

	ASSERT_EQ(gua(mmap_min_addr, len, MAP_FIXED), (unsigned long)-ENOMEM);
	test_set_topdown(false);
	ASSERT_EQ(gua(mmap_min_addr, len, MAP_FIXED), mmap_min_addr);
}

/*
 * MAP_32BIT from a 64-bit task: the lowest free address of [1 GiB,
 * 2 GiB), in either layout (top-down goes bottom-up for it); when that
 * window is full, -ENOMEM.  Catches the window moved or MAP_32BIT ignored.
 */
VMA_TEST(x86_map_32bit_window)
{
	ASSERT_EQ(gua(0, P, MAP_32BIT), SZ_1G);
	test_map_at(SZ_1G, 2 * P, RW);
	ASSERT_EQ(gua(0, P, MAP_32BIT), SZ_1G + 2 * P);
	test_set_topdown(false);
	ASSERT_EQ(gua(0, P, MAP_32BIT), SZ_1G + 2 * P);
	test_map_at(SZ_1G + 2 * P, SZ_1G - 2 * P, RW);
	ASSERT_EQ(gua(0, P, MAP_32BIT), (unsigned long)-ENOMEM);
}

/*
 * MAP_32BIT means nothing to a 32-bit syscall: the compat top-down
 * search below the compat mmap_base.  Catches the in_32bit_syscall()
 * test dropped.
 */
VMA_TEST(x86_map_32bit_ignored_in_compat_syscall)
{
	test_set_compat(true);
	ASSERT_EQ(gua(0, P, MAP_32BIT), test_mmap_base() - P);
	ASSERT_GT(test_mmap_base(), SZ_2G);
}

/*
 * A 32-bit syscall searches below the compat base (just under 4 GiB
 * minus 128 MiB), not below the 64-bit mmap_base; bottom-up from the
 * compat legacy base, below IA32_PAGE_OFFSET.  Catches get_mmap_base()
 * ignoring in_32bit_syscall(), or find_start_end() using the 64-bit end.
 */
VMA_TEST(x86_compat_syscall_uses_compat_bases)
{
	test_set_compat(true);
	ASSERT_EQ(test_mm->mmap_compat_base,
		  PAGE_ALIGN(IA32_PAGE_OFFSET - SZ_128M));
	ASSERT_EQ(gua(0, P, 0), test_mm->mmap_compat_base - P);
	test_set_topdown(false);
	ASSERT_EQ(gua(0, P, 0), test_mm->mmap_compat_legacy_base);
	ASSERT_EQ(gua(IA32_PAGE_OFFSET - P, 2 * P, 0),
		  test_mm->mmap_compat_legacy_base);
}

/*
 * MAP_ABOVE4G: the top-down search stops at 4 GiB.  With mmap_base just
 * above 4 GiB and no room there, the search fails and falls back to
 * bottom-up from the legacy base; without the flag the area just below
 * 4 GiB is used.  Catches MAP_ABOVE4G ignored, or the fallback dropped.
 */
VMA_TEST(x86_map_above4g_floor)
{
	test_set_mmap_base(SZ_4G + 2 * P);
	ASSERT_EQ(gua(0, 4 * P, 0), SZ_4G - 2 * P);
	ASSERT_EQ(gua(0, 4 * P, MAP_ABOVE4G), test_mm->mmap_legacy_base);
	ASSERT_EQ(gua(0, P, MAP_ABOVE4G), SZ_4G + P);
}

/*
 * A shadow stack (VM_SHADOW_STACK) keeps a page free below it: top-down,
 * a one-page hole right below mmap_base is too small for a one-page
 * shadow stack; bottom-up, it starts a page above the base.  Catches
 * stack_guard_placement() returning 0, or the gap applied to every VMA.
 *
 *	B-4P  B-3P      B-P   B
 *	[ss ]  [ vma   ][hole]
 */
VMA_TEST(x86_shadow_stack_gap)
{
	const unsigned long b = TEST_MMAP_BASE;

	test_map_at(b - 3 * P, 2 * P, RW);
	ASSERT_EQ(x86_gua(NULL, 0, P, 0, 0, false), b - P);
	ASSERT_EQ(x86_gua(NULL, 0, P, 0, 0, true), b - 4 * P);
	test_set_topdown(false);
	ASSERT_EQ(x86_gua(NULL, 0, P, 0, 0, false), test_mm->mmap_legacy_base);
	ASSERT_EQ(x86_gua(NULL, 0, P, 0, 0, true),
		  test_mm->mmap_legacy_base + P);
}

static struct va_alignment saved_va_align;

static void restore_va_align(void *unused)
{
	va_align = saved_va_align;
}

/*
 * AMD family 15h's I-cache aliasing workaround: with va_align enabled
 * for 64-bit tasks and a randomised task, file mappings get the boot's
 * random bits in [12, 15) of their address; anonymous ones and
 * unrandomised tasks do not.  Catches get_align_mask() ignoring the
 * flags or PF_RANDOMIZE, or get_align_bits() dropped.
 */
VMA_TEST(x86_va_align_file_mappings)
{
	struct file *f = test_file_new(NULL);
	unsigned long a;

	saved_va_align = va_align;
	test_at_teardown(restore_va_align, NULL);
	va_align.flags = ALIGN_VA_64;
	va_align.mask = 0x7000;
	va_align.bits = 0x5000;
	ASSERT_EQ(x86_gua(f, 0, P, 0, 0, false), TEST_MMAP_BASE - P);
	current->flags |= PF_RANDOMIZE;
	a = x86_gua(f, 0, P, 0, 0, false);
	ASSERT_EQ(a & 0x7000, 0x5000);
	ASSERT_EQ(a, round_down(TEST_MMAP_BASE - P, 0x8000) + 0x5000 -
		  (((TEST_MMAP_BASE - P) & 0x7fff) < 0x5000 ? 0x8000 : 0));
	ASSERT_EQ(x86_gua(NULL, 0, P, 0, 0, false), TEST_MMAP_BASE - P);
	va_align.flags = ALIGN_VA_32;
	ASSERT_EQ(x86_gua(f, 0, P, 0, 0, false), TEST_MMAP_BASE - P);
}

/*
 * A hint whose range straddles the 47-bit window is not used (with
 * 4-level paging it is beyond TASK_SIZE anyway).  Catches
 * mmap_address_hint_valid()'s straddle test dropped (5-level paging).
 */
VMA_TEST(x86_hint_straddling_window_not_used)
{
	ASSERT_EQ(gua(DEFAULT_MAP_WINDOW - P, 2 * P, 0), TEST_MMAP_BASE - 2 * P);
}

/*
 * 4-level paging: nothing exists above the 47-bit window; a hint there is
 * not valid and the search stays below mmap_base.  Catches the window
 * taken for TASK_SIZE_MAX the other way round.
 */
VMA_TEST(x86_4level_hint_above_window_not_used)
{
	if (TASK_SIZE_MAX != DEFAULT_MAP_WINDOW)
		SKIP("5-level paging (LA57=1): the space above the window exists");
	ASSERT_EQ(TASK_SIZE, DEFAULT_MAP_WINDOW);
	ASSERT_EQ(gua(DEFAULT_MAP_WINDOW + PUD, P, 0), TEST_MMAP_BASE - P);
	test_set_topdown(false);
	ASSERT_EQ(gua(DEFAULT_MAP_WINDOW + PUD, P, 0), test_mm->mmap_legacy_base);
}

/*
 * 5-level paging: a hint above the 47-bit window opens the full 56-bit
 * space: a free hint there is used up to TASK_SIZE_MAX; an occupied one
 * searches top-down below mmap_base raised by the space above the window
 * (bottom-up: from the legacy base, as always).  Without a hint, everything stays below the window.
 * Catches the window extension dropped or applied without a high hint.
 */
VMA_TEST(x86_la57_hint_above_window)
{
	const unsigned long h = DEFAULT_MAP_WINDOW + PUD + P;
	const unsigned long high_base = TEST_MMAP_BASE + TASK_SIZE_MAX -
					DEFAULT_MAP_WINDOW;

	if (TASK_SIZE_MAX == DEFAULT_MAP_WINDOW)
		SKIP("4-level paging: no address space above the 47-bit window (LA57=1 builds have it)");
	ASSERT_EQ(TASK_SIZE, TASK_SIZE_MAX);
	ASSERT_EQ(gua(0, P, 0), TEST_MMAP_BASE - P);
	ASSERT_EQ(gua(h, P, 0), h);
	test_map_at(h, P, RW);
	ASSERT_EQ(gua(h, P, 0), high_base - P);
	ASSERT_EQ(test_map_anon(h, P, false), high_base - P);
	test_set_topdown(false);
	ASSERT_EQ(gua(h, P, 0), test_mm->mmap_legacy_base);
	ASSERT_EQ(gua(h + P, P, 0), h + P);
	ASSERT_EQ(gua(TASK_SIZE_MAX - P, P, 0), TASK_SIZE_MAX - P);
	ASSERT_EQ(gua(TASK_SIZE_MAX - P, 2 * P, 0), test_mm->mmap_legacy_base);
}
#endif /* CONFIG_X86_64 */

#ifdef CONFIG_X86
/*
 * The layout exec gives a task with an 8 MiB stack limit: the top
 * 128 MiB below the window (47 bits on x86_64, also with 5-level paging;
 * 3 GiB on i386) left to the stack, the legacy base at a third of it.  Catches mmap_base()'s clamp or PAGE_ALIGN broken, or the
 * legacy base computed from the wrong task size (with 5-level paging too:
 * the layout is the 47-bit one).
 */
VMA_TEST(x86_layout_bases)
{
	ASSERT_EQ(test_mm->mmap_base, DEFAULT_MAP_WINDOW - SZ_128M);
	ASSERT_EQ(test_mm->mmap_legacy_base,
		  PAGE_ALIGN(DEFAULT_MAP_WINDOW / 3));
	test_set_topdown(false);
	ASSERT_EQ(test_mm->mmap_base, test_mm->mmap_legacy_base);
	ASSERT_FALSE(mm_flags_test(MMF_TOPDOWN, test_mm));
}

/*
 * A big stack limit moves mmap_base down (gap = rlimit + the guard gap),
 * at most to a sixth of the task size.  Catches the rlimit or the guard
 * gap left out of mmap_base(), or the 5/6 clamp dropped.
 */
VMA_TEST(x86_layout_stack_rlimit_moves_base)
{
	current->signal->rlim[RLIMIT_STACK].rlim_cur = SZ_1G;
	test_set_topdown(true);
	ASSERT_EQ(test_mm->mmap_base,
		  DEFAULT_MAP_WINDOW - SZ_1G - stack_guard_gap);
	current->signal->rlim[RLIMIT_STACK].rlim_cur = RLIM_INFINITY;
	test_set_topdown(true);
	ASSERT_EQ(test_mm->mmap_base,
		  PAGE_ALIGN(DEFAULT_MAP_WINDOW - DEFAULT_MAP_WINDOW / 6 * 5));
}
#endif /* CONFIG_X86 */

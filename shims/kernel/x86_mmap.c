// SPDX-License-Identifier: GPL-2.0
/*
 * Translation unit for x86's own mmap layout and placement, extracted from
 * KDIR at build time: arch/x86/mm/mmap.c's layout (arch_pick_mmap_layout(),
 * mmap_base(), get_mmap_base(), mmap_address_hint_valid(); x86_64 and
 * i386) and, on x86_64, arch/x86/kernel/sys_x86_64.c's
 * arch_get_unmapped_area[_topdown]() (arch/x86/include/asm/pgtable_64.h
 * defines HAVE_ARCH_UNMAPPED_AREA[_TOPDOWN], so mm/mmap.c's generic ones
 * are not built there): MAP_32BIT, MAP_ABOVE4G, the shadow-stack gap,
 * va_align and hints above DEFAULT_MAP_WINDOW.  Compiled with the kernel
 * flags like mm/mmap.c; empty on other architectures.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/compat.h>
#include <linux/random.h>
#include <linux/hugetlb.h>
#include <asm/elf.h>

#ifdef CONFIG_X86
/* @extract arch/x86/mm/mmap.c
 *	va_align task_size_32bit task_size_64bit stack_maxrandom_size
 *	mmap32_rnd_bits mmap64_rnd_bits SIZE_128M mmap_is_legacy arch_rnd
 *	arch_mmap_rnd mmap_base mmap_legacy_base arch_pick_mmap_base
 *	arch_pick_mmap_layout get_mmap_base mmap_address_hint_valid
 */
#endif
#ifdef CONFIG_X86_64
/* @extract arch/x86/kernel/sys_x86_64.c
 *	get_align_mask get_align_bits find_start_end stack_guard_placement
 *	arch_get_unmapped_area arch_get_unmapped_area_topdown
 */
#endif
#include <extract/shims/kernel/x86_mmap.c>

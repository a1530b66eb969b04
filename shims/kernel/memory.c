// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory.c's functions that the harness runs as they are, extracted
 * from KDIR (real code):
 *  - free_pgtables(): besides the page tables (free_pgd_range(), a no-op in
 *    shims/memory.c) it unlinks every VMA from the anon_vma and file
 *    rmaps, which the harness does model;
 *  - remap_pfn_range_prepare(), what an ->mmap_prepare remap action does
 *    before the VMA exists (VM_PFNMAP and friends, the CoW pgoff), under
 *    another name: shims/memory.c counts the calls and calls it.
 */
#include <linux/mm.h>
#include <asm/tlb.h>
#include "../harness.h"

#define remap_pfn_range_prepare kdir_remap_pfn_range_prepare
/* @extract mm/memory.c
 *	free_pgtables get_remap_pgoff remap_pfn_range_prepare
 */
#include <extract/shims/kernel/memory.c>
#undef remap_pfn_range_prepare

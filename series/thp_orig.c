// SPDX-License-Identifier: GPL-2.0
/*
 * THP's get_unmapped_area as it is BEFORE the patch series: the functions
 * extracted from the unpatched tree (KDIR_ORIG) under other names, so that
 * tests can compare the series' placement with the code it replaces
 * (series/tests/thp_diff.c).  Without a series this is the same code twice.
 */
#include <linux/huge_mm.h>
#include <linux/compat.h>

#define __thp_get_unmapped_area		orig___thp_get_unmapped_area
#define thp_get_unmapped_area_vmaflags	orig_thp_get_unmapped_area_vmaflags
#define thp_get_unmapped_area_vmflags	orig_thp_get_unmapped_area_vmflags

unsigned long orig_thp_get_unmapped_area_vmaflags(struct file *filp,
		unsigned long addr, unsigned long len, unsigned long pgoff,
		unsigned long flags, vma_flags_t vma_flags);

/* @extract-orig mm/huge_memory.c
 *	__thp_get_unmapped_area? thp_get_unmapped_area_vmaflags?
 */
#include <extract/series/thp_orig.c>

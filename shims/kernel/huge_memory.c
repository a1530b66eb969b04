// SPDX-License-Identifier: GPL-2.0
/*
 * Translation unit for the get_unmapped_area functions of mm/huge_memory.c,
 * extracted from KDIR at build time (the rest of that file -- faults,
 * splitting, khugepaged -- is out of the harness's scope).  Compiled with
 * the kernel flags like mm/mmap.c.
 */
#include <linux/huge_mm.h>
#include <linux/compat.h>

/* @extract mm/huge_memory.c
 *	__thp_get_unmapped_area? thp_get_unmapped_area_vmaflags|thp_get_unmapped_area_vmflags
 *	thp_get_unmapped_area
 */
#include <extract/shims/kernel/huge_memory.c>

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/huge_mm.h>: extracted from KDIR (CONFIG_TRANSPARENT_HUGEPAGE on).  vma_adjust_trans_huge() (page-table work) is a no-op shim; the THP get_unmapped_area functions are the real ones, extracted from mm/huge_memory.c; transparent_hugepage_flags is defined in shims/sysctl.c. */
#ifndef _LINUX_HUGE_MM_H
#define _LINUX_HUGE_MM_H

#include <linux/mm_types.h>

/* @extract include/linux/huge_mm.h
 *	vma_adjust_trans_huge thp_get_unmapped_area
 *	thp_get_unmapped_area_vmaflags|thp_get_unmapped_area_vmflags
 *	HPAGE_PMD_SHIFT? HPAGE_PMD_SIZE? HPAGE_PMD_ORDER? HPAGE_PMD_NR?
 *	enum transparent_hugepage_flag transparent_hugepage_flags thp_disabled_by_hw?
 */
#include <extract/linux/huge_mm.h>

#endif /* _LINUX_HUGE_MM_H */

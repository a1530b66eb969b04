/* SPDX-License-Identifier: GPL-2.0 */
/* Stand-in for mm/internal.h (same include guard, so mm/mmap.c's '#include "internal.h"' is a no-op): the definitions the code under test uses, extracted from KDIR.  Its out-of-line functions (mm/rmap.c, mm/memory.c, mm/mlock.c, ...) are shims. */
#ifndef __MM_INTERNAL_H
#define __MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/fs.h>
struct unmap_desc;
struct mmap_placement;

/* @extract mm/internal.h
 *	struct pagetable_move_control PAGETABLE_MOVE
 *	mmap_file vma_close unmap_vmas anon_vma_lock_write anon_vma_unlock_write
 *	anon_vma_lock_read anon_vma_unlock_read enum vma_operation
 *	anon_vma_clone anon_vma_fork __anon_vma_prepare unlink_anon_vmas
 *	anon_vma_prepare free_pgtables populate_vma_page_range mlock_future_ok
 *	vma_supports_mlock vm_mmap_pgoff vma_soft_dirty_enabled move_page_tables
 *	dup_mm_exe_file sysctl_max_map_count get_sysctl_max_map_count
 *	may_expand_vm vm_stat_account? K struct unmap_desc? unmap_all_init?
 *	unmap_region_init? vma_set_range? can_change_pte_writable?
 *	remap_pfn_range_prepare remap_pfn_range_complete simple_ioremap_prepare
 *	io_remap_pfn_range_prepare maybe_rmap_unlock_action
 *	pfnmap_get_unmapped_area?
 */
#include <extract/linux/mm_internal.h>

#endif /* __MM_INTERNAL_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * The sysctls and global counters the code under test reads: the kernel's
 * own definitions (extracted), which tests may change.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/vmstat.h>

/* mm/util.c's definitions, with the kernel's defaults */
/* @extract mm/util.c
 *	sysctl_overcommit_memory sysctl_max_map_count sysctl_user_reserve_kbytes
 *	sysctl_admin_reserve_kbytes vm_committed_as
 */
#include <extract/shims/sysctl.c>

/*
 * real: mm/huge_memory.c's THP mode word (sysfs), which the PFN placement
 * of the series reads through thp_disabled_by_hw(); its initializer is a
 * chain of CONFIG_ conditions the extraction cannot take, and no mode bit
 * matters to the code under test, so it starts at 0 (the fixture resets
 * it before every test; tests set TRANSPARENT_HUGEPAGE_UNSUPPORTED).
 */
unsigned long transparent_hugepage_flags;

/* mm/init-mm.c: the empty operations of anonymous VMAs */
const struct vm_operations_struct vma_dummy_vm_ops;

/* real: the harness's "machine": 16 GiB free (mm/mmap.c's init code asks) */
unsigned long global_zone_page_state(enum zone_stat_item item)
{
	return item == NR_FREE_PAGES ? (16UL << 30) >> PAGE_SHIFT : 0;
}

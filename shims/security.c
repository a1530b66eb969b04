// SPDX-License-Identifier: GPL-2.0
/*
 * Security and accounting hooks.  mmap_min_addr is security/min_addr.c's
 * variable (tests set it); cap_mmap_addr() and cap_vm_enough_memory() are
 * security/commoncap.c's rules; __vm_enough_memory() records the call and
 * succeeds unless a test asks it to fail.
 */
#include <linux/security.h>
#include <linux/capability.h>
#include "harness.h"

unsigned long mmap_min_addr = 65536;		/* CONFIG_DEFAULT_MMAP_MIN_ADDR */
unsigned long dac_mmap_min_addr = 65536;
bool vma_fail_vm_enough_memory;

/* real: security/commoncap.c's rule */
int cap_mmap_addr(unsigned long addr)
{
	if (addr < dac_mmap_min_addr && !capable(CAP_SYS_RAWIO))
		return -EPERM;
	return 0;
}

/* real: security/commoncap.c's: may the task dip into the reserve? */
int cap_vm_enough_memory(struct mm_struct *mm, long pages)
{
	return capable(CAP_SYS_ADMIN);
}

/* records: the checks, and fails them when a test asks */
int __vm_enough_memory(const struct mm_struct *mm, long pages,
		       int cap_sys_admin)
{
	vma_shim_counts.vm_enough_memory++;
	if (vma_fail_vm_enough_memory)
		return -ENOMEM;
	vm_acct_memory(pages);
	return 0;
}

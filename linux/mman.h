/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/mman.h>: extracted from KDIR (flag translation, overcommit accounting hooks). */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <linux/mm.h>
#include <linux/percpu_counter.h>
#include <asm/mman.h>
#include <linux/percpu_counter.h>

/* @extract include/uapi/asm-generic/mman-common.h
 *	PROT_READ PROT_WRITE PROT_EXEC PROT_SEM PROT_NONE PROT_GROWSDOWN PROT_GROWSUP
 *	MAP_TYPE MAP_FIXED MAP_ANONYMOUS MAP_POPULATE MAP_NONBLOCK MAP_STACK
 *	MAP_HUGETLB MAP_SYNC MAP_FIXED_NOREPLACE MAP_UNINITIALIZED
 */
/* @extract include/uapi/asm-generic/mman.h
 *	MAP_GROWSDOWN MAP_DENYWRITE MAP_EXECUTABLE MAP_LOCKED MAP_NORESERVE
 */
/* @extract include/uapi/linux/mman.h
 *	MAP_SHARED MAP_PRIVATE MAP_SHARED_VALIDATE MAP_DROPPABLE OVERCOMMIT_GUESS
 *	OVERCOMMIT_ALWAYS OVERCOMMIT_NEVER
 */
/* @extract include/uapi/asm-generic/hugetlb_encode.h
 *	HUGETLB_FLAG_ENCODE_SHIFT HUGETLB_FLAG_ENCODE_MASK HUGETLB_FLAG_ENCODE_2MB
 *	HUGETLB_FLAG_ENCODE_1GB
 */
/* @extract include/uapi/linux/mman.h
 *	MAP_HUGE_SHIFT MAP_HUGE_MASK MAP_HUGE_2MB MAP_HUGE_1GB
 */
/* @extract include/linux/mman.h
 *	LEGACY_MAP_MASK sysctl_overcommit_memory vm_committed_as vm_committed_as_batch
 *	vm_acct_memory vm_unacct_memory arch_calc_vm_prot_bits arch_calc_vm_flag_bits
 *	arch_validate_prot? arch_validate_flags _calc_vm_trans calc_vm_prot_bits
 *	calc_vm_flag_bits MAP_32BIT MAP_ABOVE4G
 */
#include <extract/linux/mman.h>

#endif /* _LINUX_MMAN_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/hugetlb.h>: extracted from KDIR; with CONFIG_HUGETLB_PAGE off these are the kernel's own stubs. */
#ifndef _LINUX_HUGETLB_H
#define _LINUX_HUGETLB_H

#include <linux/mm_types.h>
#include <linux/hugetlb_inline.h>
struct hstate;
struct user_struct;

/* @extract include/linux/hugetlb.h
 *	hugetlb_dup_vma_private is_hugepage_only_range fixup_hugetlb_reservations
 *	hugetlb_split is_file_hugepages hstate_file hstate_sizelog huge_page_size
 *	huge_page_mask_align HUGETLB_ANONHUGE_INODE? HUGETLB_ANON_FILE?
 *	hugetlb_file_setup? enum:HUGETLB_SHMFS_INODE?
 */
#include <extract/linux/hugetlb.h>

#endif /* _LINUX_HUGETLB_H */

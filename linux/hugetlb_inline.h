/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/hugetlb_inline.h>: extracted from KDIR (CONFIG_HUGETLB_PAGE off). */
#ifndef _LINUX_HUGETLB_INLINE_H
#define _LINUX_HUGETLB_INLINE_H

#include <linux/mm_types.h>

/* @extract include/linux/hugetlb_inline.h
 *	is_vma_hugetlb_flags is_vm_hugetlb_page
 */
#include <extract/linux/hugetlb_inline.h>

#endif /* _LINUX_HUGETLB_INLINE_H */

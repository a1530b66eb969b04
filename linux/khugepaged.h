/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/khugepaged.h>: khugepaged is not part of the harness; the hooks the code under test calls record the calls (shims/memory.c). */
#ifndef _LINUX_KHUGEPAGED_H
#define _LINUX_KHUGEPAGED_H

#include <linux/mm_types.h>

/* @extract include/linux/khugepaged.h
 *	__khugepaged_enter __khugepaged_exit
 *	khugepaged_enter_vma khugepaged_fork khugepaged_exit?
 */
#include <extract/linux/khugepaged.h>

#endif /* _LINUX_KHUGEPAGED_H */

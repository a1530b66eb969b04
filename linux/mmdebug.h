/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/mmdebug.h>: extracted from KDIR, with CONFIG_DEBUG_VM on
 * so that every VM_BUG_ON/VM_WARN_ON of the code under test is checked.
 * The dump_*() functions print (shims/debug.c).
 */
#ifndef LINUX_MM_DEBUG_H
#define LINUX_MM_DEBUG_H 1

#include <linux/bug.h>
#include <linux/stringify.h>

struct page;
struct vm_area_struct;
struct mm_struct;
struct vma_iterator;
struct vma_merge_struct;

/* @extract include/linux/mmdebug.h
 *	dump_page dump_vma dump_mm dump_vmg vma_iter_dump_tree
 *	VM_BUG_ON VM_BUG_ON_VMA VM_BUG_ON_MM VM_WARN_ON_ONCE_MM
 *	VM_WARN_ON_ONCE_VMA VM_WARN_ON_VMG VM_WARN_ON VM_WARN_ON_ONCE
 *	VM_WARN_ONCE VM_WARN VM_BUG_ON_PAGE VM_BUG_ON_FOLIO
 *	VM_WARN_ON_FOLIO VM_WARN_ON_ONCE_FOLIO VM_WARN_ON_ONCE_PAGE
 *	VM_WARN_ON_PAGE
 */
#include <extract/linux/mmdebug.h>

#endif /* LINUX_MM_DEBUG_H */

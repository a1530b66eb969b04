/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/mm_types.h>: the real definitions, extracted from KDIR. */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/maple_tree.h>
#include <linux/bitmap.h>
#include <linux/refcount.h>
#include <linux/kref.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/seqlock.h>
#include <linux/rcuwait.h>
#include <linux/cache.h>
#include <linux/auxvec.h>
#include <linux/rseq_types.h>
#include <linux/futex_types.h>
#include <linux/percpu_counter.h>
#include <linux/workqueue_types.h>
#include <linux/uprobes.h>
#include <asm/page_types.h>
#include <asm/pgtable_types.h>
#include <asm/mmu.h>
#include <linux/sched.h>

struct address_space;
struct anon_vma;
struct file;
struct mempolicy;
struct mmu_gather;
struct page;
struct task_struct;
struct userfaultfd_ctx;
struct vm_fault;
struct vm_operations_struct;

/*
 * tools/include provides <linux/compiler_types.h> and <linux/bitops.h> only
 * in part; the rest of what mm code uses of them comes first.
 */
/* @extract include/linux/bitops.h
 *	set_mask_bits
 */
/* @extract include/linux/compiler_attributes.h
 *	__designated_init __section __nonnull_args __nonnull_args
 */
/* @extract include/linux/compiler_types.h
 *	__private ACCESS_PRIVATE __randomize_layout __no_randomize_layout
 *	__percpu_qual? __percpu __iomem __kernel __nocast __safe auto
 *	__latent_entropy
 */
/* @extract include/linux/compiler-context-analysis.h
 *	disable_context_analysis enable_context_analysis
 */
/* @extract include/linux/kcsan-checks.h
 *	__kcsan_disable_current __kcsan_enable_current
 */
/* @extract include/linux/compiler.h
 *	data_race
 */
/* @extract include/linux/mm_types_task.h
 *	enum:MM_FILEPAGES
 */
/* @extract include/linux/mm_types.h
 *	AT_VECTOR_SIZE_ARCH AT_VECTOR_SIZE
 *	NUM_MM_FLAG_BITS mm_flags_t
 *	freeptr_t NUM_VMA_FLAG_BITS vma_flags_t vm_flags_t vma_flags_overwrite_word vma_flags_clear_all
 *	vma_flags_set_word? vma_flags_clear_word?
 *	struct anon_vma_name struct vma_numab_state anon_vma_name
 *	struct vm_userfaultfd_ctx
 *	VM_REFCNT_EXCLUDE_READERS_BIT VM_REFCNT_EXCLUDE_READERS_FLAG VM_REFCNT_LIMIT
 *	struct vm_area_struct struct mm_struct
 *	struct vma_iterator vma_iter_init VMA_ITERATOR
 *	enum mmap_action_type struct mmap_action struct vm_area_desc
 *	__mm_flags_get_bitmap __mm_flags_get_word __mm_flags_overwrite_word
 *	__mm_flags_set_mask_bits_word
 *	vm_fault_t
 *	struct vm_special_mapping
 *	enum:MMF_HAS_MDWE? MMF_HAS_MDWE
 *	MMF_TOPDOWN MMF_TOPDOWN_MASK MMF_VM_HUGEPAGE MMF_OOM_SKIP MMF_UNSTABLE MM_MT_FLAGS
 *	MMF_DISABLE_THP_EXCEPT_ADVISED? MMF_DISABLE_THP_COMPLETELY?
 *	enum vm_fault_reason VM_FAULT_ERROR? enum fault_flag tlb_gather_mmu_fullmm
 *	EMPTY_VMA_FLAGS legacy_to_vma_flags vma_flags_to_legacy vma_flags_empty
 *	vma_policy
 *	struct pfnmap_track_ctx
 *	tlb_gather_mmu tlb_finish_mmu
 */
#include <extract/linux/mm_types.h>

#endif /* _LINUX_MM_TYPES_H */

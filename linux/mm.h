/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/mm.h>: the real definitions the mm code under test uses,
 * extracted from KDIR (VMA flags, VMA iterator helpers, gap helpers, and
 * the prototypes of what mm/mmap.c, mm/vma.c and our shims define).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/errno.h>
#include <linux/mmdebug.h>
#include <linux/gfp.h>
#include <linux/bug.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/pfn.h>
#include <linux/err.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/kcsan-checks.h>
#include <asm/page_types.h>
#include <asm/pgtable_types.h>
#include <linux/pgtable.h>
#include <linux/hugetlb_inline.h>

struct anon_vma;
struct anon_vma_chain;
struct user_struct;
struct pt_regs;
struct folio_batch;

/* @extract include/linux/mm.h

 *	VM_MAYREAD VM_MAYWRITE VM_MAYEXEC VM_MAYSHARE VM_MAYOVERLAY VM_PFNMAP
 *	VM_MIXEDMAP VM_IO VM_LOCKED VM_LOCKONFAULT VM_DONTEXPAND VM_ACCOUNT
 *	VM_NORESERVE VM_HUGETLB VM_SYNC VM_DONTCOPY VM_DONTDUMP VM_HUGEPAGE
 *	VM_NOHUGEPAGE VM_MERGEABLE VM_UFFD_MISSING VM_UFFD_WP VM_UFFD_MINOR
 *	VM_SPECIAL VM_LOCKED_MASK VM_STACK_FLAGS VM_SEQ_READ VM_RAND_READ
 *	VM_WIPEONFORK VM_DROPPABLE VM_MAYBE_GUARD VM_ARCH_1 VM_STACK_EARLY
 *	VM_STACK_INCOMPLETE_SETUP VM_PKEY_SHIFT? VM_PKEY_BIT0? VM_PKEY_BIT1?
 *	VM_PKEY_BIT2? VM_PKEY_BIT3? VM_PKEY_BIT4? VM_ALLOW_ANY_UNCACHED VM_MTE
 *	VM_MTE_ALLOWED VM_STARTGAP_FLAGS? VM_COPY_ON_FORK? VM_DATA_DEFAULT_FLAGS?
 *	__vm_enough_memory struct vm_fault DEFAULT_MAX_MAP_COUNT MAPCOUNT_ELF_CORE_MARGIN
 *	map_kernel_pages_prepare map_kernel_pages_complete io_remap_pfn_range_pfn
 *	vma_interval_tree_insert? vma_interval_tree_insert_after?
 *	vma_interval_tree_remove? anon_vma_interval_tree_insert?
 *	anon_vma_interval_tree_remove? anon_vma_interval_tree_verify? vm_flags_clear?
 *	vm_flags_set? vm_flags_reset? vm_flags_init? vm_flags_mod? __vm_flags_mod?
 *	enum:DECLARE_VMA_BIT TASK_EXEC_BIT VMA_DATA_FLAGS_TSK_EXEC VMA_DATA_FLAGS_NON_EXEC
 *	vma_test_single_mask get_gate_vma in_gate_area?
 *	sysctl_legacy_va_layout mmap_rnd_bits_min mmap_rnd_bits mmap_rnd_bits_max mmap_rnd_compat_bits
 *	mmap_rnd_compat_bits_min mmap_rnd_compat_bits_max
 *	sysctl_user_reserve_kbytes sysctl_admin_reserve_kbytes PAGE_ALIGN PAGE_ALIGNED
 *	vm_area_alloc vm_area_dup vm_area_free VM_NONE vma_flag_t DECLARE_VMA_BIT
 *	DECLARE_VMA_BIT_ALIAS INIT_VM_FLAG VM_READ
 *	VM_WRITE VM_EXEC VM_SHARED VM_GROWSDOWN VM_SOFTDIRTY VM_STACK
 *	VMA_STACK_EARLY? VM_SHADOW_STACK VMA_SHADOW_STACK? VMA_STARTGAP_FLAGS
 *	VM_GROWSUP VMA_GROWSUP? VM_SEALED VMA_DROPPABLE VMA_STACK_INCOMPLETE_SETUP?
 *	VMA_DATA_FLAGS_EXEC VMA_DATA_DEFAULT_FLAGS VMA_STACK_DEFAULT_FLAGS
 *	VMA_STACK_FLAGS VM_ACCESS_FLAGS VMA_ACCESS_FLAGS VMA_SPECIAL_FLAGS
 *	VMA_LOCKED_MASK VMA_STICKY_FLAGS VMA_IGNORE_MERGE_FLAGS
 *	struct vm_operations_struct vma_numab_state_init vma_numab_state_free
 *	mm_flags_test mm_flags_set mm_flags_clear mm_flags_clear_all vma_dummy_vm_ops vma_init vm_flags_init
 *	vma_flags_set_flag __mk_vma_flags mk_vma_flags append_vma_flags
 *	vma_flags_count vma_flags_test vma_flags_and_mask vma_flags_test_any_mask
 *	vma_flags_test_any vma_flags_test_all_mask vma_flags_test_all
 *	vma_flags_test_single_mask vma_flags_set_mask vma_flags_set
 *	vma_flags_clear_mask vma_flags_clear vma_flags_diff_pair
 *	vma_flags_same_pair vma_test vma_test_any_mask vma_test_all_mask
 *	vma_test_all vma_set_flags_mask vma_set_flags vma_clear_flags_mask
 *	vma_set_anonymous vma_is_anonymous vma_flags_can_grow? vma_is_accessible
 *	is_shared_maywrite vma_is_shared_maywrite vma_kernel_pagesize
 *	vma_mmu_pagesize vma_find vma_next vma_iter_next_range vma_prev
 *	vma_iter_clear_gfp vma_iter_free vma_iter_bulk_store vma_iter_invalidate
 *	vma_iter_set for_each_vma for_each_vma_range vma_flags_is_cow_mapping?
 *	offset_in_page can_do_mlock free_pgd_range copy_page_range vma_lookup
 *	get_mm_counter get_mm_rss update_hiwater_rss update_hiwater_vm mmap_init
 *	mapping_rmap_tree_insert? mapping_rmap_tree_insert_after?
 *	mapping_rmap_tree_remove? anon_rmap_tree_insert? anon_rmap_tree_remove?
 *	anon_rmap_tree_verify? exit_mmap mmap_read_lock_maybe_expand
 *	check_data_rlimit mm_take_all_locks mm_drop_all_locks vm_stat_account
 *	vma_is_special_mapping _install_special_mapping __get_unmapped_area
 *	get_unmapped_area do_mmap do_vmi_munmap do_vmi_align_munmap do_munmap
 *	__mm_populate mm_populate vm_brk_flags vm_munmap struct vm_unmapped_area_info
 *	vm_unmapped_area stack_guard_gap expand_stack_locked expand_stack
 *	find_vma find_vma_prev find_vma_intersection stack_guard_start_gap
 *	vm_start_gap vm_end_gap vma_pages vma_start_pgoff? vma_end_pgoff?
 *	vma_start_anon_pgoff? vma_end_anon_pgoff? mmap_action_prepare
 *	mmap_action_complete vm_get_page_prot vma_flags_to_page_prot? vma_desc_size?
 *	vma_desc_is_cow_mapping range_is_subset range_in_vma_desc
 *	vma_desc_set_flags_mask VMA_REMAP_FLAGS vma_desc_set_pfn? vma_desc_set_flags
 *	vma_desc_test? vma_desc_pages?
 *	mmap_action_remap mmap_action_remap_full mmap_action_ioremap
 *	mmap_action_ioremap_full mmap_action_simple_ioremap mmap_action_map_kernel_pages
 *	vma_get_page_prot vma_set_page_prot vma_set_file find_extend_vma_locked
 */
#include <extract/linux/mm.h>

/* records for assertions: the harness has no struct pages to pin */
void get_page(struct page *page);

#endif /* _LINUX_MM_H */

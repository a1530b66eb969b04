/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the shims record for the tests to assert on, and the knobs tests
 * turn.  Every shim file says at its top which kind each of its functions
 * is: no-op, records for assertions, or real userspace implementation.
 */
#ifndef _VMA_SHIMS_HARNESS_H
#define _VMA_SHIMS_HARNESS_H

#include <linux/types.h>

struct mm_struct;
struct task_struct;
struct mmap_action;
struct vm_area_struct;

/* tests/harness/runner.c: a KTAP diagnostic of the running test */
void test_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* tests/harness/runner.c: the running test's seeded PRNG */
uint64_t test_rand(void);

/* shims/bug.c: WARNs the kernel code raised since the last reset */
extern unsigned long vma_kernel_warnings;

/* shims/task.c: the task model behind 'current' */
extern struct task_struct vma_test_task;
void vma_task_reset(void);
void vma_task_set_capable(int cap, bool granted);
/* the arch model's arch_mmap_check() result (linux/asm/mmu_context.h) */
extern int vma_arch_mmap_check_error;

/* shims/rmap.c and shims/memory.c: call counters */
struct vma_shim_counts {
	unsigned long anon_vma_prepare;
	unsigned long anon_vma_clone;
	unsigned long unlink_anon_vmas;
	unsigned long tlb_gather;
	unsigned long tlb_finish;
	unsigned long unmap_vmas;
	unsigned long shmem_zero_setup;
	unsigned long shmem_get_unmapped_area;
	unsigned long khugepaged_enter;
	unsigned long populate;
	unsigned long remap_pfn_prepare;
	unsigned long remap_pfn_complete;
	unsigned long vm_enough_memory;
	unsigned long get_file;
	unsigned long fput;
};
extern struct vma_shim_counts vma_shim_counts;

/* shims/kernel/memory.c: KDIR's remap_pfn_range_prepare(), renamed */
struct vm_area_desc;
int kdir_remap_pfn_range_prepare(struct vm_area_desc *desc);

/* shims/util.c: the last PFN remap completed, and a copy of its VMA */
extern struct mmap_action vma_last_remap;
extern struct vm_area_struct vma_last_remap_vma;
/* shims/util.c: the last kernel pages action completed */
extern struct mmap_action vma_last_map_kernel;

/* shims/file.c: the files fget() finds, by descriptor */
extern struct file *vma_test_fd_table[16];

/* shims/bug.c: lines printk() printed since the last reset */
extern unsigned long vma_kernel_messages;

/* shims/security.c: make the next accounting check fail */
extern bool vma_fail_vm_enough_memory;

#endif /* _VMA_SHIMS_HARNESS_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * The task model behind 'current'.
 * real: one task, the fields the code under test reads.
 * One task; tests set its mm, personality, compat state, rlimits and
 * capabilities.  vma_task_reset() restores the defaults before each test.
 */
#include <linux/sched.h>
#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/mm.h>
#include "harness.h"

struct task_struct vma_test_task;
int vma_arch_mmap_check_error;
static unsigned long long capabilities;

struct task_struct *get_current(void)
{
	return &vma_test_task;
}

void vma_task_reset(void)
{
	int i;

	memset(&vma_test_task, 0, sizeof(vma_test_task));
	strcpy(vma_test_task.comm, "vma-test");
	vma_test_task.pid = 1;
	vma_test_task.signal = &vma_test_task.__signal;
	for (i = 0; i < RLIM_NLIMITS; i++) {
		vma_test_task.__signal.rlim[i].rlim_cur = RLIM_INFINITY;
		vma_test_task.__signal.rlim[i].rlim_max = RLIM_INFINITY;
	}
	/* Linux's default stack limit, which the mmap layout depends on */
	vma_test_task.__signal.rlim[RLIMIT_STACK].rlim_cur = 8UL << 20;
	capabilities = ~0ULL;
	vma_arch_mmap_check_error = 0;
}

void vma_task_set_capable(int cap, bool granted)
{
	if (granted)
		capabilities |= 1ULL << cap;
	else
		capabilities &= ~(1ULL << cap);
}

bool capable(int cap)
{
	return capabilities & (1ULL << cap);
}

/*
 * x86's TIF_ADDR32 marks a 32-bit task: the compat flag of the model
 * (the arm64 model has no 32-bit tasks, no flag is set)
 */
bool test_thread_flag(int flag)
{
#ifdef CONFIG_X86
	return flag == TIF_ADDR32 && vma_test_task.compat;
#else
	return false;
#endif
}

/*
 * Arch model: x86's task_size_max(), which the kernel patches at boot
 * (alternative_io() on X86_FEATURE_LA57): a 47-bit user address space with
 * 4-level paging, 56 bits with 5-level paging (LA57=1 builds).
 */
#ifdef CONFIG_X86_64
unsigned long task_size_max(void)
{
#ifdef VMA_X86_LA57
	return (1UL << 56) - PAGE_SIZE;
#else
	return (1UL << 47) - PAGE_SIZE;
#endif
}
#endif

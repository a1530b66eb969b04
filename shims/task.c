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

/* x86's TIF_ADDR32 marks a 32-bit task: the compat flag of the model */
bool test_thread_flag(int flag)
{
	return flag == TIF_ADDR32 && vma_test_task.compat;
}

/* arch model: 4-level paging, no LA57 */
unsigned long task_size_max(void)
{
	return DEFAULT_MAP_WINDOW;
}

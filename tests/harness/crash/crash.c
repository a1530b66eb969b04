// SPDX-License-Identifier: GPL-2.0
/*
 * The runner's crash self-tests: what a broken patch does to the process.
 * Built only into vma-crash ('make vma-crash', run by run.sh's runner
 * variant), never into ./vma.  Each crashing test must give its own
 * "not ok" with the reason, and the passing test after it must still run:
 * a runner that stops at the first crash, or blames the wrong test, fails
 * the variant.
 */
#include "runner.h"

/* A write to an unmapped page: SIGSEGV, or ASan's report of it */
VMA_TEST(crash_1_segv)
{
	volatile int *p = (int *)16;	/* not NULL: no UBSan check first */

	*p = 1;
}

VMA_TEST(crash_1_then_pass)
{
	EXPECT_EQ(1 + 1, 2);
}

/* A read past the end of a kmalloc()ed object: an ASan report. */
VMA_TEST(crash_2_asan)
{
	char *buf = kmalloc(16, GFP_KERNEL);
	volatile char c;

	ASSERT_NONNULL(buf);
	c = buf[16];
	(void)c;
	kfree(buf);
}

VMA_TEST(crash_2_then_pass)
{
	EXPECT_EQ(2 + 2, 4);
}

/* The kernel's BUG(): what a VM_BUG_ON() that fires does. */
VMA_TEST(crash_3_bug)
{
	BUG();
}

VMA_TEST(crash_3_then_pass)
{
	EXPECT_EQ(3 + 3, 6);
}

/* An endless loop: only the timeout ends it. */
VMA_TEST(crash_4_loop)
{
	volatile unsigned long n = 0;

	for (;;)
		n++;
}

VMA_TEST(crash_4_then_pass)
{
	EXPECT_EQ(4 + 4, 8);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the test runner itself.  They all pass when the runner is right.
 */
#include <stdbool.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "runner.h"

/* Every macro evaluates each of its arguments exactly once. */
VMA_TEST(runner_args_evaluated_once)
{
	int n = 0, m = 100;
	int *p = &n;

	EXPECT_TRUE(++n);
	EXPECT_FALSE(n++ - 1);
	EXPECT_NULL((n++, (void *)NULL));
	EXPECT_NONNULL((n++, p));
	EXPECT_IS_ERR_VALUE((n++, -12));
	EXPECT_NOT_ERR_VALUE(n++);
	EXPECT_EQ(n++, 6);
	EXPECT_NE(n++, m++);
	EXPECT_LT(n++, m++);
	EXPECT_LE(n++, m++);
	EXPECT_GT(m++, n++);
	EXPECT_GE(m++, n++);
	ASSERT_TRUE(++n);
	ASSERT_FALSE(n++ - 13);
	ASSERT_NULL((n++, (void *)NULL));
	ASSERT_NONNULL((n++, p));
	ASSERT_IS_ERR_VALUE((n++, -12));
	ASSERT_NOT_ERR_VALUE(n++);
	ASSERT_EQ(n++, 18);
	ASSERT_NE(n++, m++);
	ASSERT_LT(n++, m++);
	ASSERT_LE(n++, m++);
	ASSERT_GT(m++, n++);
	ASSERT_GE(m++, n++);
	ASSERT_EQ(n, 24);
	ASSERT_EQ(m, 110);
}

/*
 * EQ/NE compare as C compares the kernel's error returns: an unsigned long
 * address equals an int -ENOMEM, on 32-bit builds too (where both are
 * compared as unsigned long, see __VMA_TEST_EQV).
 */
VMA_TEST(runner_eq_semantics)
{
	unsigned long addr = (unsigned long)-12;
	int ret = -12;
	long lret = -12;
	int x, y;
	int *px = &x, *py = &y;

	EXPECT_EQ(addr, ret);
	EXPECT_EQ(addr, -12);
	EXPECT_EQ(lret, ret);
	EXPECT_EQ(px, &x);
	EXPECT_NE(px, py);
	EXPECT_EQ(NULL, 0);
	EXPECT_EQ(UINT64_MAX, -1);
	EXPECT_NE(0x100000000ULL, 0);
	EXPECT_EQ(true, 1);
}

/* LT/LE/GT/GE use the mathematical values, whatever the signedness. */
VMA_TEST(runner_order_semantics)
{
	unsigned long big = ~0UL;
	int neg = -1;
	int x[2];

	EXPECT_LT(-1, 0U);
	EXPECT_LT(neg, 0UL);
	EXPECT_GT(big, neg);
	EXPECT_GT(0U, neg);
	EXPECT_LT(-5L, -4);
	EXPECT_LE(-4, -4L);
	EXPECT_GE(big, big);
	EXPECT_GT(big, LONG_MAX);
	EXPECT_LT(INT64_MIN, neg);
	EXPECT_LT(&x[0], &x[1]);
	EXPECT_LE((unsigned char)200, 200);
	EXPECT_GT((signed char)-1, -2);
}

VMA_TEST(runner_err_value)
{
	EXPECT_IS_ERR_VALUE(-1);
	EXPECT_IS_ERR_VALUE(-4095L);
	EXPECT_IS_ERR_VALUE((unsigned long)-4095);
	EXPECT_IS_ERR_VALUE((void *)-12L);
	EXPECT_NOT_ERR_VALUE(-4096L);
	EXPECT_NOT_ERR_VALUE(0);
	EXPECT_NOT_ERR_VALUE(0x7fff0000UL);
	EXPECT_NOT_ERR_VALUE((void *)NULL);
}

struct runner_bits {
	unsigned int u:3;
	int s:4;
	bool b:1;
};

/* Bit-fields are accepted, signed ones keep their sign. */
VMA_TEST(runner_bitfields)
{
	struct runner_bits bits = { .u = 5, .s = -3, .b = true };

	EXPECT_EQ(bits.u, 5);
	EXPECT_EQ(bits.s, -3);
	EXPECT_LT(bits.s, 0);
	EXPECT_GT(bits.u, 4);
	EXPECT_TRUE(bits.b);
}

/* Reseeding gives the same sequence again. */
VMA_TEST(runner_rand_reset_reproduces)
{
	uint64_t first[16];
	bool all_same = true;
	int i;

	for (i = 0; i < 16; i++)
		first[i] = test_rand();
	for (i = 1; i < 16; i++)
		if (first[i] != first[0])
			all_same = false;
	EXPECT_FALSE(all_same);

	test_rand_reset();
	for (i = 0; i < 16; i++)
		EXPECT_EQ(test_rand(), first[i]);
}

VMA_TEST(runner_rand_range)
{
	bool seen[8] = { false };
	int i;

	for (i = 0; i < 1000; i++) {
		uint64_t v = test_rand_range(3, 10);

		ASSERT_GE(v, 3);
		ASSERT_LE(v, 10);
		seen[v - 3] = true;
	}
	for (i = 0; i < 8; i++)
		EXPECT_TRUE(seen[i]);

	EXPECT_EQ(test_rand_range(42, 42), 42);
	/* The full 64-bit range must not divide by zero. */
	test_rand_range(0, UINT64_MAX);
	EXPECT_GE(test_rand_range(UINT64_MAX - 1, UINT64_MAX), UINT64_MAX - 1);
}

VMA_TEST(runner_test_name)
{
	ASSERT_NONNULL(test_name());
	EXPECT_EQ(strcmp(test_name(), "runner_test_name"), 0);
}

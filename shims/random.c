// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random number generators.
 * real: the runner's seeded PRNG (test_rand()), so that a run that asks
 * for randomness (PF_RANDOMIZE layouts) is reproduced by its --seed.
 */
#include <linux/random.h>
#include "harness.h"

u32 get_random_u32(void)
{
	return (u32)test_rand();
}

u64 get_random_u64(void)
{
	return test_rand();
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Random layouts for the differential tests, and their budgets: the one
 * generator of runs of areas (each test brings its own distributions of
 * sizes and gaps), how many checks a run makes, and a clock for the
 * checks/s figures.
 */
#ifndef _VMA_HARNESS_GEN_H
#define _VMA_HARNESS_GEN_H

#include <stdbool.h>

/*
 * A run of areas laid out from a base, upwards (each area's gap below it)
 * or downwards (each area's gap above it), inside [lo, hi).  For each area
 * the generator draws size() then gap(), and calls add(start, end); it
 * stops after n areas, at the first area that would leave [lo, hi), or
 * when room() (if set) says the layout is full.
 */
struct test_gen {
	unsigned long lo, hi;
	unsigned long (*size)(void);
	unsigned long (*gap)(void);
	void (*add)(unsigned long start, unsigned long end);
	bool (*room)(void);
};

/* The run of up to @n areas from @base; how many it added. */
unsigned int test_gen_run(const struct test_gen *g, unsigned long base,
			  bool up, unsigned int n);

/*
 * Checks a differential test makes: $@env if set, else @dflt, divided by
 * @valgrind_div under valgrind (which runs the suite some 20 times slower).
 */
unsigned long test_gen_iters(const char *env, unsigned long dflt,
			     unsigned long valgrind_div);

/* Seconds, from a monotonic clock. */
double test_gen_now(void);

#endif /* _VMA_HARNESS_GEN_H */

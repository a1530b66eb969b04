// SPDX-License-Identifier: GPL-2.0
/*
 * real: the random layout generator and budgets of gen.h.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "gen.h"

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define ON_VALGRIND()	RUNNING_ON_VALGRIND
#else
/* valgrind preloads its vgpreload_*.so into the program */
#define ON_VALGRIND()	(getenv("LD_PRELOAD") && \
			 strstr(getenv("LD_PRELOAD"), "vgpreload"))
#endif

/*
 * The next area from *cur: [*start, *end) of @size, @gap away from *cur
 * in the direction of the run, inside [lo, hi); *cur moves past it.
 * False, with nothing changed, when it would wrap or leave [lo, hi).
 */
static bool next_area(const struct test_gen *g, unsigned long *cur, bool up,
		      unsigned long gap, unsigned long size,
		      unsigned long *start, unsigned long *end)
{
	unsigned long c = *cur;

	if (up) {
		if (c + gap < c || c + gap + size < c + gap ||
		    c + gap < g->lo || c + gap + size > g->hi)
			return false;
		*start = c + gap;
		*end = *start + size;
		*cur = *end;
	} else {
		if (gap + size < gap || c < gap + size ||
		    c - gap - size < g->lo || c - gap > g->hi)
			return false;
		*end = c - gap;
		*start = *end - size;
		*cur = *start;
	}
	return true;
}

unsigned int test_gen_run(const struct test_gen *g, unsigned long base,
			  bool up, unsigned int n)
{
	unsigned long cur = base, size, gap, start, end;
	unsigned int added = 0;

	while (added < n && (!g->room || g->room())) {
		size = g->size();
		gap = g->gap();
		if (!next_area(g, &cur, up, gap, size, &start, &end))
			break;
		g->add(start, end);
		added++;
	}
	return added;
}

unsigned long test_gen_iters(const char *env, unsigned long dflt,
			     unsigned long valgrind_div)
{
	const char *s = getenv(env);

	if (s && *s)
		return strtoul(s, NULL, 0);
	return ON_VALGRIND() ? dflt / valgrind_div : dflt;
}

double test_gen_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

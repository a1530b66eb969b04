// SPDX-License-Identifier: GPL-2.0
/*
 * The fault sweep (sweep.h): the schedule of a test's runs, the rules each
 * run must meet, the checks around the fixture's operations, the counts,
 * and the allocation sites.  The failure itself is armed in shims/fault.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "limit.h"
#include "snapshot.h"
#include "sweep.h"
#include "../../shims/fault.h"

/* ---- The state of the run in progress -------------------------------- */

static unsigned long sweep_nth;		/* the body's allocation that fails */
static unsigned long body_count;	/* allocations the body attempted */
static bool left_gap;			/* a checked op left its range unmapped */

/* the limit sweep's run in progress (limit_sweep_test()) */
#define LIMIT_SWEEP_OPS	4096		/* operations a plain run records */
static struct {
	bool recording;			/* the plain run: record each result */
	int limit;			/* tightened at operation 'at', or -1 */
	unsigned long at;
	unsigned long ops;		/* operations the body has begun */
	bool hit;			/* operation 'at' was reached */
	bool applied;			/* ... and the limit applied to it */
	bool active;			/* ... and is tightened now */
	unsigned long usage;		/* test_limit_usage() when tightened */
	unsigned long exempt;		/* growth the kernel does not check */
	bool unchecked;			/* ... and the operation used it */
	struct test_limit_saved saved;
} lim = { .limit = -1 };
static long plain_err[LIMIT_SWEEP_OPS];	/* the plain run's results */

/* allocation sites: the body's first attempts at them, taken at its end */
static struct fault_site sites[FAULT_MAX_SITES];
static unsigned long firsts[FAULT_MAX_SITES];
static unsigned int nr_firsts;
static unsigned long body_epoch;	/* fault_body_begin() */

void sweep_body_begin(unsigned long nth, bool persist)
{
	sweep_nth = nth;
	left_gap = false;
	lim.ops = 0;
	lim.hit = lim.applied = lim.active = lim.unchecked = false;
	body_epoch = fault_body_begin();
	fault_arm(nth, persist);
}

/* The end of the body: how far it got, and where it reached each site. */
void sweep_body_end(void)
{
	unsigned int i, nr;

	body_count = fault_count();
	fault_reset();		/* the teardown's allocations may not fail */
	fault_body_end();
	nr = fault_sites(sites, ARRAY_SIZE(sites));
	nr_firsts = 0;
	for (i = 0; i < nr; i++)
		if (sites[i].epoch == body_epoch && sites[i].first >= 1 &&
		    sites[i].first <= body_count)
			firsts[nr_firsts++] = sites[i].first;
}

bool sweep_armed(void)
{
	return sweep_nth != 0;
}

bool sweep_hit(void)
{
	return (sweep_nth && body_count >= sweep_nth) || lim.hit;
}

void test_fail_allocation(unsigned long nth)
{
	fault_arm(nth, false);
}

/* ---- The checks around the fixture's operations ---------------------- */

/*
 * The operations the fixture performs for tests (test_mmap(),
 * test_munmap(), test_brk(), test_vm_brk_flags(),
 * test_remap_file_pages()) are checked in a sweep run: if the armed
 * failure hits one and it fails, it must fail with -ENOMEM, leave the
 * address space as it was before (snapshot.h: every mapping's range,
 * flags, pgoff, anon_vma, file, ops; the counters; a mapping may be left
 * split in two VMAs, as the kernel leaves it) and the tree valid; then the
 * run ends, passed (the test's expectations assume success).  If it
 * succeeds anyway, the test goes on.  The operations do not nest.
 */
static struct {
	unsigned long count_before;
	struct test_snapshot before;
	bool fixed;		/* a MAP_FIXED-like operation on [start, end) */
	enum sweep_op kind;
	struct test_snapshot gap;
} op;

/* Is the armed failure still the sweep's, not a test's own? */
static bool op_armed(void)
{
	return sweep_nth && fault_armed() == sweep_nth;
}

void sweep_op_begin(enum sweep_op kind, unsigned long start,
		    unsigned long len)
{
	lim.ops++;
	if (lim.limit >= 0 && lim.ops == lim.at) {
		lim.hit = true;
		op.kind = kind;
		test_snapshot_take_mappings(&op.before);
		op.fixed = kind == SWEEP_OP_UNMAP_FIRST &&
			   start + PAGE_ALIGN(len) > start;
		if (op.fixed)
			test_snapshot_take_mappings_except(&op.gap, start,
							   start + PAGE_ALIGN(len));
		lim.active = test_limit_tighten(lim.limit, start, len,
						&lim.saved);
		lim.applied = lim.active;
		if (lim.active)
			lim.usage = test_limit_usage(lim.limit);
		lim.exempt = lim.limit == TEST_LIMIT_DATA &&
			     kind == SWEEP_OP_FIXED ?
			     test_limit_nondata_pages(start, len) : 0;
		return;
	}
	if (!op_armed())
		return;
	op.count_before = fault_count();
	test_snapshot_take_mappings(&op.before);
	op.fixed = (kind == SWEEP_OP_FIXED || kind == SWEEP_OP_UNMAP_FIRST) &&
		   start + PAGE_ALIGN(len) > start;
	if (op.fixed)
		test_snapshot_take_mappings_except(&op.gap, start,
						   start + PAGE_ALIGN(len));
}

/*
 * An operation that succeeded although an allocation failed in it (a
 * retry or a fallback took over) must still have done only its own work:
 * every mapping outside the range it changed, [start, end), is as it was
 * (range, flags, pgoff, anon_vma, file, ops).  A mapping cut in two by the
 * range (a split) counts as unchanged.  Skipped for address spaces larger
 * than a snapshot keeps field by field.
 */
static void op_absorbed(unsigned long start, unsigned long end)
{
	struct test_snapshot now;

	if (start >= end || !test_snapshot_cut(&op.before, start, end))
		return;
	test_sweep_check(true);
	test_snapshot_take_mappings_except(&now, start, end);
	ASSERT_SNAPSHOT_RECORDS(&now, &op.before);
	test_vma_count();
	test_sweep_check(false);
}

/*
 * A MAP_FIXED mmap() that fails after it has torn the old range down
 * leaves the range unmapped (mm/vma.c, vms_abort_munmap_vmas(): "the old
 * failure method of leaving a gap"), as the kernel documents, and so do
 * vm_brk_flags() and remap_file_pages(), which replace a range the same
 * way; the sweep accepts that outcome, exactly, and counts it apart.
 */
/*
 * The rest of the checks of an operation that failed (after its errno):
 * the address space as it was, or for op.fixed exactly its range unmapped;
 * the tree valid, no VMA leaked.  Then the run ends.
 */
static void op_failed(void)
{
	left_gap = op.fixed && !test_snapshot_matches(&op.before) &&
		   test_snapshot_matches(&op.gap);
	if (!left_gap)
		ASSERT_SNAPSHOT(&op.before);
	test_vma_count();
	test_sweep_check(false);
	test_end_checked();
}

/*
 * The end of the operation the limit sweep tightened a limit for: put it
 * back.  If the result is the plain run's, the operation must not have
 * used more of what the limit caps (a limit check it skipped); else it
 * must have failed the limit's check and changed nothing at all.
 */
static void limit_op_end(long err)
{
	long plain = lim.at <= LIMIT_SWEEP_OPS ? plain_err[lim.at - 1] : 0;
	unsigned long usage = test_limit_usage(lim.limit);

	test_limit_restore(&lim.saved);
	lim.active = false;
	if (err == plain) {
		/* it got past the limit's checks: then it needed none */
		test_sweep_check(true);
		if (lim.limit == TEST_LIMIT_MSEAL)
			ASSERT_GE(usage, lim.usage);
		else
			ASSERT_LE(usage, lim.usage + lim.exempt);
		test_sweep_check(false);
		lim.unchecked = usage > lim.usage;
		return;
	}
	test_sweep_check(true);
	/* brk() says only that it failed (test_brk()) */
	if (!(op.kind == SWEEP_OP_BRK && err == -ENOMEM))
		ASSERT_EQ(err, test_limit_errno(lim.limit));
	op_failed();
}

void sweep_op_end(long err, unsigned long start, unsigned long end)
{
	unsigned long count = fault_count();

	if (lim.active) {
		limit_op_end(err);
		return;
	}
	if (lim.recording && lim.ops && lim.ops <= LIMIT_SWEEP_OPS)
		plain_err[lim.ops - 1] = err;
	if (!op_armed() || op.count_before >= sweep_nth || count < sweep_nth)
		return;
	if (!err) {
		op_absorbed(start, end);
		return;
	}
	test_sweep_check(true);
	ASSERT_EQ(err, -ENOMEM);
	op_failed();
}

/* ---- The schedule ---------------------------------------------------- */

/*
 * The runs of a fault sweep of one test whose plain run made n
 * allocations: every one of them if there are at most sweep_max, else the
 * first half of sweep_max and the rest spread evenly over the others, and
 * in any case the first allocation at each allocation site the plain run
 * reached, so that every site a test reaches fails in its sweep.
 */
static unsigned long sweep_max = 64;

void sweep_set_max(unsigned long max)
{
	sweep_max = max;
}

static unsigned long sweep_nth_of(unsigned long n, unsigned long i)
{
	unsigned long head = sweep_max / 2;

	if (n <= sweep_max || i < head)
		return i + 1;
	return head + 1 + (i - head) * (n - head) / (sweep_max - head);
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Fill @nths (sweep_max + FAULT_MAX_SITES long), ascending; how many. */
static unsigned long sweep_schedule(unsigned long n, unsigned long *nths)
{
	unsigned long runs, i, nr = 0;

	runs = n <= sweep_max ? n : sweep_max;
	for (i = 0; i < runs; i++)
		nths[i] = sweep_nth_of(n, i);
	if (n <= sweep_max)
		return runs;

	memcpy(nths + runs, firsts, nr_firsts * sizeof(*nths));
	runs += nr_firsts;
	qsort(nths, runs, sizeof(*nths), cmp_ulong);
	for (i = 0; i < runs; i++)
		if (!nr || nths[i] != nths[nr - 1])
			nths[nr++] = nths[i];
	return nr;
}

/* ---- The runs -------------------------------------------------------- */

/* What the runs of a sweep came to: of one test, or of all. */
struct sweep_counts {
	unsigned long tests, allocs, runs, persistent, checked, gaps;
	unsigned long absorbed, diverged, missed;
};

static struct sweep_counts total;

static void counts_add(struct sweep_counts *to, const struct sweep_counts *c)
{
	to->tests += c->tests;
	to->allocs += c->allocs;
	to->runs += c->runs;
	to->persistent += c->persistent;
	to->checked += c->checked;
	to->gaps += c->gaps;
	to->absorbed += c->absorbed;
	to->diverged += c->diverged;
	to->missed += c->missed;
}

/* The one wording of a sweep's counts, for a test's line and the total. */
static void counts_print(char *buf, size_t size, const struct sweep_counts *c)
{
	snprintf(buf, size,
		 "%lu allocations, %lu runs (%lu with every later allocation failing too): %lu failed cleanly (%lu leaving a replaced range unmapped), %lu absorbed, %lu diverged, %lu not reached",
		 c->allocs, c->runs, c->persistent, c->checked, c->gaps,
		 c->absorbed, c->diverged, c->missed);
}

/*
 * One run, failing allocation nth (and with persist every later one too).
 * Returns false, with its diagnostics printed, if the run broke the
 * sweep's rules; else counts the outcome and says in *absorbed whether
 * the failure was absorbed (hit, yet everything the test expected held: a
 * retry or fallback path took over).
 */
static bool run(const struct vma_test_case *tc, unsigned long n,
		unsigned long nth, bool persist, struct sweep_counts *c,
		bool *absorbed)
{
	struct vma_test_result r;
	bool hit, bad;

	vma_test_run(tc, nth, persist, &r);
	hit = sweep_hit();
	bad = r.fails > r.body_fails || r.check_failed || (r.failed && !hit);
	vma_test_kept_diag(bad);
	*absorbed = false;
	if (bad) {
		test_note("fault sweep: the run failing allocation %lu%s of %lu failed (rerun: --fault-sweep --seed %" PRIu64 " %s)",
			  nth, persist ? " and every later one" : "", n,
			  test_seed(), tc->name);
		return false;
	}
	c->runs++;
	c->persistent += persist;
	if (r.checked) {
		c->checked++;
		c->gaps += left_gap;
	} else if (r.failed || r.skipped) {
		c->diverged++;
	} else if (hit) {
		c->absorbed++;
		*absorbed = true;
	} else {
		c->missed++;
	}
	return true;
}

bool sweep_test(const struct vma_test_case *tc, char *note, size_t len)
{
	unsigned long n = body_count, runs, i, *nths;
	struct sweep_counts c = { .tests = 1, .allocs = n };
	bool absorbed;

	nths = calloc(sweep_max + FAULT_MAX_SITES, sizeof(*nths));
	if (!nths) {
		perror("vma: fault sweep");
		exit(2);
	}
	runs = sweep_schedule(n, nths);
	for (i = 0; i < runs; i++) {
		if (!run(tc, n, nths[i], false, &c, &absorbed) ||
		    (absorbed && !run(tc, n, nths[i], true, &c, &absorbed))) {
			free(nths);
			return false;
		}
	}
	free(nths);
	counts_print(note, len, &c);
	counts_add(&total, &c);
	return true;
}

/* ---- The limit sweep ------------------------------------------------ */

struct limit_counts {
	unsigned long runs;		/* operations tightened */
	unsigned long failed;		/* ... that failed cleanly */
	unsigned long gaps;		/* ... of them leaving a gap */
	unsigned long unchecked;	/* grew data_vm past RLIMIT_DATA */
	unsigned long same;		/* ... whose result did not change */
	unsigned long na;		/* ... the limit could not apply to */
};
static struct limit_counts limit_total[NR_TEST_LIMITS];
static unsigned long limit_tests;

static void limit_counts_add(struct limit_counts *to,
			     const struct limit_counts *c)
{
	to->runs += c->runs;
	to->failed += c->failed;
	to->gaps += c->gaps;
	to->unchecked += c->unchecked;
	to->same += c->same;
	to->na += c->na;
}

/* One run: @limit tightened at operation @at; false if it broke a rule. */
static bool limit_run(const struct vma_test_case *tc, enum test_limit limit,
		      unsigned long at, unsigned long n,
		      struct limit_counts *c)
{
	struct vma_test_result r;
	bool bad, applied;

	lim.limit = limit;
	lim.at = at;
	vma_test_run(tc, 0, false, &r);
	lim.limit = -1;
	applied = lim.applied;
	bad = r.fails > r.body_fails || r.check_failed || (r.failed && !lim.hit);
	vma_test_kept_diag(bad);
	if (bad) {
		test_note("limit sweep: the run with %s tightened at operation %lu of %lu failed (rerun: --limit-sweep --seed %" PRIu64 " %s)",
			  test_limit_name(limit), at, n, test_seed(), tc->name);
		return false;
	}
	c->runs++;
	if (!applied)
		c->na++;
	else if (r.checked) {
		c->failed++;
		c->gaps += left_gap;
	} else {
		c->same++;
		c->unchecked += lim.unchecked;
	}
	return true;
}

bool limit_sweep_test(const struct vma_test_case *tc, char *note, size_t len)
{
	struct limit_counts c[NR_TEST_LIMITS] = {};
	struct vma_test_result r;
	unsigned long n, i, runs;
	size_t off = 0;
	int l;

	/* the plain run again, recording each operation's result */
	lim.recording = true;
	vma_test_run(tc, 0, false, &r);
	lim.recording = false;
	n = lim.ops;
	vma_test_kept_diag(r.failed);
	if (r.failed || r.skipped) {
		test_note("limit sweep: the plain run did not pass again");
		return false;
	}
	runs = n <= sweep_max ? n : sweep_max;
	for (l = 0; l < NR_TEST_LIMITS; l++) {
		if (!test_limit_available(l))
			continue;
		for (i = 0; i < runs; i++)
			if (!limit_run(tc, l, sweep_nth_of(n, i), n, &c[l]))
				return false;
	}
	limit_tests++;
	off += snprintf(note, len, "%lu operations", n);
	for (l = 0; l < NR_TEST_LIMITS; l++) {
		limit_counts_add(&limit_total[l], &c[l]);
		if (c[l].failed && off < len)
			off += snprintf(note + off, len - off, ", %s failed %lu",
					test_limit_name(l), c[l].failed);
	}
	return true;
}

/*
 * One "#" line per limit.  A limit that no operation of any test failed
 * is labelled "(never failed)", which the limit-sweep variant of run.sh
 * fails on; one this build does not have is said so.
 */
void limit_sweep_report(void)
{
	int l;

	for (l = 0; l < NR_TEST_LIMITS; l++) {
		const struct limit_counts *c = &limit_total[l];

		if (!test_limit_available(l)) {
			printf("# limit %s: not in this build\n",
			       test_limit_name(l));
			continue;
		}
		printf("# limit %s: %lu runs: %lu failed cleanly (%lu leaving a vm_brk_flags() range unmapped), %lu unchanged, %lu not applicable%s\n",
		       test_limit_name(l), c->runs, c->failed, c->gaps, c->same,
		       c->na, c->failed ? "" : " (never failed)");
		if (c->unchecked)
			printf("# limit %s: %lu MAP_FIXED mmaps over pages that were no data mapping grew data_vm past it unchecked (__mmap_setup() asks may_expand_vm() for the pages it does not replace)\n",
			       test_limit_name(l), c->unchecked);
	}
	printf("# limit sweep: %lu tests\n", limit_tests);
}

/* ---- Across processes ------------------------------------------------ */

struct sweep_stats {
	struct sweep_counts total;
	struct limit_counts limit_total[NR_TEST_LIMITS];
	unsigned long limit_tests;
	unsigned int nr_sites;
	struct fault_site sites[];
};

void sweep_stats_forget(void)
{
	memset(&total, 0, sizeof(total));
	memset(limit_total, 0, sizeof(limit_total));
	limit_tests = 0;
	fault_sites_forget();
}

size_t sweep_stats_export(void *buf, size_t size)
{
	struct sweep_stats *st = buf;
	unsigned int max;

	BUILD_BUG_ON(sizeof(*st) + sizeof(sites) > SWEEP_STATS_MAX);
	if (size < sizeof(*st))
		return 0;
	max = (size - sizeof(*st)) / sizeof(st->sites[0]);
	st->total = total;
	memcpy(st->limit_total, limit_total, sizeof(limit_total));
	st->limit_tests = limit_tests;
	st->nr_sites = fault_sites(st->sites, max);
	return sizeof(*st) + st->nr_sites * sizeof(st->sites[0]);
}

void sweep_stats_import(const void *buf, size_t len)
{
	const struct sweep_stats *st = buf;
	int l;

	if (len < sizeof(*st) ||
	    len != sizeof(*st) + st->nr_sites * sizeof(st->sites[0]))
		return;
	counts_add(&total, &st->total);
	for (l = 0; l < NR_TEST_LIMITS; l++)
		limit_counts_add(&limit_total[l], &st->limit_total[l]);
	limit_tests += st->limit_tests;
	fault_sites_add(st->sites, st->nr_sites);
}

/* ---- The end of the sweep -------------------------------------------- */

/*
 * The allocation sites, one "#" line each, sorted by name: attempts (plain
 * and sweep runs) and the attempts that an armed failure failed.  A site
 * that none failed is labelled: reached only outside test bodies (set-up,
 * teardown: never armed), only after an earlier failure (a retry path that
 * even the persistent runs did not fail), or else "(not swept)", the one
 * that the fault-sweep variant of run.sh fails on.
 */
void sweep_report(void)
{
	static char names[FAULT_MAX_SITES][192];
	unsigned int order[FAULT_MAX_SITES];
	unsigned int nr, i, j, failed = 0;
	char line[512];

	nr = fault_sites(sites, ARRAY_SIZE(sites));
	for (i = 0; i < nr; i++) {
		fault_site_name(sites[i].pc, names[i], sizeof(names[i]));
		for (j = i; j && strcmp(names[order[j - 1]], names[i]) > 0; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (i = 0; i < nr; i++) {
		const struct fault_site *site = &sites[order[i]];

		printf("# allocation site %s: %lu attempts, %lu failed%s\n",
		       names[order[i]], site->attempts, site->injected,
		       site->injected ? "" :
		       !site->bodies ? " (reached only outside test bodies)" :
		       site->attempts == site->after_failure ?
		       " (reached only after an earlier failure)" :
		       " (not swept)");
		if (site->injected)
			failed++;
	}
	counts_print(line, sizeof(line), &total);
	printf("# fault sweep: %lu tests, %s\n", total.tests, line);
	printf("# fault sweep: %u allocation sites, %u of them failed at least once\n",
	       nr, failed);
}

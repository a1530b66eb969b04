// SPDX-License-Identifier: GPL-2.0
/*
 * KTAP test runner for the userland VMA test suite: main(), command line,
 * test selection, assertion reporting and the per-test PRNG.
 *
 * Plain libc only: this file must not include kernel headers.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runner.h"
#include "sweep.h"

/* VMA_BUILD_INFO: what was built (the Makefile writes it) */
#include <generated/build-info.h>

/* ---- Weak default fixture hooks -------------------------------------- */

__attribute__((weak)) void vma_test_global_init(void)
{
}

__attribute__((weak)) void vma_test_setup(void)
{
}

__attribute__((weak)) void vma_test_teardown(bool failed)
{
	(void)failed;
}

__attribute__((weak)) void vma_test_fork_prepare(void)
{
}

__attribute__((weak)) void vma_test_fork_parent(void)
{
}

__attribute__((weak)) void vma_test_fork_child(void)
{
}

/* ---- Registration ---------------------------------------------------- */

static struct vma_test_case *registered;
static size_t nr_registered;

void vma_test_register(struct vma_test_case *tc)
{
	tc->next = registered;
	registered = tc;
	nr_registered++;
}

/* ---- Runner state ---------------------------------------------------- */

static const char *prog = "vma";	/* basename of argv[0] */
static bool verbose;
static uint64_t global_seed;
static FILE *trace_file;		/* --trace FILE, NULL without */
static bool fault_sweep;		/* --fault-sweep */
static bool limit_sweep;		/* --limit-sweep */
static bool no_fork;			/* --no-fork */
static bool leak_check;			/* --leak-check */
/* --timeout: seconds a test may take, 0 for no limit (kselftest's default) */
static unsigned int test_timeout = 45;

static struct {
	const struct vma_test_case *tc;	/* NULL outside a test */
	bool failed;
	bool skipped;
	bool checked;			/* test_end_checked() */
	unsigned int fails;		/* failures reported so far */
	unsigned int body_fails;	/* ... by the body */
	bool in_check, check_failed;	/* test_sweep_check() */
	FILE *diag_buf;			/* a sweep run's diagnostics */
	char *diag_text;
	size_t diag_len;
	bool jmp_valid;
	char skip_reason[256];
	jmp_buf jmp;
} cur;

static void __attribute__((format(printf, 1, 2))) diag(const char *fmt, ...);

static void mark_failed(void)
{
	cur.failed = true;
	cur.fails++;
	if (cur.in_check)
		cur.check_failed = true;
}

/* ---- PRNG: xoshiro256** seeded through splitmix64 --------------------- */

static uint64_t rng[4];

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static void rng_seed(uint64_t seed, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a of the name */
	uint64_t x;
	int i;

	for (; name && *name; name++) {
		h ^= (unsigned char)*name;
		h *= 0x100000001b3ULL;
	}
	x = seed;
	x = splitmix64(&x) ^ h;
	for (i = 0; i < 4; i++)
		rng[i] = splitmix64(&x);
}

uint64_t test_rand(void)
{
	uint64_t result = rotl(rng[1] * 5, 7) * 9;
	uint64_t t = rng[1] << 17;

	rng[2] ^= rng[0];
	rng[3] ^= rng[1];
	rng[1] ^= rng[2];
	rng[0] ^= rng[3];
	rng[2] ^= t;
	rng[3] = rotl(rng[3], 45);
	return result;
}

uint64_t test_rand_range(uint64_t lo, uint64_t hi)
{
	uint64_t span, limit, r;

	if (lo > hi) {
		mark_failed();
		diag("FAIL: test_rand_range(%" PRIu64 ", %" PRIu64
		     "): lo > hi", lo, hi);
		__vma_test_abort();
	}
	span = hi - lo + 1;
	if (span == 0)		/* the whole 64-bit range */
		return test_rand();
	/* Reject the low (2^64 mod span) values to avoid modulo bias. */
	limit = -span % span;
	do {
		r = test_rand();
	} while (r < limit);
	return lo + r % span;
}

uint64_t test_seed(void)
{
	return global_seed;
}

void test_rand_reset(void)
{
	rng_seed(global_seed, cur.tc ? cur.tc->name : NULL);
}

const char *test_name(void)
{
	return cur.tc ? cur.tc->name : NULL;
}

bool test_verbose(void)
{
	return verbose;
}

/* ---- Diagnostics ----------------------------------------------------- */

/*
 * Print msg as KTAP diagnostic lines, one "# " prefix per line: a test's
 * diagnostics come before its result line, at its own level.
 */
static void diag_lines(const char *msg)
{
	const char *nl;

	do {
		nl = strchr(msg, '\n');
		fprintf(cur.diag_buf ? cur.diag_buf : stdout, "# %.*s\n",
			nl ? (int)(nl - msg) : (int)strlen(msg), msg);
		msg = nl ? nl + 1 : NULL;
	} while (msg && *msg);
}

static void diag_vprintf(const char *fmt, va_list ap)
{
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0) {
		diag_lines("(out of memory formatting a message)");
		return;
	}
	diag_lines(msg);
	free(msg);
}

static void __attribute__((format(printf, 1, 2))) diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vprintf(fmt, ap);
	va_end(ap);
}

bool test_ended_early(void)
{
	return cur.checked || cur.skipped;
}

void test_sweep_check(bool on)
{
	cur.in_check = on;
}

void test_end_checked(void)
{
	cur.checked = true;
	__vma_test_abort();
}

bool test_tracing(void)
{
	return trace_file != NULL;
}

void test_trace(const char *fmt, ...)
{
	va_list ap;

	if (!trace_file)
		return;
	fprintf(trace_file, "%s: ", cur.tc ? cur.tc->name : "-");
	va_start(ap, fmt);
	vfprintf(trace_file, fmt, ap);
	va_end(ap);
	fputc('\n', trace_file);
}

void test_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vprintf(fmt, ap);
	va_end(ap);
}

void test_info(const char *fmt, ...)
{
	va_list ap;

	if (!verbose)
		return;
	va_start(ap, fmt);
	diag_vprintf(fmt, ap);
	va_end(ap);
}

static void diag_value(const char *expr, unsigned long long val,
		       bool is_signed)
{
	if (is_signed)
		diag("  %s == 0x%llx (%lld)", expr, val, (long long)val);
	else
		diag("  %s == 0x%llx (%llu)", expr, val, val);
}

void __vma_test_report1(const char *file, int line, const char *macro,
			const char *expr, unsigned long long val,
			bool is_signed)
{
	mark_failed();
	diag("%s:%d: %s failed", file, line, macro);
	diag_value(expr, val, is_signed);
}

void __vma_test_report2(const char *file, int line, const char *macro,
			const char *expr_a, const char *expr_b,
			unsigned long long a, bool a_signed,
			unsigned long long b, bool b_signed)
{
	mark_failed();
	diag("%s:%d: %s failed", file, line, macro);
	diag_value(expr_a, a, a_signed);
	diag_value(expr_b, b, b_signed);
}

/* Compare the mathematical values of a and b. */
bool __vma_test_order(int op, unsigned long long a, bool a_signed,
		      unsigned long long b, bool b_signed)
{
	bool a_neg = a_signed && (long long)a < 0;
	bool b_neg = b_signed && (long long)b < 0;
	int c;

	if (a_neg != b_neg)
		c = a_neg ? -1 : 1;
	else if (a_neg)	/* both negative */
		c = (long long)a < (long long)b ? -1 : (a != b);
	else
		c = a < b ? -1 : (a != b);

	switch (op) {
	case __VMA_TEST_LT:
		return c < 0;
	case __VMA_TEST_LE:
		return c <= 0;
	case __VMA_TEST_GT:
		return c > 0;
	case __VMA_TEST_GE:
		return c >= 0;
	}
	return false;
}

void __vma_test_abort(void)
{
	if (!cur.jmp_valid) {
		/* An assertion outside any test, e.g. in global init. */
		printf("Bail out! ASSERT_*, FAIL or SKIP used outside a test\n");
		fflush(stdout);
		exit(1);
	}
	longjmp(cur.jmp, 1);
}

void __vma_test_fail(const char *file, int line, const char *fmt, ...)
{
	char *msg;
	va_list ap;

	mark_failed();
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	diag("%s:%d: FAIL: %s", file, line, msg ? msg : fmt);
	free(msg);
	__vma_test_abort();
}

void __vma_test_skip(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	char *p;

	(void)file;
	(void)line;
	cur.skipped = true;
	va_start(ap, fmt);
	vsnprintf(cur.skip_reason, sizeof(cur.skip_reason), fmt, ap);
	va_end(ap);
	/* The reason goes on the result line: keep it on one line. */
	for (p = cur.skip_reason; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	__vma_test_abort();
}

/* ---- Driver ---------------------------------------------------------- */

struct counts {
	unsigned int passed, failed, skipped;
};

/* Run the test once, its n-th allocation failing (0: none); fills cur. */
static void run_body(const struct vma_test_case *tc, unsigned long nth,
		     bool persist, bool quiet)
{
	memset(&cur, 0, sizeof(cur));
	cur.tc = tc;
	if (quiet)
		cur.diag_buf = open_memstream(&cur.diag_text, &cur.diag_len);
	rng_seed(global_seed, tc->name);

	/*
	 * Only globals are touched between setjmp() and a longjmp() back
	 * here, so nothing needs to be volatile.
	 */
	cur.jmp_valid = true;
	if (!setjmp(cur.jmp)) {
		vma_test_setup();
		sweep_body_begin(nth, persist);
		tc->fn();
	}
	sweep_body_end();
	cur.body_fails = cur.fails;
	/* An assertion in the teardown hook fails the test, nothing more. */
	if (!setjmp(cur.jmp))
		vma_test_teardown(cur.failed);
	cur.jmp_valid = false;
	if (cur.diag_buf) {
		fclose(cur.diag_buf);
		cur.diag_buf = NULL;
	}
}

void vma_test_run(const struct vma_test_case *tc, unsigned long nth,
		  bool persist, struct vma_test_result *res)
{
	free(cur.diag_text);
	run_body(tc, nth, persist, true);
	*res = (struct vma_test_result){
		.failed = cur.failed,
		.skipped = cur.skipped,
		.checked = cur.checked,
		.body_fails = cur.body_fails,
		.fails = cur.fails,
		.check_failed = cur.check_failed,
	};
}

void vma_test_kept_diag(bool print)
{
	if (print && cur.diag_text)
		fputs(cur.diag_text, stdout);
	free(cur.diag_text);
	cur.diag_text = NULL;
}

void vma_test_outcome_of(const struct vma_test_case *tc,
			 struct vma_test_outcome *o)
{
	memset(o, 0, sizeof(*o));
	run_body(tc, 0, false, false);
	/* the sweep's runs reuse cur: take the test's own verdict first */
	if (cur.failed) {
		o->verdict = VMA_TEST_FAIL;
	} else if (cur.skipped) {
		o->verdict = VMA_TEST_SKIP;
		snprintf(o->text, sizeof(o->text), "%s", cur.skip_reason);
	} else {
		o->verdict = VMA_TEST_PASS;
		if (fault_sweep)
			o->swept = sweep_test(tc, o->text, sizeof(o->text));
		else if (limit_sweep)
			o->swept = limit_sweep_test(tc, o->text,
						    sizeof(o->text));
		if ((fault_sweep || limit_sweep) && !o->swept) {
			o->verdict = VMA_TEST_FAIL;
			o->text[0] = 0;
		}
	}
	cur.tc = NULL;
}

/* A directive's text on one line, and never read as "# SKIP" or "# TODO". */
static void one_line(char *s)
{
	char *p;

	for (p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '#')
			*p = ' ';
	while ((p = strstr(s, "SKIP")) || (p = strstr(s, "TODO")))
		p[1] = tolower((unsigned char)p[1]);
}

static void run_one(const struct vma_test_case *tc, unsigned int nr,
		    struct counts *counts)
{
	struct vma_test_outcome o;

	if (no_fork)
		vma_test_outcome_of(tc, &o);
	else
		vma_test_isolated(tc, test_timeout, fault_sweep || limit_sweep,
				  leak_check, &o);

	switch (o.verdict) {
	case VMA_TEST_PASS:
		if (o.swept) {
			one_line(o.text);
			printf("ok %u %s # %s: %s\n", nr, tc->name,
			       limit_sweep ? "limit sweep" : "sweep", o.text);
		} else {
			printf("ok %u %s\n", nr, tc->name);
		}
		counts->passed++;
		break;
	case VMA_TEST_SKIP:
		/* the reason is already one line (__vma_test_skip()) */
		if (o.text[0])
			printf("ok %u %s # SKIP %s\n", nr, tc->name, o.text);
		else
			printf("ok %u %s # SKIP\n", nr, tc->name);
		counts->skipped++;
		break;
	default:
		one_line(o.text);
		if (o.text[0])
			printf("not ok %u %s # %s\n", nr, tc->name, o.text);
		else
			printf("not ok %u %s\n", nr, tc->name);
		counts->failed++;
	}
	fflush(stdout);
}

static int cmp_tests(const void *pa, const void *pb)
{
	const struct vma_test_case *a = *(const struct vma_test_case **)pa;
	const struct vma_test_case *b = *(const struct vma_test_case **)pb;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int cmp_names(const void *pa, const void *pb)
{
	const struct vma_test_case *a = *(const struct vma_test_case **)pa;
	const struct vma_test_case *b = *(const struct vma_test_case **)pb;

	return strcmp(a->name, b->name);
}

/* Return the tests sorted by (file, line, name), or NULL on error. */
static struct vma_test_case **sorted_tests(void)
{
	struct vma_test_case **all, **byname, *tc;
	size_t i = 0;
	bool dup = false;

	all = calloc(nr_registered + 1, sizeof(*all));
	byname = calloc(nr_registered + 1, sizeof(*byname));
	if (!all || !byname) {
		fprintf(stderr, "%s: out of memory\n", prog);
		free(all);
		free(byname);
		return NULL;
	}
	for (tc = registered; tc; tc = tc->next)
		all[i++] = tc;
	qsort(all, nr_registered, sizeof(*all), cmp_tests);

	/* Test names select tests and seed the PRNG: they must be unique. */
	memcpy(byname, all, nr_registered * sizeof(*all));
	qsort(byname, nr_registered, sizeof(*byname), cmp_names);
	for (i = 1; i < nr_registered; i++) {
		if (strcmp(byname[i - 1]->name, byname[i]->name))
			continue;
		fprintf(stderr, "%s: duplicate test name '%s' (%s:%d and %s:%d)\n",
			prog, byname[i]->name,
			byname[i - 1]->file, byname[i - 1]->line,
			byname[i]->file, byname[i]->line);
		dup = true;
	}
	free(byname);
	if (dup) {
		free(all);
		return NULL;
	}
	return all;
}

static void usage(FILE *f, const char *argv0)
{
	fprintf(f,
		"Usage: %s [OPTION]... [PATTERN]...\n"
		"Run the VMA userland tests whose names match any of the shell\n"
		"glob PATTERNs (all tests if none), printing KTAP on stdout.\n"
		"\n"
		"  -l, --list       list the matching test names and exit\n"
		"  -v, --verbose    show test_info() diagnostics\n"
		"      --seed N     seed for the tests' PRNG (decimal or 0x hex);\n"
		"                   default: derived from the time and pid\n"
		"      --trace FILE write the tests' test_trace() lines to FILE\n"
		"                   (to compare two builds' behaviour)\n"
		"      --fault-sweep\n"
		"                   after each passing test, rerun it failing its\n"
		"                   1st, 2nd, ... allocation: it must pass, or fail\n"
		"                   an operation cleanly (VMA_SWEEP_MAX runs at most\n"
		"                   per test, default 64, plus the first allocation\n"
		"                   at each site; a failure absorbed by a retry is\n"
		"                   rerun with every later allocation failing)\n"
		"      --limit-sweep\n"
		"                   after each passing test, rerun it with each limit\n"
		"                   (RLIMIT_AS, RLIMIT_DATA, overcommit, max_map_count,\n"
		"                   RLIMIT_MEMLOCK, mseal) tightened at each of its\n"
		"                   mmap/munmap/brk operations in turn: one the limit\n"
		"                   stops must fail and change nothing\n"
		"      --timeout S  a test that takes more than S seconds is killed\n"
		"                   and fails (default 45, as kselftest; 0: none)\n"
		"      --leak-check after each test, LeakSanitizer checks its\n"
		"                   process's heap (sanitizer builds; the slab\n"
		"                   objects are counted after every test anyway)\n"
		"      --no-fork    run the tests in this process, not each in a\n"
		"                   child of its own (for gdb; a crash then ends\n"
		"                   the run, and no --timeout applies)\n"
		"  -h, --help       show this help and exit\n"
		"\n"
		"Each test runs in a child process: a crash, an abort, a sanitizer\n"
		"report or a timeout fails that test (\"not ok N name # why\") and\n"
		"the run goes on.\n"
		"\n"
		"Exit status: 0 if no test failed, 1 if any failed, 2 on usage\n"
		"errors.\n", argv0);
}

/* A number, decimal or 0x hex, no sign or blanks, at most 64 bits. */
static bool parse_u64(const char *s, uint64_t *out)
{
	unsigned long long v;
	int base = 10;
	char *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	/* strtoull() would accept a sign and leading blanks: refuse them. */
	if ((base == 10 && (*s < '0' || *s > '9')) ||
	    (base == 16 && !strchr("0123456789abcdefABCDEF", *s)) || !*s)
		return false;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

static const char *long_name(const struct option *opts, int val)
{
	for (; opts->name; opts++)
		if (opts->val == val)
			return opts->name;
	return "?";
}

static uint64_t default_seed(void)
{
	struct timespec ts;
	uint64_t x;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
	x ^= (uint64_t)getpid() << 32;
	return splitmix64(&x);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "list",	no_argument,		NULL, 'l' },
		{ "verbose",	no_argument,		NULL, 'v' },
		{ "seed",	required_argument,	NULL, 'S' },
		{ "trace",	required_argument,	NULL, 'T' },
		{ "fault-sweep", no_argument,		NULL, 'F' },
		{ "limit-sweep", no_argument,		NULL, 'L' },
		{ "no-fork",	no_argument,		NULL, 'N' },
		{ "leak-check",	no_argument,		NULL, 'K' },
		{ "timeout",	required_argument,	NULL, 'O' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 },
	};
	struct vma_test_case **tests, **selected;
	struct counts counts = { 0, 0, 0 };
	bool list = false, have_seed = false, bad_pattern = false;
	size_t i, nr_selected = 0;
	int opt, npat, p, ret;
	bool *pat_used;

	if (argv[0] && argv[0][0]) {
		const char *slash = strrchr(argv[0], '/');

		prog = slash ? slash + 1 : argv[0];
	}

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":lvh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			list = true;
			break;
		case 'v':
			verbose = true;
			break;
		case 'S':
			if (!parse_u64(optarg, &global_seed)) {
				fprintf(stderr,
					"%s: invalid seed '%s' (decimal or 0x hex, 64 bits) (see %s --help)\n",
					prog, optarg, argv[0]);
				return 2;
			}
			have_seed = true;
			break;
		case 'T':
			if (trace_file)
				fclose(trace_file);
			trace_file = fopen(optarg, "w");
			if (!trace_file) {
				fprintf(stderr, "%s: --trace %s: %s\n", prog,
					optarg, strerror(errno));
				return 2;
			}
			break;
		case 'F':
			fault_sweep = true;
			break;
		case 'L':
			limit_sweep = true;
			break;
		case 'N':
			no_fork = true;
			break;
		case 'K':
			leak_check = true;
			break;
		case 'O': {
			uint64_t t;

			if (!parse_u64(optarg, &t) || t > 86400) {
				fprintf(stderr,
					"%s: invalid timeout '%s' (seconds per test, 0 for none) (see %s --help)\n",
					prog, optarg, argv[0]);
				return 2;
			}
			test_timeout = t;
			break;
		}
		case 'h':
			usage(stdout, argv[0]);
			return 0;
		case ':':
			if (optopt == 'S' || optopt == 'T' || optopt == 'O')
				fprintf(stderr,
					"%s: option '--%s' requires an argument (see %s --help)\n",
					prog, long_name(longopts, optopt), argv[0]);
			else
				fprintf(stderr,
					"%s: option '-%c' requires an argument (see %s --help)\n",
					prog, optopt, argv[0]);
			return 2;
		default:
			if (optopt && strchr("lvhFLNK", optopt))
				/* e.g. --list=3 */
				fprintf(stderr,
					"%s: option '--%s' doesn't allow an argument (see %s --help)\n",
					prog, long_name(longopts, optopt),
					argv[0]);
			else if (optopt)
				fprintf(stderr,
					"%s: unknown option '-%c' (see %s --help)\n",
					prog, optopt, argv[0]);
			else
				fprintf(stderr,
					"%s: unknown option '%s' (see %s --help)\n",
					prog, argv[optind - 1], argv[0]);
			return 2;
		}
	}
	if (!have_seed)
		global_seed = default_seed();
	if (getenv("VMA_SWEEP_MAX")) {
		uint64_t max;

		if (!parse_u64(getenv("VMA_SWEEP_MAX"), &max) || max < 2 ||
		    max > 1000000) {
			fprintf(stderr, "%s: VMA_SWEEP_MAX=%s: a number of runs, 2 to 1000000\n",
				prog, getenv("VMA_SWEEP_MAX"));
			return 2;
		}
		sweep_set_max(max);
	}

	tests = sorted_tests();
	if (!tests)
		return 2;

	/* Select tests; every pattern has to match at least one of them. */
	npat = argc - optind;
	selected = calloc(nr_registered + 1, sizeof(*selected));
	pat_used = calloc(npat + 1, sizeof(*pat_used));
	if (!selected || !pat_used) {
		fprintf(stderr, "%s: out of memory\n", prog);
		ret = 2;
		goto out;
	}
	for (i = 0; i < nr_registered; i++) {
		bool match = npat == 0;

		for (p = 0; p < npat; p++) {
			if (fnmatch(argv[optind + p], tests[i]->name, 0))
				continue;
			match = true;
			pat_used[p] = true;
		}
		if (match)
			selected[nr_selected++] = tests[i];
	}
	for (p = 0; p < npat; p++) {
		if (pat_used[p])
			continue;
		fprintf(stderr, "%s: no test matches '%s' (%s -l lists the tests)\n",
			prog, argv[optind + p], argv[0]);
		bad_pattern = true;
	}
	if (bad_pattern) {
		ret = 2;
		goto out;
	}

	if (list) {
		for (i = 0; i < nr_selected; i++)
			printf("%s\n", selected[i]->name);
		ret = 0;
		goto out;
	}

	printf("KTAP version 1\n");
	printf("1..%zu\n", nr_selected);
	printf("# build: %s\n", VMA_BUILD_INFO);
	printf("# seed: %" PRIu64 " (rerun with --seed %" PRIu64 ")\n",
	       global_seed, global_seed);
	fflush(stdout);

	vma_test_global_init();

	for (i = 0; i < nr_selected; i++)
		run_one(selected[i], (unsigned int)(i + 1), &counts);

	if (fault_sweep)
		sweep_report();
	if (limit_sweep)
		limit_sweep_report();
	printf("%u passed, %u failed, %u skipped\n",
	       counts.passed, counts.failed, counts.skipped);
	fflush(stdout);
	ret = counts.failed ? 1 : 0;
out:
	free(pat_used);
	free(selected);
	free(tests);
	return ret;
}

uint64_t test_rand_below(uint64_t n)
{
	return test_rand() % n;
}

bool test_chance(unsigned int percent)
{
	return test_rand_below(100) < percent;
}

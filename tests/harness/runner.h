/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal KTAP test runner for the userland VMA test suite.
 *
 * A test file includes this header (after any kernel tools headers) and
 * defines its tests with VMA_TEST():
 *
 *	VMA_TEST(merge_prev)
 *	{
 *		ASSERT_EQ(vma->vm_start, 0x3000);
 *		EXPECT_NONNULL(vma->anon_vma);
 *	}
 *
 * Tests register themselves from constructors; there is no central list.
 * The runner (runner.c) sorts them by (file, line, name), so the order is
 * the same whatever the link order is.
 *
 * Assertions:
 *   ASSERT_* end the test at once (longjmp back to the runner; the teardown
 *   hook still runs), EXPECT_* mark the test failed and carry on.
 *
 *   _TRUE(x) _FALSE(x)           truth value of a scalar
 *   _NULL(p) _NONNULL(p)         p is (not) zero / NULL
 *   _EQ(a, b) _NE(a, b)          both values converted to unsigned long long
 *                                (pointers through uintptr_t, signed values
 *                                sign-extended), so an unsigned long -ENOMEM
 *                                equals an int -ENOMEM
 *   _LT _LE _GT _GE(a, b)        mathematical order of the two values: each
 *                                operand is taken as signed if its own type
 *                                is signed, else unsigned; a negative value
 *                                is below every unsigned one (no surprises
 *                                from C's usual arithmetic conversions)
 *   _IS_ERR_VALUE(x)             (unsigned long)x >= (unsigned long)-4095
 *   _NOT_ERR_VALUE(x)            the opposite
 *
 * Each argument is evaluated exactly once.  On failure one diagnostic block
 * is printed: file:line, the macro with its arguments as written, and each
 * value in hex and decimal.
 *
 * SKIP(fmt, ...) ends the test as skipped, FAIL(fmt, ...) as failed.
 * test_info(fmt, ...) prints a diagnostic line when run with -v.
 *
 * Randomness: before each test the PRNG is reseeded from (global seed, test
 * name), so a test run alone with the same --seed sees the same numbers as
 * in the full run.
 *
 * Fixture hooks (weak no-op defaults in runner.c; define them elsewhere to
 * override): vma_test_global_init() once at start-up, vma_test_setup()
 * before and vma_test_teardown(failed) after every test.  The fault sweep
 * is tests/harness/sweep.h's.
 */
#ifndef VMA_TEST_RUNNER_H
#define VMA_TEST_RUNNER_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Registration ---------------------------------------------------- */

struct vma_test_case {
	const char *name;
	void (*fn)(void);
	const char *file;
	int line;
	struct vma_test_case *next;
};

void vma_test_register(struct vma_test_case *tc);

#define VMA_TEST(_name)							\
	static void _name(void);					\
	static struct vma_test_case __vma_test_case_##_name = {	\
		.name = #_name,						\
		.fn = _name,						\
		.file = __FILE__,					\
		.line = __LINE__,					\
	};								\
	static void __attribute__((constructor))			\
	__vma_test_register_##_name(void)				\
	{								\
		vma_test_register(&__vma_test_case_##_name);		\
	}								\
	static void _name(void)

/* ---- Fixture hooks (weak no-op defaults in runner.c) ----------------- */

void vma_test_global_init(void);
void vma_test_setup(void);
void vma_test_teardown(bool failed);

/* ---- One run of a test, for the harness (tests/harness/sweep.c) ------ */

/* How the last run ended. */
struct vma_test_result {
	bool failed;
	bool skipped;
	bool checked;			/* test_end_checked() */
	unsigned int body_fails;	/* failures the body reported */
	unsigned int fails;		/* ... with the teardown's */
	bool check_failed;		/* one inside test_sweep_check() */
};

/*
 * Run @tc once: vma_test_setup(), the body with allocation @nth failing
 * (sweep_body_begin(); 0: none), vma_test_teardown().  With @nth its
 * diagnostics are kept, not printed: vma_test_kept_diag(true) prints them,
 * (false) drops them.
 */
void vma_test_run(const struct vma_test_case *tc, unsigned long nth,
		  bool persist, struct vma_test_result *res);
void vma_test_kept_diag(bool print);

/* ---- A test's verdict, and the child process it is run in ------------ */

enum vma_test_verdict { VMA_TEST_PASS, VMA_TEST_FAIL, VMA_TEST_SKIP };

struct vma_test_outcome {
	enum vma_test_verdict verdict;
	bool swept;		/* a --fault-sweep note in text */
	char text[320];		/* the SKIP reason, the note, or why it failed */
};

/* Run @tc in this process (its plain run, then its sweep if asked). */
void vma_test_outcome_of(const struct vma_test_case *tc,
			 struct vma_test_outcome *o);

/*
 * Run @tc in a child process (tests/harness/isolate.c), at most
 * @timeout seconds (0: no limit): a crash, an abort, a sanitizer report or
 * the timeout fails it, with the signal or the report's first line in
 * o->text, and the run goes on.  @sweep: carry the child's fault sweep
 * counts back (sweep_stats_*()).  @leak_check: in the sanitizer builds,
 * LeakSanitizer checks the child's heap before it leaves.
 */
void vma_test_isolated(const struct vma_test_case *tc, unsigned int timeout,
		       bool sweep, bool leak_check, struct vma_test_outcome *o);

/*
 * Fixture hooks around fork() (weak no-ops in runner.c): the fixture
 * calls liburcu's call_rcu_before_fork() and _after_fork_parent() /
 * _after_fork_child(), as liburcu asks of a program that forks.
 */
void vma_test_fork_prepare(void);
void vma_test_fork_parent(void);
void vma_test_fork_child(void);

/* ---- Helpers for tests ----------------------------------------------- */

void test_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A diagnostic line (or lines) printed always, not only with -v. */
void test_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * With --trace FILE: write a line "<test name>: <message>" to FILE, for
 * comparing what two builds (say, with and without a patch series) do
 * with the same seed.  A no-op without --trace.
 */
void test_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * In a fault sweep run: the injected allocation failure made an operation
 * fail, and the fixture has checked that it failed cleanly; the rest of
 * the test, which expects the operation to succeed, is skipped and the run
 * counts as passed.
 */
void test_end_checked(void) __attribute__((noreturn));
/*
 * The fixture's checks of a failed operation in a sweep run: failures
 * between test_sweep_check(true) and (false) fail the sweep (other
 * failures after the injected one only mean the test diverged).
 */
void test_sweep_check(bool on);
/* For the teardown: did the body end before its end (SKIP, test_end_checked())? */
bool test_ended_early(void);
bool test_tracing(void);
uint64_t test_rand(void);
/* Uniform in [lo, hi], both inclusive; lo > hi fails the test. */
uint64_t test_rand_range(uint64_t lo, uint64_t hi);
/* Uniform in [0, n), n > 0 (modulo bias is negligible for small n). */
uint64_t test_rand_below(uint64_t n);
/* True with the given probability in percent. */
bool test_chance(unsigned int percent);
/* The global seed (the --seed value). */
uint64_t test_seed(void);
/* Restart the current test's random sequence from its beginning. */
void test_rand_reset(void);
/* Name of the running test, NULL outside a test. */
const char *test_name(void);
/* True when run with -v. */
bool test_verbose(void);

#define SKIP(...)	__vma_test_skip(__FILE__, __LINE__, __VA_ARGS__)
#define FAIL(...)	__vma_test_fail(__FILE__, __LINE__, __VA_ARGS__)

/* ---- Implementation details ------------------------------------------ */

enum {
	__VMA_TEST_LT,
	__VMA_TEST_LE,
	__VMA_TEST_GT,
	__VMA_TEST_GE,
};

void __vma_test_skip(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));
void __vma_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));
void __vma_test_abort(void) __attribute__((noreturn));
bool __vma_test_order(int op, unsigned long long a, bool a_signed,
		      unsigned long long b, bool b_signed);
void __vma_test_report1(const char *file, int line, const char *macro,
			const char *expr, unsigned long long val,
			bool is_signed);
void __vma_test_report2(const char *file, int line, const char *macro,
			const char *expr_a, const char *expr_b,
			unsigned long long a, bool a_signed,
			unsigned long long b, bool b_signed);

/*
 * Any scalar as unsigned long long: pointers through uintptr_t (no
 * pointer-to-integer size warnings on 32-bit), integers by conversion
 * (signed ones sign-extend).  v must be a plain variable.
 */
#define __VMA_TEST_ULL(v)						\
	((unsigned long long)__builtin_choose_expr(			\
		__builtin_classify_type(v) == 5 /* pointer */,		\
		(uintptr_t)(v), (v)))

/* Whether the type of the variable v is signed (false for pointers). */
#define __VMA_TEST_SIGNED(v)						\
	((__typeof__(v))(intptr_t)-1 < (__typeof__(v))(intptr_t)1)

/*
 * "(void)0, (x)" rather than "(x)" so that bit-fields are accepted by
 * __auto_type.
 */
#define __VMA_TEST_UNARY(macro, fatal, want, sx, x) do {		\
	__auto_type __vma_x = ((void)0, (x));				\
	if (!!(__vma_x) != (want)) {					\
		__vma_test_report1(__FILE__, __LINE__, macro, sx,	\
				   __VMA_TEST_ULL(__vma_x),		\
				   __VMA_TEST_SIGNED(__vma_x));		\
		if (fatal)						\
			__vma_test_abort();				\
	}								\
} while (0)

#define __VMA_TEST_ERR(macro, fatal, want, sx, x) do {			\
	__auto_type __vma_x = ((void)0, (x));				\
	unsigned long long __vma_v = __VMA_TEST_ULL(__vma_x);		\
	if (((unsigned long)__vma_v >= (unsigned long)-4095) != (want)) { \
		__vma_test_report1(__FILE__, __LINE__, macro, sx,	\
				   __vma_v,				\
				   __VMA_TEST_SIGNED(__vma_x));		\
		if (fatal)						\
			__vma_test_abort();				\
	}								\
} while (0)

/*
 * EQ/NE: as unsigned long when both values fit in one (C's comparison of
 * an unsigned long with an int, e.g. an address with -ENOMEM, also on a
 * 32-bit build where unsigned long long would sign-extend only the int),
 * as unsigned long long otherwise.  On 64-bit the two are the same.
 */
#define __VMA_TEST_EQV(a, b, va, vb)					\
	(sizeof(a) <= sizeof(long) && sizeof(b) <= sizeof(long) ?	\
	 (unsigned long)(va) == (unsigned long)(vb) : (va) == (vb))

#define __VMA_TEST_EQ(macro, fatal, want, sa, sb, a, b) do {		\
	__auto_type __vma_a = ((void)0, (a));				\
	__auto_type __vma_b = ((void)0, (b));				\
	unsigned long long __vma_va = __VMA_TEST_ULL(__vma_a);		\
	unsigned long long __vma_vb = __VMA_TEST_ULL(__vma_b);		\
	if (__VMA_TEST_EQV(__vma_a, __vma_b, __vma_va, __vma_vb) != (want)) { \
		__vma_test_report2(__FILE__, __LINE__, macro, sa, sb,	\
				   __vma_va,				\
				   __VMA_TEST_SIGNED(__vma_a),		\
				   __vma_vb,				\
				   __VMA_TEST_SIGNED(__vma_b));		\
		if (fatal)						\
			__vma_test_abort();				\
	}								\
} while (0)

#define __VMA_TEST_ORD(macro, fatal, op, sa, sb, a, b) do {		\
	__auto_type __vma_a = ((void)0, (a));				\
	__auto_type __vma_b = ((void)0, (b));				\
	unsigned long long __vma_va = __VMA_TEST_ULL(__vma_a);		\
	unsigned long long __vma_vb = __VMA_TEST_ULL(__vma_b);		\
	bool __vma_sa = __VMA_TEST_SIGNED(__vma_a);			\
	bool __vma_sb = __VMA_TEST_SIGNED(__vma_b);			\
	if (!__vma_test_order(op, __vma_va, __vma_sa,			\
			      __vma_vb, __vma_sb)) {			\
		__vma_test_report2(__FILE__, __LINE__, macro, sa, sb,	\
				   __vma_va, __vma_sa,			\
				   __vma_vb, __vma_sb);			\
		if (fatal)						\
			__vma_test_abort();				\
	}								\
} while (0)

/*
 * The public macros stringify their own arguments so the diagnostic shows
 * the expressions exactly as the caller wrote them (macros unexpanded).
 */
#define ASSERT_TRUE(x) \
	__VMA_TEST_UNARY("ASSERT_TRUE(" #x ")", 1, 1, #x, x)
#define ASSERT_FALSE(x) \
	__VMA_TEST_UNARY("ASSERT_FALSE(" #x ")", 1, 0, #x, x)
#define ASSERT_NULL(x) \
	__VMA_TEST_UNARY("ASSERT_NULL(" #x ")", 1, 0, #x, x)
#define ASSERT_NONNULL(x) \
	__VMA_TEST_UNARY("ASSERT_NONNULL(" #x ")", 1, 1, #x, x)
#define ASSERT_IS_ERR_VALUE(x) \
	__VMA_TEST_ERR("ASSERT_IS_ERR_VALUE(" #x ")", 1, 1, #x, x)
#define ASSERT_NOT_ERR_VALUE(x) \
	__VMA_TEST_ERR("ASSERT_NOT_ERR_VALUE(" #x ")", 1, 0, #x, x)
#define ASSERT_EQ(a, b) \
	__VMA_TEST_EQ("ASSERT_EQ(" #a ", " #b ")", 1, 1, #a, #b, a, b)
#define ASSERT_NE(a, b) \
	__VMA_TEST_EQ("ASSERT_NE(" #a ", " #b ")", 1, 0, #a, #b, a, b)
#define ASSERT_LT(a, b) __VMA_TEST_ORD("ASSERT_LT(" #a ", " #b ")", 1,	\
				       __VMA_TEST_LT, #a, #b, a, b)
#define ASSERT_LE(a, b) __VMA_TEST_ORD("ASSERT_LE(" #a ", " #b ")", 1,	\
				       __VMA_TEST_LE, #a, #b, a, b)
#define ASSERT_GT(a, b) __VMA_TEST_ORD("ASSERT_GT(" #a ", " #b ")", 1,	\
				       __VMA_TEST_GT, #a, #b, a, b)
#define ASSERT_GE(a, b) __VMA_TEST_ORD("ASSERT_GE(" #a ", " #b ")", 1,	\
				       __VMA_TEST_GE, #a, #b, a, b)

#define EXPECT_TRUE(x) \
	__VMA_TEST_UNARY("EXPECT_TRUE(" #x ")", 0, 1, #x, x)
#define EXPECT_FALSE(x) \
	__VMA_TEST_UNARY("EXPECT_FALSE(" #x ")", 0, 0, #x, x)
#define EXPECT_NULL(x) \
	__VMA_TEST_UNARY("EXPECT_NULL(" #x ")", 0, 0, #x, x)
#define EXPECT_NONNULL(x) \
	__VMA_TEST_UNARY("EXPECT_NONNULL(" #x ")", 0, 1, #x, x)
#define EXPECT_IS_ERR_VALUE(x) \
	__VMA_TEST_ERR("EXPECT_IS_ERR_VALUE(" #x ")", 0, 1, #x, x)
#define EXPECT_NOT_ERR_VALUE(x) \
	__VMA_TEST_ERR("EXPECT_NOT_ERR_VALUE(" #x ")", 0, 0, #x, x)
#define EXPECT_EQ(a, b) \
	__VMA_TEST_EQ("EXPECT_EQ(" #a ", " #b ")", 0, 1, #a, #b, a, b)
#define EXPECT_NE(a, b) \
	__VMA_TEST_EQ("EXPECT_NE(" #a ", " #b ")", 0, 0, #a, #b, a, b)
#define EXPECT_LT(a, b) __VMA_TEST_ORD("EXPECT_LT(" #a ", " #b ")", 0,	\
				       __VMA_TEST_LT, #a, #b, a, b)
#define EXPECT_LE(a, b) __VMA_TEST_ORD("EXPECT_LE(" #a ", " #b ")", 0,	\
				       __VMA_TEST_LE, #a, #b, a, b)
#define EXPECT_GT(a, b) __VMA_TEST_ORD("EXPECT_GT(" #a ", " #b ")", 0,	\
				       __VMA_TEST_GT, #a, #b, a, b)
#define EXPECT_GE(a, b) __VMA_TEST_ORD("EXPECT_GE(" #a ", " #b ")", 0,	\
				       __VMA_TEST_GE, #a, #b, a, b)

#endif /* VMA_TEST_RUNNER_H */

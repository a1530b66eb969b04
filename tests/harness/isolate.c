// SPDX-License-Identifier: GPL-2.0
/*
 * One test in a child process (runner.h: vma_test_isolated()), so that
 * what a broken patch does to the process -- a segfault, a BUG(), a
 * sanitizer report, an endless loop -- ends that test only: it is "not ok"
 * with the signal or the first line of the report, and the run goes on.
 *
 * The child runs the test as the runner would in-process, writes its
 * outcome (and, in a fault sweep, its sweep counts) to a pipe and leaves
 * with _exit(); its stdout is the runner's (line-buffered, so that what it
 * printed before dying is not lost), its stderr goes through the parent,
 * which passes it on and keeps the first line that says what went wrong.
 * Leaks: the fixture counts the slab objects of every test (always);
 * with @leak_check, under LeakSanitizer, the child also has LSan check the
 * whole heap before it leaves (a process that _exit()s is not checked
 * otherwise; it costs some 3 ms a test); under valgrind, the child asks
 * memcheck for the errors the test made and, with @leak_check, for a leak
 * check (its reports go to the stderr valgrind started with, not here).
 *
 * Plain libc only, like runner.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "runner.h"
#include "sweep.h"

#include "../../shims/asan.h"
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif
/* memcheck's client requests (no-ops outside valgrind), if installed */
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define HAVE_MEMCHECK 1
#endif

/* What the child sends: the outcome, then the sweep counts if asked. */
struct child_msg {
	struct vma_test_outcome o;
	size_t stats_len;
};

static void write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(3);
		p += n;
		len -= n;
	}
}

static void __attribute__((noreturn))
child(const struct vma_test_case *tc, bool sweep, bool leak_check, int res_fd,
      int err_fd)
{
	static char stats[SWEEP_STATS_MAX];
	struct child_msg msg = { .stats_len = 0 };

	vma_test_fork_child();
	if (dup2(err_fd, STDERR_FILENO) < 0)
		_exit(3);
	close(err_fd);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (sweep)
		sweep_stats_forget();

#ifdef HAVE_MEMCHECK
	unsigned long errors = VALGRIND_COUNT_ERRORS;
#endif

	vma_test_outcome_of(tc, &msg.o);
#ifdef HAVE_MEMCHECK
	/*
	 * memcheck reports on the stderr it had at start, not this pipe:
	 * ask it how many errors the test made, and with @leak_check what
	 * leaked.
	 */
	if (RUNNING_ON_VALGRIND) {
		unsigned long leaked = 0, dubious, reachable, suppressed;

		(void)dubious;
		(void)reachable;
		(void)suppressed;

		if (leak_check) {
			VALGRIND_DO_LEAK_CHECK;
			VALGRIND_COUNT_LEAKS(leaked, dubious, reachable,
					     suppressed);
		}
		if (VALGRIND_COUNT_ERRORS > errors) {
			msg.o.verdict = VMA_TEST_FAIL;
			msg.o.swept = false;
			snprintf(msg.o.text, sizeof(msg.o.text),
				 "valgrind: %lu errors (see memcheck's report)",
				 VALGRIND_COUNT_ERRORS - errors);
		} else if (leaked) {
			msg.o.verdict = VMA_TEST_FAIL;
			msg.o.swept = false;
			snprintf(msg.o.text, sizeof(msg.o.text),
				 "valgrind: %lu bytes definitely lost (see memcheck's report)",
				 leaked);
		}
	}
#endif
#ifdef __SANITIZE_ADDRESS__
	if (leak_check && __lsan_do_recoverable_leak_check() &&
	    msg.o.verdict != VMA_TEST_FAIL) {
		msg.o.verdict = VMA_TEST_FAIL;
		msg.o.swept = false;
		snprintf(msg.o.text, sizeof(msg.o.text),
			 "LeakSanitizer: memory leaked (see its report)");
	}
#endif
	if (sweep)
		msg.stats_len = sweep_stats_export(stats, sizeof(stats));
	fflush(stdout);
	fflush(NULL);
	write_all(res_fd, &msg, sizeof(msg));
	write_all(res_fd, stats, msg.stats_len);
	_exit(0);
}

/* Does this line of the child's stderr say what went wrong? */
static bool telling(const char *line)
{
	static const char *const marks[] = {
		"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
		"runtime error:", "kernel BUG at", "slab: BUG",
		"== Invalid ", "== Conditional jump", "== Use of uninitialised",
		"== Mismatched free", "== Syscall param", "definitely lost in",
	};
	unsigned int i;

	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strstr(line, marks[i]))
			return true;
	return false;
}

struct reader {
	int fd;
	char *buf;		/* everything read (the result pipe) */
	size_t len, cap;
	char line[512];		/* the stderr line being read */
	size_t line_len;
	char first[512];	/* the first telling line (stderr) */
};

/* Read what is there; false at end of file. */
static bool reader_read(struct reader *r, bool is_stderr)
{
	char chunk[4096];
	ssize_t n = read(r->fd, chunk, sizeof(chunk));
	ssize_t i;

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	if (n <= 0)
		return false;
	if (!is_stderr) {
		if (r->len + n > r->cap) {
			r->cap = (r->len + n) * 2;
			r->buf = realloc(r->buf, r->cap);
			if (!r->buf) {
				perror("vma: isolate");
				exit(2);
			}
		}
		memcpy(r->buf + r->len, chunk, n);
		r->len += n;
		return true;
	}
	if (fwrite(chunk, 1, n, stderr) != (size_t)n)
		clearerr(stderr);
	for (i = 0; i < n; i++) {
		if (chunk[i] != '\n') {
			if (r->line_len < sizeof(r->line) - 1)
				r->line[r->line_len++] = chunk[i];
			continue;
		}
		r->line[r->line_len] = 0;
		if (!r->first[0] && telling(r->line))
			memcpy(r->first, r->line, r->line_len + 1);
		r->line_len = 0;
	}
	return true;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A report's line, shortened to what the result line needs. */
static void reason_from(char *out, size_t size, const char *line)
{
	const char *p = strstr(line, "ERROR: ");

	if (p && strstr(line, "Sanitizer"))
		line = p + 7;		/* "==123==ERROR: AddressSanitizer: ..." */
	else if ((p = strstr(line, "== ")) && line[0] == '=')
		line = p + 3;		/* valgrind's "==123== Invalid read ..." */
	while (*line == ' ' || *line == '#')
		line++;
	snprintf(out, size, "%.300s", line);
}

void vma_test_isolated(const struct vma_test_case *tc, unsigned int timeout,
		       bool sweep, bool leak_check, struct vma_test_outcome *o)
{
	struct reader res = { .fd = -1 }, err = { .fd = -1 };
	int res_pipe[2], err_pipe[2], status = 0;
	bool res_open = true, err_open = true, timed_out = false;
	double deadline = timeout ? now() + timeout : 0;
	struct child_msg msg;
	pid_t pid;

	fflush(NULL);
	if (pipe(res_pipe) || pipe(err_pipe)) {
		perror("vma: pipe");
		exit(2);
	}
	vma_test_fork_prepare();
	pid = fork();
	if (pid < 0) {
		perror("vma: fork");
		exit(2);
	}
	if (pid == 0) {
		close(res_pipe[0]);
		close(err_pipe[0]);
		child(tc, sweep, leak_check, res_pipe[1], err_pipe[1]);
	}
	vma_test_fork_parent();
	close(res_pipe[1]);
	close(err_pipe[1]);
	res.fd = res_pipe[0];
	err.fd = err_pipe[0];

	while (res_open || err_open) {
		struct pollfd fds[2] = {
			{ .fd = res_open ? res.fd : -1, .events = POLLIN },
			{ .fd = err_open ? err.fd : -1, .events = POLLIN },
		};
		int wait_ms = -1, n;

		if (deadline) {
			double left = deadline - now();

			if (left <= 0) {
				timed_out = true;
				kill(pid, SIGKILL);
				break;
			}
			wait_ms = (int)(left * 1000) + 1;
		}
		n = poll(fds, 2, wait_ms);
		if (n < 0 && errno != EINTR) {
			perror("vma: poll");
			exit(2);
		}
		if (n <= 0)
			continue;
		if (fds[0].revents && !reader_read(&res, false))
			res_open = false;
		if (fds[1].revents && !reader_read(&err, true))
			err_open = false;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* what the child wrote to stderr before it was killed */
	while (err_open && !timed_out && reader_read(&err, true))
		;
	close(res.fd);
	close(err.fd);

	memset(o, 0, sizeof(*o));
	o->verdict = VMA_TEST_FAIL;
	if (timed_out) {
		snprintf(o->text, sizeof(o->text),
			 "timeout: killed after %u s (--timeout)", timeout);
	} else if (WIFEXITED(status) && res.len >= sizeof(msg)) {
		/* the test ended; valgrind may turn the exit status into its own */
		memcpy(&msg, res.buf, sizeof(msg));
		*o = msg.o;
		if (sweep && res.len == sizeof(msg) + msg.stats_len)
			sweep_stats_import(res.buf + sizeof(msg), msg.stats_len);
		/* a report the sanitizer recovered from still fails the test */
		if (err.first[0] && o->verdict != VMA_TEST_FAIL) {
			o->verdict = VMA_TEST_FAIL;
			o->swept = false;
			reason_from(o->text, sizeof(o->text), err.first);
		} else if (WEXITSTATUS(status) && o->verdict != VMA_TEST_FAIL) {
			o->verdict = VMA_TEST_FAIL;
			o->swept = false;
			snprintf(o->text, sizeof(o->text),
				 "the test's process exited with status %d after the test",
				 WEXITSTATUS(status));
		}
	} else if (err.first[0]) {
		reason_from(o->text, sizeof(o->text), err.first);
	} else if (WIFSIGNALED(status)) {
		snprintf(o->text, sizeof(o->text), "killed by SIG%s",
			 sigabbrev_np(WTERMSIG(status)) ?: "?");
	} else {
		snprintf(o->text, sizeof(o->text),
			 "the test's process exited with status %d",
			 WEXITSTATUS(status));
	}
	free(res.buf);
}

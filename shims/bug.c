// SPDX-License-Identifier: GPL-2.0
/*
 * WARN/BUG reporting of the kernel code under test.
 * records: each WARN, each printk().
 * A WARN prints its location as a KTAP diagnostic (the runner's test_note(),
 * which a fault sweep keeps for the runs it reports) and is counted; the
 * runner's fixture fails the test that raised it.  BUG() is fatal, as an
 * oops would be.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/refcount.h>
#include "harness.h"

unsigned long vma_kernel_warnings;
unsigned long vma_kernel_messages;

/* printk(): one KTAP diagnostic line per line of the message, counted */
void vma_printk(const char *fmt, ...)
{
	char buf[1024], *line, *next;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	vma_kernel_messages++;
	line = buf;
	/* a KERN_<LEVEL> prefix is SOH and a digit or letter */
	if (line[0] == '\001' && line[1])
		line += 2;
	for (; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		test_note("%s", line);
	}
}

void vma_kernel_warn(const char *file, int line, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	vma_kernel_warnings++;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	test_note("kernel WARNING at %s:%d: %s", file, line, buf);
}

/* real: BUG() is fatal, as an oops would be */
void vma_kernel_bug(const char *file, int line, const char *cond)
{
	printf("# kernel BUG at %s:%d: %s\n", file, line, cond);
	fflush(stdout);
	/* and for the runner, which names the reason on the test's line */
	fprintf(stderr, "kernel BUG at %s:%d: %s\n", file, line, cond);
	abort();
}

/* real: lib/refcount.c's saturation, a kernel WARN (vma_kernel_warn()) */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);
	vma_kernel_warn(__FILE__, __LINE__, "refcount_t saturation type %d",
			(int)t);
}

/* no-op: the WARN location printed above is what the reader needs */
void dump_stack(void)
{
}

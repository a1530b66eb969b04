// SPDX-License-Identifier: GPL-2.0
/*
 * WARN/BUG reporting of the kernel code under test: records for assertions.
 * A WARN prints its location as a KTAP diagnostic and is counted; the
 * runner's fixture fails the test that raised it.  BUG() is fatal, as an
 * oops would be.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/refcount.h>
#include "harness.h"

unsigned long vma_kernel_warnings;

void vma_kernel_warn(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	vma_kernel_warnings++;
	printf("    # kernel WARNING at %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

void vma_kernel_bug(const char *file, int line, const char *cond)
{
	printf("    # kernel BUG at %s:%d: %s\n", file, line, cond);
	fflush(stdout);
	abort();
}

/* lib/refcount.c: a saturated or underflowed refcount is a kernel WARN */
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

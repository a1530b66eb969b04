/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <asm/bug.h>: records for assertions (shims/bug.c).
 *
 * A WARN in kernel code is a failed invariant: it is printed with its
 * location and counted, and the runner fails the test that triggered it
 * (tests that expect one say so with test_expect_kernel_warnings()).  The *_ONCE
 * variants warn every time: "once" would hide a second test's warning.
 * BUG() reports and aborts, like an oops.
 */
#ifndef _VMA_ASM_BUG_H
#define _VMA_ASM_BUG_H

#include <linux/compiler.h>

void vma_kernel_warn(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void __attribute__((noreturn)) vma_kernel_bug(const char *file, int line,
					      const char *cond);

#define __WARN_printf(arg...)	vma_kernel_warn(__FILE__, __LINE__, arg)

#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(format);					\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf("WARN_ON(%s)", #condition);		\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition)		WARN_ON(condition)
#define WARN_ONCE(condition, format...)	WARN(condition, format)
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)

#undef BUG
#undef BUG_ON
#define BUG()	vma_kernel_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(condition) do {						\
	if (unlikely(condition))					\
		vma_kernel_bug(__FILE__, __LINE__, "BUG_ON(" #condition ")"); \
} while (0)

#endif /* _VMA_ASM_BUG_H */

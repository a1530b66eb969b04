/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/init.h>: no-op section and initcall annotations; the fixture calls the init functions it needs (tests/harness/fixture.c: vma_test_global_init()). */
#ifndef _VMA_LINUX_INIT_H
#define _VMA_LINUX_INIT_H

#include_next <linux/init.h>

#ifndef subsys_initcall
#define subsys_initcall(fn)
#endif
#ifndef __meminit
#define __meminit
#endif

#endif /* _VMA_LINUX_INIT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/bug.h>: the WARN/BUG family of <asm/bug.h> (records for
 * assertions) and the compile-time checks of tools/include.
 */
#ifndef _VMA_LINUX_BUG_H
#define _VMA_LINUX_BUG_H

#include <asm/bug.h>
#include <linux/build_bug.h>

#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((__force long)(e))))

#endif /* _VMA_LINUX_BUG_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/futex_types.h>: extracted from KDIR (CONFIG_FUTEX is off). */
#ifndef _LINUX_FUTEX_TYPES_H
#define _LINUX_FUTEX_TYPES_H

/* @extract include/linux/futex_types.h
 *	struct futex_mm_data
 */
#include <extract/linux/futex_types.h>

#endif /* _LINUX_FUTEX_TYPES_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/workqueue_types.h>: extracted from KDIR. */
#ifndef _LINUX_WORKQUEUE_TYPES_H
#define _LINUX_WORKQUEUE_TYPES_H

#include <linux/types.h>
#include <linux/list.h>

struct work_struct;

/* @extract include/linux/workqueue_types.h
 *	work_func_t struct work_struct
 */
#include <extract/linux/workqueue_types.h>

#endif /* _LINUX_WORKQUEUE_TYPES_H */

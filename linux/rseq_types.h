/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/rseq_types.h>: extracted from KDIR (CONFIG_SCHED_MM_CID is off). */
#ifndef _LINUX_RSEQ_TYPES_H
#define _LINUX_RSEQ_TYPES_H

/* @extract include/linux/rseq_types.h
 *	struct mm_mm_cid
 */
#include <extract/linux/rseq_types.h>

#endif /* _LINUX_RSEQ_TYPES_H */

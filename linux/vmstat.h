/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/vmstat.h>: the harness has no page allocator; global_zone_page_state() reports the free memory the test fixture configures (shims/sysctl.c). */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

/* @extract include/linux/mmzone.h
 *	enum zone_stat_item
 */
#include <extract/linux/vmstat.h>

unsigned long global_zone_page_state(enum zone_stat_item item);

#endif /* _LINUX_VMSTAT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/perf_event.h>: extracted from KDIR; with CONFIG_PERF_EVENTS off perf_event_mmap() is the kernel's own no-op. */
#ifndef _LINUX_PERF_EVENT_H
#define _LINUX_PERF_EVENT_H

#include <linux/mm_types.h>

/* @extract include/linux/perf_event.h
 *	perf_event_mmap
 */
#include <extract/linux/perf_event.h>

#endif /* _LINUX_PERF_EVENT_H */

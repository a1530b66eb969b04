/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/memory.h>: memory hotplug is not part of the harness: the constants are extracted from KDIR, hotplug_memory_notifier() registers nothing (no-op). */
#ifndef _LINUX_MEMORY_H
#define _LINUX_MEMORY_H

#include <linux/notifier.h>

/* @extract include/linux/memory.h
 *	enum:MEM_ONLINE DEFAULT_CALLBACK_PRI
 */
#define hotplug_memory_notifier(fn, pri)	({ 0; })
#include <extract/linux/memory.h>

#endif /* _LINUX_MEMORY_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/memfd.h>: extracted from KDIR (CONFIG_MEMFD_CREATE off: the kernel's own stubs). */
#ifndef __LINUX_MEMFD_H
#define __LINUX_MEMFD_H

#include <linux/mm_types.h>

/* @extract include/linux/memfd.h
 *	memfd_check_seals_mmap
 */
#include <extract/linux/memfd.h>

#endif /* __LINUX_MEMFD_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/backing-dev.h>: extracted from KDIR. */
#ifndef _LINUX_BACKING_DEV_H
#define _LINUX_BACKING_DEV_H

#include <linux/fs.h>

/*
 * real: the harness's model: a file's mapping can write back when its address_space
 * says so (AS_ flags are the kernel's; tests set the bit they need).
 */
#define VMA_AS_CAN_WRITEBACK	(BITS_PER_LONG - 1)
static inline bool mapping_can_writeback(struct address_space *mapping)
{
	return mapping->flags & (1UL << VMA_AS_CAN_WRITEBACK);
}


#endif /* _LINUX_BACKING_DEV_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/kstrtox.h>, for the boot-parameter parsers of mm/mmap.c.
 * real: libc's strtoul().
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <stdlib.h>

static inline unsigned long simple_strtoul(const char *cp, char **endp,
					   unsigned int base)
{
	return strtoul(cp, endp, base);
}

#endif /* _LINUX_KSTRTOX_H */

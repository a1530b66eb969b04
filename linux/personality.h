/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/personality.h>: the personality flags, extracted from KDIR. */
#ifndef _LINUX_PERSONALITY_H
#define _LINUX_PERSONALITY_H

/* @extract include/uapi/linux/personality.h
 *	enum:ADDR_LIMIT_3GB enum:READ_IMPLIES_EXEC enum:ADDR_COMPAT_LAYOUT
 */
#include <extract/linux/personality.h>

#endif /* _LINUX_PERSONALITY_H */

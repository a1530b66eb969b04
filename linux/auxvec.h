/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/auxvec.h>: extracted from KDIR. */
#ifndef _LINUX_AUXVEC_H
#define _LINUX_AUXVEC_H

/* @extract include/linux/auxvec.h
 *	AT_VECTOR_SIZE_BASE
 */
#include <extract/linux/auxvec.h>

#endif /* _LINUX_AUXVEC_H */

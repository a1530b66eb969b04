/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/resource.h>: the rlimit definitions, extracted from KDIR. */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

/* @extract include/uapi/linux/resource.h
 *	struct rlimit RLIM_INFINITY?
 */
/* @extract include/uapi/asm-generic/resource.h
 *	RLIMIT_CPU RLIMIT_FSIZE RLIMIT_DATA RLIMIT_STACK RLIMIT_CORE RLIMIT_RSS
 *	RLIMIT_NPROC RLIMIT_NOFILE RLIMIT_MEMLOCK RLIMIT_AS RLIM_NLIMITS
 *	RLIM_INFINITY
 */
#include <extract/linux/resource.h>

#endif /* _LINUX_RESOURCE_H */

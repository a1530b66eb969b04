/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/pkeys.h>: extracted from KDIR (CONFIG_ARCH_HAS_PKEYS off: the kernel's own stubs). */
#ifndef _LINUX_PKEYS_H
#define _LINUX_PKEYS_H

#include <linux/mm_types.h>

/* @extract include/linux/pkeys.h
 *	execute_only_pkey arch_max_pkey? vma_pkey? arch_override_mprotect_pkey?
 */
#include <extract/linux/pkeys.h>

#endif /* _LINUX_PKEYS_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/security.h>: extracted from KDIR with CONFIG_SECURITY off, i.e. the kernel's own capability-only hooks.  mmap_min_addr (security/min_addr.c) and the commoncap/__vm_enough_memory functions they call are in shims/security.c. */
#ifndef __LINUX_SECURITY_H
#define __LINUX_SECURITY_H

#include <linux/mm_types.h>
#include <linux/fs.h>

/* @extract include/linux/security.h
 *	mmap_min_addr dac_mmap_min_addr security_vm_enough_memory_mm
 *	security_mmap_file security_mmap_addr cap_mmap_addr cap_mmap_file?
 *	cap_vm_enough_memory? __vm_enough_memory?
 */
#include <extract/linux/security.h>

#endif /* __LINUX_SECURITY_H */

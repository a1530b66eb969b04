/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/shmem_fs.h>: prototypes extracted from KDIR; shmem is not part of the harness, its entry points are shims (shims/shmem.c) that record the call. */
#ifndef __SHMEM_FS_H
#define __SHMEM_FS_H

#include <linux/fs.h>

/* @extract include/linux/shmem_fs.h
 *	shmem_zero_setup shmem_zero_setup_desc shmem_get_unmapped_area shmem_file
 *	shmem_mapping?
 */
#include <extract/linux/shmem_fs.h>

#endif /* __SHMEM_FS_H */

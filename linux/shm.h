/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/shm.h>: empty; mm/mmap.c uses nothing of it in the harness. */
#ifndef _LINUX_SHM_H
#define _LINUX_SHM_H


#endif /* _LINUX_SHM_H */

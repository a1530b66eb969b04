/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/oom.h>: empty; mm/mmap.c uses nothing of it in the harness. */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H


#endif /* _LINUX_OOM_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/profile.h>: empty; mm/mmap.c uses nothing of it in the harness. */
#ifndef _LINUX_PROFILE_H
#define _LINUX_PROFILE_H


#endif /* _LINUX_PROFILE_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/swap.h>: empty; mm/mmap.c uses nothing of it in the harness. */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H


#endif /* _LINUX_SWAP_H */

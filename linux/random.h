/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/random.h>: get_random_long() and randomize_page(),
 * extracted from KDIR; the generators they call are shims/random.c's.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

/* @extract include/linux/random.h
 *	get_random_u32 get_random_u64 get_random_long
 */
#include <extract/linux/random.h>

/* from mm/util.c, extracted into shims/kernel/util.c */
unsigned long randomize_page(unsigned long start, unsigned long range);

#endif /* _LINUX_RANDOM_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/minmax.h>: the whole real header, extracted from KDIR,
 * replacing the stricter min()/max() of tools/include's <linux/kernel.h>
 * (which rejects what the kernel's accepts, e.g. an unsigned long against
 * a non-negative int constant in mm/mmap.c).
 */
#ifndef _VMA_LINUX_MINMAX_H
#define _VMA_LINUX_MINMAX_H

#include <linux/kernel.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/types.h>

#undef min
#undef max
#undef min_t
#undef max_t
#undef clamp
#undef clamp_t
#undef clamp_val
#undef swap
#undef umin
#undef umax
#undef min3
#undef max3

/* @extract include/linux/compiler_types.h
 *	___PASTE __PASTE
 */
/* @extract include/linux/compiler.h
 *	__UNIQUE_ID statically_true is_unsigned_type __is_constexpr
 *	const_true?
 */
/* @extract include/linux/minmax.h
 *	*
 */
#include <extract/linux/minmax.h>

#endif /* _VMA_LINUX_MINMAX_H */

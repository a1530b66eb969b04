/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/pagemap.h>: the linear page index helpers, extracted from KDIR. */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>

/* @extract include/linux/pagemap.h
 *	linear_page_delta? linear_page_index __linear_anon_page_index?
 */
#include <extract/linux/pagemap.h>

#endif /* _LINUX_PAGEMAP_H */

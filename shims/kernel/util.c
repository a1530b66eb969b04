// SPDX-License-Identifier: GPL-2.0
/*
 * mm/util.c: the mmap entry point and the ->mmap_prepare action machinery,
 * extracted from KDIR (real code).  What they call that maps pages records
 * the request for assertions (shims/util.c); fsnotify is a no-op
 * (linux/fsnotify.h).
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/security.h>
#include <linux/userfaultfd_k.h>
#include <linux/fsnotify.h>
#include <linux/random.h>

/* @extract mm/util.c
 *	vm_mmap_pgoff call_vma_mapped mmap_action_finish check_mmap_action
 *	mmap_action_prepare mmap_action_complete randomize_page
 */
#include <extract/shims/kernel/util.c>

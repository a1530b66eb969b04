// SPDX-License-Identifier: GPL-2.0
/*
 * mm/util.c: the mmap entry point, the ->mmap_prepare action machinery,
 * randomize_page() and (arm64) the generic mmap layout, extracted from
 * KDIR (real code).  What they call that maps pages records
 * the request for assertions (shims/util.c); fsnotify is a no-op
 * (linux/fsnotify.h).
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/security.h>
#include <linux/userfaultfd_k.h>
#include <linux/fsnotify.h>
#include <linux/random.h>
#include <linux/compat.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <asm/elf.h>

/* @extract mm/util.c
 *	vm_mmap_pgoff call_vma_mapped mmap_action_finish check_mmap_action
 *	mmap_action_prepare mmap_action_complete randomize_page
 */
#ifdef CONFIG_ARCH_WANT_DEFAULT_TOPDOWN_MMAP_LAYOUT
/* the generic mmap layout, which arm64 uses (x86 has its own) */
/* @extract mm/util.c
 *	arch_mmap_rnd mmap_is_legacy MIN_GAP MAX_GAP mmap_base
 *	arch_pick_mmap_layout
 */
#endif
#include <extract/shims/kernel/util.c>

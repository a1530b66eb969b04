/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace replacement of mm/vma_internal.h.
 *
 * The include guard is the kernel's, and every kernel translation unit of
 * the harness is compiled with '-include vma_internal.h', so mm/vma.c's
 * '#include "vma_internal.h"' and mm/mmap.c's '#include "internal.h"'
 * find everything already defined.  What each header below holds, and where
 * each definition comes from, is said in that header: extracted from KDIR
 * at build time (@extract), a no-op stub, a stub that records for
 * assertions, or a real userspace implementation (shims/).
 */
#ifndef __MM_VMA_INTERNAL_H
#define __MM_VMA_INTERNAL_H

#include <generated/autoconf.h>

#include <stdlib.h>
#include <string.h>

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/types.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/refcount.h>
#include <linux/atomic.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/kstrtox.h>
#include <linux/maple_tree.h>
#include <linux/rcupdate.h>

#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/mutex.h>
#include <linux/seqlock.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/mmap_lock.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/mempolicy.h>
#include <linux/userfaultfd_k.h>
#include <linux/mm_inline.h>
#include <linux/khugepaged.h>
#include <linux/ksm.h>
#include <linux/perf_event.h>
#include <linux/uprobes.h>
#include <linux/hugetlb.h>
#include <linux/huge_mm.h>
#include <linux/pagemap.h>
#include <linux/backing-dev.h>
#include <linux/mman.h>
#include <asm/cacheflush.h>
#include <asm/tlb.h>
#include <linux/security.h>
#include <linux/shmem_fs.h>
#include <linux/sched/signal.h>
#include <linux/vmstat.h>
#include <linux/sched/mm.h>
#include <linux/mm_internal.h>

/* mm/vma.h, as mm/internal.h would include it */
#include "vma.h"

#endif	/* __MM_VMA_INTERNAL_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-facing interface of the userspace slab allocator in shims/slab.c.
 *
 * The allocation API itself (kmem_cache_*, kmalloc, kfree, sheaves, ...) is
 * declared by the kernel's tools/include/linux/slab.h, which this header
 * pulls in.  This header adds the accounting controls used by the test
 * suite and the hooks that lib/maple_tree.c declares for its own tests
 * (with the exact types used there); fault injection is fault.h's.
 */
#ifndef _SHIMS_SLAB_H
#define _SHIMS_SLAB_H

#include <stdbool.h>
#include <stdio.h>
#include <linux/slab.h>

#ifndef ZERO_SIZE_PTR
/* What kmalloc(0) returns, as in the kernel: non-NULL, faults on access. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
#endif

/*
 * Every allocation attempt asks the fault injection (fault.h) first; the
 * maple tree's non_kernel budget (kmem_cache_set_non_kernel(), below) may
 * fail a non-sleeping attempt besides.  __GFP_NOFAIL attempts never fail.
 *
 * slab_reset_budgets() switches the non_kernel budget of every cache off
 * again (non_kernel_enabled = false) and drops any pending maple tree
 * callback.  Callbacks and private pointers stay set.
 */
void slab_reset_budgets(void);

/* Objects currently allocated through the shim: all caches and kmalloc. */
unsigned long slab_live_objects(void);

/*
 * Print the number of live objects per cache and for kmalloc to @f.
 * Returns slab_live_objects().
 */
unsigned long slab_dump_live(FILE *f);

/*
 * Free a cache created with kmem_cache_create().  If it still has live
 * objects a warning is printed and the cache is kept (like the kernel, which
 * refuses to destroy a cache with objects in it).  NULL is ignored.
 */
void kmem_cache_destroy(struct kmem_cache *s);

/* Nothing is cached by this allocator, so there is nothing to shrink. */
int kmem_cache_shrink(struct kmem_cache *s);

/*
 * Test hooks declared by lib/maple_tree.c.
 *
 * kmem_cache_set_non_kernel() sets the cache's budget of non-sleeping
 * allocations (gfp without __GFP_DIRECT_RECLAIM) and enables the budget
 * rule for the cache: once the budget is used up every non-sleeping
 * allocation from the cache fails until the budget is raised again or
 * slab_reset_budgets() is called.  Caches start with the rule off.
 *
 * After an injected failure in a cache that has a callback, the callback is
 * called with the private pointer at the start of the next allocation from
 * that cache (kmem_cache_alloc*, kmem_cache_alloc_bulk, sheaf prefill or
 * refill), without any shim lock held.
 *
 * nr_allocated counts the live objects of the cache (objects held in a
 * sheaf are live), nr_tallocated the objects allocated since the last
 * kmem_cache_zero_nr_tallocated().
 */
void kmem_cache_set_non_kernel(struct kmem_cache *cachep, unsigned int val);
void kmem_cache_set_callback(struct kmem_cache *cachep,
			     void (*callback)(void *));
void kmem_cache_set_private(struct kmem_cache *cachep, void *private);
unsigned long kmem_cache_get_alloc(struct kmem_cache *cachep);
void kmem_cache_zero_nr_tallocated(struct kmem_cache *cachep);
unsigned int kmem_cache_nr_tallocated(struct kmem_cache *cachep);
unsigned int kmem_cache_nr_allocated(struct kmem_cache *cachep);

#endif /* _SHIMS_SLAB_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-facing interface of the userspace slab allocator in shims/slab.c.
 *
 * The allocation API itself (kmem_cache_*, kmalloc, kfree, sheaves, ...) is
 * declared by the kernel's tools/include/linux/slab.h, which this header
 * pulls in.  This header adds the fault-injection and accounting controls
 * used by the test suite and the hooks that lib/maple_tree.c declares for
 * its own tests (with the exact types used there).
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
 * Fault injection.
 *
 * Every allocation attempt made through the shim (kmem_cache_alloc*, each
 * object of kmem_cache_alloc_bulk and of a sheaf prefill/refill, kmalloc,
 * kzalloc, kmalloc_array) increments slab_alloc_count.  The attempt whose
 * number equals slab_fail_at fails (0 = never); later attempts succeed
 * again, unless slab_fail_persist is set: then every later one fails too
 * (memory that stays short, which a retry does not cure).  Independently,
 * the maple tree's non_kernel budget (see
 * kmem_cache_set_non_kernel()) may fail non-sleeping allocations from a
 * cache.  Either one can fail an allocation, and slab_alloc_count counts
 * every attempt, including the ones the budget fails.  __GFP_NOFAIL
 * allocations are counted but never failed.
 */
extern unsigned long slab_alloc_count;
extern unsigned long slab_fail_at;
extern bool slab_fail_persist;

/*
 * Allocation sites.  Every attempt is counted against its site too: the
 * address the shim's entry point (kmem_cache_alloc(), kmalloc(), a sheaf
 * prefill, ...) returns to, i.e. the call in the code that allocates.
 * @injected counts the attempts that slab_fail_at (and slab_fail_persist)
 * failed there, and @after_failure the attempts made after the failure of
 * attempt slab_fail_at, in the same armed run (a retry path reached only
 * that way fails only with slab_fail_persist).  The counters are never
 * reset.  Up to SLAB_MAX_SITES - 1 sites are told apart; any further ones
 * are counted together, with pc NULL.
 *
 * Test bodies are told apart from what runs around them (set-up,
 * teardown): between slab_sites_body_begin(), which returns the body's
 * number, and slab_sites_body_end(), a site's first attempt sets @epoch to
 * that number and @first to its slab_alloc_count, and adds one to
 * @bodies, the number of bodies that reached the site.
 */
#define SLAB_MAX_SITES		512

struct slab_site {
	const void *pc;
	unsigned long attempts;
	unsigned long injected;
	unsigned long after_failure;
	unsigned long bodies;
	unsigned long epoch;
	unsigned long first;
};

unsigned long slab_sites_body_begin(void);
void slab_sites_body_end(void);

/* Copy up to @max sites to @sites, in no particular order; how many. */
unsigned int slab_sites(struct slab_site *sites, unsigned int max);

/*
 * A site's name for people: "function file:line" in the sanitizer builds,
 * else "vma+0xoffset", the address that 'addr2line -fi -e vma' takes.
 */
void slab_site_name(const void *pc, char *buf, size_t len);

/*
 * Set slab_alloc_count and slab_fail_at to 0, slab_fail_persist to false,
 * and switch the non_kernel
 * budget of every cache off again (non_kernel_enabled = false), dropping any
 * pending maple tree callback.  Callbacks and private pointers stay set.
 */
void slab_reset_fault_injection(void);

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
 * slab_reset_fault_injection() is called.  Caches start with the rule off.
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

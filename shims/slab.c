// SPDX-License-Identifier: GPL-2.0
/*
 * real: the kernel slab API declared in
 * tools/include/linux/slab.h (kmem_cache_*, sheaves, kmalloc, kfree).
 *
 * Differences from the kernel's own shim (tools/testing/shared/linux.c and
 * tools/lib/slab.c):
 *  - No object recycling.  Every object is a separate malloc() block of
 *    exactly the cache's size and alignment, and every free really calls
 *    free(), so ASan's quarantine and valgrind see use-after-free and
 *    out-of-bounds accesses on slab objects.  The constructor, if any, runs
 *    on every allocation.
 *  - Every allocation attempt goes through slab_should_fail(), which asks
 *    the fault injection (fault.h: counting, the armed failure, allocation
 *    sites) and applies the maple tree's non_kernel budget.  __GFP_NOFAIL
 *    is honoured.
 *  - All live objects are kept in a table (with hidden pointers, so leak
 *    checkers still see leaked objects as lost).  kfree() therefore works
 *    on objects of any cache, as in the kernel, and freeing an unknown or
 *    already freed pointer, or freeing an object to the wrong cache, is
 *    reported and aborts.
 *  - kmalloc() does not fail non-sleeping requests by itself, returns
 *    ZERO_SIZE_PTR for size 0 and aligns power-of-two sizes naturally.
 *  - Sheaves hold exactly the requested number of objects.
 *
 * Locking: one global mutex protects the object table, the cache list and
 * all counters; it is never held while calling a ctor, a maple tree
 * callback or the C allocator.  Objects may be freed from any thread
 * (e.g. liburcu's call_rcu thread).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/hash.h>
#include <linux/slab.h>

#include "fault.h"
#include "slab.h"

#include "asan.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/common_interface_defs.h>
#define SLAB_UNDER_ASAN		1
#else
#define SLAB_UNDER_ASAN		0
#endif

#if defined(__has_include)
#if __has_include("valgrind/valgrind.h")
#include <valgrind/valgrind.h>
#define SLAB_UNDER_VALGRIND	RUNNING_ON_VALGRIND
#endif
#endif
#ifndef SLAB_UNDER_VALGRIND
#define SLAB_UNDER_VALGRIND	0
#endif

#define SLAB_POISON_FREE	0x6b	/* POISON_FREE, linux/poison.h */
#define SLAB_MALLOC_ALIGN	16	/* what malloc() guarantees on x86-64 */
#define SLAB_CACHE_LINE		64
#define SLAB_PAGE_SIZE		4096
#define SLAB_KMALLOC_MAX	(1UL << 22)	/* KMALLOC_MAX_SIZE, 4 MiB */

/* The site of an allocation: where the entry point called returns to. */
#define SLAB_CALLER \
	__builtin_extract_return_addr(__builtin_return_address(0))

static pthread_mutex_t slab_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * Table of live objects: open addressing, linear probing, backward-shift
 * deletion.  The key is the bitwise complement of the object's address so
 * that the table does not make leaked objects look reachable; 0 marks an
 * empty slot.
 */
struct slab_obj {
	uintptr_t key;
	struct kmem_cache *cache;	/* NULL for kmalloc() memory */
	size_t size;
};

static struct slab_obj *slab_table;
static unsigned int slab_table_bits;
static unsigned long slab_nr_live;
static unsigned long slab_nr_kmalloc;

/* Caches that exist, with their names (struct kmem_cache has no name). */
struct slab_cache_info {
	struct kmem_cache *cache;
	char *name;
};

static struct slab_cache_info *slab_caches;
static unsigned int slab_nr_caches, slab_max_caches;

static const char *slab_cache_name(struct kmem_cache *c)
{
	unsigned int i;

	if (!c)
		return "kmalloc";
	for (i = 0; i < slab_nr_caches; i++)
		if (slab_caches[i].cache == c)
			return slab_caches[i].name;
	return "<unknown cache>";
}

static void __noreturn __printf(1, 2)
slab_bug(const char *fmt, ...)
{
	va_list ap;

	fputs("slab: BUG: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
#if SLAB_UNDER_ASAN
	__sanitizer_print_stack_trace();
#endif
	abort();
}

static inline uintptr_t slab_key(const void *p)
{
	return ~(uintptr_t)p;
}

static inline size_t slab_hash(uintptr_t key)
{
	return hash_64(key, slab_table_bits);
}

static inline size_t slab_table_mask(void)
{
	return ((size_t)1 << slab_table_bits) - 1;
}

static void slab_table_place(struct slab_obj *obj)
{
	size_t mask = slab_table_mask();
	size_t i = slab_hash(obj->key);

	while (slab_table[i].key)
		i = (i + 1) & mask;
	slab_table[i] = *obj;
}

static void slab_table_grow(void)
{
	struct slab_obj *old = slab_table;
	size_t i, old_size = old ? (size_t)1 << slab_table_bits : 0;

	slab_table_bits = old ? slab_table_bits + 1 : 10;
	slab_table = calloc((size_t)1 << slab_table_bits, sizeof(*slab_table));
	if (!slab_table)
		slab_bug("out of memory for the object table");
	for (i = 0; i < old_size; i++)
		if (old[i].key)
			slab_table_place(&old[i]);
	free(old);
}

/* Called with slab_lock held. */
static void slab_table_insert(void *p, struct kmem_cache *c, size_t size)
{
	struct slab_obj obj = { .key = slab_key(p), .cache = c, .size = size };

	if (!slab_table || (slab_nr_live + 1) * 2 > ((size_t)1 << slab_table_bits))
		slab_table_grow();
	slab_table_place(&obj);
	slab_nr_live++;
	if (c) {
		c->nr_allocated++;
		c->nr_tallocated++;
	} else {
		slab_nr_kmalloc++;
	}
}

/* Called with slab_lock held.  Returns NULL if @p is not a live object. */
static struct slab_obj *slab_table_find(const void *p)
{
	uintptr_t key = slab_key(p);
	size_t mask, i;

	if (!slab_table)
		return NULL;
	mask = slab_table_mask();
	for (i = slab_hash(key); slab_table[i].key; i = (i + 1) & mask)
		if (slab_table[i].key == key)
			return &slab_table[i];
	return NULL;
}

/* Called with slab_lock held; @obj was returned by slab_table_find(). */
static void slab_table_remove(struct slab_obj *obj)
{
	size_t mask = slab_table_mask();
	size_t hole = obj - slab_table, i = hole, home;

	if (obj->cache)
		obj->cache->nr_allocated--;
	else
		slab_nr_kmalloc--;
	slab_nr_live--;

	for (;;) {
		i = (i + 1) & mask;
		if (!slab_table[i].key)
			break;
		home = slab_hash(slab_table[i].key);
		/* Move the entry into the hole unless its home is in (hole, i]. */
		if (hole <= i ? (home <= hole || home > i)
			      : (home <= hole && home > i)) {
			slab_table[hole] = slab_table[i];
			hole = i;
		}
	}
	slab_table[hole].key = 0;
}

/*
 * Every allocation attempt; called with slab_lock held.  @c is NULL for
 * kmalloc(); @pc is the attempt's site.
 *
 * The fault injection (fault.h) counts the attempt and says whether the
 * armed failure fails it.  Then the cache's non_kernel budget, if the
 * cache has the rule enabled and the gfp does not allow direct reclaim:
 * once it is used up the attempt fails; it is consumed only by
 * non-sleeping attempts that succeed.  __GFP_NOFAIL attempts never fail,
 * as in the kernel.
 */
static bool slab_should_fail(struct kmem_cache *c, gfp_t gfp, const void *pc)
{
	bool fail, budget;

	fail = fault_should_fail(pc, gfp & __GFP_NOFAIL);
	if (gfp & __GFP_NOFAIL)
		return false;
	budget = c && c->non_kernel_enabled && !(gfp & __GFP_DIRECT_RECLAIM);
	if (budget) {
		if (!c->non_kernel)
			fail = true;
		else if (!fail)
			c->non_kernel--;
	}

	if (fail && c && c->callback)
		c->exec_callback = true;
	return fail;
}

static bool slab_try(struct kmem_cache *c, gfp_t gfp, const void *pc)
{
	bool fail;

	pthread_mutex_lock(&slab_lock);
	fail = slab_should_fail(c, gfp, pc);
	pthread_mutex_unlock(&slab_lock);
	return !fail;
}

/* Run the maple tree callback armed by an earlier injected failure. */
static void slab_run_callback(struct kmem_cache *c)
{
	void (*callback)(void *) = NULL;
	void *private = NULL;

	pthread_mutex_lock(&slab_lock);
	if (c->exec_callback) {
		c->exec_callback = false;
		callback = c->callback;
		private = c->private;
	}
	pthread_mutex_unlock(&slab_lock);

	if (callback)
		callback(private);
}

static void *slab_malloc(size_t size, size_t align)
{
	void *p;

	if (align <= SLAB_MALLOC_ALIGN)
		return malloc(size);
	if (posix_memalign(&p, align, size))
		return NULL;
	return p;
}

/* Allocate and construct one object; not yet in the table. */
static void *slab_new_object(struct kmem_cache *c, gfp_t gfp, const void *pc)
{
	void *p;

	if (!slab_try(c, gfp, pc))
		return NULL;

	p = slab_malloc(c->size, c->align);
	if (!p) {
		if (gfp & __GFP_NOFAIL)
			slab_bug("out of memory in a __GFP_NOFAIL allocation");
		return NULL;
	}

	if (gfp & __GFP_ZERO)
		memset(p, 0, c->size);
	else if (c->ctor)
		c->ctor(p);
	return p;
}

static void slab_poison_and_free(void *p, size_t size)
{
	memset(p, SLAB_POISON_FREE, size);
	free(p);
}

/*
 * @p is not a live object.  Let ASan or valgrind describe it (they know
 * whether it was freed already and where), then abort.
 */
static void __noreturn
slab_bad_free(const char *func, struct kmem_cache *c, void *p)
{
	fprintf(stderr,
		"slab: BUG: %s(%s, %p): not a live object (double free, or not allocated by the slab shim)\n",
		func, slab_cache_name(c), p);
	if (SLAB_UNDER_ASAN || SLAB_UNDER_VALGRIND)
		free(p);
	slab_bug("%s: bad free", func);
}

static void slab_free_object(const char *func, struct kmem_cache *c, void *p,
			     bool any_cache)
{
	struct slab_obj *obj;
	size_t size;

	pthread_mutex_lock(&slab_lock);
	obj = slab_table_find(p);
	if (!obj) {
		pthread_mutex_unlock(&slab_lock);
		slab_bad_free(func, c, p);
	}
	if (!any_cache && obj->cache != c) {
		if (obj->cache)
			slab_bug("%s(%s, %p): object belongs to cache %s",
				 func, slab_cache_name(c), p,
				 slab_cache_name(obj->cache));
		slab_bug("%s(%s, %p): object was allocated by kmalloc(%zu)",
			 func, slab_cache_name(c), p, obj->size);
	}
	size = obj->size;
	slab_table_remove(obj);
	pthread_mutex_unlock(&slab_lock);

	slab_poison_and_free(p, size);
}

static unsigned int slab_calc_align(unsigned int size, unsigned int align,
				    unsigned int flags)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int line = SLAB_CACHE_LINE;

		while (size <= line / 2)
			line /= 2;
		if (line > align)
			align = line;
	}
	if (align < sizeof(void *))
		align = sizeof(void *);
	if (align & (align - 1))
		slab_bug("cache alignment %u is not a power of two", align);
	return align;
}

struct kmem_cache *
__kmem_cache_create_args(const char *name, unsigned int size,
			 struct kmem_cache_args *args, unsigned int flags)
{
	struct kmem_cache *c;
	char *cname;

	if (!size)
		slab_bug("kmem_cache_create(%s): object size 0", name);

	c = calloc(1, sizeof(*c));
	cname = strdup(name ? name : "<unnamed>");
	if (!c || !cname)
		slab_bug("kmem_cache_create(%s): out of memory", name);

	pthread_mutex_init(&c->lock, NULL);
	c->size = size;
	c->align = slab_calc_align(size, args ? args->align : 0, flags);
	c->sheaf_capacity = args ? args->sheaf_capacity : 0;
	c->ctor = args ? args->ctor : NULL;

	pthread_mutex_lock(&slab_lock);
	if (slab_nr_caches == slab_max_caches) {
		unsigned int max = slab_max_caches ? slab_max_caches * 2 : 16;
		struct slab_cache_info *caches;

		caches = realloc(slab_caches, max * sizeof(*caches));
		if (!caches)
			slab_bug("kmem_cache_create(%s): out of memory", name);
		slab_caches = caches;
		slab_max_caches = max;
	}
	slab_caches[slab_nr_caches].cache = c;
	slab_caches[slab_nr_caches].name = cname;
	slab_nr_caches++;
	pthread_mutex_unlock(&slab_lock);

	return c;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned int i;

	if (!s)
		return;

	pthread_mutex_lock(&slab_lock);
	for (i = 0; i < slab_nr_caches; i++)
		if (slab_caches[i].cache == s)
			break;
	if (i == slab_nr_caches)
		slab_bug("%s(%p): unknown cache", __func__, s);
	if (s->nr_allocated) {
		fprintf(stderr,
			"slab: WARNING: %s(%s): %lu objects remaining, cache not destroyed\n",
			__func__, slab_caches[i].name, s->nr_allocated);
		pthread_mutex_unlock(&slab_lock);
		return;
	}
	free(slab_caches[i].name);
	slab_caches[i] = slab_caches[--slab_nr_caches];
	pthread_mutex_unlock(&slab_lock);

	pthread_mutex_destroy(&s->lock);
	free(s);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	return 0;
}

bool slab_is_available(void)
{
	return true;
}

void *kmem_cache_alloc_lru(struct kmem_cache *cachep, struct list_lru *lru,
			   int flags)
{
	gfp_t gfp = (gfp_t)flags;
	void *p;

	slab_run_callback(cachep);
	p = slab_new_object(cachep, gfp, SLAB_CALLER);
	if (!p)
		return NULL;

	pthread_mutex_lock(&slab_lock);
	slab_table_insert(p, cachep, cachep->size);
	pthread_mutex_unlock(&slab_lock);
	return p;
}

void kmem_cache_free(struct kmem_cache *cachep, void *objp)
{
	if (!cachep || !objp)
		slab_bug("%s(%p, %p): NULL argument", __func__, cachep, objp);
	slab_free_object(__func__, cachep, objp, false);
}

/* All or nothing; nothing is in the table until every object exists. */
static bool slab_alloc_bulk(struct kmem_cache *c, gfp_t gfp, size_t size,
			    void **list, const void *pc)
{
	size_t i;

	for (i = 0; i < size; i++) {
		list[i] = slab_new_object(c, gfp, pc);
		if (!list[i])
			break;
	}

	if (i < size) {
		while (i--) {
			free(list[i]);
			list[i] = NULL;
		}
		return false;
	}

	pthread_mutex_lock(&slab_lock);
	for (i = 0; i < size; i++)
		slab_table_insert(list[i], c, c->size);
	pthread_mutex_unlock(&slab_lock);
	return true;
}

bool kmem_cache_alloc_bulk(struct kmem_cache *cachep, gfp_t gfp, size_t size,
			   void **list)
{
	slab_run_callback(cachep);
	return slab_alloc_bulk(cachep, gfp, size, list, SLAB_CALLER);
}

/* As in the kernel, a NULL cache means "whatever cache each object is in". */
void kmem_cache_free_bulk(struct kmem_cache *cachep, size_t size, void **list)
{
	size_t i;

	for (i = 0; i < size; i++) {
		if (!list[i])
			slab_bug("%s(%s): NULL object at index %zu", __func__,
				 slab_cache_name(cachep), i);
		slab_free_object(__func__, cachep, list[i], !cachep);
	}
}

static struct slab_sheaf *slab_prefill(struct kmem_cache *s, gfp_t gfp,
				       unsigned int size, const void *pc)
{
	unsigned int capacity = size > s->sheaf_capacity ? size : s->sheaf_capacity;
	struct slab_sheaf *sheaf;

	/* Like the kernel: an empty prefill request is a failure. */
	if (!size)
		return NULL;

	sheaf = calloc(1, sizeof(*sheaf) + capacity * sizeof(void *));
	if (!sheaf)
		return NULL;
	sheaf->cache = s;
	sheaf->capacity = capacity;

	if (!slab_alloc_bulk(s, gfp, size, sheaf->objects, pc)) {
		free(sheaf);
		return NULL;
	}
	sheaf->size = size;
	return sheaf;
}

struct slab_sheaf *
kmem_cache_prefill_sheaf(struct kmem_cache *s, gfp_t gfp, unsigned int size)
{
	slab_run_callback(s);
	return slab_prefill(s, gfp, size, SLAB_CALLER);
}

static void slab_check_sheaf(const char *func, struct kmem_cache *s,
			     struct slab_sheaf *sheaf)
{
	if (!sheaf)
		slab_bug("%s(%s): NULL sheaf", func, slab_cache_name(s));
	if (sheaf->cache != s)
		slab_bug("%s(%s): sheaf belongs to cache %s", func,
			 slab_cache_name(s), slab_cache_name(sheaf->cache));
	if (sheaf->size > sheaf->capacity)
		slab_bug("%s(%s): corrupted sheaf (size %u > capacity %u)",
			 func, slab_cache_name(s), sheaf->size, sheaf->capacity);
}

void kmem_cache_return_sheaf(struct kmem_cache *s, gfp_t gfp,
			     struct slab_sheaf *sheaf)
{
	slab_check_sheaf(__func__, s, sheaf);
	kmem_cache_free_bulk(s, sheaf->size, sheaf->objects);
	free(sheaf);
}

int kmem_cache_refill_sheaf(struct kmem_cache *s, gfp_t gfp,
			    struct slab_sheaf **sheafp, unsigned int size)
{
	struct slab_sheaf *sheaf;

	if (!sheafp || !*sheafp)
		return -EINVAL;
	sheaf = *sheafp;
	slab_check_sheaf(__func__, s, sheaf);
	if (sheaf->size >= size)
		return 0;

	slab_run_callback(s);
	if (size <= sheaf->capacity) {
		if (!slab_alloc_bulk(s, gfp, size - sheaf->size,
				     &sheaf->objects[sheaf->size], SLAB_CALLER))
			return -ENOMEM;
		sheaf->size = size;
		return 0;
	}

	/* Needs a bigger sheaf; the old one is kept if that fails. */
	sheaf = slab_prefill(s, gfp, size, SLAB_CALLER);
	if (!sheaf)
		return -ENOMEM;
	kmem_cache_return_sheaf(s, gfp, *sheafp);
	*sheafp = sheaf;
	return 0;
}

/* Never fails while the sheaf has objects; they were counted at prefill. */
void *kmem_cache_alloc_from_sheaf(struct kmem_cache *s, gfp_t gfp,
				  struct slab_sheaf *sheaf)
{
	void *p;

	slab_check_sheaf(__func__, s, sheaf);
	if (!sheaf->size)
		return NULL;

	p = sheaf->objects[--sheaf->size];
	sheaf->objects[sheaf->size] = NULL;
	if (gfp & __GFP_ZERO)
		memset(p, 0, s->size);
	return p;
}

static void *slab_kmalloc(size_t size, gfp_t gfp, const void *pc)
{
	size_t align = SLAB_MALLOC_ALIGN;
	void *p;

	if (!size)
		return ZERO_SIZE_PTR;
	if (!slab_try(NULL, gfp, pc))
		return NULL;
	if (size > SLAB_KMALLOC_MAX) {
		if (gfp & __GFP_NOFAIL)
			slab_bug("%s(%zu, __GFP_NOFAIL): too large", __func__,
				 size);
		return NULL;
	}

	/* The kernel aligns power-of-two sizes naturally (up to a page). */
	if (!(size & (size - 1)))
		align = size < SLAB_PAGE_SIZE ? size : SLAB_PAGE_SIZE;
	p = slab_malloc(size, align);
	if (!p) {
		if (gfp & __GFP_NOFAIL)
			slab_bug("%s(%zu, __GFP_NOFAIL): out of memory",
				 __func__, size);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);

	pthread_mutex_lock(&slab_lock);
	slab_table_insert(p, NULL, size);
	pthread_mutex_unlock(&slab_lock);
	return p;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	return slab_kmalloc(size, gfp, SLAB_CALLER);
}

void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return slab_kmalloc(bytes, gfp, SLAB_CALLER);
}

/* Like the kernel, kfree() accepts objects of any kmem_cache too. */
void kfree(void *p)
{
	if (!p || p == ZERO_SIZE_PTR)
		return;
	slab_free_object(__func__, NULL, p, true);
}

void kmem_cache_set_non_kernel(struct kmem_cache *cachep, unsigned int val)
{
	pthread_mutex_lock(&slab_lock);
	cachep->non_kernel = val;
	cachep->non_kernel_enabled = true;
	pthread_mutex_unlock(&slab_lock);
}

void kmem_cache_set_callback(struct kmem_cache *cachep,
			     void (*callback)(void *))
{
	pthread_mutex_lock(&slab_lock);
	cachep->callback = callback;
	pthread_mutex_unlock(&slab_lock);
}

void kmem_cache_set_private(struct kmem_cache *cachep, void *private)
{
	pthread_mutex_lock(&slab_lock);
	cachep->private = private;
	pthread_mutex_unlock(&slab_lock);
}

unsigned long kmem_cache_get_alloc(struct kmem_cache *cachep)
{
	unsigned long bytes;

	pthread_mutex_lock(&slab_lock);
	bytes = (unsigned long)cachep->size * cachep->nr_allocated;
	pthread_mutex_unlock(&slab_lock);
	return bytes;
}

void kmem_cache_zero_nr_tallocated(struct kmem_cache *cachep)
{
	pthread_mutex_lock(&slab_lock);
	cachep->nr_tallocated = 0;
	pthread_mutex_unlock(&slab_lock);
}

unsigned int kmem_cache_nr_tallocated(struct kmem_cache *cachep)
{
	unsigned long nr;

	pthread_mutex_lock(&slab_lock);
	nr = cachep->nr_tallocated;
	pthread_mutex_unlock(&slab_lock);
	return nr;
}

unsigned int kmem_cache_nr_allocated(struct kmem_cache *cachep)
{
	unsigned long nr;

	pthread_mutex_lock(&slab_lock);
	nr = cachep->nr_allocated;
	pthread_mutex_unlock(&slab_lock);
	return nr;
}

void slab_reset_budgets(void)
{
	unsigned int i;

	pthread_mutex_lock(&slab_lock);
	for (i = 0; i < slab_nr_caches; i++) {
		struct kmem_cache *c = slab_caches[i].cache;

		c->non_kernel_enabled = false;
		c->non_kernel = 0;
		c->exec_callback = false;
	}
	pthread_mutex_unlock(&slab_lock);
}

unsigned long slab_live_objects(void)
{
	unsigned long nr;

	pthread_mutex_lock(&slab_lock);
	nr = slab_nr_live;
	pthread_mutex_unlock(&slab_lock);
	return nr;
}

unsigned long slab_dump_live(FILE *f)
{
	unsigned long nr;
	unsigned int i;

	pthread_mutex_lock(&slab_lock);
	nr = slab_nr_live;
	fprintf(f, "slab: %lu live objects\n", nr);
	for (i = 0; i < slab_nr_caches; i++)
		if (slab_caches[i].cache->nr_allocated)
			fprintf(f, "slab:   %-24s %lu x %u bytes\n",
				slab_caches[i].name,
				slab_caches[i].cache->nr_allocated,
				slab_caches[i].cache->size);
	if (slab_nr_kmalloc)
		fprintf(f, "slab:   %-24s %lu\n", "kmalloc", slab_nr_kmalloc);
	pthread_mutex_unlock(&slab_lock);
	return nr;
}

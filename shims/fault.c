// SPDX-License-Identifier: GPL-2.0
/*
 * real: allocation fault injection (fault.h): the count of attempts, the
 * one failure decision, the allocation sites and their names.
 *
 * One mutex protects everything; the slab shim calls in with its own lock
 * held (slab lock, then this one; nothing here calls the slab shim).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>

#include <linux/hash.h>

#include "fault.h"

#include "asan.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/common_interface_defs.h>
#endif

static pthread_mutex_t fault_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned long fault_attempts;	/* since fault_arm()/fault_reset() */
static unsigned long fault_nth;		/* the attempt that fails, 0: none */
static bool fault_persist;

/*
 * Allocation sites, keyed by return address: open addressing, linear
 * probing, never deleted.  The suite reaches about ten; once all but one
 * slot are taken, further sites are counted together in site_overflow
 * (pc NULL).
 */
#define FAULT_SITE_BITS		9
#if (1U << FAULT_SITE_BITS) != FAULT_MAX_SITES
#error "FAULT_SITE_BITS does not match FAULT_MAX_SITES (fault.h)"
#endif

static struct fault_site site_table[FAULT_MAX_SITES];
static unsigned int nr_sites;
static struct fault_site site_overflow;
/* the test body being run (fault_body_begin()), 0 outside one */
static unsigned long site_epoch, site_epochs;

/* Called with fault_lock held. */
static struct fault_site *site_get(const void *pc)
{
	size_t i = hash_64((uintptr_t)pc, FAULT_SITE_BITS);
	unsigned int probes;

	for (probes = 0; probes < FAULT_MAX_SITES; probes++) {
		struct fault_site *site = &site_table[i];

		if (site->pc == pc)
			return site;
		if (!site->pc && nr_sites < FAULT_MAX_SITES - 1) {
			site->pc = pc;
			nr_sites++;
			return site;
		}
		i = (i + 1) & (FAULT_MAX_SITES - 1);
	}
	return &site_overflow;
}

bool fault_should_fail(const void *pc, bool nofail)
{
	struct fault_site *site;
	bool fail;

	pthread_mutex_lock(&fault_lock);
	site = site_get(pc);
	fault_attempts++;
	site->attempts++;
	if (site_epoch && site->epoch != site_epoch) {
		site->epoch = site_epoch;
		site->first = fault_attempts;
		site->bodies++;
	}
	if (fault_nth && fault_attempts > fault_nth)
		site->after_failure++;
	fail = !nofail && fault_nth &&
	       (fault_attempts == fault_nth ||
		(fault_persist && fault_attempts > fault_nth));
	if (fail)
		site->injected++;
	pthread_mutex_unlock(&fault_lock);
	return fail;
}

void fault_arm(unsigned long nth, bool persist)
{
	pthread_mutex_lock(&fault_lock);
	fault_attempts = 0;
	fault_nth = nth;
	fault_persist = persist;
	pthread_mutex_unlock(&fault_lock);
}

void fault_reset(void)
{
	fault_arm(0, false);
}

unsigned long fault_count(void)
{
	unsigned long n;

	pthread_mutex_lock(&fault_lock);
	n = fault_attempts;
	pthread_mutex_unlock(&fault_lock);
	return n;
}

unsigned long fault_armed(void)
{
	unsigned long n;

	pthread_mutex_lock(&fault_lock);
	n = fault_nth;
	pthread_mutex_unlock(&fault_lock);
	return n;
}

unsigned long fault_body_begin(void)
{
	unsigned long epoch;

	pthread_mutex_lock(&fault_lock);
	epoch = site_epoch = ++site_epochs;
	pthread_mutex_unlock(&fault_lock);
	return epoch;
}

void fault_body_end(void)
{
	pthread_mutex_lock(&fault_lock);
	site_epoch = 0;
	pthread_mutex_unlock(&fault_lock);
}

unsigned int fault_sites(struct fault_site *sites, unsigned int max)
{
	unsigned int i, nr = 0;

	pthread_mutex_lock(&fault_lock);
	for (i = 0; i < FAULT_MAX_SITES && nr < max; i++)
		if (site_table[i].pc)
			sites[nr++] = site_table[i];
	if (site_overflow.attempts && nr < max)
		sites[nr++] = site_overflow;
	pthread_mutex_unlock(&fault_lock);
	return nr;
}

void fault_sites_forget(void)
{
	pthread_mutex_lock(&fault_lock);
	memset(site_table, 0, sizeof(site_table));
	memset(&site_overflow, 0, sizeof(site_overflow));
	nr_sites = 0;
	pthread_mutex_unlock(&fault_lock);
}

void fault_sites_add(const struct fault_site *sites, unsigned int nr)
{
	unsigned int i;

	pthread_mutex_lock(&fault_lock);
	for (i = 0; i < nr; i++) {
		struct fault_site *site = sites[i].pc ? site_get(sites[i].pc) :
						       &site_overflow;

		site->attempts += sites[i].attempts;
		site->injected += sites[i].injected;
		site->after_failure += sites[i].after_failure;
		site->bodies += sites[i].bodies;
	}
	pthread_mutex_unlock(&fault_lock);
}

/* The start of the executable's image, from the linker (GNU ld, lld). */
extern const char __executable_start[];

#ifdef __SANITIZE_ADDRESS__
/* "file:line" shortened to its last two components: "mm/vma_init.c:36". */
static const char *short_file(const char *file)
{
	const char *p, *last = NULL, *before = NULL;

	for (p = file; *p; p++)
		if (*p == '/') {
			before = last;
			last = p;
		}
	return before ? before + 1 : file;
}

/*
 * The sanitizer runtime writes the frames of @call's inline chain, each
 * "function file:line", innermost first, separated by NULs, ended by an
 * empty one.  The site is the first frame outside the slab API's own
 * inline wrappers (linux/slab.h: kmem_cache_alloc(), kzalloc(), ...); the
 * function it was inlined in, if any, is the outermost frame.
 */
static bool symbolize(const char *call, char *buf, size_t len)
{
	static char frames[4096];
	const char *site = NULL, *outer = NULL, *f, *file;
	char func[128];

	frames[0] = frames[1] = 0;
	__sanitizer_symbolize_pc((void *)call, "%f %L", frames,
				 sizeof(frames) - 1);
	frames[sizeof(frames) - 1] = 0;
	for (f = frames; *f; f += strlen(f) + 1) {
		if (!site && !strstr(f, "/linux/slab.h:"))
			site = f;
		else if (site)
			outer = f;
	}
	if (!site || !strncmp(site, "<null>", 6))
		return false;

	file = strchr(site, ' ');
	snprintf(func, sizeof(func), "%.*s", file ? (int)(file - site) : 0, site);
	if (outer && strchr(outer, ' '))
		snprintf(buf, len, "%s %s (in %.*s)", func,
			 file ? short_file(file + 1) : "?",
			 (int)(strchr(outer, ' ') - outer), outer);
	else
		snprintf(buf, len, "%s %s", func,
			 file ? short_file(file + 1) : "?");
	return true;
}
#endif

void fault_site_name(const void *pc, char *buf, size_t len)
{
	const char *call = (const char *)pc - 1;	/* the call itself */

	if (!pc) {
		snprintf(buf, len, "(other sites)");
		return;
	}
#ifdef __SANITIZE_ADDRESS__
	if (symbolize(call, buf, len))
		return;
#endif
	snprintf(buf, len, "vma+%#lx", (unsigned long)(call - __executable_start));
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation fault injection: real userspace implementation (shims/fault.c).
 *
 * Every allocation attempt the slab shim sees (kmem_cache_alloc*, each
 * object of a bulk allocation or a sheaf prefill/refill, kmalloc and
 * friends) asks fault_should_fail() whether to fail; nothing else decides.
 * The answer depends on one armed failure:
 *
 *	fault_arm(nth, persist)	attempt number nth, counted from this call,
 *				fails (0: none); with persist, every later
 *				attempt fails too (memory that stays short,
 *				which a retry does not cure)
 *	fault_reset()		nothing armed, the count back to 0
 *
 * __GFP_NOFAIL attempts are counted but never failed.  The maple tree's own
 * non_kernel budget (shims/slab.h) is applied by the slab shim on top of
 * this decision.
 *
 * Every attempt is also counted against its allocation site: the address
 * the slab entry point returns to, i.e. the call in the code that
 * allocates.  The site counters are never reset.  Test bodies are told
 * apart from what runs around them (set-up, teardown): between
 * fault_body_begin() and fault_body_end() a site's first attempt records
 * the body's number (@epoch) and the attempt's number (@first), and adds
 * one to @bodies.
 */
#ifndef _VMA_SHIMS_FAULT_H
#define _VMA_SHIMS_FAULT_H

#include <stdbool.h>
#include <stddef.h>

/* The decision, for the slab shim: fail this attempt, made at @pc? */
bool fault_should_fail(const void *pc, bool nofail);

void fault_arm(unsigned long nth, bool persist);
void fault_reset(void);

/* Attempts since the last fault_arm() or fault_reset(). */
unsigned long fault_count(void);
/* The armed attempt (0: none). */
unsigned long fault_armed(void);

#define FAULT_MAX_SITES		512

struct fault_site {
	const void *pc;			/* NULL: the sites beyond the table */
	unsigned long attempts;
	unsigned long injected;		/* failed by the armed failure */
	unsigned long after_failure;	/* made after the armed one, same arming */
	unsigned long bodies;		/* test bodies that reached it */
	unsigned long epoch;		/* the last of them */
	unsigned long first;		/* its first attempt in that body */
};

/* The body about to run: its number, for fault_site.epoch. */
unsigned long fault_body_begin(void);
void fault_body_end(void);

/* Copy up to @max sites to @sites, in no particular order; how many. */
unsigned int fault_sites(struct fault_site *sites, unsigned int max);

/*
 * For a test run in a child process: forget the sites' counters (the
 * child's table then holds what it did, fault_sites() copies it out), and
 * add a child's counters to this process's table.
 */
void fault_sites_forget(void);
void fault_sites_add(const struct fault_site *sites, unsigned int nr);

/*
 * A site's name for people: "function file:line" in the sanitizer builds,
 * else "vma+0xoffset", the address that 'addr2line -fi -e vma' takes.
 */
void fault_site_name(const void *pc, char *buf, size_t len);

#endif /* _VMA_SHIMS_FAULT_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * Deferred freeing for the maple tree.
 * real: a queue run at each barrier.
 *
 * lib/maple_tree.c frees nodes of an RCU-mode tree (the mm's) through
 * call_rcu().  liburcu's call_rcu worker sleeps 10 ms between batches, so
 * an rcu_barrier() per test cost more than the tests.  The harness has no
 * concurrent readers: a callback may run at any point after call_rcu(),
 * and running them all at vma_rcu_barrier() -- at the latest when the
 * test's teardown checks for leaks -- keeps every freed node alive at
 * least as long as a real grace period would.
 */
#include <urcu.h>

#include "rcu.h"

/* queued callbacks, linked through the rcu_head's own queue node */
static struct rcu_head *queue;
static struct rcu_head **tail = &queue;
static unsigned long pending;

void vma_call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head))
{
	head->func = func;
	head->next.next = NULL;
	*tail = head;
	tail = (struct rcu_head **)&head->next.next;
	pending++;
}

void vma_rcu_barrier(void)
{
	while (queue) {
		struct rcu_head *head = queue;

		queue = (struct rcu_head *)head->next.next;
		if (!queue)
			tail = &queue;
		pending--;
		head->func(head);	/* may queue more: the loop takes them */
	}
}

unsigned long vma_rcu_pending(void)
{
	return pending;
}

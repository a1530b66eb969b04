/* SPDX-License-Identifier: GPL-2.0 */
/* Deferred callbacks of the maple tree (shims/rcu.c). */
#ifndef _VMA_SHIMS_RCU_H
#define _VMA_SHIMS_RCU_H

struct rcu_head;

void vma_call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
/* run every queued callback, including those the callbacks queue */
void vma_rcu_barrier(void);
unsigned long vma_rcu_pending(void);

#endif /* _VMA_SHIMS_RCU_H */
